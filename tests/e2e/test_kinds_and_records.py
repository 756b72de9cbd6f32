"""Goods, services and money tell the truth end to end: the donor leaves a phone, the
worker sees it (audited), delivery moves the case, the pledge and the reports, and every
message says what was recorded (how the case was verified, how the kind is delivered)."""

from __future__ import annotations

import json

from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import select

from storage.models import AuditEntry, Case, CaseStatus, Match, Pledge, PledgeStatus
from tests.support.chat import (
    HOUSEHOLD_ANSWERS,
    file_case,
    money_match_proposed,
    proposal_for,
    pushed_texts,
    run_worker,
)
from tests.support.wechat import WeChatUser

DONOR_PHONE = "13912345678"


def file_case_without_money(household: WeChatUser) -> str:
    household.say("我想求助")
    answers = ["不需要" if answer == "两万" else answer for answer in HOUSEHOLD_ANSWERS]
    return household.conversation(*answers, "确认")[-1].split("编号是 ")[1][:7]


def audited(app: Flask, action: str) -> int:
    with app.extensions["zhulian"].services.db.session() as session:
        return len(session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all())


def test_goods_pledge_contact_match_delivery_and_reports(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    runner: FlaskCliRunner,
    redis_url: str,
) -> None:
    case = file_case_without_money(household)
    assert "已核实" in dingxi_worker.say(f"核实 {case} 电话核实，情况属实")
    donor.conversation("2", "2", "不限", "棉被 20 床", "不限", "小陈", DONOR_PHONE, "确认")
    run_worker(redis_url)
    match = proposal_for(dingxi_worker)
    view = dingxi_worker.say(f"查看 {match}")
    assert "139****5678" in view and DONOR_PHONE not in view and "约定送货" in view
    assert DONOR_PHONE in dingxi_worker.say("查看 J000001 全部")
    assert audited(app, "match.viewed") == 1 and audited(app, "pledge.viewed_unmasked") == 1
    assert "139" not in donor.other("o_nobody").say("查看 J000001 全部")  # workers only

    dingxi_worker.say(f"确认 {match}")
    run_worker(redis_url)
    to_donor = pushed_texts(donor)[-1]
    assert "电话核实" in to_donor and "上门" not in to_donor and "约定送货" in to_donor
    assert "转账" not in to_donor
    assert "社工已确认" in donor.say("进度")
    dingxi_worker.say(f"送达 {match} 棉被已送到家")
    run_worker(redis_url)
    assert "已送达" in donor.say("进度") and "已全部送达" in donor.say("进度")
    assert "帮助已送达" in household.say("进度")
    with app.extensions["zhulian"].services.db.session() as session:
        stored_case = session.scalars(select(Case)).one()
        pledge = session.scalars(select(Pledge)).one()
    assert stored_case.status == CaseStatus.DELIVERED
    assert pledge.status == PledgeStatus.FULFILLED and pledge.contact_phone == DONOR_PHONE
    report = json.loads(runner.invoke(args=["data", "report"]).output)
    assert report["cases_by_status"] == {"delivered": 1}
    stats = dingxi_worker.say("统计")
    assert "已送达 1" in stats and "核实用时中位数 0 天" in stats


def test_service_match_is_described_as_a_service(
    household: WeChatUser, donor: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    case = file_case_without_money(household)
    dingxi_worker.say(f"核实 {case} 上门看过")
    donor.conversation("2", "3", "1", "每月一次免费义诊", "不限", "王医生", DONOR_PHONE, "确认")
    run_worker(redis_url)
    dingxi_worker.say(f"确认 {proposal_for(dingxi_worker)}")
    run_worker(redis_url)
    to_donor = pushed_texts(donor)[-1]
    assert "上门核实" in to_donor and "服务的时间" in to_donor
    assert "转账" not in to_donor and "采购" not in to_donor


def test_money_donor_hears_the_supervised_account(
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    runner: FlaskCliRunner,
    redis_url: str,
) -> None:
    account = "定西社工站 6222 0000 1111 2222（农行定西分行）"
    result = runner.invoke(args=["org", "set", "--org", "定西社工站", "--account", account])
    assert result.exit_code == 0, result.output
    case = file_case(household)
    dingxi_worker.say(f"核实 {case}")
    donor.conversation("我想捐五千", "1", "不限", "匿名", "不留", "确认")
    run_worker(redis_url)
    dingxi_worker.say(f"确认 {proposal_for(dingxi_worker)}")
    run_worker(redis_url)
    to_donor = pushed_texts(donor)[-1]
    assert account in to_donor and "J000001" in to_donor


def test_cancelling_without_a_number_lists_what_can_be_cancelled(
    app: Flask, donor: WeChatUser
) -> None:
    donor.conversation("2", "2", "不限", "旧冬衣 10 件", "不限", "匿名", DONOR_PHONE, "确认")
    which = donor.say("我想取消认捐")
    assert "取消认捐 J000001" in which and "认捐 J000001｜物资｜等待配对" in which
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Pledge)).one().status == PledgeStatus.OPEN  # not guessed
    donor.say("取消认捐 J000001")
    assert "没有可以取消的认捐" in donor.say("取消认捐")


def test_cancelling_an_unmatched_goods_pledge_says_no_yuan(donor: WeChatUser) -> None:
    donor.conversation("2", "2", "不限", "旧冬衣 10 件", "不限", "匿名", DONOR_PHONE, "确认")
    reply = donor.say("取消认捐 J000001")
    assert "已取消认捐 J000001" in reply and "0 元" not in reply
    assert "没有可以取消" in donor.say("取消认捐 J000001")


def test_uncovered_lists_open_cases_and_needed_counts_no_rejected(
    app: Flask, household: WeChatUser, runner: FlaskCliRunner
) -> None:
    assert runner.invoke(args=["data", "uncovered"]).output.strip() == "无"
    file_case(household)
    household.say("删除我的信息")
    household.say("确定")  # withdraws the case
    other = household.other("o_household_2")
    file_case(other, "621121198001010017")
    output = runner.invoke(args=["data", "uncovered"]).output
    assert "Q000002" in output and "Q000001" not in output
    assert "甘肃省定西市通渭县" in output and "case" in output.splitlines()[0]
    report = json.loads(runner.invoke(args=["data", "report"]).output)
    assert report["yuan_needed"] == 20000  # the withdrawn case's 20000 is not needed


def test_worker_help_lists_every_worker_command(dingxi_worker: WeChatUser) -> None:
    help_text = dingxi_worker.say("帮助")
    for command in ("确认 M", "拒绝 M", "送达 M", "接手 H", "查看 J", "代办", "金额"):
        assert command in help_text
    assert "1 我要求助" not in help_text
    with_matches = dingxi_worker.say("查看 M000009")
    assert "没有找到配对 M000009" in with_matches


def test_match_rows_after_decline_leave_no_stale_amounts(
    app: Flask, household: WeChatUser, donor: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    match = money_match_proposed(household, donor, dingxi_worker, redis_url)
    dingxi_worker.say(f"拒绝 {match} 家属已经筹到钱了")
    with app.extensions["zhulian"].services.db.session() as session:
        stored = session.scalars(select(Case)).one()
        pledge = session.scalars(select(Pledge)).one()
        match = session.scalars(select(Match)).one()
    assert (stored.amount_matched, stored.status) == (0, CaseStatus.VERIFIED)
    assert (pledge.amount_allocated, pledge.status) == (0, PledgeStatus.OPEN)
    assert match.decline_reason == "家属已经筹到钱了"
