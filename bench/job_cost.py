"""What one background job costs the RQ worker: the same jobs (the outbox sender with
nothing due, the most frequent job) run in burst mode by RQ's default forking worker (the
reference: a child process per job) and by the project's worker (`jobs/worker.py`: jobs in
its own process, sharing its services), on the configured database and Redis. Prints CPU
and wall time per job for each, from the same run.

    make bench-jobs
"""

from __future__ import annotations

import argparse
import os
import time
import uuid
from collections.abc import Callable

from redis import Redis
from rq import Queue, Worker

from config.queues import SEND_NOTIFICATIONS
from config.settings import load_settings
from jobs import worker

QUIET = {"logging_level": "CRITICAL"}  # a failed job is reported below, once


def cpu_seconds() -> float:
    """CPU of this process and of its finished children (the forked job processes)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def timed(work: Callable[[], object], queue: Queue, jobs: int) -> tuple[float, float]:
    """CPU and wall seconds per job for `jobs` jobs run by `work()`."""
    for _ in range(jobs):
        queue.enqueue(SEND_NOTIFICATIONS)
    cpu, wall = cpu_seconds(), time.perf_counter()
    work()
    if failed := queue.failed_job_registry.count:
        raise SystemExit(f"{failed} jobs failed: is the database migrated (flask db upgrade)?")
    return (cpu_seconds() - cpu) / jobs, (time.perf_counter() - wall) / jobs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=100)
    args = parser.parse_args()
    settings = load_settings()
    connection = Redis.from_url(settings.redis_url)
    name = f"bench-jobs-{uuid.uuid4().hex[:8]}"  # a queue of its own: no real job is taken
    queue = Queue(name, connection=connection)
    try:
        forked = timed(
            lambda: Worker([queue], connection=connection).work(burst=True, **QUIET),
            queue,
            args.jobs,
        )
        ours = timed(
            lambda: worker.run(settings, connection, (name,), burst=True, **QUIET), queue, args.jobs
        )
    finally:
        queue.delete(delete_jobs=True)
    print(f"{args.jobs} outbox jobs each ({settings.database_url.split(':')[0]}):")
    print(
        f"  RQ's forking worker (reference): {forked[0] * 1000:.1f} ms CPU, "
        f"{forked[1] * 1000:.1f} ms wall a job"
    )
    print(
        f"  this project's worker: {ours[0] * 1000:.1f} ms CPU, {ours[1] * 1000:.1f} ms wall "
        f"a job ({forked[0] / ours[0]:.0f}x less CPU)"
    )


if __name__ == "__main__":
    main()
