"""Verification through the chat, end to end: invites, notifications through the outbox and
the stand-in, review commands, region privacy, flags, deletion and the audit trail."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import select, text, update

import messages as msg
from jobs.conversations import start_due_flows
from jobs.outbox import deliver_notifications
from jobs.reminders import remind_pending_cases
from notification.wechat_api import HTTP_TIMEOUT_SECONDS
from storage.models import (
    AuditEntry,
    Case,
    CaseQuestion,
    CaseStatus,
    Invite,
    Notification,
    NotificationStatus,
    utcnow,
)
from tests.support.chat import HOUSEHOLD_ANSWERS, file_case, pushed_texts, run_worker
from tests.support.wechat import StandIn, WeChatUser, invite_code

DINGXI, ZHAOTONG = "621100", "530600"

OTHER_ID = "621121198001010017"


def test_bind_by_invite_valid_reused_expired_forged(
    app: Flask, household: WeChatUser, runner: FlaskCliRunner
) -> None:
    code = invite_code(runner, "定西社工站", DINGXI)
    first = household.other("o_w1")
    bound = first.say(f"绑定 {code}")
    assert "定西社工站" in bound and "甘肃省定西市" in bound
    assert "用过了" in household.other("o_w2").say(f"我是社工 绑定邀请码：{code}")  # in more words
    assert household.other("o_w5").say("我是社工 怎么绑定") == msg.FAQ["binding"]
    assert "不对" in household.other("o_w3").say("绑定 ABCD2345")
    expired = invite_code(runner, "定西社工站", DINGXI)
    with app.extensions["zhulian"].services.db.session() as session:
        session.execute(
            update(Invite)
            .where(Invite.used_at.is_(None))
            .values(expires_at=utcnow() - timedelta(hours=1))
        )
    assert "过期" in household.other("o_w4").say(f"绑定 {expired}")
    with app.extensions["zhulian"].services.db.session() as session:
        actions = list(session.scalars(select(AuditEntry.action)))
    assert actions.count("social_worker.bound") == 1
    assert actions.count("social_worker.bind_failed") == 3


def test_new_case_reaches_exactly_the_covering_workers(
    app: Flask,
    household: WeChatUser,
    dingxi_worker: WeChatUser,
    zhaotong_worker: WeChatUser,
    redis_url: str,
) -> None:
    number = file_case(household)
    run_worker(redis_url)
    [notice] = pushed_texts(dingxi_worker)
    assert number in notice and "甘肃省定西市通渭县" in notice and "王秀英" not in notice
    assert pushed_texts(zhaotong_worker) == []


def test_verify_reject_and_ask_round_trips(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    number = file_case(household)
    assert "问题已发" in dingxi_worker.say(f"补充 {number} 请拍一下住院发票")
    run_worker(redis_url)
    assert any("住院发票" in t for t in pushed_texts(household))
    assert "转给社工" in household.say("发票在医院，明天去拿了拍给你")
    run_worker(redis_url)
    assert any("明天去拿" in t for t in pushed_texts(dingxi_worker))
    assert "已核实" in dingxi_worker.say(f"核实 {number} 上门看过，情况属实")
    run_worker(redis_url)
    assert any("核实通过" in t for t in pushed_texts(household))
    assert "不能驳回" in dingxi_worker.say(f"驳回 {number} 重复")
    with app.extensions["zhulian"].services.db.session() as session:
        case = session.scalars(select(Case)).one()
        question = session.scalars(select(CaseQuestion)).one()
    assert case.status == CaseStatus.VERIFIED and case.verified_by_id is not None
    assert question.answer == "发票在医院，明天去拿了拍给你"

    second = file_case(household.other("o_household_2"), OTHER_ID)
    assert "写上原因" in dingxi_worker.say(f"驳回 {second}")
    assert "已驳回" in dingxi_worker.say(f"驳回 {second} 家庭收入超过低保标准")
    run_worker(redis_url)
    [rejected] = [t for t in pushed_texts(household.other("o_household_2")) if "没有通过" in t]
    assert "家庭收入超过低保标准" in rejected


def test_out_of_region_worker_sees_nothing(
    household: WeChatUser, zhaotong_worker: WeChatUser
) -> None:
    number = file_case(household)
    elsewhere = zhaotong_worker.say(f"查看 {number}")
    missing = zhaotong_worker.say("查看 Q000999")
    assert elsewhere == missing.replace("Q000999", number)
    assert "没有等待" in zhaotong_worker.say("待核实")
    assert "不在您负责" in zhaotong_worker.say(f"核实 {number}")


def test_duplicate_id_is_flagged(
    client: FlaskClient,
    app: Flask,
    standin: StandIn,
    household: WeChatUser,
    dingxi_worker: WeChatUser,
) -> None:
    first = file_case(household)
    relative = WeChatUser(client, app.extensions["zhulian"].settings, standin, "o_relative")
    second = file_case(relative)
    pending = dingxi_worker.say("待核实")
    assert first in pending and second in pending
    assert f"另有进行中的求助 {first}" in pending
    with app.extensions["zhulian"].services.db.session() as session:
        flags = {c.number: [f["code"] for f in c.flags] for c in session.scalars(select(Case))}
    assert flags[first] == [] and "duplicate" in flags[second]


def test_views_and_changes_are_audited_and_masked(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    number = file_case(household)
    masked = dingxi_worker.say(f"查看 {number}")
    assert "1101**********002X" in masked and "王**" in masked and "138****8000" in masked
    full = dingxi_worker.say(f"查看 {number} 全部")
    assert "11010519491231002X" in full and "王秀英" in full and "13800138000" in full
    assert dingxi_worker.say("看看Q1") == masked  # in other words: masked, never all of it
    assert "11010519491231002X" not in dingxi_worker.say("看看Q1全部")
    dingxi_worker.say(f"核实 {number}")
    with app.extensions["zhulian"].services.db.session() as session:
        rows = list(session.scalars(select(AuditEntry).where(AuditEntry.target_type == "case")))
    trail = [(r.actor, r.action) for r in rows]
    assert ("o_worker_dingxi", "case.viewed") in trail
    assert ("o_worker_dingxi", "case.viewed_unmasked") in trail
    assert ("o_worker_dingxi", "case.verified") in trail
    assert all(r.at is not None for r in rows)


def test_delete_my_data_erases_the_stored_fields(app: Flask, household: WeChatUser) -> None:
    file_case(household)
    assert "确认删除" in household.say("删除我的信息")
    assert "还没有删除" in household.say("嗯")
    assert household.say("确定") == msg.DELETED.format(stopped=msg.DELETED_WITHDRAWN)
    engine = app.extensions["zhulian"].services.db.engine
    with engine.connect() as connection:
        profile = connection.execute(
            text(
                "SELECT name, id_number, phone, id_number_hash, phone_hash FROM household_profiles"
            )
        ).one()
        case = connection.execute(text("SELECT status, need_type, amount_needed FROM cases")).one()
        contents = connection.execute(text("SELECT content FROM inbound_messages")).scalars()
        assert all(value is None for value in contents)
    assert all(value is None for value in profile)
    assert (case.status, case.need_type, case.amount_needed) == ("withdrawn", "medical", 20000)
    assert "已撤回" in household.say("进度")


def test_outbox_falls_back_to_template_and_retries_without_duplicates(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, standin: StandIn
) -> None:
    standin.inject("custom", errcode=45015)
    file_case(household)
    assert deliver_notifications() == 1
    [notice] = dingxi_worker.pushed()
    assert notice["api"] == "template"
    number = file_case(household.other("o_household_3"), OTHER_ID)
    standin.inject("custom", errcode=-1)
    assert deliver_notifications() == 0
    with app.extensions["zhulian"].services.db.session() as session:
        row = session.scalars(
            select(Notification).where(
                Notification.dedup_key.contains(f"case-submitted:{int(number[1:])}:")
            )
        ).one()
        assert (row.status, row.attempts) == (NotificationStatus.PENDING, 1)
        assert row.next_attempt_at > utcnow()
        row.next_attempt_at = utcnow()
    standin.inject("custom", errcode=40001)  # an expired token: refreshed once, then sent
    assert deliver_notifications() == 1
    assert deliver_notifications() == 0  # nothing is sent twice
    assert len(dingxi_worker.pushed()) == 2


def test_a_send_without_an_answer_in_time_is_failed_not_sent_again(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, standin: StandIn
) -> None:
    """WeChat got the request but answered past the client's timeout: it may have delivered
    it, so the outbox marks the row failed (operators see it) instead of sending it twice."""
    standin.inject("custom", delay_seconds=HTTP_TIMEOUT_SECONDS + 0.5)
    file_case(household)
    assert deliver_notifications() == 0
    time.sleep(1)  # the stand-in delivers it once its delay is over
    assert deliver_notifications() == 0
    assert len(dingxi_worker.pushed()) == 1
    with app.extensions["zhulian"].services.db.session() as session:
        row = session.scalars(select(Notification)).one()
        assert (row.status, row.attempts) == (NotificationStatus.FAILED, 1)


def test_reminder_for_cases_waiting_too_long(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    file_case(household)
    with app.extensions["zhulian"].services.db.session() as session:
        session.execute(update(Case).values(submitted_at=utcnow() - timedelta(days=5)))
    assert remind_pending_cases() == 1
    assert remind_pending_cases() == 0  # once a day
    deliver_notifications()
    assert any("已等待核实 5 天" in t for t in pushed_texts(dingxi_worker))
    assert "超过 3 天的有 1 件" in dingxi_worker.say("统计")


def test_worker_files_a_case_on_behalf(app: Flask, dingxi_worker: WeChatUser) -> None:
    assert "当面" in dingxi_worker.say("代办")
    replies = dingxi_worker.conversation(*HOUSEHOLD_ANSWERS, "确认")
    assert "Q000001" in replies[-1]
    with app.extensions["zhulian"].services.db.session() as session:
        case = session.scalars(select(Case)).one()
        assert case.user_id is None and case.filed_by_id is not None
        assert case.profile.user_id is None  # the household's record, not the worker's
        actions = list(session.scalars(select(AuditEntry.action)))
    assert "case.filed_on_behalf" in actions and "consent.given" not in actions


def test_unbind_and_deactivate(
    app: Flask,
    runner: FlaskCliRunner,
    household: WeChatUser,
    dingxi_worker: WeChatUser,
    redis_url: str,
) -> None:
    assert "已解绑" in dingxi_worker.say("解绑")
    file_case(household)
    run_worker(redis_url)
    assert pushed_texts(dingxi_worker) == []
    result = runner.invoke(args=["social-worker", "deactivate", "--openid", "o_worker_dingxi"])
    assert result.exit_code != 0 and "no active" in result.output


def test_key_rotation_reencrypts_everything(
    app: Flask, household: WeChatUser, runner: FlaskCliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage import crypto
    from storage.crypto import generate_key
    from tests.support.config import TEST_KEY

    file_case(household)
    new_key = generate_key()
    monkeypatch.setattr(crypto, "_cipher", crypto.FieldCipher(f"{new_key},{TEST_KEY}"))
    result = runner.invoke(args=["data", "rotate-key"])
    assert result.exit_code == 0 and "household_profiles: 1" in result.output
    monkeypatch.setattr(crypto, "_cipher", crypto.FieldCipher(new_key))  # old key gone
    with app.extensions["zhulian"].services.db.session() as session:
        case = session.scalars(select(Case)).one()
        assert case.profile.id_number == "11010519491231002X"
        assert case.description == HOUSEHOLD_ANSWERS[2]


def test_checks_flag_but_never_reject(app: Flask, household: WeChatUser) -> None:
    """Education at 76, far above the cap, in a region no organisation covers."""
    household.say("我想求助")
    answers = list(HOUSEHOLD_ANSWERS)
    answers[1], answers[3], answers[4] = "2", "二十万", "云南昭通镇雄县"
    replies = household.conversation(*answers, "确认")
    assert "编号是" in replies[-1]  # submitted all the same
    with app.extensions["zhulian"].services.db.session() as session:
        case = session.scalars(select(Case)).one()
        codes = {flag["code"] for flag in case.flags}
        reasons = " ".join(flag["reason"] for flag in case.flags)
        uncovered = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "case.uncovered")
        ).all()
    assert codes == {"age", "amount", "uncovered"}
    assert "76 岁" in reasons and "50000" in reasons
    assert len(uncovered) == 1


def test_worker_sets_the_poverty_cause(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    number = file_case(household)
    assert "因病" in dingxi_worker.say(f"查看 {number}")  # the first reading: 住院做手术
    assert "比如" in dingxi_worker.say(f"致贫 {number} 太穷了")
    assert "因残" in dingxi_worker.say(f"致贫 {number} 因残")
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Case)).one().poverty_cause == "因残"
        actions = list(session.scalars(select(AuditEntry.action)))
    assert "case.poverty_cause_set" in actions


def test_stats_show_the_whole_organisations_backlog(
    household: WeChatUser, runner: FlaskCliRunner
) -> None:
    dingxi = household.other("o_org_dingxi")
    dingxi.say(f"绑定 {invite_code(runner, '甘肃联合社工站', '621100')}")
    lanzhou = household.other("o_org_lanzhou")
    lanzhou.say(f"绑定 {invite_code(runner, '甘肃联合社工站', '620100')}")
    file_case(household)  # in 定西 (Dingxi)
    assert "没有等待" in lanzhou.say("待核实")  # not her region
    assert "等待核实 1" in lanzhou.say("统计")  # but her organisation's backlog


def test_a_question_waits_while_the_household_is_busy_then_is_asked(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    number = file_case(household)
    household.say("我想捐两千")  # now in the pledge conversation
    assert "填别的内容" in dingxi_worker.say(f"补充 {number} 低保证号是多少")
    assert "已取消" in household.say("取消")
    assert start_due_flows() == 1
    assert any("低保证号是多少" in text for text in pushed_texts(household))
    assert "转给社工" in household.say("6211210003")
    run_worker(redis_url)
    assert any("6211210003" in text for text in pushed_texts(dingxi_worker))


def test_a_worker_binding_for_a_region_takes_up_what_waited_uncovered(
    app: Flask, household: WeChatUser, runner: FlaskCliRunner
) -> None:
    number = file_case(household)  # 通渭县: no organisation covers it yet
    with app.extensions["zhulian"].services.db.session() as session:
        [case] = session.scalars(select(Case)).all()
        assert [flag["code"] for flag in case.flags] == ["uncovered"]
    worker = household.other("o_worker_late")
    bound = worker.say(f"绑定 {invite_code(runner, '通渭社工站', '621121')}")
    assert bound.endswith(msg.WAITING_WHEN_BOUND.format(count=1))
    assert number in worker.say("待核实") and "⚠" not in worker.say(f"查看 {number}")
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Case)).one().flags == []


def test_the_masked_view_masks_the_name_told_in_the_description(
    household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    household.say("我叫王秀英，孩子他爸住院做手术，家里拿不出钱")
    household.conversation("同意", "两万", "甘肃定西通渭县", "五口人", "王秀英")
    number = household.conversation("11010519491231002X", "13800138000", "确认")[-1]
    number = number.split("编号是 ")[1][:7]
    masked = dingxi_worker.say(f"查看 {number}")
    assert "我叫王**" in masked and "王秀英" not in masked
    assert "我叫王秀英" in dingxi_worker.say(f"查看 {number} 全部")  # unmasked, and audited


def test_a_workers_bare_record_number_looks_it_up_masked(
    household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    number = file_case(household)
    masked = dingxi_worker.say(number)
    assert masked == dingxi_worker.say(f"查看 {number}") and "王**" in masked
    assert "王秀英" in dingxi_worker.say(f"{number} 全部")  # unmasked only when asked
    assert household.say(number).startswith(msg.STATUS_HEADER)  # a household: its status


def test_a_case_action_said_in_a_sentence_gets_its_command_not_done(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    number = file_case(household)
    reply = dingxi_worker.say(f"已经上门看过了，情况属实，核实一下{number}")
    assert reply == msg.WORKER_COMMAND_FORMAT.format(
        action="核实", command=f"核实 {number} 已经上门看过了，情况属实"
    )
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Case)).one().status == CaseStatus.SUBMITTED  # not done
    assert "已核实" in dingxi_worker.say(f"核实 {number} 已经上门看过了，情况属实")


def test_a_workers_plain_commands_in_other_words(
    household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    number = file_case(household)
    assert dingxi_worker.say("有哪些要核实的") == dingxi_worker.say("待核实")
    assert dingxi_worker.say("今天有啥新的求助吗") == dingxi_worker.say("待核实")
    assert dingxi_worker.say("看看统计") == dingxi_worker.say("统计")
    assert dingxi_worker.say("怎么驳回") == msg.WORKER_HELP
    suggested = dingxi_worker.say(f"{number}的金额改成三万")
    assert suggested == msg.WORKER_COMMAND_FORMAT.format(
        action="改金额", command=f"金额 {number} 30000"
    )
    assert dingxi_worker.say("好的 确认一下M2") == msg.WORKER_COMMAND_FORMAT.format(
        action="确认", command="确认 M000002"
    )  # a match's action in a sentence too, what is said around it left out
    assert dingxi_worker.say("今天天气不错").startswith(msg.NOT_UNDERSTOOD_WORKER[:20])
    assert household.say("看看统计") == msg.NOT_UNDERSTOOD  # a household has no such command
    assert dingxi_worker.say("有什么要我处理的") == dingxi_worker.say("待核实")
    assert dingxi_worker.say("我负责哪些地方") == msg.WORKER_COVERS.format(
        org="定西社工站", regions="甘肃省定西市"
    )
    assert dingxi_worker.say(f"{number} 情况不属实") == msg.WORKER_COMMAND_FORMAT.format(
        action="驳回", command=f"驳回 {number} 情况不属实"
    )
    # a doubtful reading gets the commands, not the households' numbered question
    assert dingxi_worker.say("这个咋整").startswith(msg.NOT_UNDERSTOOD_WORKER[:20])


def test_a_worker_asking_for_a_spreadsheet_gets_the_console_not_a_help_request(
    household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    reply = dingxi_worker.say("帮我导出一下本月的表格")
    assert reply.startswith(msg.EXPORTS_IN_CONSOLE) and "/console/link/" in reply
    assert "/console/link/" not in household.say("要填什么表格吗")  # not staff


def test_a_workers_command_in_the_middle_of_a_flow_runs_and_the_flow_goes_on(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    number = file_case(household)
    dingxi_worker.say("我想求助")  # the worker's own request, at the consent question
    reply = dingxi_worker.say(f"核实 {number} 电话核实，情况属实")
    assert "已核实" in reply and reply.endswith(msg.CONTINUE_PROMPT + msg.CONSENT)
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Case)).one().status == CaseStatus.VERIFIED
    assert dingxi_worker.say("同意") == msg.ASK_NEED  # the flow went on where it was
