"""WeChat delivery rules: de-duplication with the first reply replayed, the 5-second budget
with late replies pushed as customer-service messages, and the per-user rate limit."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from flask import Flask
from redis import Redis
from rq import Queue
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import OperationalError

from config.queues import NOTIFY_QUEUE
from conversation.state import user_lock
from storage.models import Case, InboundMessage, Notification, NotificationStatus, User
from storage.repositories import log_inbound
from tests.support.chat import HOUSEHOLD_ANSWERS, run_worker
from tests.support.wechat import StandIn, WeChatUser
from web.delivery import PENDING
from wechat_standin.webhook_caller import next_msg_id


def count(app: Flask, model: type) -> int:
    with app.extensions["zhulian"].services.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_duplicate_msgid_gets_the_same_reply_and_one_record(
    app: Flask, household: WeChatUser
) -> None:
    household.say("我想求助")
    household.conversation(*HOUSEHOLD_ANSWERS)
    confirm_id = next_msg_id()
    first = household.send("确认", msg_id=confirm_id)
    again = household.send("确认", msg_id=confirm_id)
    assert first.reply and "Q000001" in first.reply
    assert again.reply == first.reply
    assert count(app, Case) == 1
    assert count(app, InboundMessage) == 2 + len(HOUSEHOLD_ANSWERS)


def test_retry_after_the_claim_lapsed_gets_the_reply_kept_with_the_message(
    app: Flask, household: WeChatUser, redis_url: str
) -> None:
    """The handler committed, then died before Redis held its reply (or Redis forgot it):
    WeChat's retry must get that reply, from the inbound log, and nothing runs twice."""
    household.say("我想求助")
    household.conversation(*HOUSEHOLD_ANSWERS)
    confirm_id = next_msg_id()
    first = household.send("确认", msg_id=confirm_id)
    Redis.from_url(redis_url).delete(f"dedup:msg:{confirm_id}")
    again = household.send("确认", msg_id=confirm_id)
    assert first.reply and "Q000001" in first.reply
    assert again.reply == first.reply
    assert count(app, Case) == 1
    with app.extensions["zhulian"].services.db.session() as session:
        stored = session.execute(
            text("SELECT reply FROM inbound_messages WHERE dedup_key = :key"),
            {"key": f"msg:{confirm_id}"},
        ).scalar_one()
    assert "Q000001" not in stored  # kept encrypted


def test_a_retry_waiting_on_a_dead_handler_takes_the_message_over(
    app: Flask, household: WeChatUser, redis_url: str
) -> None:
    """The first delivery's handler died holding the claim: WeChat's retry waits, sees the
    claim lapse, and handles the message itself instead of answering a bare success."""
    household.say("我想求助")
    answer_id = next_msg_id()
    Redis.from_url(redis_url).set(f"dedup:msg:{answer_id}", PENDING, px=500)
    retry = household.send("同意", msg_id=answer_id)
    assert retry.reply and "哪方面" in retry.reply


def test_a_message_kept_unhandled_is_not_run_by_its_retry_even_from_a_new_sender(
    app: Flask, household: WeChatUser
) -> None:
    """Logged as unhandled before the sender had a record (Redis was down): the retry, with
    Redis back, gets asked to resend; nothing runs and no user is made."""
    msg_id = next_msg_id()
    with app.extensions["zhulian"].services.db.session() as session:
        log_inbound(session, f"msg:{msg_id}", household.openid, "text", "我想求助", "unhandled")
    retry = household.send("我想求助", msg_id=msg_id)
    assert retry.reply and "系统正忙" in retry.reply
    assert count(app, User) == 0
    assert count(app, InboundMessage) == 1


def test_duplicate_answer_does_not_advance_the_flow_twice(household: WeChatUser) -> None:
    household.say("我想求助")
    answer_id = next_msg_id()
    first = household.send("同意", msg_id=answer_id)
    assert first.reply and "哪方面" in first.reply
    assert household.send("同意", msg_id=answer_id).reply == first.reply
    assert "情况" in household.say("1")  # still at the need-type question


def test_a_turn_that_fails_leaves_the_conversation_where_it_was(
    app: Flask, household: WeChatUser
) -> None:
    """The database refuses the turn's last write: nothing of the turn is kept, the user is
    asked to resend, and the resent answer is read at the same question (the state is
    written only with the commit)."""
    household.say("我想求助")
    engine = app.extensions["zhulian"].services.db.engine

    def refuse(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO INBOUND_MESSAGES"):
            raise OperationalError(statement, {}, Exception("disk I/O error"))

    event.listen(engine, "before_cursor_execute", refuse)
    try:
        assert "系统正忙" in household.say("同意")
    finally:
        event.remove(engine, "before_cursor_execute", refuse)
    assert "哪方面" in household.say("同意")  # still at the consent question


def test_duplicate_subscribe_event_is_handled_once(app: Flask, household: WeChatUser) -> None:
    from wechat_standin.signing import event_xml

    xml = event_xml(household.openid, "subscribe", create_time=int(time.time()))
    first, again = household.caller.deliver(xml), household.caller.deliver(xml)
    assert first.reply and again.reply == first.reply
    assert count(app, InboundMessage) == 1


def test_reply_past_the_budget_is_pushed_later(
    make_app: Callable[..., Flask], standin: StandIn, redis_url: str
) -> None:
    app = make_app(reply_budget_seconds=0.3)
    user = WeChatUser(app.test_client(), app.extensions["zhulian"].settings, standin, "o_slow")
    holder = Redis.from_url(redis_url)
    busy = holder.lock(user_lock(user.openid), timeout=30, thread_local=False)
    assert busy.acquire(blocking=False)  # an earlier message of this user is still running
    release = threading.Timer(1.0, busy.release)
    release.start()
    msg_id = next_msg_id()
    delivery = user.send("你好", msg_id=msg_id)
    assert (delivery.status, delivery.reply) == (200, None)  # "success" within the budget
    with Redis.from_url(redis_url) as redis:
        deadline = time.monotonic() + 30
        while Queue(NOTIFY_QUEUE, connection=redis).count == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
    release.join()
    holder.close()
    run_worker(redis_url)
    pushed = user.pushed()
    assert len(pushed) == 1 and "求助" in pushed[0]["content"]
    # it went through the outbox, written with the turn: a crash after the commit loses nothing
    with app.extensions["zhulian"].services.db.session() as session:
        late = session.scalars(select(Notification)).one()
        assert late.dedup_key.startswith("late-reply:") and late.status == NotificationStatus.SENT
    # WeChat's retry of the same message: "success", no second push, one record.
    assert user.send("你好", msg_id=msg_id).reply is None
    run_worker(redis_url)
    assert len(user.pushed()) == 1
    assert count(app, InboundMessage) == 1


def test_rate_limit_per_user(make_app: Callable[..., Flask], standin: StandIn) -> None:
    app = make_app(user_rate_limit_per_minute=3)
    user = WeChatUser(app.test_client(), app.extensions["zhulian"].settings, standin, "o_fast")
    replies = [user.say("你好") for _ in range(4)]
    assert all("回复数字" in r for r in replies[:3])
    assert "有点快" in replies[3]
    with app.extensions["zhulian"].services.db.session() as session:
        outcomes = list(session.scalars(select(InboundMessage.outcome)))
    assert sorted(outcomes) == ["handled", "handled", "handled", "rate_limited"]
