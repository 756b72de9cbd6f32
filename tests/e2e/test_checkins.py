"""Check-ins (回访) end to end, through signed XML and the stand-in, with the clock moved by
hand (due and reply times set back in the database): scheduled by a delivery, answered by
number and in words, a household at risk brought to its social worker, the template
invitation outside the 48-hour window, one reminder then missed, postpone and stop."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import select, text, update

from conversation import registry
from conversation.flows import checkin as checkin_flow
from domain.survey import SURVEY_FILE, survey
from jobs.conversations import start_due_flows
from jobs.reminders import remind_checkins
from storage.models import Case, CaseStatus, Checkin, CheckinStatus, ScheduledFlow, utcnow
from tests.support.chat import file_case, money_match_proposed, pushed_texts, run_worker
from tests.support.console import sign_in
from tests.support.wechat import StandIn, WeChatUser

CALM = ["1", "1", "1", "1", "1", "1", "2", "1"]


def _db(app: Flask):  # type: ignore[no-untyped-def]
    return app.extensions["zhulian"].services.db.session()


def delivered(household: WeChatUser, donor: WeChatUser, worker: WeChatUser, redis_url: str) -> str:
    """A case helped and delivered through the chat; returns the match number."""
    match = money_match_proposed(household, donor, worker, redis_url)
    assert "已确认" in worker.say(f"确认 {match}")
    assert "已记录送达" in worker.say(f"送达 {match} 钱已转到家庭账户")
    run_worker(redis_url)
    return match


@pytest.fixture
def first_round(
    app: Flask, household: WeChatUser, donor: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> Checkin:
    """Help delivered to the household, and its first check-in asked just now."""
    delivered(household, donor, dingxi_worker, redis_url)
    make_due(app)
    start_due_flows()
    return checkin(app)


def make_due(app: Flask, round_number: int = 1) -> None:
    """The round's check-in is due now (its day has come)."""
    with _db(app) as db:
        checkin = db.scalar(select(Checkin).where(Checkin.round == round_number))
        assert checkin is not None
        db.execute(
            update(ScheduledFlow)
            .where(ScheduledFlow.key.like(f"checkin:{checkin.id}%"))
            .values(due_at=utcnow() - timedelta(seconds=1))
        )


def checkin(app: Flask, round_number: int = 1) -> Checkin:
    with _db(app) as db:
        found = db.scalar(select(Checkin).where(Checkin.round == round_number))
        assert found is not None
        return found


def test_a_delivery_schedules_check_ins_and_one_is_answered_by_numbers(
    app: Flask, household: WeChatUser, donor: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    delivered(household, donor, dingxi_worker, redis_url)
    with _db(app) as db:
        rounds = db.scalars(select(Checkin).order_by(Checkin.round)).all()
        assert [c.round for c in rounds] == [1, 2, 3]
        days = [round((c.due_at - utcnow()).total_seconds() / 86400) for c in rounds]
        assert days == [30, 90, 180]
        assert all(c.status == CheckinStatus.SCHEDULED for c in rounds)
    make_due(app)
    assert start_due_flows() == 1
    first = pushed_texts(household)[-1]
    assert first.startswith("【回访】") and "（1/8）" in first and "1 没困难" in first
    assert checkin(app).status == CheckinStatus.ASKED
    replies = household.conversation(*CALM)
    assert "（2/8）" in replies[0] and "谢谢您" in replies[-1]
    done = checkin(app)
    assert done.status == CheckinStatus.COMPLETED and done.risk == "stable"
    assert done.survey_version and done.reasons == []
    assert done.answers is not None and '"income": "same"' in done.answers
    with _db(app) as db:  # the answers rest encrypted
        raw = db.execute(text("SELECT answers FROM checkins WHERE round = 1")).scalar_one()
    assert "income" not in raw


def test_free_text_showing_a_child_out_of_school_alerts_the_worker(
    app: Flask,
    household: WeChatUser,
    dingxi_worker: WeChatUser,
    redis_url: str,
    first_round: Checkin,
) -> None:
    replies = household.conversation(
        "还行吧，够吃",
        "大娃去年就不读了，出去打工了",
        "都交了",
        "没有",
        "房子挺好",
        "这个嘛不好说",  # unclear: asked again, not taken for anything
        "自来水，方便",
        "少了",
        "没有",
    )
    assert "没太看懂" in replies[5] and "（6/8）" in replies[5]
    assert "社工会尽快联系您" in replies[-1]
    done = checkin(app)
    assert done.risk == "at_risk"
    assert done.reasons == ["有义务教育阶段的孩子没上学", "收入减少"]
    run_worker(redis_url)
    [alert] = [t for t in pushed_texts(dingxi_worker) if "回访预警" in t]
    assert "有义务教育阶段的孩子没上学" in alert and "/console/cases/" in alert


def test_outside_the_48_hour_window_a_template_invites_the_household(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    standin: StandIn,
    redis_url: str,
) -> None:
    delivered(household, donor, dingxi_worker, redis_url)
    make_due(app)
    standin.inject("custom", errcode=45015)  # the household last wrote over 48 hours ago
    start_due_flows()
    [invitation] = [m for m in household.pushed() if m["api"] == "template"]
    assert invitation["data"]["thing1"]["value"].startswith("【回访】")
    # The household replies to the invitation: the question comes again, then the rest.
    assert "（1/8）" in household.say("好的")
    assert "谢谢您" in household.conversation(*CALM)[-1]


def test_no_answer_gets_one_reminder_then_counts_as_missed(
    app: Flask,
    household: WeChatUser,
    dingxi_worker: WeChatUser,
    redis_url: str,
    first_round: Checkin,
) -> None:
    assert remind_checkins() == 0  # asked just now
    with _db(app) as db:
        db.execute(update(Checkin).values(asked_at=utcnow() - timedelta(days=3, hours=1)))
    assert remind_checkins() == 1
    assert remind_checkins() == 0  # once
    assert sum("还没收到回复" in t for t in pushed_texts(household)) == 1
    with _db(app) as db:
        db.execute(update(Checkin).values(reminded_at=utcnow() - timedelta(days=4, hours=1)))
    assert remind_checkins() == 1
    assert checkin(app).status == CheckinStatus.MISSED
    run_worker(redis_url)
    assert any("仍没有回复" in t for t in pushed_texts(dingxi_worker))


def test_postpone_then_stop(app: Flask, household: WeChatUser, first_round: Checkin) -> None:
    assert "（2/8）" in household.say("1")
    assert "过几天再问您" in household.say("过几天再说吧")
    later = checkin(app)
    assert later.status == CheckinStatus.SCHEDULED
    assert 2.9 < (later.due_at - utcnow()).total_seconds() / 86400 < 3.1
    make_due(app)
    assert start_due_flows() == 1
    assert "（1/8）" in pushed_texts(household)[-1]  # from the first question again
    assert "不问了" in household.say("不想答了")
    assert checkin(app).status == CheckinStatus.STOPPED
    assert remind_checkins() == 0


def test_delete_my_data_mid_check_in_erases_the_answers_and_asks_no_more(
    app: Flask, household: WeChatUser, first_round: Checkin
) -> None:
    household.conversation(*CALM)
    make_due(app, round_number=2)
    start_due_flows()
    assert "（2/8）" in household.say("2")
    assert "确认删除" in household.say("删除我的信息")  # leaves the check-in
    assert "已删除" in household.say("确定")
    with _db(app) as db:
        rounds = db.scalars(select(Checkin).order_by(Checkin.round)).all()
        assert [c.answers for c in rounds] == [None, None, None]
        assert [c.status for c in rounds] == [
            CheckinStatus.COMPLETED,
            CheckinStatus.STOPPED,
            CheckinStatus.STOPPED,
        ]
        assert rounds[0].risk == "stable"  # anonymous, for the statistics
        waiting = db.scalars(select(ScheduledFlow).where(ScheduledFlow.started_at.is_(None)))
        assert list(waiting) == []


def test_asking_for_a_person_leaves_the_check_in(
    app: Flask, household: WeChatUser, first_round: Checkin
) -> None:
    reply = household.say("人工")
    assert "社工" in reply and "（2/8）" not in reply
    assert checkin(app).status == CheckinStatus.ASKED  # the reminder will ask again later


AT_RISK = ["1", "大娃不读了，出去打工了", "1", "1", "1", "1", "3", "1"]


def test_a_worker_enrols_a_verified_household_and_follows_up_a_risk_by_chat(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    number = file_case(household)
    assert "不能安排回访" in dingxi_worker.say(f"回访 {number}")  # not verified yet
    assert "已核实" in dingxi_worker.say(f"核实 {number} 电话核实")
    assert "安排 3 次回访，第一次在 30 天后" in dingxi_worker.say(f"回访 {number}")
    assert "已经安排过" in dingxi_worker.say(f"回访 {number}")
    assert "没有发现风险" in dingxi_worker.say(f"跟进 {number}")
    make_due(app)
    start_due_flows()
    household.conversation(*AT_RISK)
    reply = dingxi_worker.say(f"跟进 {number}")
    followup = reply.split("跟进求助 ")[1][:7]
    with _db(app) as db:
        opened = db.get(Case, int(followup[1:]))
        assert opened is not None and opened.need_type == "education"
        assert opened.status == CaseStatus.SUBMITTED and opened.urgency == 3
        assert "没上学" in opened.description and opened.user_id is not None
        assert checkin(app).followup_case_id == opened.id
    assert "没有发现风险" in dingxi_worker.say(f"跟进 {number}")  # once


def test_the_console_shows_check_ins_and_opens_a_follow_up(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, first_round: Checkin
) -> None:
    household.conversation(*AT_RISK)
    console = sign_in(app.test_client(), dingxi_worker)
    page = console.get("/console/cases/1").get_data(as_text=True)
    assert "有返贫风险" in page and "有义务教育阶段的孩子没上学" in page
    assert "有孩子没上学" in page and "少了" in page  # the indicators, round by round
    opened = console.post("/console/cases/1/followup")
    assert opened.status_code == 302 and opened.headers["Location"].endswith("/console/cases/2")
    assert "回访跟进" in console.get("/console/cases/2").get_data(as_text=True)
    again = console.post("/console/cases/1/followup")
    assert again.headers["Location"].endswith("/console/cases/1")
    figures = console.get("/console/statistics").get_data(as_text=True)
    assert "最近一次回访：1 户" in figures and "早发现、已转稳定 0 户" in figures
    exported = console.get("/console/export/checkins.csv").get_data(as_text=True)
    rows = exported.lstrip("\ufeff").splitlines()
    assert rows[1].startswith("Q000001,甘肃省定西市通渭县") and "有返贫风险" in rows[1]
    assert "王" not in exported


def test_an_organisation_sets_its_own_check_in_days(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    runner: FlaskCliRunner,
    redis_url: str,
) -> None:
    bad = runner.invoke(args=["org", "set", "--org", "定西社工站", "--checkin-days", "30,-1"])
    assert bad.exit_code != 0
    ok = runner.invoke(args=["org", "set", "--org", "定西社工站", "--checkin-days", "7,0.5"])
    assert ok.exit_code == 0, ok.output
    delivered(household, donor, dingxi_worker, redis_url)
    with _db(app) as db:
        due = [c.due_at for c in db.scalars(select(Checkin).order_by(Checkin.round))]
    hours = [round((d - utcnow()).total_seconds() / 3600) for d in due]
    assert hours == [168, 12]


@pytest.fixture
def survey_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Another survey file, in use from the next (re)load of the survey, as after a
    restart; the bundled survey is back afterwards."""
    path = tmp_path / "checkin.yml"
    monkeypatch.setenv("CHECKIN_SURVEY_FILE", str(path))
    yield path
    monkeypatch.delenv("CHECKIN_SURVEY_FILE")
    reload_survey()


def reload_survey() -> None:
    survey.cache_clear()
    importlib.reload(checkin_flow)
    registry.flows.cache_clear()


def test_a_new_survey_version_with_an_added_question_needs_no_code(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    redis_url: str,
    survey_file: Path,
) -> None:
    document = yaml.safe_load(SURVEY_FILE.read_text(encoding="utf-8"))
    document["version"] = "2027-01.1"
    document["questions"].append(
        {
            "id": "power",
            "label": "用电",
            "text": "家里通电了吗，用电稳定吗？",
            "options": [
                {"value": "ok", "text": "稳定", "words": ["稳定", "有电"]},
                {"value": "none", "text": "没通电或常停电", "words": ["没电", "停电", "没通电"]},
            ],
        }
    )
    document["rules"].append(
        {"level": "watch", "when": {"power": "none"}, "reason": "用电没有保障", "need": "living"}
    )
    survey_file.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    reload_survey()
    delivered(household, donor, dingxi_worker, redis_url)
    make_due(app)
    start_due_flows()
    assert "共 9 个问题" in pushed_texts(household)[-1]
    replies = household.conversation(*CALM, "老是停电")
    assert "（9/9）家里通电了吗" in replies[-2] and "谢谢您" in replies[-1]
    done = checkin(app)
    assert done.survey_version == "2027-01.1"
    assert done.risk == "watch" and done.reasons == ["用电没有保障"]
