"""The delivery ledger's claim is a lease (real Redis): a claim left by a handler that died
lapses, so WeChat's next delivery is handled; a completed reply stays for the retries."""

from __future__ import annotations

import time

from redis import Redis

from storage import crypto
from tests.support.config import TEST_KEY
from web.delivery import DeliveryLedger


def test_a_claim_lapses_but_a_reply_stays(redis_url: str) -> None:
    crypto.configure(TEST_KEY)
    with Redis.from_url(redis_url, decode_responses=True) as redis:
        ledger = DeliveryLedger(redis, ttl_seconds=600, lease_seconds=0.3)
        assert ledger.claim("msg:1") and not ledger.claim("msg:1")
        time.sleep(0.4)  # the handler died: nobody completed or deferred it
        assert ledger.claim("msg:1")
        ledger.complete("msg:1", "收到")
        time.sleep(0.4)
        assert not ledger.claim("msg:1")
        assert ledger.wait_for_reply("msg:1", budget=0.1) == (True, "收到")


def test_a_waiting_duplicate_learns_that_the_claim_lapsed(redis_url: str) -> None:
    with Redis.from_url(redis_url, decode_responses=True) as redis:
        ledger = DeliveryLedger(redis, ttl_seconds=600, lease_seconds=0.3)
        assert ledger.claim("msg:2")
        assert ledger.wait_for_reply("msg:2", budget=2.0) == (False, None)
        ledger.defer("msg:2")
        assert ledger.wait_for_reply("msg:2", budget=0.1) == (True, None)
