"""人工 end to end: the covering workers are told, one takes it, messages travel both ways
through the stand-in, either side ends it; nobody taking it brings in the admin; an
uncovered region reaches the operators; the 48-hour window is respected."""

from __future__ import annotations

import time
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import select, update

import messages as msg
from jobs.reminders import escalate_handoffs
from storage.models import Handoff, HandoffMessage, HandoffStatus, InboundMessage, utcnow
from tests.support.chat import file_case, pushed_texts, run_worker
from tests.support.wechat import WeChatUser, invite_code


def handoff_number(worker: WeChatUser) -> str:
    notice = next(t for t in pushed_texts(worker) if "请社工帮忙 H" in t)
    return notice.split("请社工帮忙 ")[1][:7]


def test_round_trip_take_talk_end(
    app: Flask,
    household: WeChatUser,
    dingxi_worker: WeChatUser,
    zhaotong_worker: WeChatUser,
    redis_url: str,
) -> None:
    case = file_case(household)
    household.say("孩子的药快吃完了")
    reply = household.say("人工")
    assert "定西社工站" in reply and "2 小时" in reply
    run_worker(redis_url)
    number = handoff_number(dingxi_worker)
    notice = next(t for t in pushed_texts(dingxi_worker) if number in t)
    assert case in notice and "孩子的药快吃完了" in notice  # the open case and last messages
    assert pushed_texts(zhaotong_worker) == []
    assert "不在您负责" in zhaotong_worker.say(f"接手 {number}")
    assert "已接手" in dingxi_worker.say(f"接手 {number}")
    run_worker(redis_url)
    assert any("定西社工站的社工已经接手" in t for t in pushed_texts(household))

    assert "已发给" in dingxi_worker.say(f"回复 {number} 您好，药的事我明天上门看看")
    run_worker(redis_url)
    assert any("明天上门看看" in t for t in pushed_texts(household))
    assert household.say("好的，谢谢，我在家等") == "已转给社工。"
    run_worker(redis_url)
    assert any("我在家等" in t and number in t for t in pushed_texts(dingxi_worker))

    assert "已结束" in household.say("结束对话")
    run_worker(redis_url)
    assert any("结束了对话" in t for t in pushed_texts(dingxi_worker))
    assert "回复数字" in household.say("你好")  # back to the bot
    assert "不是您正在接手" in dingxi_worker.say(f"回复 {number} 还在吗")
    with app.extensions["zhulian"].services.db.session() as session:
        handoff = session.scalars(select(Handoff)).one()
        texts = [
            m.text for m in session.scalars(select(HandoffMessage).order_by(HandoffMessage.id))
        ]
    assert handoff.status == HandoffStatus.CLOSED and handoff.region_code == "621121"
    assert texts == ["您好，药的事我明天上门看看", "好的，谢谢，我在家等"]


def test_second_worker_cannot_take_a_taken_handoff_and_worker_can_end(
    household: WeChatUser, dingxi_worker: WeChatUser, runner: FlaskCliRunner, redis_url: str
) -> None:
    file_case(household)
    household.say("找社工")
    run_worker(redis_url)
    number = handoff_number(dingxi_worker)
    colleague = household.other("o_worker_dingxi_2")
    assert "绑定成功" in colleague.say(f"绑定 {invite_code(runner, '定西社工站', '621100')}")
    assert "已接手" in colleague.say(f"接手 {number}")
    assert "别人接手" in dingxi_worker.say(f"接手 {number}")
    assert "已结束" in colleague.say(f"结束对话 {number}")
    run_worker(redis_url)
    assert any("社工结束了这次对话" in t for t in pushed_texts(household))


def test_unknown_region_is_asked_and_nobody_taking_it_escalates_to_the_admin(
    app: Flask, household: WeChatUser, runner: FlaskCliRunner, redis_url: str
) -> None:
    worker = household.other("o_worker_plain")
    admin = household.other("o_worker_admin")
    worker.say(f"绑定 {invite_code(runner, '定西社工站', '621100')}")
    code = (
        runner.invoke(
            args=["social-worker", "invite", "--org", "定西社工站", "--region", "621100", "--admin"]
        )
        .output.split("invite code:")[1]
        .split()[0]
    )
    admin.say(f"绑定 {code}")
    assert "哪个县" in household.say("我要找人工")
    assert "定西社工站" in household.say("通渭")
    assert "已经在为您请社工" in household.say("人工")  # one request, not two
    run_worker(redis_url)
    assert escalate_handoffs() == 0  # not late yet
    with app.extensions["zhulian"].services.db.session() as session:
        session.execute(update(Handoff).values(requested_at=utcnow() - timedelta(hours=3)))
    assert escalate_handoffs() == 1
    assert escalate_handoffs() == 0  # once
    run_worker(redis_url)
    assert any("还没有社工接手" in t for t in pushed_texts(admin))
    assert not any("还没有社工接手" in t for t in pushed_texts(worker))
    assert any("机构负责人" in t for t in pushed_texts(household))


def test_uncovered_region_tells_the_household_and_the_operators(
    household: WeChatUser, runner: FlaskCliRunner, redis_url: str
) -> None:
    operator = household.other("o_operator")
    result = runner.invoke(args=["operator", "add", "--openid", "o_operator", "--name", "小周"])
    assert result.exit_code == 0, result.output
    household.say("人工")
    reply = household.say("云南昭通镇雄县")
    assert "还没有合作的社工机构" in reply and "云南省昭通市镇雄县" in reply
    run_worker(redis_url)
    number = handoff_number(operator)
    assert "已接手" in operator.say(f"接手 {number}")
    run_worker(redis_url)
    assert any("平台工作人员已经接手" in t for t in pushed_texts(household))


def test_outside_48_hours_a_template_invites_a_reply_and_the_message_waits(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    file_case(household)
    household.say("人工")
    run_worker(redis_url)
    number = handoff_number(dingxi_worker)
    dingxi_worker.say(f"接手 {number}")
    long_ago = utcnow() - timedelta(hours=50)
    with app.extensions["zhulian"].services.db.session() as session:
        session.execute(
            update(InboundMessage)
            .where(InboundMessage.openid == household.openid)
            .values(received_at=long_ago)
        )
    household.standin.state.last_user_message[household.openid] = time.time() - 50 * 3600
    assert "48 小时" in dingxi_worker.say(f"回复 {number} 补助的材料准备好了吗")
    run_worker(redis_url)
    last = household.pushed()[-1]
    assert last["api"] == "template" and "材料" not in str(last)
    reply = household.say("在的")
    assert "社工给您的留言" in reply and "补助的材料准备好了吗" in reply
    assert household.say("准备好了") == "已转给社工。"  # shown once


def test_words_of_despair_get_where_to_get_help_and_a_social_worker(
    household: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    assert household.say("我不想活了") == msg.CRISIS + msg.ASK_HANDOFF_REGION
    assert "社工" in household.say("甘肃定西通渭县")  # the hand-off is opened
    run_worker(redis_url)
    assert any("我不想活了" in text for text in pushed_texts(dingxi_worker))


def test_despair_beside_a_request_or_inside_a_flow_keeps_it(household: WeChatUser) -> None:
    reply = household.say("有没有好心人帮帮我，我真的活不下去了")
    assert reply.startswith(msg.CRISIS) and "同意" in reply  # the help request begins too
    assert household.say("活着没意思") == msg.CRISIS + msg.CRISIS_PERSON
    assert "多少钱" in household.say("同意")  # the flow goes on where it was


def test_danger_gets_the_numbers_to_call_before_the_reply(household: WeChatUser) -> None:
    reply = household.say("我被车撞了对方跑了，腿骨折了住院要两万")
    assert reply.startswith(msg.EMERGENCY) and "同意" in reply  # the help request begins too


def test_what_is_said_while_waiting_is_left_for_the_person_who_takes_it(
    household: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    """人呢, 怎么还没人理我, 我想问问我家的事 while nobody has taken the hand-off: told it is
    kept for them (not the menu, not 您是想求助还是捐助); whoever takes it reads it."""
    household.say("人工")
    assert "定西社工站" in household.say("甘肃定西通渭")
    assert household.say("我想问问我家的事") == msg.HANDOFF_WAITING_KEPT
    assert household.say("人呢") == msg.HANDOFF_WAITING_KEPT
    assert household.say("怎么还没人理我") == msg.HANDOFF_WAITING_KEPT
    run_worker(redis_url)
    reply = dingxi_worker.say(f"接手 {handoff_number(dingxi_worker)}")
    assert reply.endswith("对方等待时说：\n· 我想问问我家的事\n· 人呢\n· 怎么还没人理我")
