"""The jobs a committed change calls for, enqueued by name after its commit (so they find
its rows): the webhook's turns and the console's actions share this one path. The
scheduler's sweeps run the same jobs too, in case an enqueue is lost."""

from __future__ import annotations

import logging

from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, Retry

from config.queues import (
    DEFAULT_QUEUE,
    FETCH_MEDIA,
    MATCHER_QUEUE,
    MATCHER_QUEUED_KEY,
    MATCHER_QUEUED_SECONDS,
    NOTIFY_QUEUE,
    RUN_MATCHER,
    SEND_NOTIFICATIONS,
)
from domain.events import Event

log = logging.getLogger(__name__)


class FollowUps:
    def __init__(self, jobs: Redis) -> None:
        self.jobs = jobs  # RQ needs a connection without decoded responses
        self.notify_queue = Queue(NOTIFY_QUEUE, connection=jobs)
        self.matcher_queue = Queue(MATCHER_QUEUE, connection=jobs)
        self.default_queue = Queue(DEFAULT_QUEUE, connection=jobs)

    def enqueue(self, events: frozenset[Event] | set[Event], key: str) -> None:
        """Send the notifications written; run the matcher, but never a second run while
        one is queued and has not begun."""
        try:
            if Event.NOTIFICATIONS_WRITTEN in events:
                self.notify_queue.enqueue(SEND_NOTIFICATIONS, job_timeout=300)
            if Event.MEDIA_RECEIVED in events:
                self.default_queue.enqueue(FETCH_MEDIA, job_timeout=300)
            if Event.MATCHING_NEEDED in events and self.jobs.set(
                MATCHER_QUEUED_KEY, key, nx=True, ex=MATCHER_QUEUED_SECONDS
            ):
                self.matcher_queue.enqueue(
                    RUN_MATCHER, f"after:{key}", job_timeout=600, retry=Retry(max=3, interval=10)
                )
        except RedisError:
            log.exception("could not enqueue follow-up jobs for %s; the sweeps will run them", key)

    def close(self) -> None:
        self.jobs.close()
