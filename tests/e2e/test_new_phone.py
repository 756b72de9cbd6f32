"""手机号换了: a new mobile number goes to the sender's open requests and pledges, is audited,
and the social workers covering each request hear of it (masked)."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select, text

import messages as msg
from storage.models import AuditEntry, Case, Pledge
from tests.support.chat import file_case, pushed_texts, run_worker
from tests.support.wechat import WeChatUser

NEW = "13912340000"


def test_a_households_new_number_goes_to_its_request_and_its_worker(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    number = file_case(household)
    run_worker(redis_url)
    assert household.say("我的手机号换了，怎么改") == msg.ASK_NEW_PHONE
    reply = household.say(NEW)
    assert reply == msg.NEW_PHONE_KEPT.format(phone="139****0000", numbers=number)
    run_worker(redis_url)
    [notice] = [t for t in pushed_texts(dingxi_worker) if "联系电话换成了" in t]
    assert number in notice and "139****0000" in notice and NEW not in notice
    with app.extensions["zhulian"].services.db.session() as session:
        phone = session.scalars(select(Case)).one().profile.phone
        raw = session.execute(text("SELECT phone FROM household_profiles")).scalar_one()
        audited = session.scalars(select(AuditEntry.action)).all()
    assert phone == NEW and NEW not in raw  # encrypted at rest
    assert "case.phone_changed" in audited


def test_a_number_said_with_it_is_taken_at_once_for_an_open_pledge(
    app: Flask, donor: WeChatUser
) -> None:
    donor.conversation("我想捐几床棉被", "不限", "不限", "小陈", "13912345678", "确认")
    reply = donor.say(f"电话号码换了，新的是{NEW}")
    assert reply.startswith("好的，手机号已改成 139****0000") and "J000001" in reply
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Pledge)).one().contact_phone == NEW


def test_with_nothing_open_the_number_is_not_even_asked(household: WeChatUser) -> None:
    assert household.say("我换号了") == msg.NEW_PHONE_NOTHING_OPEN
    # said after something else: no new request started (it had asked for consent)
    assert household.say("我之前申请过 但是手机号换了") == msg.NEW_PHONE_NOTHING_OPEN


def test_the_change_said_the_other_way_round_is_understood(household: WeChatUser) -> None:
    file_case(household)
    assert household.say("我想改一下我的电话") == msg.ASK_NEW_PHONE  # had asked to delete data
    assert household.say("取消").startswith("好的，已取消")
    assert household.say("我换手机号了") == msg.ASK_NEW_PHONE


def test_a_number_given_wrong_is_a_change_of_number(app: Flask, donor: WeChatUser) -> None:
    donor.conversation("我想捐几床棉被", "不限", "不限", "小陈", "13912345678", "确认")
    assert donor.say("我上次登记错了电话号码 怎么改") == msg.ASK_NEW_PHONE
    reply = donor.say(NEW)
    assert reply.startswith("好的，手机号已改成 139****0000") and "J000001" in reply
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Pledge)).one().contact_phone == NEW
