"""代办 end to end: a case filed for a household without WeChat belongs to the household's
record; its notices reach the filing worker marked as being about that household; 补充
becomes the worker's phone task; nothing is captured after 解绑."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import select

from storage.models import Case, CaseQuestion
from tests.support.chat import HOUSEHOLD_ANSWERS, pushed_texts, run_worker
from tests.support.wechat import WeChatUser, invite_code


def file_on_behalf(worker: WeChatUser) -> str:
    assert "户主" in worker.say("代办")
    replies = worker.conversation(*HOUSEHOLD_ANSWERS, "确认")
    assert "这户人家在哪个县" in replies[HOUSEHOLD_ANSWERS.index("甘肃定西通渭县") - 1]
    assert not any("您家" in reply for reply in replies)
    assert "代办提交成功" in replies[-1]
    return replies[-1].split("求助编号 ")[1][:7]


def test_on_behalf_notices_questions_and_unbind(
    app: Flask,
    household: WeChatUser,
    dingxi_worker: WeChatUser,
    runner: FlaskCliRunner,
    redis_url: str,
) -> None:
    colleague = household.other("o_worker_dingxi_2")
    colleague.say(f"绑定 {invite_code(runner, '定西社工站', '621100')}")
    number = file_on_behalf(dingxi_worker)
    run_worker(redis_url)
    assert any(number in t for t in pushed_texts(colleague))  # the colleague hears of it
    assert "已核实" in colleague.say(f"核实 {number} 上门看过")
    run_worker(redis_url)
    [notice] = [t for t in pushed_texts(dingxi_worker) if "核实通过" in t]
    assert notice.startswith(f"关于您代办的 {number}（户主 王**）") and "您的求助" not in notice

    task = colleague.say(f"补充 {number} 孩子住哪个医院")
    assert "打电话问户主" in task and "138****8000" in task
    run_worker(redis_url)
    assert not any("住哪个医院" in t for t in pushed_texts(dingxi_worker))
    assert "已记下" in colleague.say(f"记录 {number} 定西市人民医院")

    colleague.say(f"补充 {number} 低保证号码是多少")
    assert "已解绑" in dingxi_worker.say("解绑")
    reply = dingxi_worker.say("今天天气不错")  # must not become the household's answer
    assert "转给社工" not in reply
    with app.extensions["zhulian"].services.db.session() as session:
        case = session.scalars(select(Case)).one()
        questions = list(session.scalars(select(CaseQuestion).order_by(CaseQuestion.id)))
    assert case.user_id is None
    assert [q.answer for q in questions] == ["定西市人民医院", None]
