"""Projects of implementing organisations (issue #16), end to end through the console: an
organisation that applied and was approved writes a project, sends it for review, an operator
sends it back, it is corrected and approved (open for funding); the admins hear each decision
by chat; another organisation cannot see or edit it; bad input is refused with a sentence."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import select

from jobs.conversations import start_due_flows
from jobs.matching import load_open
from jobs.projects import send_project_updates
from matcher.allocate import Params, pair_value
from storage.models import (
    AuditEntry,
    Match,
    Pledge,
    PledgeStatus,
    Project,
    ProjectDigest,
    ProjectFunding,
    ProjectStatus,
)
from tests.e2e.test_media import CAMERA, photo
from tests.e2e.test_organisations import application_link, apply, form, operator
from tests.support.chat import file_case, pushed_texts, run_worker
from tests.support.console import sign_in
from tests.support.wechat import WeChatUser
from tests.unit.test_allocate import lp_optimum


def plan(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": "通渭县青年电焊技能培训",
        "need_type": "employment",
        "places": "甘肃定西通渭县",
        "people_served": "40",
        "budget": "讲师补贴 12000\n焊机租赁：八千\n场地 3000",
        "starts_on": "2027-03-01",
        "ends_on": "2027-06-30",
        "goals": "40 人完成培训\n30 人取得焊工证并就业",
    }
    return values | changes


def approved_admin(
    app: Flask, household: WeChatUser, staff: WeChatUser, openid: str, **changes: Any
) -> WeChatUser:
    """An applicant whose organisation the operator approved: now its admin."""
    admin = household.other(openid)
    apply(app.test_client(), application_link(admin), form(**changes))
    console = sign_in(app.test_client(), staff)
    listing = console.get("/console/applications").get_data(as_text=True)
    newest = int(listing.split("/console/applications/")[1].split('"')[0])
    console.get(f"/console/applications/{newest}")
    assert console.post(f"/console/applications/{newest}/approve").status_code == 302
    return admin


def projects(app: Flask) -> list[Project]:
    with app.extensions["zhulian"].services.db.session() as db:
        return list(db.scalars(select(Project).order_by(Project.id)))


def test_a_project_is_written_sent_back_corrected_and_approved(
    app: Flask, household: WeChatUser, runner: FlaskCliRunner, redis_url: str
) -> None:
    staff = operator(household, runner)
    admin = approved_admin(app, household, staff, "o_admin_dingxi")
    mine = sign_in(app.test_client(), admin)
    mine.get("/console/projects/new")
    saved = mine.post("/console/projects/new", plan())
    assert saved.status_code == 302
    [project] = projects(app)
    assert (project.status, project.budget_yuan) == (ProjectStatus.DRAFT, 23000)
    assert project.budget_lines[1] == {"item": "焊机租赁", "yuan": 8000}
    assert project.region_codes == ["621121"] and len(project.goals) == 2
    path = f"/console/projects/{project.id}"
    mine.get(path)
    mine.post(f"{path}/submit")
    assert projects(app)[0].status == ProjectStatus.UNDER_REVIEW
    run_worker(redis_url)
    assert any(project.number in text for text in pushed_texts(staff))
    review = sign_in(app.test_client(), staff)
    review.get(path)
    review.post(f"{path}/back", {"reason": "请写明焊工证由哪个机构发"})
    assert projects(app)[0].status == ProjectStatus.DRAFT
    run_worker(redis_url)
    assert any("请写明焊工证由哪个机构发" in text for text in pushed_texts(admin))
    mine.get(f"{path}/edit")
    goals = "40 人完成培训\n30 人取得人社局焊工证并就业"
    assert mine.post(f"{path}/edit", plan(goals=goals)).status_code == 302
    mine.get(path)
    mine.post(f"{path}/submit")
    review.get(path)
    review.post(f"{path}/approve")
    [project] = projects(app)
    assert project.status == ProjectStatus.OPEN and project.approved_at is not None
    assert "人社局" in project.goals[1]
    run_worker(redis_url)
    assert any("开始筹款" in text for text in pushed_texts(admin))
    with app.extensions["zhulian"].services.db.session() as db:
        actions = list(
            db.scalars(select(AuditEntry.action).where(AuditEntry.target_type == "project"))
        )
    assert actions[:3] == ["project.drafted", "project.under_review", "project.draft"]
    assert actions[-1] == "project.open"


def test_another_organisation_cannot_see_or_edit_it_and_bad_input_is_refused(
    app: Flask, household: WeChatUser, runner: FlaskCliRunner, dingxi_worker: WeChatUser
) -> None:
    staff = operator(household, runner)
    admin = approved_admin(app, household, staff, "o_admin_dingxi")
    other = approved_admin(
        app,
        household,
        staff,
        "o_admin_other",
        name="昭通乐善社工站",
        credit_code="51621100501234567A",
    )
    mine = sign_in(app.test_client(), admin)
    mine.get("/console/projects/new")
    refusals = [
        (plan(budget="很多钱"), "预算这一行看不懂"),
        (plan(places="火星县"), "没有找到地区“火星县”"),
        (plan(ends_on="2027-01-01"), "结束日期不能早于开始日期"),
        (plan(goals="   "), "请写目标"),
        (plan(people_served="0"), "请填受益人数"),
        (plan(need_type=""), "请选择项目类别"),  # none preselected
    ]
    for values, says in refusals:
        refused = mine.post("/console/projects/new", values)
        assert refused.status_code == 400 and says in refused.get_data(as_text=True), says
    assert projects(app) == []
    mine.post("/console/projects/new", plan())
    [project] = projects(app)
    path = f"/console/projects/{project.id}"
    theirs = sign_in(app.test_client(), other)
    assert theirs.get(path).status_code == 404
    assert theirs.get(f"{path}/edit").status_code == 404
    theirs.get("/console/projects")
    assert theirs.post(f"{path}/edit", plan(title="改掉")).status_code == 404
    assert theirs.post(f"{path}/submit").status_code == 404
    assert project.number not in theirs.get("/console/projects").get_data(as_text=True)
    worker = sign_in(app.test_client(), dingxi_worker)  # another organisation's worker
    assert worker.get(path).status_code == 404
    assert worker.get("/console/projects/new").status_code == 404
    forged = mine.client.post(f"{path}/submit")  # no CSRF token
    assert forged.status_code == 400
    assert projects(app)[0].title == "通渭县青年电焊技能培训"
    assert projects(app)[0].status == ProjectStatus.DRAFT


def open_project(app: Flask, admin: WeChatUser, staff: WeChatUser, **changes: Any) -> int:
    """A project written by the admin and approved by the operator: open for funding."""
    mine = sign_in(app.test_client(), admin)
    mine.get("/console/projects/new")
    mine.post("/console/projects/new", plan(**changes))
    project_id = projects(app)[-1].id
    mine.get(f"/console/projects/{project_id}")
    mine.post(f"/console/projects/{project_id}/submit")
    review = sign_in(app.test_client(), staff)
    review.get(f"/console/projects/{project_id}")
    review.post(f"/console/projects/{project_id}/approve")
    return project_id


def test_a_flexible_pledge_goes_partly_to_a_project_and_partly_to_a_case_optimally(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    runner: FlaskCliRunner,
    redis_url: str,
) -> None:
    staff = operator(household, runner)
    admin = approved_admin(app, household, staff, "o_admin_dingxi")
    project_id = open_project(app, admin, staff)  # 23,000 yuan for 40 people
    case = file_case(household)  # 20,000 yuan for an operation
    assert "已核实" in dingxi_worker.say(f"核实 {case}")
    donor.conversation("我想捐三万", "不限", "不限", "匿名", "不留", "确认")
    with app.extensions["zhulian"].services.db.session() as db:
        needs, pledges, declined = load_open(db)  # what the matcher will see
    run_worker(redis_url)
    with app.extensions["zhulian"].services.db.session() as db:
        to_case = [(m.case_id, m.pledge_id, m.amount) for m in db.scalars(select(Match))]
        to_project = [
            (f.project_id, f.pledge_id, f.amount) for f in db.scalars(select(ProjectFunding))
        ]
        project = db.get(Project, project_id)
        assert project is not None and project.funded_yuan == sum(a for _, _, a in to_project)
    assert to_case and to_project  # the pledge went to both
    assert sum(a for *_, a in to_case + to_project) == 30000
    need_of = {n.key: n for n in needs}
    pledge_of = {p.id: p for p in pledges}
    params = Params()
    value = sum(
        amount * pair_value(pledge_of[pledge], need_of[(False, need)], params)
        for need, pledge, amount in to_case
    ) + sum(
        amount * pair_value(pledge_of[pledge], need_of[(True, need)], params)
        for need, pledge, amount in to_project
    )
    assert value == lp_optimum(needs, pledges, params, frozenset(declined))
    funded = next(t for t in pushed_texts(donor) if "配给了项目" in t)
    assert project is not None and project.number in funded
    assert any("获得认捐" in t for t in pushed_texts(admin))
    report = json.loads(runner.invoke(args=["data", "report"]).output)["projects"]
    assert report["by_status"] == {"open": 1} and report["funded_yuan"] == project.funded_yuan
    [organisation] = report["by_organisation"]
    assert (organisation["projects"], organisation["standing"]) == (1, "good")
    page = sign_in(app.test_client(), staff).get("/console/statistics").get_data(as_text=True)
    assert "项目（全平台）" in page and "定西市阳光社会工作服务中心" in page


def test_a_donor_chooses_a_project_by_chat_and_the_money_goes_to_it_only(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    runner: FlaskCliRunner,
    redis_url: str,
) -> None:
    staff = operator(household, runner)
    admin = approved_admin(app, household, staff, "o_admin_dingxi")
    project_id = open_project(app, admin, staff)
    case = file_case(household)
    assert "已核实" in dingxi_worker.say(f"核实 {case}")  # an urgent case the money could go to
    listing = donor.say("支持项目")
    assert "通渭县青年电焊技能培训" in listing and "受益 40 人" in listing and "回复序号" in listing
    assert "项目编号" in donor.say("第三个")  # not a number on the list: asked again
    replies = donor.conversation("1", "两千", "匿名", "不留")
    assert "支持项目：P000001 通渭县青年电焊技能培训" in replies[-1]
    assert "只用于项目 P000001" in donor.say("确认")
    run_worker(redis_url)
    with app.extensions["zhulian"].services.db.session() as db:
        fundings = [(f.project_id, f.amount) for f in db.scalars(select(ProjectFunding))]
        assert list(db.scalars(select(Match))) == []  # nothing to the case
    assert fundings == [(project_id, 2000)]
    assert "P000099" in donor.say("支持 P99 一千")  # no such project: said so
    assert "怎么称呼您" in donor.say("支持 P1 一千")  # project and amount named at once


def test_progress_reaches_the_funding_donors_grouped_and_at_most_daily(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    runner: FlaskCliRunner,
    redis_url: str,
) -> None:
    staff = operator(household, runner)
    admin = approved_admin(app, household, staff, "o_admin_dingxi")
    project_id = open_project(app, admin, staff, budget="讲师补贴 2000")
    donor.conversation("支持项目", "1", "两千", "匿名", "不留", "确认")
    run_worker(redis_url)  # the matcher funds it: 2,000 of 2,000
    assert projects(app)[0].status == ProjectStatus.FUNDED
    mine = sign_in(app.test_client(), admin)
    path = f"/console/projects/{project_id}"
    mine.get(path)
    picture = (io.BytesIO(photo()), "class.jpg")
    mine.post(f"{path}/updates", {"text": "第一期 20 人开课了", "photos": [picture]})
    mine.get(path)
    mine.post(f"{path}/updates", {"text": "焊机到位，学员开始实操"})
    assert projects(app)[0].status == ProjectStatus.IN_PROGRESS  # the first update: under way
    page = mine.get(path).get_data(as_text=True)
    assert "焊机到位" in page and "第一期 20 人开课了" in page
    shown = mine.get(page.split('src="')[-1].split('"')[0])  # the progress photo
    assert shown.status_code == 200 and CAMERA.encode() not in shown.data
    assert send_project_updates() == 1
    digests = [t for t in pushed_texts(donor) if "新进展" in t]
    assert len(digests) == 1 and "2 条新进展" in digests[0] and "焊机到位" in digests[0]
    mine.get(path)
    mine.post(f"{path}/updates", {"text": "结业考试通过 18 人"})
    assert send_project_updates() == 0  # heard from it today already
    with app.extensions["zhulian"].services.db.session() as db:
        digest = db.scalar(select(ProjectDigest))
        assert digest is not None
        digest.sent_at -= timedelta(hours=25)
    assert send_project_updates() == 1
    latest = [t for t in pushed_texts(donor) if "新进展" in t][-1]
    assert "1 条新进展" in latest and "结业考试通过" in latest
    other = approved_admin(
        app,
        household,
        staff,
        "o_admin_other",
        name="昭通乐善社工站",
        credit_code="51621100501234567A",
    )
    theirs = sign_in(app.test_client(), other)
    theirs.get("/console/projects")
    assert theirs.post(f"{path}/updates", {"text": "冒充的进展"}).status_code == 404


def test_completion_ratings_and_evaluation(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    runner: FlaskCliRunner,
    redis_url: str,
) -> None:
    staff = operator(household, runner)
    admin = approved_admin(app, household, staff, "o_admin_dingxi")
    project_id = open_project(
        app, admin, staff, budget="讲师补贴 2000", starts_on="2026-01-01", ends_on="2026-03-31"
    )
    served = file_case(household)  # a household the project served
    donor.conversation("支持项目", "1", "两千", "匿名", "不留", "确认")
    run_worker(redis_url)
    mine = sign_in(app.test_client(), admin)
    path = f"/console/projects/{project_id}"
    mine.get(path)
    mine.post(f"{path}/updates", {"text": "开课了"})
    mine.get(path)
    wrong = mine.post(f"{path}/complete", {"spent": "1800", "report": "结项", "goal": ["met"]})
    assert "请为每个目标选择" in mine.get(wrong.location).get_data(as_text=True)
    report = {
        "spent": "1800",
        "report": "40 人参加，36 人结业。",
        "households": f"{served}、Q000999",
        "goal": ["met", "partly"],
        "note": ["", "30 人中 21 人就业"],
    }
    unknown = mine.post(f"{path}/complete", report)
    assert "没有找到求助 Q000999" in mine.get(unknown.location).get_data(as_text=True)
    mine.post(f"{path}/complete", report | {"households": served})
    assert projects(app)[0].status == ProjectStatus.COMPLETED
    assert start_due_flows() == 1
    asked = [t for t in pushed_texts(household) if "项目 P000001" in t]
    assert asked and "1 到 5 分" in asked[0]
    household.say("4 学到了手艺")
    review = sign_in(app.test_client(), staff)
    review.get(path)
    review.post(f"{path}/evaluate")
    [project] = projects(app)
    assert project.status == ProjectStatus.EVALUATED and project.evaluation is not None
    evaluation = project.evaluation
    assert (evaluation["goals_met"], evaluation["rating"], evaluation["ratings"]) == (0.75, 4.0, 1)
    assert evaluation["days_late"] > 200 and evaluation["spent_share"] == 0.9  # ended 2026-03-31
    page = review.get(path).get_data(as_text=True)
    assert "目标达成 75%" in page and "晚了" in page

    # The late project lowers the organisation's score; suspended, it gets no new money.
    organisation_id = project.organisation_id
    record = review.get(f"/console/organisations/{organisation_id}").get_data(as_text=True)
    assert 'data-part="on_time">0%' in record and "观察" in record  # score 52: on watch
    second = open_project(app, admin, staff, title="通渭县第二期电焊培训")
    review.get(f"/console/organisations/{organisation_id}")
    review.post(
        f"/console/organisations/{organisation_id}/standing",
        {"standing": "suspended", "reason": "项目延期且评分偏低，整改期间暂停"},
    )
    run_worker(redis_url)
    assert any("暂停" in text for text in pushed_texts(admin))
    assert "没有正在筹款的项目" in donor.say("支持项目")  # not offered any more
    assert "不在筹款中" in donor.say(f"支持 P{second} 三千")
    donor.conversation("我想捐三千", "不限", "不限", "匿名", "不留", "确认")  # flexible money
    run_worker(redis_url)
    with app.extensions["zhulian"].services.db.session() as db:
        assert db.scalar(select(ProjectFunding).where(ProjectFunding.project_id == second)) is None
    mine.get("/console/projects/new")
    mine.post("/console/projects/new", plan(title="第三期"))
    third = projects(app)[-1].id
    mine.get(f"/console/projects/{third}")
    refused = mine.post(f"/console/projects/{third}/submit")
    assert "暂停状态" in mine.get(refused.location).get_data(as_text=True)


def test_a_pledge_for_a_project_that_stops_taking_money_is_released_and_the_donor_told(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    runner: FlaskCliRunner,
    redis_url: str,
) -> None:
    staff = operator(household, runner)
    admin = approved_admin(app, household, staff, "o_admin_dingxi")
    open_project(app, admin, staff, budget="讲师补贴 2000")
    donor.conversation("支持项目", "1", "一千五", "匿名", "不留", "确认")
    late = donor.other("o_late_donor")
    late.conversation("支持项目", "1", "一千", "匿名", "不留", "确认")
    run_worker(redis_url)  # 2,000 of 2,500 named: the project is filled
    assert projects(app)[0].status == ProjectStatus.FUNDED
    with app.extensions["zhulian"].services.db.session() as db:
        pledges = list(db.scalars(select(Pledge)))
        still_open = (PledgeStatus.OPEN, PledgeStatus.PARTLY_ALLOCATED)
        waiting = [p for p in pledges if p.status in still_open]
        assert waiting == []  # what was not given is released, nothing waits for the project
        assert sum(p.amount_allocated for p in pledges) == 2000
    told = [t for user in (donor, late) for t in pushed_texts(user) if "不再筹款" in t]
    released = [int(t.split("还没用上的 ")[1].split(" 元")[0]) for t in told]
    assert sum(released) == 500 and all("支持项目" in t for t in told)
    cancelled = open_project(app, admin, staff, title="通渭县饮水管道", budget="管材 9000")
    donor.conversation("支持项目", "1", "三千", "匿名", "不留", "确认")
    mine = sign_in(app.test_client(), admin)
    mine.get(f"/console/projects/{cancelled}")
    mine.post(f"/console/projects/{cancelled}/cancel", {"reason": "水利局已立项"})
    run_worker(redis_url)
    with app.extensions["zhulian"].services.db.session() as db:
        pledge = db.scalar(select(Pledge).where(Pledge.project_id == cancelled))
        assert pledge is not None and pledge.status == PledgeStatus.EXPIRED
    assert any("3000 元不会再划拨" in t for t in pushed_texts(donor))
