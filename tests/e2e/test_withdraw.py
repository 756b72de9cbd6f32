"""撤回求助: a household withdraws a request it no longer needs, through signed XML; the
social worker covering it hears of it, the audit trail keeps it, and a request that help is
promised to is left to the social worker."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

import messages as msg
from storage.models import AuditEntry, Case, CaseStatus
from tests.support.chat import file_case, money_match_proposed, pushed_texts, run_worker
from tests.support.wechat import WeChatUser


def test_a_household_withdraws_its_request_by_its_number(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    number = file_case(household)
    listed = household.say("我想撤回申请")
    assert listed.startswith("要撤回哪一份") and f"撤回求助 {number}" in listed
    with app.extensions["zhulian"].services.db.session() as session:  # a listing changes nothing
        assert session.scalars(select(Case.status)).one() == CaseStatus.SUBMITTED
    assert household.say(f"撤回求助 {number}") == msg.CASE_WITHDRAWN.format(number=number)
    run_worker(redis_url)
    notices = [t for t in pushed_texts(dingxi_worker) if "撤回" in t]
    assert notices == [msg.CASE_WITHDRAWN_FOR_WORKER.format(number=number)]
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Case.status)).one() == CaseStatus.WITHDRAWN
        assert "case.withdrawn" in session.scalars(select(AuditEntry.action)).all()
    assert "已撤回" in household.say("进度")
    again = household.say(f"撤回求助 {number}")
    assert again == msg.CASE_ALREADY_WITHDRAWN.format(number=number)
    assert household.say("撤回求助") == msg.NO_CASE_TO_WITHDRAW


def test_only_ones_own_request_is_withdrawn(
    app: Flask, household: WeChatUser, donor: WeChatUser
) -> None:
    number = file_case(household)
    assert donor.say(f"撤回求助 {number}") == msg.NO_OWN_CASE.format(number=number)
    assert household.say("撤回求助 Q999999") == msg.NO_OWN_CASE.format(number="Q999999")
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Case.status)).one() == CaseStatus.SUBMITTED


def test_a_request_with_help_promised_is_left_to_the_social_worker(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    redis_url: str,
) -> None:
    match = money_match_proposed(household, donor, dingxi_worker, redis_url)
    assert "已确认" in dingxi_worker.say(f"确认 {match}")
    number = "Q000001"
    with app.extensions["zhulian"].services.db.session() as session:
        status = session.scalars(select(Case.status)).one()
    reply = household.say(f"撤回求助 {number}")
    assert reply == msg.CASE_NOT_WITHDRAWABLE.format(number=number, status=msg.CASE_STATUS[status])
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Case.status)).one() == status


def test_calling_off_with_nothing_under_way_says_how_to_withdraw(household: WeChatUser) -> None:
    assert household.say("取消") == msg.NOTHING_UNDER_WAY + msg.MENU
    number = file_case(household)
    reply = household.say("取消")
    assert reply == msg.NOTHING_UNDER_WAY + msg.WITHDRAW_HINT.format(number=number) + msg.MENU
