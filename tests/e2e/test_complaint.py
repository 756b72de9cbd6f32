"""我要投诉 / 建议, the flow added as one file: recorded encrypted, routed to the covering
organisation's workers, or to the operators when nothing covers the place."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import select, text

from domain.standing import score_of
from storage.models import Feedback, Organisation
from tests.support.chat import pushed_texts, run_worker
from tests.support.wechat import WeChatUser


def test_complaint_reaches_the_covering_workers(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    assert "发生了什么" in household.say("我要投诉")  # the kind is in the first message
    household.say("社工说好周三上门，一直没来")
    assert "请核对" in household.say("通渭")
    done = household.say("确认")
    assert "F000001" in done and "人工" in done
    run_worker(redis_url)
    [notice] = [t for t in pushed_texts(dingxi_worker) if "F000001" in t]
    assert "收到投诉" in notice and "一直没来" in notice and "甘肃省定西市通渭县" in notice
    with app.extensions["zhulian"].services.db.session() as session:
        feedback = session.scalars(select(Feedback)).one()
        raw = session.execute(text("SELECT text FROM feedback")).scalar_one()
    assert (feedback.kind, feedback.region_code) == ("complaint", "621121")
    assert "一直没来" not in raw  # encrypted at rest


def test_suggestion_without_a_place_goes_to_the_operators(
    household: WeChatUser, runner: FlaskCliRunner, redis_url: str
) -> None:
    runner.invoke(args=["operator", "add", "--openid", "o_operator", "--name", "小周"])
    assert "投诉，还是提建议" in household.say("投诉建议")  # which one is not said
    household.conversation("2", "希望能在公众号里看到捐款的去向")
    assert "未说明" in household.say("不知道")
    assert "F000001" in household.say("确认")
    run_worker(redis_url)
    assert any("收到建议 F000001" in t for t in pushed_texts(household.other("o_operator")))


def test_an_upheld_complaint_counts_against_its_organisation(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, runner: FlaskCliRunner
) -> None:
    household.conversation("我要投诉", "社工说好周三上门，一直没来", "通渭", "确认")
    assert "F000001: upheld" in runner.invoke(args=["data", "uphold", "F000001"]).output
    assert runner.invoke(args=["data", "uphold", "F000099"]).exit_code != 0
    with app.extensions["zhulian"].services.db.session() as session:
        organisation = session.scalars(select(Organisation)).one()
        score = score_of(session, organisation, 3)
    assert score.complaints_upheld == 1
