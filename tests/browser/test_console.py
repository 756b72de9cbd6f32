"""The web console in headless Chromium, end to end: sign-in through WeChat's web
authorisation (the stand-in) and through a one-time link; the queue worked from filter to
verification, with the household told in the chat; a match confirmed and delivered; the
export opened with openpyxl; and what must be refused, refused."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import requests
from flask import Flask
from flask.testing import FlaskCliRunner
from openpyxl import load_workbook
from sqlalchemy import select, update

from jobs.conversations import start_due_flows
from jobs.media import fetch_media
from storage.models import (
    AuditEntry,
    Case,
    CaseStatus,
    Match,
    MatchStatus,
    ScheduledFlow,
    SignInLink,
    utcnow,
)
from tests.e2e.test_media import photo
from tests.e2e.test_organisations import operator
from tests.e2e.test_projects import approved_admin
from tests.support.browser import Console
from tests.support.chat import file_case, money_match_proposed, pushed_texts, run_worker
from tests.support.wechat import WeChatUser, invite_code


def link_from_chat(worker: WeChatUser) -> str:
    reply = worker.say("登录")
    return next(word for word in reply.split() if "/console/link/" in word)


def test_sign_in_through_wechat_web_authorisation(
    console: Console, household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    number = file_case(household)
    console.open("/console/queue")
    assert console.path.startswith("/console/sign-in")
    console.shoot("sign-in")
    console.sign_in_with_wechat(dingxi_worker.openid)
    assert console.path == "/console/queue"
    assert number in console.text("main")
    console.shoot("queue")
    console.sign_out()
    console.open("/console/queue")
    assert console.path.startswith("/console/sign-in")
    # Someone WeChat vouches for, but with no console access, is refused.
    console.sign_in_with_wechat(household.openid)
    assert "没有工作台权限" in console.text("#error")


def test_sign_in_by_one_time_link_works_once_and_not_after_expiry(
    app: Flask, console: Console, dingxi_worker: WeChatUser, household: WeChatUser
) -> None:
    link = link_from_chat(dingxi_worker)
    assert "链接" in dingxi_worker.say("登录")  # a second link does not disturb the first
    console.sign_in_with_link(link)
    assert console.path == "/console/queue"
    console.sign_out()
    console.sign_in_with_link(link)
    assert "已失效或已经用过" in console.text("#error")
    expired = link_from_chat(dingxi_worker)
    with app.extensions["zhulian"].services.db.session() as db:
        db.execute(
            update(SignInLink)
            .where(SignInLink.used_at.is_(None))
            .values(expires_at=utcnow() - timedelta(minutes=1))
        )
    console.sign_in_with_link(expired)
    assert "已失效或已经用过" in console.text("#error")
    assert "/console/" not in household.say("登录")  # not staff: no link


def test_work_the_queue_show_in_full_verify_and_the_household_hears(
    app: Flask,
    console: Console,
    household: WeChatUser,
    dingxi_worker: WeChatUser,
    redis_url: str,
) -> None:
    number = file_case(household)
    other = file_case(household.other("o_household_2"), id_number="621121198001010017")
    run_worker(redis_url)
    console.sign_in_with_wechat(dingxi_worker.openid)
    console.find("#more-filters summary").click()
    console.fill("#region", "通渭县")
    console.choose("#need", "medical")
    console.choose("#sort", "newest")
    console.submit("#filters")
    rows = [row.get_attribute("data-case") for row in console.all("[data-case]")]
    assert rows == [other, number]
    console.fill("#q", number)
    console.submit("#filters")
    assert [row.get_attribute("data-case") for row in console.all("[data-case]")] == [number]
    console.click(f"[data-case='{number}']")
    console.shoot("case")
    assert console.text("#person-name") == "王**"
    assert "*" in console.text("#person-id") and "王秀英" not in console.text("main")
    console.fill("#unmask input[name=reason]", "上门前核对身份")
    console.submit("#unmask")
    assert console.text("#person-name") == "王秀英"
    assert console.text("#person-id") == "11010519491231002X"
    case_id = int(number[1:])
    with app.extensions["zhulian"].services.db.session() as db:
        unmasked = db.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "case.viewed_unmasked", AuditEntry.target_id == case_id
            )
        ).all()
    assert [(e.actor, e.detail["reason"]) for e in unmasked] == [
        (dingxi_worker.openid, "上门前核对身份")
    ]
    console.open(f"/console/cases/{case_id}")
    console.fill("#verify textarea", "上门核实，情况属实")
    console.submit("#verify")
    assert "已核实" in console.text(".flash")
    assert "已核实" in console.text("#case-status")
    assert "核实通过" in console.text("#history")
    run_worker(redis_url)
    assert any(number in text and "核实" in text for text in pushed_texts(household))
    with app.extensions["zhulian"].services.db.session() as db:
        case = db.get(Case, case_id)
        assert case is not None and case.status == CaseStatus.VERIFIED
        assert case.verification_method == "visit"


def test_confirm_a_proposed_match_and_record_delivery(
    app: Flask,
    console: Console,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    redis_url: str,
) -> None:
    match = money_match_proposed(household, donor, dingxi_worker, redis_url)
    console.sign_in_with_wechat(dingxi_worker.openid)
    console.click(f"[data-match='{match}']")
    console.shoot("match")
    console.submit("#confirm")
    assert "已确认" in console.text("#match-status")
    console.fill("#deliver textarea", "已转入家庭账户")
    console.submit("#deliver")
    assert "已送达" in console.text("#match-status")
    console.open("/console/pledges")
    console.shoot("pledges")
    console.click("[data-pledge]")
    console.shoot("pledge")
    assert "匿名" in console.text("#donor")
    run_worker(redis_url)
    donor_texts = pushed_texts(donor)
    assert any("已转入家庭账户" in text for text in donor_texts)
    with app.extensions["zhulian"].services.db.session() as db:
        stored = db.get(Match, int(match[1:]))
        assert stored is not None and stored.status == MatchStatus.DELIVERED


def test_photos_show_on_the_case_and_a_proof_is_uploaded_on_the_match(
    app: Flask,
    console: Console,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    redis_url: str,
    tmp_path: Path,
) -> None:
    match = money_match_proposed(household, donor, dingxi_worker, redis_url)
    household.send_photo(photo(320, 240))
    assert fetch_media() == 1
    console.sign_in_with_wechat(dingxi_worker.openid)
    console.click(f"[data-match='{match}']")
    console.click("dd a[href*='/console/cases/']")
    assert console.image_shown("img[alt='照片 1']")
    console.shoot("case-photo")
    console.driver.back()
    console.submit("#confirm")
    console.submit("#deliver")
    picture = tmp_path / "proof.jpg"
    picture.write_bytes(photo(480, 360))
    console.attach("#proof input[type=file]", picture)
    console.submit("#proof")
    assert "送达照片已记在" in console.text()
    assert console.image_shown("#proofs img")
    console.shoot("match-proof")
    run_worker(redis_url)
    assert any("送达凭证" in text for text in pushed_texts(donor))


def test_an_organisation_applies_and_an_operator_approves_it(
    app: Flask,
    console: Console,
    household: WeChatUser,
    runner: FlaskCliRunner,
    redis_url: str,
    tmp_path: Path,
) -> None:
    runner.invoke(args=["operator", "add", "--openid", "o_operator", "--name", "运营小周"])
    applicant = household.other("o_applicant")
    reply = applicant.say("机构入驻")
    console.open(next(word for word in reply.split() if "/console/apply/" in word))
    console.fill("#name", "临夏州同心社会工作服务中心")
    console.fill("#credit_code", "51621100501234567A")
    console.fill("#contact_name", "马秀兰")
    console.fill("#contact_phone", "13912345678")
    console.fill("#places", "临夏州")
    for need in ("employment", "production"):
        console.find(f"#fields input[value='{need}']").click()
    console.fill("#about", "在临夏做技能培训和合作社帮扶。")
    certificate = tmp_path / "certificate.jpg"
    certificate.write_bytes(photo(400, 300))
    console.attach("#documents", certificate)
    console.shoot("apply")
    console.submit("#apply")
    assert "已提交" in console.text()
    console.forget_everyone()
    console.sign_in_with_wechat("o_operator")
    console.click("header a[href$='/console/applications']")
    console.click("[data-application='A000001']")
    assert console.image_shown("#documents img")
    assert "马**" in console.text() and "13912345678" not in console.text()
    console.shoot("application")
    console.submit("#approve")
    assert "已通过" in console.text("#application-status")
    run_worker(redis_url)
    assert any("入驻申请通过了" in text for text in pushed_texts(applicant))


def test_a_project_is_written_approved_and_shows_its_progress_with_photos(
    app: Flask,
    console: Console,
    household: WeChatUser,
    runner: FlaskCliRunner,
    tmp_path: Path,
) -> None:
    admin = approved_admin(app, household, operator(household, runner), "o_admin_dingxi")
    console.sign_in_with_wechat(admin.openid)
    console.click("header a[href$='/console/projects']")
    console.click("#new-project")
    console.fill("#title", "通渭县青年电焊技能培训")
    console.choose("#need_type", "employment")
    console.fill("#places", "甘肃定西通渭县")
    console.fill("#people_served", "40")
    console.fill("#budget", "讲师补贴 12000\n焊机租赁：八千")
    console.set_date("#starts_on", "2027-03-01")
    console.set_date("#ends_on", "2027-06-30")
    console.fill("#goals", "40 人完成培训\n30 人取得焊工证")
    console.shoot("project-form")
    console.submit("#project-form")
    assert console.text("#project-status") == "草稿"
    assert "20000 元" in console.text("#budget") and "焊机租赁：8000 元" in console.text("#budget")
    console.submit("#submit-review")
    assert console.text("#project-status") == "待审核"
    console.forget_everyone()
    console.sign_in_with_wechat("o_operator")
    console.click("header a[href$='/console/projects']")
    console.click("[data-project='P000001']")
    console.submit("#approve")
    assert console.text("#project-status") == "筹款中"
    console.forget_everyone()
    console.sign_in_with_wechat(admin.openid)
    console.click("header a[href$='/console/projects']")
    console.click("[data-project='P000001']")
    console.fill("#text", "第一期 20 人开课了，出勤 19 人")
    classroom = tmp_path / "classroom.jpg"
    classroom.write_bytes(photo(640, 480))
    console.attach("#photos", classroom)
    console.submit("#post-update")
    assert "第一期 20 人开课了" in console.text("#updates")
    assert console.image_shown("#updates img")
    console.shoot("project")


def test_the_xlsx_export_is_masked_and_holds_the_filtered_rows(
    console: Console, household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    number = file_case(household)
    console.sign_in_with_wechat(dingxi_worker.openid)
    console.find("#export-xlsx").click()
    deadline = time.monotonic() + 10
    files: list = []
    while time.monotonic() < deadline and not files:
        files = [f for f in console.driver.downloads.iterdir() if f.suffix == ".xlsx"]  # type: ignore[attr-defined]
        time.sleep(0.2)
    assert files, "no spreadsheet downloaded"
    sheet = load_workbook(files[0]).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "编号" and [r[0] for r in rows[1:]] == [number]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["姓名"] == "王**" and row["电话"] == "138****8000"
    assert row["身份证号"] == "1101**********002X" and not row["住址"]
    assert "王秀英" not in str(rows)


def test_other_regions_reused_links_forged_posts_and_viewers_are_refused(
    app: Flask,
    console: Console,
    household: WeChatUser,
    dingxi_worker: WeChatUser,
    zhaotong_worker: WeChatUser,
    runner: FlaskCliRunner,
) -> None:
    number = file_case(household)
    case_id = int(number[1:])
    console.sign_in_with_wechat(zhaotong_worker.openid)
    console.open(f"/console/cases/{case_id}")
    console.shoot("not-found")
    elsewhere = console.text("main")
    console.open("/console/cases/999999")
    assert console.text("main") == elsewhere and "没有找到" in elsewhere
    # A forged POST (no CSRF token) with a signed-in person's cookie changes nothing.
    cookies = console.session_cookie()
    forged = requests.post(
        f"{console.base}/console/cases/{case_id}/verify", cookies=cookies, timeout=5
    )
    assert forged.status_code == 400
    console.sign_out()
    console.sign_in_with_wechat(dingxi_worker.openid)
    cookies = console.session_cookie()
    forged = requests.post(
        f"{console.base}/console/cases/{case_id}/verify",
        data={"note": "伪造"},
        cookies=cookies,
        timeout=5,
    )
    assert forged.status_code == 400
    with app.extensions["zhulian"].services.db.session() as db:
        stored = db.get(Case, case_id)
        assert stored is not None and stored.status == CaseStatus.SUBMITTED
    console.sign_out()
    # A viewer sees statistics, not cases, and cannot act even with a valid token.
    result = runner.invoke(
        args=[
            "viewer",
            "add",
            "--openid",
            "o_viewer",
            "--name",
            "通渭县民政局",
            "--region",
            "621121",
        ]
    )
    assert result.exit_code == 0, result.output
    console.sign_in_with_wechat("o_viewer")
    assert console.path.startswith("/console/statistics")
    console.shoot("statistics")
    assert "1 件" in console.text("#figures")
    console.open(f"/console/cases/{case_id}")
    assert "没有找到" in console.text("main")
    token = (
        console.find("#sign-out")
        .find_element("xpath", "..")
        .find_element("css selector", "input[name=csrf_token]")
        .get_attribute("value")
    )
    acted = requests.post(
        f"{console.base}/console/cases/{case_id}/verify",
        data={"csrf_token": token, "note": "x"},
        cookies=console.session_cookie(),
        timeout=5,
    )
    assert acted.status_code == 403
    with app.extensions["zhulian"].services.db.session() as db:
        stored = db.get(Case, case_id)
        assert stored is not None and stored.status == CaseStatus.SUBMITTED


def test_an_admin_invites_a_worker_and_reads_the_audit_log(
    console: Console, household: WeChatUser, runner: FlaskCliRunner
) -> None:
    admin = household.other("o_admin_dingxi")
    assert "绑定成功" in admin.say(
        f"绑定 {invite_code(runner, '定西社工站', '621100', admin=True)}"
    )
    console.sign_in_with_link(link_from_chat(admin))
    console.click("header a[href='/console/team']")
    console.find("form[id^=invite] input[name=region]").click()
    console.submit("form[id^=invite]")
    code = console.text(".flash").split("邀请码：")[1][:8]
    assert "绑定成功" in household.other("o_new_worker").say(f"绑定 {code}")
    console.open("/console/team")
    assert len(console.all("[data-worker]")) == 2
    console.shoot("team")
    console.click("header a[href='/console/audit']")
    assert "social_worker.bound" in console.text("#audit") or "绑定" in console.text("#audit")
    console.shoot("audit")


def test_a_check_in_at_risk_shows_on_the_case_page_and_opens_a_follow_up(
    app: Flask,
    console: Console,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    redis_url: str,
) -> None:
    match = money_match_proposed(household, donor, dingxi_worker, redis_url)
    dingxi_worker.say(f"确认 {match}")
    dingxi_worker.say(f"送达 {match} 学费已交")
    with app.extensions["zhulian"].services.db.session() as db:
        db.execute(
            update(ScheduledFlow)
            .where(ScheduledFlow.flow == "checkin")
            .values(due_at=utcnow() - timedelta(seconds=1))
        )
    start_due_flows()
    household.conversation("1", "老大不读了，出去打工了", "1", "1", "危房，下雨漏", "1", "3", "1")
    console.sign_in_with_wechat(dingxi_worker.openid)
    console.open("/console/cases/1")
    section = console.text("#checkins")
    assert "有返贫风险" in section and "住房不安全" in section and "有孩子没上学" in section
    console.shoot("checkins")
    console.submit("#followup")
    assert console.path == "/console/cases/2" and "回访跟进" in console.text("#facts")
