"""The RQ worker. Its jobs run one after another in its own process, sharing one set of
services, instead of RQ's default of forking a child per job: measured with `make
bench-jobs`, a fork per job cost this service 168–173 ms of CPU on PostgreSQL against 6–7 ms
(the child's start and teardown, then a new database pool and PostgreSQL backend for each
job), so notices and matcher runs queued up behind it under load. The trade-off is
isolation: a job that crashed the interpreter itself would take the worker down with it
(under `make run`, honcho then stops the whole stack, visibly), so in production run it
under a supervisor that restarts it (systemd, Kubernetes); a job that raises only fails that
job, as before, and a job past its timeout is stopped by RQ's alarm in this process."""

from __future__ import annotations

from typing import Any

from redis import Redis
from rq import Queue, SimpleWorker

import compose
from config.queues import QUEUES
from config.settings import Settings


def run(
    settings: Settings,
    connection: Redis,
    queue_names: tuple[str, ...] = QUEUES,
    **work: Any,
) -> None:
    """Work the queues named (RQ's `Worker.work` arguments in `work`), every job sharing this
    process's services."""
    queues = [Queue(name, connection=connection) for name in queue_names]
    with compose.kept_for_jobs(settings):
        SimpleWorker(queues, connection=connection).work(**work)
