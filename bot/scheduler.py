"""The one periodic scheduler: enqueues recurring jobs on their intervals. A Redis lease
makes sure only one scheduler enqueues at a time (a second one waits as a standby)."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from redis import Redis
from rq import Queue

log = logging.getLogger(__name__)

LEASE_KEY = "scheduler:lease"
LEASE_SECONDS = 30


@dataclass(frozen=True)
class Periodic:
    func: Callable[..., Any]
    every_seconds: int
    queue: str = "default"


def _hold_lease(redis: Redis, token: str) -> bool:
    if redis.set(LEASE_KEY, token, nx=True, ex=LEASE_SECONDS):
        return True
    if redis.get(LEASE_KEY) in (token, token.encode()):
        redis.expire(LEASE_KEY, LEASE_SECONDS)
        return True
    return False


def run_scheduler(redis: Redis, jobs: list[Periodic], tick_seconds: float = 5.0) -> None:
    """Loop forever; each job is enqueued when its interval has passed (its last run time
    lives in Redis, so a restarted scheduler does not enqueue everything again)."""
    token = uuid.uuid4().hex
    log.info("scheduler %s started with %d jobs", token[:8], len(jobs))
    while True:
        if _hold_lease(redis, token):
            now = time.time()
            for job in jobs:
                key = f"scheduler:last:{job.func.__module__}.{job.func.__name__}"
                last = float(redis.get(key) or 0)
                if now - last >= job.every_seconds:
                    Queue(job.queue, connection=redis).enqueue(job.func, job_timeout=300)
                    redis.set(key, now)
                    log.debug("enqueued %s", job.func.__name__)
        time.sleep(tick_seconds)
