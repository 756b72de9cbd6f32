"""我要投诉 / 建议, the flow added as one file: recorded encrypted, routed to the covering
organisation's workers, or to the operators when nothing covers the place."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import select, text

from domain.standing import score_of
from storage.models import AuditEntry, Feedback, Organisation
from tests.e2e.test_organisations import operator
from tests.support.chat import file_case, pushed_texts, run_worker
from tests.support.console import sign_in
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


def test_a_complaint_told_in_the_first_message_is_kept(app: Flask, household: WeChatUser) -> None:
    """我要投诉，… : the complaint flow starts with what happened already taken (it had gone
    to a person as a request for a social worker)."""
    assert "哪个县" in household.say("我要投诉，社工态度很差，说话很冲")
    assert "内容：社工态度很差，说话很冲" in household.say("通渭")


def test_a_complaint_told_without_the_word_is_one(household: WeChatUser) -> None:
    """社工态度不好 说话很凶 had gone to a person as a request for a social worker; asking
    whether a social worker charges (社工来的时候要钱吗) is still a question."""
    assert "哪个县" in household.say("社工态度不好 说话很凶")
    summary = household.say("通渭")
    assert "类型：投诉" in summary and "内容：社工态度不好 说话很凶" in summary
    assert household.say("取消").startswith("好的，已取消")
    assert "哪个县" not in household.say("社工来的时候要钱吗")
    assert "哪个县" in household.say("社工收了我的钱")  # it had got the numbered question
    household.say("取消")
    assert "请说说" in household.say("我要提个建议")  # it had got the numbered question


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


def test_an_operator_decides_a_complaint_on_the_organisations_page(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, runner: FlaskCliRunner
) -> None:
    household.conversation("我要投诉", "社工说好周三上门，一直没来", "通渭", "确认")
    console = sign_in(app.test_client(), operator(household, runner))
    with app.extensions["zhulian"].services.db.session() as session:
        organisation_id = session.scalars(select(Organisation)).one().id
    page = f"/console/organisations/{organisation_id}"
    shown = console.get(page).get_data(as_text=True)
    assert "F000001" in shown and "一直没来" in shown and "待核实" in shown
    assert console.post(f"{page}/complaints/1", {"decision": "upheld"}).status_code == 302
    assert "F000001 已记为“成立”" in console.get(page).get_data(as_text=True)
    assert _upheld(app, organisation_id) == (True, 1)
    console.post(f"{page}/complaints/1", {"decision": "not_upheld"})  # reconsidered
    assert _upheld(app, organisation_id) == (False, 0)
    # a forged post (no CSRF token), a made-up finding and a worker's post change nothing
    assert (
        console.client.post(f"{page}/complaints/1", data={"decision": "upheld"}).status_code == 400
    )
    console.post(f"{page}/complaints/1", {"decision": "delete"})
    assert "请点“核实成立”或“不成立”" in console.get(page).get_data(as_text=True)
    worker = sign_in(app.test_client(), dingxi_worker)
    worker.get("/console/queue")  # a page of theirs, for the form token
    assert worker.post(f"{page}/complaints/1", {"decision": "upheld"}).status_code == 404
    assert "一直没来" not in worker.get(page).get_data(as_text=True)
    assert _upheld(app, organisation_id) == (False, 0)
    with app.extensions["zhulian"].services.db.session() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.target_type == "feedback")
        )
        assert [a for a in actions if a.startswith("feedback.")][-2:] == [
            "feedback.upheld",
            "feedback.not_upheld",
        ]


def _upheld(app: Flask, organisation_id: int) -> tuple[bool | None, int]:
    with app.extensions["zhulian"].services.db.session() as session:
        organisation = session.get(Organisation, organisation_id)
        assert organisation is not None
        feedback = session.scalars(select(Feedback)).one()
        return feedback.upheld, score_of(session, organisation, 3).complaints_upheld


def test_a_complaint_is_placed_where_the_senders_request_is(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    """A household with a request filed is not asked where again: the summary shows its
    county, which can still be changed."""
    file_case(household)  # in 甘肃定西通渭县
    summary = household.say("我要投诉，打了三次电话都没人接")
    assert "地区：甘肃省定西市通渭县" in summary and "请核对" in summary
    household.say("确认")
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Feedback)).one().region_code == "621121"


def test_a_complaint_naming_its_county_is_placed_there(household: WeChatUser) -> None:
    summary = household.say("我要投诉，云南昭通镇雄县的社工收了我家的钱")
    assert "地区：云南省昭通市镇雄县" in summary
