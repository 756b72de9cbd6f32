"""`flask` sub-commands: database migrations and the background processes."""

from __future__ import annotations

import json

import click
from flask import Flask
from flask.cli import AppGroup
from redis import Redis
from rq import Queue, Worker
from sqlalchemy import select

from bot.jobs import DEFAULT_QUEUE, MATCHER_QUEUE, NOTIFY_QUEUE
from bot.outbox import deliver_notifications
from bot.reminders import ask_for_ratings, expire_pledges, remind_pending_cases
from bot.runtime import runtime
from bot.scheduler import Periodic, run_scheduler
from matcher.run import run_matcher
from nlu.regions import region_exists
from storage import migrate
from storage.keys import reencrypt_all
from storage.models import Case, Notification, NotificationStatus, SocialWorker, User
from storage.reports import build_report
from storage.retention import purge_inbound_messages
from storage.social_work import create_invite, deactivate

db_cli = AppGroup("db", help="Database schema migrations.")
jobs_cli = AppGroup("jobs", help="Background worker and scheduler.")
worker_cli = AppGroup("social-worker", help="Invite and deactivate social workers.")
data_cli = AppGroup("data", help="Operators' views and data maintenance.")

QUEUES = (NOTIFY_QUEUE, MATCHER_QUEUE, DEFAULT_QUEUE)
PERIODIC = [
    Periodic(deliver_notifications, every_seconds=60, queue=NOTIFY_QUEUE),
    Periodic(run_matcher, every_seconds=300, queue=MATCHER_QUEUE),
    Periodic(remind_pending_cases, every_seconds=3600),
    Periodic(ask_for_ratings, every_seconds=3600),
    Periodic(expire_pledges, every_seconds=3600),
    Periodic(purge_inbound_messages, every_seconds=24 * 3600),
]


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


@worker_cli.command("invite")
@click.option("--org", "org_name", required=True, help="Organisation (社工机构) name.")
@click.option("--region", "regions", multiple=True, required=True, help="GB/T 2260 code.")
def invite(org_name: str, regions: tuple[str, ...]) -> None:
    """Print a one-time invite code; the worker sends `绑定 <code>` in the chat."""
    unknown = [code for code in regions if not region_exists(code)]
    if unknown:
        raise click.BadParameter(f"unknown region code(s): {', '.join(unknown)}")
    settings = runtime().settings
    with runtime().services.db.session() as session:
        code = create_invite(
            session, org_name, list(regions), settings.invite_ttl_hours, "operator:cli"
        )
    click.echo(f"invite code: {code}  (valid {settings.invite_ttl_hours} h, one use)")
    click.echo(f"the social worker sends in WeChat:  绑定 {code}")


@worker_cli.command("deactivate")
@click.option("--openid", required=True)
def deactivate_worker(openid: str) -> None:
    """Stop a social worker's access and notifications."""
    with runtime().services.db.session() as session:
        worker = session.scalar(
            select(SocialWorker).join(User).where(User.openid == openid, SocialWorker.active)
        )
        if worker is None:
            raise click.ClickException(f"no active social worker with openid {openid}")
        deactivate(session, worker, "operator:cli")
    click.echo(f"deactivated {openid}")


@data_cli.command("uncovered")
def uncovered() -> None:
    """Cases waiting in regions no organisation covers."""
    with runtime().services.db.session() as session:
        for case in session.scalars(select(Case).order_by(Case.id)):
            if any(flag["code"] == "uncovered" for flag in case.flags):
                click.echo(f"{case.number}\t{case.region_code}\t{case.status}")


@data_cli.command("failed-notifications")
def failed_notifications() -> None:
    """Notifications WeChat never accepted (after all retries)."""
    with runtime().services.db.session() as session:
        rows = session.scalars(
            select(Notification).where(Notification.status == NotificationStatus.FAILED)
        )
        for row in rows:
            click.echo(f"{row.id}\t{row.dedup_key}\t{row.last_error}")


@data_cli.command("report")
def report() -> None:
    """The operators' report as JSON: cases, amounts, timings, feedback."""
    with runtime().services.db.session() as session:
        click.echo(json.dumps(build_report(session), ensure_ascii=False, indent=2))


@data_cli.command("rotate-key")
def rotate_key() -> None:
    """Re-encrypt every personal field with the first DATA_ENCRYPTION_KEY."""
    counts = reencrypt_all(runtime().services.db)
    click.echo(", ".join(f"{table}: {n}" for table, n in counts.items()))


def register(app: Flask) -> None:
    for group in (db_cli, jobs_cli, worker_cli, data_cli):
        app.cli.add_command(group)
