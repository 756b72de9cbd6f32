"""`flask` sub-commands: database migrations and the background processes."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup
from redis import Redis
from rq import Queue, Worker

from bot.runtime import NOTIFY_QUEUE, runtime
from bot.scheduler import Periodic, run_scheduler
from storage import migrate
from storage.retention import purge_inbound_messages

db_cli = AppGroup("db", help="Database schema migrations.")
jobs_cli = AppGroup("jobs", help="Background worker and scheduler.")

QUEUES = (NOTIFY_QUEUE, "default")
PERIODIC = [Periodic(purge_inbound_messages, every_seconds=24 * 3600)]


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Apply migrations up to REVISION (default: head)."""
    migrate.upgrade(runtime().settings.database_url, revision)
    click.echo(f"database at {revision}")


@db_cli.command("downgrade")
@click.argument("revision")
def db_downgrade(revision: str) -> None:
    """Revert migrations down to REVISION."""
    migrate.downgrade(runtime().settings.database_url, revision)
    click.echo(f"database at {revision}")


@jobs_cli.command("worker")
@click.option("--burst", is_flag=True, help="Exit when the queues are empty.")
def worker(burst: bool) -> None:
    """Run an RQ worker on the notify and default queues (with retry scheduling)."""
    connection = Redis.from_url(runtime().settings.redis_url)
    queues = [Queue(name, connection=connection) for name in QUEUES]
    Worker(queues, connection=connection).work(with_scheduler=True, burst=burst)


@jobs_cli.command("scheduler")
def scheduler() -> None:
    """Run the periodic scheduler (run exactly one; a second one stands by)."""
    run_scheduler(Redis.from_url(runtime().settings.redis_url), PERIODIC)


def register(app: Flask) -> None:
    app.cli.add_command(db_cli)
    app.cli.add_command(jobs_cli)
