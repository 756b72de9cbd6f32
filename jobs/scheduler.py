"""The one periodic scheduler: enqueues recurring jobs on their intervals. A Redis lease
makes sure only one scheduler enqueues at a time (a second one waits as a standby)."""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass

from redis import Redis
from rq import Queue

from config.queues import (
    DEFAULT_QUEUE,
    FETCH_MEDIA,
    MATCHER_QUEUE,
    NOTIFY_QUEUE,
    RUN_MATCHER,
    SEND_NOTIFICATIONS,
)

log = logging.getLogger(__name__)

LEASE_KEY = "scheduler:lease"
LEASE_SECONDS = 30


@dataclass(frozen=True)
class Periodic:
    job: str  # dotted name of the job function
    every_seconds: int
    queue: str = DEFAULT_QUEUE


PERIODIC = [
    Periodic(SEND_NOTIFICATIONS, every_seconds=60, queue=NOTIFY_QUEUE),
    Periodic(RUN_MATCHER, every_seconds=300, queue=MATCHER_QUEUE),
    Periodic("jobs.reminders.remind_pending_cases", every_seconds=3600),
    Periodic("jobs.reminders.escalate_handoffs", every_seconds=60),
    Periodic("jobs.reminders.escalate_reviews", every_seconds=600),
    Periodic("jobs.reminders.remind_checkins", every_seconds=60),
    Periodic(FETCH_MEDIA, every_seconds=60),
    Periodic("jobs.audit.seal_audit_trail", every_seconds=5),
    Periodic("jobs.conversations.start_due_flows", every_seconds=60),
    Periodic("jobs.reminders.expire_pledges", every_seconds=3600),
    Periodic("jobs.projects.send_project_updates", every_seconds=3600),
    Periodic("jobs.retention.purge_inbound_messages", every_seconds=24 * 3600),
]


def _hold_lease(redis: Redis, token: str) -> bool:
    if redis.set(LEASE_KEY, token, nx=True, ex=LEASE_SECONDS):
        return True
    if redis.get(LEASE_KEY) in (token, token.encode()):
        redis.expire(LEASE_KEY, LEASE_SECONDS)
        return True
    return False


def run_scheduler(redis: Redis, jobs: list[Periodic] = PERIODIC, tick_seconds: float = 5.0) -> None:
    """Loop forever; each job is enqueued when its interval has passed (its last run time
    lives in Redis, so a restarted scheduler does not enqueue everything again)."""
    token = uuid.uuid4().hex
    log.info("scheduler %s started with %d jobs", token[:8], len(jobs))
    while True:
        if _hold_lease(redis, token):
            now = time.time()
            for job in jobs:
                key = f"scheduler:last:{job.job}"
                last = float(redis.get(key) or 0)
                if now - last >= job.every_seconds:
                    Queue(job.queue, connection=redis).enqueue(job.job, job_timeout=300)
                    redis.set(key, now)
                    log.debug("enqueued %s", job.job)
        time.sleep(tick_seconds)
