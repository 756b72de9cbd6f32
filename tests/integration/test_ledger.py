"""The delivery ledger's claim is a lease (real Redis): a claim left by a handler that died
lapses, so WeChat's next delivery is handled; a completed reply stays for the retries."""

from __future__ import annotations

import time

from redis import Redis

from conversation.state import UNREAD, Written, user_lock
from storage import crypto
from tests.support.config import TEST_KEY
from web.delivery import ADMITTED, ADMITTED_LOCKED, HELD, TOO_FAST, DeliveryLedger


def test_a_claim_lapses_but_a_reply_stays(redis_url: str) -> None:
    crypto.configure(TEST_KEY)
    with Redis.from_url(redis_url, decode_responses=True) as redis:
        ledger = DeliveryLedger(redis, ttl_seconds=600, lease_seconds=0.3)
        assert ledger.admit("msg:1", "o_a", 30)[0] == ADMITTED
        assert ledger.admit("msg:1", "o_a", 30)[0] == HELD
        time.sleep(0.4)  # the handler died: nobody completed or deferred it
        assert ledger.claim("msg:1")
        ledger.complete("msg:1", "收到")
        time.sleep(0.4)
        assert not ledger.claim("msg:1")
        assert ledger.wait_for_reply("msg:1", budget=0.1) == (True, "收到")


def test_a_waiting_duplicate_learns_that_the_claim_lapsed(redis_url: str) -> None:
    with Redis.from_url(redis_url, decode_responses=True) as redis:
        ledger = DeliveryLedger(redis, ttl_seconds=600, lease_seconds=0.3)
        assert ledger.admit("msg:2", "o_a", 30)[0] == ADMITTED
        assert ledger.wait_for_reply("msg:2", budget=2.0) == (False, None)
        ledger.defer("msg:2")
        assert ledger.wait_for_reply("msg:2", budget=0.1) == (True, None)


def test_a_first_delivery_is_counted_against_its_sender_once(redis_url: str) -> None:
    with Redis.from_url(redis_url, decode_responses=True) as redis:
        ledger = DeliveryLedger(redis, ttl_seconds=600, lease_seconds=5)
        assert [ledger.admit(f"msg:r{i}", "o_fast", 2)[0] for i in range(3)] == [
            ADMITTED,
            ADMITTED,
            TOO_FAST,
        ]
        assert ledger.admit("msg:r0", "o_fast", 2)[0] == HELD  # a retry is not counted
        assert ledger.admit("msg:r9", "o_other", 2)[0] == ADMITTED


def test_the_senders_lock_is_taken_on_admission_and_given_back_with_the_reply(
    redis_url: str,
) -> None:
    crypto.configure(TEST_KEY)
    with Redis.from_url(redis_url, decode_responses=True) as redis:
        redis.delete(user_lock("o_l"), "conv:o_l")
        ledger = DeliveryLedger(redis, ttl_seconds=600, lease_seconds=5)
        redis.set("conv:o_l", "sealed-state")
        assert ledger.admit("msg:l1", "o_l", 30, "first", "conv:o_l") == (
            ADMITTED_LOCKED,
            "sealed-state",  # read under the lock, in the same round trip
        )
        assert redis.get(user_lock("o_l")) == "first"
        # the sender's next message is admitted, but waits for the lock
        assert ledger.admit("msg:l2", "o_l", 30, "second", "conv:o_l") == (ADMITTED, UNREAD)
        ledger.complete("msg:l2", "不是它的锁", ("o_l", "second"))
        assert redis.get(user_lock("o_l")) == "first"
        ledger.complete("msg:l1", "收到", ("o_l", "first"))
        assert redis.get(user_lock("o_l")) is None
        assert ledger.wait_for_reply("msg:l1", budget=0.1) == (True, "收到")
        redis.delete("conv:o_l")
        assert ledger.admit("msg:l3", "o_l", 30, "third", "conv:o_l") == (ADMITTED_LOCKED, None)
        ledger.release("msg:l3", ("o_l", "third"))
        assert redis.get(user_lock("o_l")) is None and ledger.claim("msg:l3")


def test_the_state_a_turn_left_is_written_as_its_lock_is_given_back(redis_url: str) -> None:
    crypto.configure(TEST_KEY)
    with Redis.from_url(redis_url, decode_responses=True) as redis:
        redis.delete(user_lock("o_w"), "conv:o_w")
        ledger = DeliveryLedger(redis, ttl_seconds=600, lease_seconds=5)
        ledger.admit("msg:w1", "o_w", 30, "first", "conv:o_w")
        ledger.complete("msg:w1", "收到", ("o_w", "first"), Written("sealed-1", 60))
        assert redis.get("conv:o_w") == "sealed-1" and 0 < redis.ttl("conv:o_w") <= 60
        assert redis.get(user_lock("o_w")) is None
        # the lock lapsed and nobody took it: the state is still written
        ledger.admit("msg:w2", "o_w", 30, "second", "conv:o_w")
        redis.delete(user_lock("o_w"))
        ledger.complete("msg:w2", "收到", ("o_w", "second"), Written("", 0))
        assert redis.get("conv:o_w") is None  # cleared
        # the lock lapsed and another message of the sender took it: that turn's state wins
        ledger.admit("msg:w3", "o_w", 30, "third", "conv:o_w")
        redis.set(user_lock("o_w"), "fourth")
        ledger.complete("msg:w3", "收到", ("o_w", "third"), Written("sealed-3", 60))
        assert redis.get("conv:o_w") is None and redis.get(user_lock("o_w")) == "fourth"
        # no state written by the turn: what is there stays
        redis.set("conv:o_w", "sealed-4")
        redis.delete(user_lock("o_w"))
        ledger.admit("msg:w5", "o_w", 30, "fifth", "conv:o_w")
        ledger.complete("msg:w5", "收到", ("o_w", "fifth"))
        assert redis.get("conv:o_w") == "sealed-4" and redis.get(user_lock("o_w")) is None
