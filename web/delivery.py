"""What happens to one delivery from WeChat, after it passed the checks.

1. De-duplicate before any work: the first delivery of a `MsgId` (events: sender and
   CreateTime) claims it in Redis and is counted against its sender's rate, in one call;
   WeChat's retries get the first reply again (kept encrypted), or `success` while it is
   still being worked on or was sent later. A retry that sees the claim lapse (its handler
   died) takes the message over; one that finds it in the inbound log gets the reply kept
   there.
2. Handle the message under a per-user lock, so one user's messages are processed in order.
   The admission takes the lock when it is free (else the turn waits for it) and reads the
   conversation state with it; the lock is given back with the reply kept and the state the
   turn left, after its commit: a message costs Redis two round trips. The turn's first read
   (logged before? the sender, a hand-off a person has taken) is one statement, and its only
   write of its own is the inbound-log row, inserted last with the reply.
3. Answer within the time budget; past it, answer `success` and send the real reply as a
   customer-service message from the worker.
"""

from __future__ import annotations

import logging
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import suppress

from redis import Redis
from redis.exceptions import LockError, RedisError
from rq import Retry
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from wechatpy.messages import BaseMessage

import messages as msg
from config.queues import SEND_TEXT
from conversation.engine import Conversation, Services
from conversation.state import (
    LOCK_SECONDS,
    UNREAD,
    ConversationStore,
    TurnState,
    Unread,
    Written,
    user_lock,
)
from domain.events import Event, Outcome
from nlu.text import normalise_text
from storage import crypto
from storage.models import utcnow
from storage.repositories import arrival, log_inbound
from web.follow_up import FollowUps

log = logging.getLogger(__name__)

PENDING = "\x00pending"
DEFERRED = "\x00deferred"
NO_REPLY = "\x00none"
MAX_TEXT_CHARS = 1000
# A claim outlives the reply budget by this much before another delivery may take it over.
CLAIM_MARGIN_SECONDS = 1.0
# A reply ready this close to the budget goes out through the outbox instead, written with
# the turn: answering now could arrive too late, and a push queued after the commit would
# be lost if the process died in between.
LATE_MARGIN_SECONDS = 0.5
# One user's messages are handled one at a time, under `conversation.state.user_lock` (the
# inbound log prevents a second run if its holder dies); a waiting message gives up in time
# to be logged and the user asked to resend.
USER_LOCK_MS = LOCK_SECONDS * 1000
USER_LOCK_WAIT_SECONDS = 20
# A late reply only "succeeds" if it reaches the user; these retries cover WeChat hiccups.
LATE_REPLY_RETRY = Retry(max=3, interval=[5, 30, 120])

# Sets the reply only while the key still says "pending" (a deferred key stays deferred), and
# gives back the sender's lock (KEYS[2]) if this turn still holds it (token ARGV[4]). Before
# that, the state the turn left (KEYS[3]: payload ARGV[5], '' to clear, TTL ARGV[6]) is
# written, unless another turn of the sender has taken the lock since (this one took too long).
_COMPLETE = """
if KEYS[2] then
  local holder = redis.call('GET', KEYS[2])
  if KEYS[3] and (holder == ARGV[4] or not holder) then
    if ARGV[5] == '' then redis.call('DEL', KEYS[3])
    else redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[6]) end
  end
  if holder == ARGV[4] then redis.call('DEL', KEYS[2]) end
end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
  return 1
end
return 0
"""


# A first delivery, in one round trip: claim it, count it against the sender's per-minute
# limit, and take the sender's lock when it is free, reading the sender's conversation state
# under it. 0: someone else holds it; 1: ours, the lock held by another of the sender's
# messages; 2: ours, but the sender is too fast; 3: ours, with the lock (and the state, ''
# when there is none).
_ADMIT = """
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {0, ''} end
local sent = redis.call('INCR', KEYS[2])
if sent == 1 then redis.call('EXPIRE', KEYS[2], 120) end
if sent > tonumber(ARGV[3]) then return {2, ''} end
if ARGV[4] ~= '' and redis.call('SET', KEYS[3], ARGV[4], 'NX', 'PX', ARGV[5]) then
  return {3, redis.call('GET', KEYS[4]) or ''}
end
return {1, ''}
"""
HELD, ADMITTED, TOO_FAST, ADMITTED_LOCKED = 0, 1, 2, 3

# A delivery given up: its claim goes, and the sender's lock if this turn holds it.
_RELEASE = """
if KEYS[2] and redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
redis.call('DEL', KEYS[1])
"""


def dedup_key(message: BaseMessage) -> str:
    if message.type == "event" or not message.id:
        event = getattr(message, "event", message.type)
        key = getattr(message, "key", "") or ""  # two menu buttons tapped within a second
        suffix = f":{key}" if key else ""
        return f"{message.source}:{int(message.create_time.timestamp())}:{event}{suffix}"
    return f"msg:{message.id}"


def message_text(message: BaseMessage) -> str | None:
    """The text a message carries: typed text, or WeChat's voice recognition."""
    if message.type == "text":
        return str(message.content or "")
    if message.type == "voice" and getattr(message, "recognition", None):
        return str(message.recognition)
    return None


class DeliveryLedger:
    """Redis record of each delivery: pending, its reply, or deferred (sent later).

    A claim is a lease: `pending` lasts only `lease_seconds` (past the reply budget, a live
    handler has replaced it with the reply or `deferred`). If the process handling it dies,
    WeChat's next delivery finds the claim gone and handles the message; the inbound log,
    written in the handling transaction, still keeps it from being processed twice."""

    def __init__(self, redis: Redis, ttl_seconds: int, lease_seconds: float) -> None:
        self._redis = redis
        self._ttl = ttl_seconds
        self._lease_ms = int(lease_seconds * 1000)
        self._complete = redis.register_script(_COMPLETE)
        self._admit = redis.register_script(_ADMIT)
        self._release = redis.register_script(_RELEASE)

    @staticmethod
    def _key(key: str) -> str:
        return f"dedup:{key}"

    def load_scripts(self) -> None:
        """Load the Lua scripts into Redis now rather than on the first message."""
        for script in (_COMPLETE, _ADMIT, _RELEASE):
            self._redis.script_load(script)

    def admit(
        self, key: str, openid: str, per_minute: int, token: str = "", state_key: str = ""
    ) -> tuple[int, str | None | Unread]:
        """Claim a delivery and count it for its sender: HELD, ADMITTED, TOO_FAST, or
        ADMITTED_LOCKED when the sender's lock was free and is now held with `token`; with
        it, what `state_key` holds (None: nothing), read under that lock."""
        rate = f"rate:{openid}:{int(time.time() // 60)}"
        keys = [self._key(key), rate, user_lock(openid), state_key]
        args: list[str | int] = [PENDING, self._lease_ms, per_minute, token, USER_LOCK_MS]
        admission, state = self._admit(keys=keys, args=args)
        if int(admission) != ADMITTED_LOCKED:
            return int(admission), UNREAD
        return ADMITTED_LOCKED, (state.decode() if isinstance(state, bytes) else state) or None

    def claim(self, key: str) -> bool:
        """Take over a delivery whose claim lapsed (not counted again for its sender)."""
        return bool(self._redis.set(self._key(key), PENDING, nx=True, px=self._lease_ms))

    def complete(
        self,
        key: str,
        reply: str | None,
        held: tuple[str, str] | None = None,
        written: Written | None = None,
    ) -> None:
        """Keep the reply for WeChat's retries, encrypted (a summary shows the name), and
        give back the sender's lock (`held`: their openid and the turn's token) in the same
        round trip, writing the conversation state the turn left (`written`; None: as it
        was)."""
        kept = crypto.cipher().encrypt(reply) if reply else NO_REPLY
        keys: list[str] = [self._key(key)]
        args: list[str | int] = [PENDING, kept, self._ttl]
        if held:
            openid, token = held
            keys.append(user_lock(openid))
            args.append(token)
            if written is not None:
                keys.append(ConversationStore.key(openid))
                args.extend([written.payload, written.ttl])
        self._complete(keys=keys, args=args)

    def defer(self, key: str) -> None:
        self._redis.set(self._key(key), DEFERRED, ex=self._ttl)

    def release(self, key: str, held: tuple[str, str] | None = None) -> None:
        """Let go of a delivery that failed, and of the sender's lock if still `held`."""
        if held is None:
            self._release(keys=[self._key(key)], args=[])
        else:
            self._release(keys=[self._key(key), user_lock(held[0])], args=[held[1]])

    def wait_for_reply(self, key: str, budget: float) -> tuple[bool, str | None]:
        """The reply a duplicate should get: the first reply, or None ("success"). The flag
        is False when the claim vanished meanwhile: its handler died, and this delivery may
        take the message over."""
        deadline = time.monotonic() + budget
        while True:
            value = self._redis.get(self._key(key))
            if value != PENDING or time.monotonic() >= deadline:
                break
            time.sleep(0.05)
        if value is None:
            return False, None
        if value in (PENDING, DEFERRED, NO_REPLY):
            return True, None
        return True, crypto.cipher().decrypt(str(value))


class Dispatcher:
    """Turns a checked message into the reply text (or None for a bare `success`)."""

    def __init__(self, services: Services, jobs: Redis, workers: int = 16) -> None:
        self.services = services
        settings = services.settings
        lease = settings.reply_budget_seconds + CLAIM_MARGIN_SECONDS
        self.ledger = DeliveryLedger(services.redis, settings.dedup_ttl_seconds, lease)
        self.follow_ups = FollowUps(jobs)
        self.notify_queue = self.follow_ups.notify_queue
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="delivery")

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    def handle(self, message: BaseMessage) -> str | None:
        key = dedup_key(message)
        budget = self.services.settings.reply_budget_seconds
        started = time.monotonic()
        limit = self.services.settings.user_rate_limit_per_minute
        token = uuid.uuid4().hex
        state_key = ConversationStore.key(message.source)
        try:
            admission, state = self.ledger.admit(key, message.source, limit, token, state_key)
            if admission == HELD:
                settled, reply = self.ledger.wait_for_reply(key, budget)
                if settled or not self.ledger.claim(key):
                    return reply
                # the first delivery's handler died: this one handles it, in what time is left
                budget = max(budget - (time.monotonic() - started), 0.0)
            elif admission == TOO_FAST:
                self.ledger.complete(key, msg.TOO_FAST)
                self._log_unhandled(message, key, "rate_limited")
                return msg.TOO_FAST
        except RedisError:
            log.exception("Redis unavailable; message %s logged, user asked to resend", key)
            return self._without_redis(message, key)
        future = self._pool.submit(self._process, message, key, started + budget, token, state)
        try:
            return future.result(timeout=budget)
        except FutureTimeout:
            self.ledger.defer(key)
            future.add_done_callback(lambda done: self._send_late(message.source, done))
            log.warning("reply to %s past the %.1fs budget; will send it later", key, budget)
            return None

    def _process(
        self,
        message: BaseMessage,
        key: str,
        deadline: float,
        token: str,
        state: str | None | Unread,
    ) -> str | None:
        """The turn, under the sender's lock: taken at admission (`state` was read with it),
        or waited for here. The state the turn leaves is written as the lock is given back,
        after the commit; a turn that fails leaves it as it was."""
        held = (message.source, token)
        saved = TurnState(self.services.store, message.source, state, deferred=True)
        try:
            if isinstance(state, Unread) and not self._wait_for_lock(message.source, token):
                raise LockError(f"{message.source} busy for {USER_LOCK_WAIT_SECONDS}s")
            with self.services.db.session() as session:
                outcome = self._turn(session, message, key, deadline, saved)
            self.ledger.complete(key, outcome.reply, held, saved.written)
            self.follow_ups.enqueue(outcome.events, key)
            return outcome.reply
        except Exception:
            log.exception("handling %s failed; the user is asked to resend", key)
            with suppress(RedisError):  # Redis may be what failed: the lease lapses anyway
                self.ledger.release(key, held)
            self._log_unhandled(message, key, "failed")
            return msg.BUSY

    def _wait_for_lock(self, openid: str, token: str) -> bool:
        """The sender's lock, held by another of their messages at admission: waited for
        with redis-py's `Lock`, under this turn's token (given back with the reply)."""
        lock = self.services.store.lock(openid, USER_LOCK_WAIT_SECONDS)
        return bool(lock.acquire(token=token))

    def _turn(
        self,
        session: Session,
        message: BaseMessage,
        key: str,
        deadline: float,
        saved: TurnState,
    ) -> Outcome:
        """One message inside its transaction. Besides the conversation's own writes, the
        only one is the log row, inserted last with the reply. A reply ready only near the
        end of the budget goes into the outbox in the same transaction, so it reaches the
        user even if this process dies right after the commit (WeChat does not retry a
        `success`)."""
        began = utcnow()
        arrived = arrival(session, key, message.source)
        if arrived.earlier is not None:  # handled before its claim lapsed: never twice
            logged, reply = arrived.earlier
            return Outcome(reply if logged == "handled" else msg.BUSY)
        text = message_text(message)
        conversation = Conversation(self.services, session, message.source, arrived, saved)
        outcome = conversation.outcome(self._reply(conversation, message, text))
        kept = None if Event.DATA_ERASED in outcome.events else text
        log_inbound(
            session, key, message.source, message.type, kept, "handled", outcome.reply, began
        )
        if outcome.reply and time.monotonic() >= deadline - LATE_MARGIN_SECONDS:
            conversation.notify(conversation.user.id, f"late-reply:{key}", outcome.reply)
            conversation.emit(Event.NOTIFICATIONS_WRITTEN)
            return conversation.outcome(None)  # the outbox sends it, once
        return outcome

    @staticmethod
    def _reply(conversation: Conversation, message: BaseMessage, text: str | None) -> str | None:
        if message.type == "event":
            event = getattr(message, "event", "")
            if event == "subscribe":
                return conversation.reply_to_subscribe()
            if event == "click":  # a custom-menu button (flask wechat menu)
                return conversation.reply_to_menu(str(getattr(message, "key", "") or ""))
            if event == "location_select":  # the menu's picker: SendLocationInfo
                return _picked_place(conversation, message)
            return None  # pic_photo_or_album (SendPicsInfo): the photos follow as image messages
        if message.type == "image" and getattr(message, "media_id", None):
            return conversation.reply_to_image(str(message.media_id))
        if message.type == "location":
            latitude, longitude = (float(v) for v in message.location)
            return conversation.reply_to_location(latitude, longitude, str(message.label or ""))
        if text is None and message.type == "voice" and getattr(message, "media_id", None):
            return conversation.reply_to_voice(str(message.media_id))
        if text is None:
            return msg.UNSUPPORTED_MESSAGE
        cleaned = normalise_text(text)[:MAX_TEXT_CHARS]
        return conversation.reply_to_text(cleaned) if cleaned else msg.NOT_UNDERSTOOD

    def _send_late(self, openid: str, done: Future[str | None]) -> None:
        reply = done.result()
        if not reply:
            return
        try:
            sealed = crypto.cipher().encrypt(reply)  # job arguments rest in Redis
            self.notify_queue.enqueue(SEND_TEXT, openid, sealed, retry=LATE_REPLY_RETRY)
        except RedisError:
            log.exception("could not queue the late reply for %s", openid)

    def _without_redis(self, message: BaseMessage, key: str) -> str | None:
        """Redis is down: keep the message (database) and ask the user to send it again."""
        return msg.BUSY if self._log_unhandled(message, key, "unhandled") else None

    def _log_unhandled(self, message: BaseMessage, key: str, outcome: str) -> bool:
        """Keep a message that was not handled; False if it had been logged before."""
        try:
            with self.services.db.session() as session:
                text = message_text(message)
                log_inbound(session, key, message.source, message.type, text, outcome)
            return True
        except IntegrityError:
            return False
        except Exception:
            log.exception("could not log %s (%s)", key, outcome)
            return True


def _picked_place(conversation: Conversation, message: BaseMessage) -> str | None:
    """The place picked with the menu's 发位置 button (a location message follows it)."""
    place = getattr(message, "location_info", None) or {}
    try:
        latitude, longitude = (float(place.get(key) or "") for key in ("Location_X", "Location_Y"))
    except ValueError:
        return msg.LOCATION_UNKNOWN
    label = str(place.get("Label") or "")
    return conversation.reply_to_location(latitude, longitude, label, picked=True)
