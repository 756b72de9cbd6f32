"""The RQ worker runs its jobs in its own process, and they share one set of services (no
fork, no database pool per job); a job outside the worker builds and closes its own."""

from __future__ import annotations

import uuid

from redis import Redis
from rq import Queue
from rq.job import JobStatus

import compose
from config.queues import SEND_NOTIFICATIONS
from config.settings import Settings
from jobs import worker


def test_jobs_share_the_workers_services_while_it_runs(settings: Settings) -> None:
    with compose.kept_for_jobs(settings) as kept:
        with compose.opened() as first, compose.opened() as second:
            assert first is kept and second is kept
        kept.db.ping()  # a job ending closes nothing: the next one uses the same pool
        assert kept.redis.ping()
    with compose.opened() as own:
        assert own is not kept  # outside a worker, a job has its own services


def test_the_worker_runs_real_jobs_in_burst(settings: Settings, redis_url: str) -> None:
    with Redis.from_url(redis_url) as connection:
        queue = Queue(f"test-{uuid.uuid4().hex[:8]}", connection=connection)
        jobs = [queue.enqueue(SEND_NOTIFICATIONS) for _ in range(3)]
        worker.run(settings, connection, (queue.name,), burst=True)
        assert [job.get_status(refresh=True) for job in jobs] == [JobStatus.FINISHED] * 3
        assert [job.return_value() for job in jobs] == [0, 0, 0]  # nothing was due
        queue.delete(delete_jobs=True)
