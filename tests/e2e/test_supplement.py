"""我还想补充一下…: what a household adds after filing goes with its open request, and the
covering social workers hear it."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select, text

import messages as msg
from storage.models import Case
from tests.support.chat import file_case, pushed_texts, run_worker
from tests.support.wechat import WeChatUser


def test_what_a_household_adds_goes_with_its_request_and_to_the_worker(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    number = file_case(household)
    run_worker(redis_url)
    reply = household.say("我还想补充一下，我妈还有糖尿病，每个月药钱三百")
    assert reply == msg.SUPPLEMENT_ADDED.format(number=number)
    run_worker(redis_url)
    [notice] = [t for t in pushed_texts(dingxi_worker) if "补充了情况" in t]
    assert number in notice and "糖尿病" in notice
    with app.extensions["zhulian"].services.db.session() as session:
        case = session.scalars(select(Case)).one()
        raw = session.execute(text("SELECT description FROM cases")).scalar_one()
    assert case.description.endswith("【补充】我妈还有糖尿病，每个月药钱三百")
    assert "糖尿病" not in raw  # encrypted at rest


def test_saying_only_that_there_is_more_asks_what(household: WeChatUser) -> None:
    number = file_case(household)
    assert household.say("补充一下") == msg.ASK_SUPPLEMENT
    assert household.say("孩子他爸腿也摔伤了") == msg.SUPPLEMENT_ADDED.format(number=number)


def test_nothing_open_to_add_to_is_said(household: WeChatUser) -> None:
    assert household.say("我想补充一下家里的情况") == msg.SUPPLEMENT_NO_CASE
    assert household.say("我要改地址 我们搬到县城了") == msg.SUPPLEMENT_NO_CASE  # no request
    assert household.say("补充一下") == msg.SUPPLEMENT_NO_CASE  # not asked what first


def test_a_vague_message_after_filing_is_about_the_open_request(household: WeChatUser) -> None:
    """能不能快点: the request and what can be done, not 求助还是帮助别人 again."""
    number = file_case(household)
    reply = household.say("能不能快点，急用")
    assert number in reply and "等待社工核实" in reply and "回复“补充”" in reply
    assert "多少钱" in household.say("我想再申请一个，孩子的学费")  # a new need: a new request


def test_a_need_told_again_with_a_request_open_asks_add_or_new(
    app: Flask, household: WeChatUser
) -> None:
    number = file_case(household)
    reply = household.say("我家的情况又变了孩子他爸也病倒了")
    assert reply == msg.ASK_ADD_OR_NEW.format(number=number)
    assert household.say("1") == msg.SUPPLEMENT_ADDED.format(number=number)
    with app.extensions["zhulian"].services.db.session() as session:
        case = session.scalars(select(Case)).one()  # no second request
    assert case.description.endswith("【补充】我家的情况又变了孩子他爸也病倒了")
    household.say("孩子上学的学费也交不起了")
    assert "多少钱" in household.say("2")  # a new request, the need already told


def test_a_change_or_how_to_be_reached_said_after_filing_goes_with_the_request(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    """Said without 补充: a changed sum or household, or how the household would be reached
    now; never a new request. How to reach it is kept with the household too."""
    number = file_case(household)
    added = msg.SUPPLEMENT_ADDED.format(number=number)
    assert household.say("我想把求助金额改成五千") == added
    assert household.say("我家又多了一口人 添了个孙子") == added
    assert household.say("以后别打我电话了 发短信就行") == added
    assert household.say("我要改地址 我们搬到县城了") == msg.SUPPLEMENT_ADDED.format(number=number)
    run_worker(redis_url)
    notices = [t for t in pushed_texts(dingxi_worker) if "补充了情况" in t]
    assert len(notices) == 4 and "发短信就行" in notices[2] and "搬到县城" in notices[3]
    with app.extensions["zhulian"].services.db.session() as session:
        case = session.scalars(select(Case)).one()
        assert case.profile.contact_note == "以后别打我电话了，发短信就行"
        assert case.description.endswith("【补充】我们搬到县城了")


def test_how_to_be_reached_said_with_nothing_open_is_read_as_any_message(
    household: WeChatUser,
) -> None:
    """Not 您现在没有进行中的求助: a deaf man asking for work starts his request, the work
    it is about taken as the need, his deafness noted for the social worker."""
    reply = household.say("我是聋哑人会做手工活想找个地方上班")
    assert "会转告社工" in reply and reply.endswith(msg.CONSENT)
    assert household.say("同意") == msg.ASK_AMOUNT  # the need (work) is taken
