"""The console without a browser (Flask's test client, both databases): one set of
operations shared with the chat, sessions that end, sign-in that is rate-limited and
checked, escalation of what waited too long, links in staff notifications, the team
page, pledges, the audit log and the exports, each in its scope."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta

import requests
from flask import Flask
from flask.testing import FlaskCliRunner
from openpyxl import load_workbook
from sqlalchemy import select, update

from jobs.reminders import escalate_reviews
from storage.models import (
    AuditEntry,
    Case,
    CaseStatus,
    ConsoleSession,
    Match,
    Notification,
    utcnow,
)
from tests.support.chat import (
    HOUSEHOLD_ANSWERS,
    file_case,
    money_match_proposed,
    pushed_texts,
    run_worker,
)
from tests.support.console import ConsoleClient, sign_in
from tests.support.wechat import StandIn, WeChatUser, invite_code

OTHER_ID = "621121198001010017"


def _db(app: Flask):  # type: ignore[no-untyped-def]
    return app.extensions["zhulian"].services.db.session()


def test_chat_and_console_verify_the_same_way(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    by_chat = file_case(household)
    second = household.other("o_household_2")
    by_console = file_case(second, id_number=OTHER_ID)
    assert "已核实" in dingxi_worker.say(f"核实 {by_chat} 上门核实，情况属实")
    console = sign_in(app.test_client(), dingxi_worker)
    console.get(f"/console/cases/{int(by_console[1:])}")
    response = console.post(
        f"/console/cases/{int(by_console[1:])}/verify", {"note": "上门核实，情况属实"}
    )
    assert response.status_code == 302
    run_worker(redis_url)
    with _db(app) as db:
        one, two = (db.get(Case, int(n[1:])) for n in (by_chat, by_console))
        assert one is not None and two is not None
        fields = ("status", "verification_method", "review_note", "verified_by_id")
        assert [getattr(one, f) for f in fields] == [getattr(two, f) for f in fields]
        actions = {
            case.id: [
                e.action
                for e in db.scalars(
                    select(AuditEntry).where(
                        AuditEntry.target_id == case.id, AuditEntry.target_type == "case"
                    )
                )
                if not e.action.startswith("case.viewed")
            ]
            for case in (one, two)
        }
        assert actions[one.id] == actions[two.id] == ["case.submitted", "case.verified"]
    told_one = [t for t in pushed_texts(household) if by_chat in t and "核实" in t]
    told_two = [t for t in pushed_texts(second) if by_console in t and "核实" in t]
    assert [t.replace(by_chat, "Q") for t in told_one] == [
        t.replace(by_console, "Q") for t in told_two
    ]


def test_a_session_ends_at_sign_out_expiry_and_deactivation(
    app: Flask, dingxi_worker: WeChatUser, runner: FlaskCliRunner
) -> None:
    client = app.test_client()
    console = sign_in(client, dingxi_worker)
    assert console.get("/console/queue").status_code == 200
    console.post("/console/sign-out")
    assert console.get("/console/queue").status_code == 302
    console = sign_in(client, dingxi_worker)
    with _db(app) as db:
        db.execute(update(ConsoleSession).values(expires_at=utcnow() - timedelta(seconds=1)))
    assert console.get("/console/queue").status_code == 302
    console = sign_in(client, dingxi_worker)
    result = runner.invoke(args=["social-worker", "deactivate", "--openid", dingxi_worker.openid])
    assert result.exit_code == 0, result.output
    assert console.get("/console/queue").status_code == 302
    assert "/console/" not in dingxi_worker.say("登录")


def test_cookies_are_httponly_and_samesite(app: Flask, dingxi_worker: WeChatUser) -> None:
    console = ConsoleClient(app.test_client())
    response = console.sign_in(dingxi_worker)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_sign_in_attempts_are_rate_limited(app: Flask) -> None:
    console = ConsoleClient(app.test_client())
    console.get("/console/link/madeup")
    codes = [console.post("/console/link/madeup").status_code for _ in range(12)]
    assert codes[:10] == [403] * 10 and codes[10:] == [429, 429]


def test_oauth_callback_checks_state_and_code(
    app: Flask, standin: StandIn, dingxi_worker: WeChatUser
) -> None:
    client = app.test_client()
    assert client.get("/console/oauth/callback?code=x&state=y").status_code == 400
    start = client.get("/console/sign-in/wechat")
    location = start.headers["Location"]
    assert location.startswith(
        f"{app.extensions['zhulian'].settings.wechat_oauth_base_url}/connect/oauth2/authorize"
    )
    state = location.split("state=")[1].split("#")[0]
    forged = client.get(f"/console/oauth/callback?code=forged&state={state}")
    assert forged.status_code == 400 and "授权没有成功" in forged.get_data(as_text=True)


def test_standin_codes_work_once(standin: StandIn) -> None:
    """The stand-in's web authorisation behaves like WeChat's: a code is good once."""
    base = standin.url
    query = {
        "appid": standin.state.app_id,
        "redirect_uri": "http://127.0.0.1:1/cb",
        "response_type": "code",
        "scope": "snsapi_base",
        "state": "s1",
    }
    page = requests.get(f"{base}/connect/oauth2/authorize", params=query, timeout=5)
    assert page.status_code == 200 and "openid" in page.text
    back = requests.post(
        f"{base}/connect/oauth2/authorize",
        data={**query, "openid": "o_someone"},
        allow_redirects=False,
        timeout=5,
    )
    code = back.headers["Location"].split("code=")[1].split("&")[0]
    assert "state=s1" in back.headers["Location"]
    exchange = {
        "appid": standin.state.app_id,
        "secret": standin.state.app_secret,
        "code": code,
        "grant_type": "authorization_code",
    }
    first = requests.get(f"{base}/sns/oauth2/access_token", params=exchange, timeout=5).json()
    assert first["openid"] == "o_someone" and first["scope"] == "snsapi_base"
    again = requests.get(f"{base}/sns/oauth2/access_token", params=exchange, timeout=5).json()
    assert again["errcode"] == 40029
    wrong = requests.get(
        f"{base}/sns/oauth2/access_token", params={**exchange, "secret": "x"}, timeout=5
    ).json()
    assert wrong["errcode"] == 40125


def test_overdue_cases_and_matches_go_to_the_admins_once(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    runner: FlaskCliRunner,
    redis_url: str,
) -> None:
    admin = household.other("o_admin_dingxi")
    assert "绑定成功" in admin.say(
        f"绑定 {invite_code(runner, '定西社工站', '621100', admin=True)}"
    )
    match = money_match_proposed(household, donor, dingxi_worker, redis_url)
    waiting = file_case(household.other("o_household_2"), id_number=OTHER_ID)
    run_worker(redis_url)
    assert escalate_reviews() == 0  # nothing is late yet
    with _db(app) as db:
        db.execute(update(Case).values(submitted_at=utcnow() - timedelta(days=4)))
        db.execute(update(Match).values(created_at=utcnow() - timedelta(days=4)))
    assert escalate_reviews() == 2
    assert escalate_reviews() == 0
    texts = pushed_texts(admin)
    assert sum(waiting in t and "没有人核实" in t for t in texts) == 1
    assert sum(match in t and "没有人确认" in t for t in texts) == 1
    assert any(f"/console/cases/{int(waiting[1:])}" in t for t in texts)
    console = sign_in(app.test_client(), admin)
    page = console.get("/console/queue", escalated="1").get_data(as_text=True)
    assert waiting in page and "已上报管理员" in page


def test_staff_notifications_link_to_the_record(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, standin: StandIn, redis_url: str
) -> None:
    number = file_case(household)
    run_worker(redis_url)
    base = app.extensions["zhulian"].settings.base_url
    [notice] = pushed_texts(dingxi_worker)
    assert notice.endswith(f"{base}/console/cases/{int(number[1:])}")
    with _db(app) as db:
        row = db.scalar(select(Notification).where(Notification.dedup_key.like("case-submitted:%")))
        assert row is not None and row.link == f"/console/cases/{int(number[1:])}"
    # Outside the 48-hour window the template message opens the page.
    file_case(household.other("o_household_2"), id_number=OTHER_ID)
    standin.inject("custom", errcode=45015)
    run_worker(redis_url)
    template = [m for m in dingxi_worker.pushed() if m["api"] == "template"]
    assert template and template[0]["url"].startswith(f"{base}/console/cases/")
    assert "/console/" not in " ".join(pushed_texts(household))  # households get no links


def test_an_admin_invites_and_deactivates_a_worker(
    app: Flask, household: WeChatUser, runner: FlaskCliRunner
) -> None:
    admin = household.other("o_admin_dingxi")
    assert "绑定成功" in admin.say(
        f"绑定 {invite_code(runner, '定西社工站', '621100', admin=True)}"
    )
    console = sign_in(app.test_client(), admin)
    page = console.get("/console/team").get_data(as_text=True)
    assert "定西社工站" in page and "甘肃省定西市" in page
    org_id = int(page.split("/console/team/")[1].split("/invite")[0])
    created = console.post(f"/console/team/{org_id}/invite", {"region": "621100"})
    assert created.status_code == 302
    flashed = console.get("/console/team").get_data(as_text=True)
    code = flashed.split("绑定 ")[1][:8]
    newcomer = household.other("o_new_worker")
    assert "绑定成功" in newcomer.say(f"绑定 {code}")
    page = console.get("/console/team").get_data(as_text=True)
    worker_id = int(page.split("/console/team/workers/")[1].split("/deactivate")[0])
    assert console.post(f"/console/team/workers/{worker_id}/deactivate").status_code == 302
    assert "/console/" not in newcomer.say("登录")
    # A plain social worker, of another organisation here, has no team page to reach.
    zhaotong = household.other("o_zhaotong")
    assert "绑定成功" in zhaotong.say(f"绑定 {invite_code(runner, '昭通社工站', '530600')}")
    other = sign_in(app.test_client(), zhaotong)
    assert other.get("/console/team").status_code == 404
    assert other.post(f"/console/team/workers/{worker_id}/deactivate").status_code == 404


def test_pledges_audit_log_and_exports_keep_to_scope(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    zhaotong_worker: WeChatUser,
    runner: FlaskCliRunner,
    redis_url: str,
) -> None:
    money_match_proposed(household, donor, dingxi_worker, redis_url)
    mine = sign_in(app.test_client(), dingxi_worker)
    listing = mine.get("/console/pledges").get_data(as_text=True)
    assert "J000001" in listing
    detail = mine.get("/console/pledges/1").get_data(as_text=True)
    assert "M000001" in detail and "匿名" in detail
    theirs = sign_in(app.test_client(), zhaotong_worker)
    assert "J000001" not in theirs.get("/console/pledges").get_data(as_text=True)
    assert theirs.get("/console/pledges/1").status_code == 404
    assert theirs.get("/console/pledges/999").status_code == 404
    assert theirs.get("/console/audit").status_code == 404  # workers see no audit log
    csv_body = theirs.get("/console/export/cases.csv", status="all").get_data(as_text=True)
    assert csv_body.lstrip("\ufeff").splitlines()[1:] == []
    # Unmasked exports: operators only, with a reason, audited.
    assert mine.post("/console/export/cases-full.xlsx", {"reason": "x"}).status_code == 403
    runner.invoke(args=["operator", "add", "--openid", "o_operator", "--name", "运营甲"])
    operator = sign_in(app.test_client(), household.other("o_operator"))
    operator.get("/console/queue")
    full = operator.post("/console/export/cases-full.xlsx?status=all", {"reason": "民政局年度核查"})
    assert full.status_code == 200
    rows = list(load_workbook(io.BytesIO(full.data)).active.iter_rows(values_only=True))
    assert rows[1][rows[0].index("姓名")] == "王秀英"
    with _db(app) as db:
        exported = db.scalars(
            select(AuditEntry).where(AuditEntry.action == "cases.exported_unmasked")
        ).all()
    assert [e.detail["reason"] for e in exported] == ["民政局年度核查"]
    log = operator.get("/console/audit").get_data(as_text=True)
    assert "导出完整信息" in log or "cases.exported_unmasked" in log


def test_a_verify_twice_tells_the_second_person_what_happened(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    number = file_case(household)
    case_id = int(number[1:])
    console = sign_in(app.test_client(), dingxi_worker)
    console.get(f"/console/cases/{case_id}")
    assert "已核实" in dingxi_worker.say(f"核实 {number}")
    console.post(f"/console/cases/{case_id}/verify", {"note": ""})
    page = console.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert "不能这样操作" in page
    with _db(app) as db:
        verified = db.scalars(select(AuditEntry).where(AuditEntry.action == "case.verified")).all()
        assert len(verified) == 1
        case = db.get(Case, case_id)
        assert case is not None and case.status == CaseStatus.VERIFIED


def test_ask_from_the_console_and_the_answer_appears_in_the_history(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    number = file_case(household)
    case_id = int(number[1:])
    console = sign_in(app.test_client(), dingxi_worker)
    console.get(f"/console/cases/{case_id}")
    console.post(f"/console/cases/{case_id}/ask", {"question": "请拍一下住院发票"})
    page = console.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert "问题已经发给" in page and "请拍一下住院发票" in page
    run_worker(redis_url)
    assert any("住院发票" in t for t in pushed_texts(household))
    assert "转给社工" in household.say("发票在医院，明天去拿了拍给你")
    page = console.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert "家庭回答：发票在医院，明天去拿了拍给你" in page
    # An empty question is refused with a reason, and nothing is sent.
    console.post(f"/console/cases/{case_id}/ask", {"question": ""})
    assert "请写下问题" in console.get(f"/console/cases/{case_id}").get_data(as_text=True)


def test_cookies_are_secure_in_production(make_app: Callable[..., Flask]) -> None:
    assert make_app(env="production").config["SESSION_COOKIE_SECURE"] is True
    assert make_app().config["SESSION_COOKIE_SECURE"] is False


def test_a_viewer_reads_statistics_and_masked_exports_of_its_regions_only(
    app: Flask, household: WeChatUser, runner: FlaskCliRunner
) -> None:
    number = file_case(household)  # 通渭县
    file_case(household.other("o_household_yn"), id_number=OTHER_ID, region="云南昭通昭阳区")
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
    bad = runner.invoke(
        args=["viewer", "add", "--openid", "o_v2", "--name", "x", "--region", "999999"]
    )
    assert bad.exit_code != 0 and "unknown region" in bad.output
    viewer = sign_in(app.test_client(), household.other("o_viewer"))
    assert viewer.get("/console/queue").headers["Location"].endswith("/console/statistics")
    assert "<dd>1 件</dd>" in viewer.get("/console/statistics").get_data(as_text=True)
    body = viewer.get("/console/export/cases.csv", status="all").get_data(as_text=True)
    lines = body.lstrip("\ufeff").splitlines()
    assert len(lines) == 2 and lines[1].startswith(number)
    assert "王秀英" not in body and "王**" in body
    for path in ("/console/pledges", f"/console/cases/{int(number[1:])}", "/console/audit"):
        assert viewer.get(path).status_code == 404
    assert viewer.post("/console/export/cases-full.csv", {"reason": "x"}).status_code == 403


def test_how_to_reach_the_household_is_on_its_case_page(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    household.say("我耳朵听不见 有事给我发短信")
    household.conversation(*HOUSEHOLD_ANSWERS, "确认")
    console = sign_in(app.test_client(), dingxi_worker)
    page = console.get("/console/cases/1").get_data(as_text=True)
    assert "联系须知" in page and "我耳朵听不见，有事给我发短信" in page
