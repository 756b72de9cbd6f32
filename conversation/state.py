"""Per-user conversation state in Redis, all of it: the current flow, its step, the filled
slots and the failed attempts (expiring after `CONVERSATION_TTL_SECONDS` of silence, or the
flow's own time), and the count of misunderstood messages in a row outside any flow. The
state is encrypted with the data key: the slots hold names, ID and phone numbers."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from typing import Any

from redis import Redis
from redis.lock import Lock

from storage import crypto

log = logging.getLogger(__name__)

MISSES_SECONDS = 600
# One user's conversation changes under one lock at a time: their messages, one after the
# other (`web.delivery`), and a scheduled flow starting. It expires on its own if the process
# holding it dies (a turn takes well under a second).
LOCK_SECONDS = 10


def user_lock(openid: str) -> str:
    """The key of the lock a user's conversation changes under."""
    return f"user-lock:{openid}"


@dataclass
class ConversationState:
    flow: str
    step: str
    slots: dict[str, Any] = field(default_factory=dict)
    errors: int = 0
    # Numbered choices offered at the current step (e.g. candidate counties), and context
    # the next answer is read with (e.g. the city a county is asked for).
    choices: list[str] = field(default_factory=list)
    context: str = ""


@dataclass(frozen=True)
class Written:
    """A state as Redis keeps it: the sealed payload ('' when cleared) and its TTL."""

    payload: str
    ttl: int


class ConversationStore:
    def __init__(self, redis: Redis, ttl_seconds: int) -> None:
        self._redis = redis
        self._ttl = ttl_seconds

    @staticmethod
    def key(openid: str) -> str:
        return f"conv:{openid}"

    def lock(self, openid: str, wait_seconds: float) -> Lock:
        """The user's lock (`user_lock`), waited for at most `wait_seconds` when acquired."""
        return self._redis.lock(
            user_lock(openid), timeout=LOCK_SECONDS, blocking_timeout=wait_seconds
        )

    def load(self, openid: str) -> ConversationState | None:
        """The saved state; None when there is none, or when it cannot be read with the
        configured keys (the user is then told to start again, like an expired state)."""
        return self.opened(self._redis.get(self.key(openid)), openid)

    @staticmethod
    def opened(raw: str | bytes | None, openid: str) -> ConversationState | None:
        """The state a value read from Redis holds (see `load`)."""
        if not raw:
            return None
        try:
            sealed = raw if isinstance(raw, str) else raw.decode("ascii")
            return ConversationState(**json.loads(crypto.cipher().decrypt(sealed)))
        except ValueError:
            log.warning("conversation state of %s unreadable with the configured keys", openid)
            return None

    def save(self, openid: str, state: ConversationState, ttl: int | None = None) -> None:
        """Keep the state for `ttl` seconds of silence (default: the configured TTL)."""
        written = self.written(state, ttl)
        self._redis.set(self.key(openid), written.payload, ex=written.ttl)

    def written(self, state: ConversationState | None, ttl: int | None = None) -> Written:
        """What saving `state` writes (None: clearing it). The answers so far (names, ID
        and phone numbers) are encrypted like the database's."""
        if state is None:
            return Written("", 0)
        payload = crypto.cipher().encrypt(json.dumps(asdict(state), ensure_ascii=False))
        return Written(payload, ttl or self._ttl)

    def clear(self, openid: str) -> None:
        self._redis.delete(self.key(openid))

    @staticmethod
    def _misses_key(openid: str) -> str:
        return f"misses:{openid}"

    def add_miss(self, openid: str) -> int:
        """One more misunderstood message in a row; returns how many (forgotten after 10 min)."""
        key = self._misses_key(openid)
        misses = int(self._redis.incr(key))
        self._redis.expire(key, MISSES_SECONDS)
        return misses

    def clear_misses(self, openid: str) -> None:
        self._redis.delete(self._misses_key(openid))

    def mark(self, openid: str, what: str, seconds: int) -> None:
        """Remember for `seconds` that `what` was answered: WeChat delivers some things twice
        in two forms (a place picked from the menu: an event, then a location message)."""
        self._redis.set(f"answered:{openid}:{what}", 1, ex=seconds)

    def take_mark(self, openid: str, what: str) -> bool:
        """Whether `what` was marked answered (and forget the mark)."""
        return bool(self._redis.delete(f"answered:{openid}:{what}"))


class Unread:
    """Not read yet (a turn whose delivery did not read the state ahead)."""


UNREAD = Unread()


class TurnState:
    """One user's state as a turn sees it. The delivery may have read it already, with the
    user's lock, in the same round trip (`read`: the value, or None when there was none):
    the turn's first load is that. With `deferred`, saves and clears are kept (`written`)
    for the delivery to write when it gives the lock back, after the turn's commit, and
    a failed turn leaves the state as it was; otherwise they go to Redis at once."""

    def __init__(
        self,
        store: ConversationStore,
        openid: str,
        read: str | None | Unread = UNREAD,
        deferred: bool = False,
    ) -> None:
        self._store = store
        self._openid = openid
        self._read = read
        self._deferred = deferred
        self.written: Written | None = None

    def load(self) -> ConversationState | None:
        if self.written is not None:
            return self._store.opened(self.written.payload, self._openid)
        read, self._read = self._read, UNREAD
        if isinstance(read, Unread):
            return self._store.load(self._openid)
        return self._store.opened(read, self._openid)

    def save(self, state: ConversationState, ttl: int | None = None) -> None:
        self._write(state, ttl)

    def clear(self) -> None:
        self._write(None)

    def _write(self, state: ConversationState | None, ttl: int | None = None) -> None:
        self._read = UNREAD
        if self._deferred:
            self.written = self._store.written(state, ttl)
        elif state is None:
            self._store.clear(self._openid)
        else:
            self._store.save(self._openid, state, ttl)
