"""The delivery ledger's claim is a lease (real Redis): a claim left by a handler that died
lapses, so WeChat's next delivery is handled; a completed reply stays for the retries."""

from __future__ import annotations

import time

from redis import Redis

from storage import crypto
from tests.support.config import TEST_KEY
from web.delivery import ADMITTED, HELD, TOO_FAST, DeliveryLedger


def test_a_claim_lapses_but_a_reply_stays(redis_url: str) -> None:
    crypto.configure(TEST_KEY)
    with Redis.from_url(redis_url, decode_responses=True) as redis:
        ledger = DeliveryLedger(redis, ttl_seconds=600, lease_seconds=0.3)
        assert ledger.admit("msg:1", "o_a", 30) == ADMITTED
        assert ledger.admit("msg:1", "o_a", 30) == HELD
        time.sleep(0.4)  # the handler died: nobody completed or deferred it
        assert ledger.claim("msg:1")
        ledger.complete("msg:1", "收到")
        time.sleep(0.4)
        assert not ledger.claim("msg:1")
        assert ledger.wait_for_reply("msg:1", budget=0.1) == (True, "收到")


def test_a_waiting_duplicate_learns_that_the_claim_lapsed(redis_url: str) -> None:
    with Redis.from_url(redis_url, decode_responses=True) as redis:
        ledger = DeliveryLedger(redis, ttl_seconds=600, lease_seconds=0.3)
        assert ledger.admit("msg:2", "o_a", 30) == ADMITTED
        assert ledger.wait_for_reply("msg:2", budget=2.0) == (False, None)
        ledger.defer("msg:2")
        assert ledger.wait_for_reply("msg:2", budget=0.1) == (True, None)


def test_a_first_delivery_is_counted_against_its_sender_once(redis_url: str) -> None:
    with Redis.from_url(redis_url, decode_responses=True) as redis:
        ledger = DeliveryLedger(redis, ttl_seconds=600, lease_seconds=5)
        assert [ledger.admit(f"msg:r{i}", "o_fast", 2) for i in range(3)] == [
            ADMITTED,
            ADMITTED,
            TOO_FAST,
        ]
        assert ledger.admit("msg:r0", "o_fast", 2) == HELD  # a retry is not counted
        assert ledger.admit("msg:r9", "o_other", 2) == ADMITTED
