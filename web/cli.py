"""`flask` sub-commands: database migrations and what operators do (invite social workers,
add operators, set organisation details, read the data). The worker and the scheduler are
their own entry point: `python -m jobs`."""

from __future__ import annotations

import json

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import select
from tabulate import tabulate

import messages as msg
from domain.checkins import parse_days
from domain.feedback import complaint_numbered, decide_complaint
from nlu.regions import region_exists, region_index
from notification.wechat_api import SharedTokenClient, WeChatSendError
from storage import audit_chain, migrate
from storage.keys import reencrypt_all
from storage.models import (
    Case,
    Notification,
    NotificationStatus,
    Organisation,
    SocialWorker,
    User,
)
from storage.reports import build_report
from storage.repositories import get_or_create_user
from storage.social_work import (
    OPEN_STATUSES,
    add_operator,
    add_viewer,
    create_invite,
    deactivate,
    remove_operator,
    remove_viewer,
)
from web.runtime import runtime

db_cli = AppGroup("db", help="Database schema migrations.")
worker_cli = AppGroup("social-worker", help="Invite and deactivate social workers.")
data_cli = AppGroup("data", help="Operators' views and data maintenance.")
operator_cli = AppGroup("operator", help="Platform operators (see every region, take any 人工).")
viewer_cli = AppGroup("viewer", help="Read-only console users (civil-affairs offices).")
org_cli = AppGroup("org", help="Organisation details: hand-off limit, supervised account.")
wechat_cli = AppGroup("wechat", help="The Official Account's settings on WeChat's side.")
audit_cli = AppGroup("audit", help="The tamper-evident audit trail.")


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


def _check_regions(regions: tuple[str, ...]) -> None:
    unknown = [code for code in regions if not region_exists(code)]
    if unknown:
        raise click.BadParameter(f"unknown region code(s): {', '.join(unknown)}")


def _echo_table(rows: list[list[object]], headers: list[str]) -> None:
    """A table with headers, or 无 (none) when there is nothing to show."""
    click.echo(tabulate(rows, headers=headers) if rows else "无")


@worker_cli.command("invite")
@click.option("--org", "org_name", required=True, help="Organisation (社工机构) name.")
@click.option("--region", "regions", multiple=True, required=True, help="GB/T 2260 code.")
@click.option("--admin", is_flag=True, help="An organisation admin (hears of 人工 not taken).")
def invite(org_name: str, regions: tuple[str, ...], admin: bool) -> None:
    """Print a one-time invite code; the worker sends `绑定 <code>` in the chat."""
    _check_regions(regions)
    settings = runtime().settings
    with runtime().services.db.session() as session:
        code = create_invite(
            session,
            org_name,
            list(regions),
            settings.invite_ttl_hours,
            "operator:cli",
            is_admin=admin,
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


@operator_cli.command("add")
@click.option("--openid", required=True, help="The operator's WeChat openid.")
@click.option("--name", required=True, help="How the operator is named in the records.")
def operator_add(openid: str, name: str) -> None:
    """Make a WeChat user an operator."""
    with runtime().services.db.session() as session:
        user = get_or_create_user(session, openid)
        add_operator(session, user, name, "operator:cli")
    click.echo(f"operator {name} ({openid}) added")


@operator_cli.command("remove")
@click.option("--openid", required=True)
def operator_remove(openid: str) -> None:
    """Stop an operator's access."""
    with runtime().services.db.session() as session:
        if not remove_operator(session, openid, "operator:cli"):
            raise click.ClickException(f"no active operator with openid {openid}")
    click.echo(f"operator {openid} removed")


@viewer_cli.command("add")
@click.option("--openid", required=True, help="The viewer's WeChat openid.")
@click.option("--name", required=True, help="The office, e.g. 通渭县民政局.")
@click.option("--region", "regions", multiple=True, required=True, help="GB/T 2260 code.")
def viewer_add(openid: str, name: str, regions: tuple[str, ...]) -> None:
    """Give a WeChat user read-only console access (statistics, masked exports)."""
    _check_regions(regions)
    with runtime().services.db.session() as session:
        user = get_or_create_user(session, openid)
        add_viewer(session, user, name, list(regions), "operator:cli")
    click.echo(f"viewer {name} ({openid}) added; they sign in to the console through WeChat")


@viewer_cli.command("remove")
@click.option("--openid", required=True)
def viewer_remove(openid: str) -> None:
    """End a viewer's console access."""
    with runtime().services.db.session() as session:
        if not remove_viewer(session, openid, "operator:cli"):
            raise click.ClickException(f"no active viewer with openid {openid}")
    click.echo(f"viewer {openid} removed")


@wechat_cli.command("menu")
def wechat_menu() -> None:
    """Publish the custom menu (求助 · 捐助 · 更多: 进度 / 社工 / 发照片 / 发位置)."""
    current = runtime()
    client = SharedTokenClient(current.settings, current.services.redis)
    try:
        client.create_menu(msg.WECHAT_MENU)
    except WeChatSendError as exc:
        raise click.ClickException(f"WeChat refused the menu: {exc}") from exc
    finally:
        client.close()
    click.echo("menu published; WeChat clients show it within about five minutes")


@org_cli.command("set")
@click.option("--org", "org_name", required=True, help="Organisation name, as invited.")
@click.option("--handoff-minutes", type=click.IntRange(1, 7 * 24 * 60), help="人工 limit.")
@click.option("--account", help="Supervised account for donors' transfers (shown to donors).")
@click.option(
    "--review-days",
    type=click.IntRange(1, 60),
    help="Days a case or match may wait before its admins hear (default REMINDER_AFTER_DAYS).",
)
@click.option("--checkin-days", help='Check-in days after delivery, e.g. "30,90,180".')
def org_set(
    org_name: str,
    handoff_minutes: int | None,
    account: str | None,
    review_days: int | None,
    checkin_days: str | None,
) -> None:
    """Set an organisation's hand-off limit, review limit, check-in days or account."""
    with runtime().services.db.session() as session:
        org = session.scalar(select(Organisation).where(Organisation.name == org_name))
        if org is None:
            raise click.ClickException(f"no organisation named {org_name}")
        if handoff_minutes is not None:
            org.handoff_limit_minutes = handoff_minutes
        if account is not None:
            org.payment_account = account.strip() or None
        if review_days is not None:
            org.review_limit_days = review_days
        if checkin_days is not None:
            try:
                parse_days(checkin_days)
            except ValueError as exc:
                raise click.BadParameter(str(exc)) from exc
            org.checkin_after_days = checkin_days.strip() or None
        click.echo(
            f"{org.name}: 人工 limit {org.handoff_limit_minutes or 'default'} min, "
            f"review limit {org.review_limit_days or 'default'} days, "
            f"check-ins {org.checkin_after_days or 'default'} days, "
            f"account {org.payment_account or 'not set'}"
        )


@data_cli.command("uphold")
@click.argument("number")
@click.option("--no", "rejected", is_flag=True, help="Found not justified.")
def uphold(number: str, rejected: bool) -> None:
    """Record whether a complaint (F000001) was found justified; an upheld complaint counts
    against its organisation's score (domain.standing)."""
    with runtime().services.db.session() as session:
        feedback = complaint_numbered(session, number)
        if feedback is None:
            raise click.ClickException(f"no complaint numbered {number}")
        decide_complaint(session, feedback, not rejected, "operator:cli")
        click.echo(f"{feedback.number}: {'upheld' if feedback.upheld else 'not upheld'}")


@data_cli.command("uncovered")
def uncovered() -> None:
    """Open cases in regions no organisation covers."""
    names = region_index()
    with runtime().services.db.session() as session:
        cases = session.scalars(
            select(Case).where(Case.status.in_(OPEN_STATUSES)).order_by(Case.id)
        )
        rows: list[list[object]] = [
            [
                c.number,
                names.full_name(c.region_code),
                msg.CASE_STATUS[c.status],
                f"{c.submitted_at:%Y-%m-%d}",
            ]
            for c in cases
            if any(flag["code"] == "uncovered" for flag in c.flags)
        ]
    _echo_table(rows, ["case", "region", "status", "submitted"])


@data_cli.command("failed-notifications")
def failed_notifications() -> None:
    """Notifications that failed for good: refused after every retry, or sent without an
    answer in time (they may have reached the user, so they are not sent again)."""
    with runtime().services.db.session() as session:
        failed = session.scalars(
            select(Notification).where(Notification.status == NotificationStatus.FAILED)
        )
        rows: list[list[object]] = [
            [row.id, row.user.openid, row.dedup_key, row.attempts, row.last_error] for row in failed
        ]
    _echo_table(rows, ["id", "openid", "about", "attempts", "last error"])


@data_cli.command("report")
def report() -> None:
    """The operators' report as JSON: cases, amounts, timings, feedback."""
    figures = build_report(runtime().services.db)
    click.echo(json.dumps(figures, ensure_ascii=False, indent=2))


@data_cli.command("rotate-key")
def rotate_key() -> None:
    """Re-encrypt every personal field with the first DATA_ENCRYPTION_KEY."""
    counts = reencrypt_all(runtime().services.db)
    click.echo(", ".join(f"{table}: {n}" for table, n in counts.items()))


@audit_cli.command("verify")
def audit_verify() -> None:
    """Seal what is waiting, recompute the audit chain; exit 1 naming the first entry that
    does not fit."""
    database = runtime().services.db
    with database.session() as session:
        audit_chain.seal(session)
    with database.session() as session:
        verdict = audit_chain.verify(session)
    if not verdict.intact:
        raise click.ClickException(
            f"audit chain broken at entry {verdict.broken_at}: {verdict.reason} "
            f"({verdict.checked} entries before it are intact)"
        )
    waiting = f" ({verdict.unsealed} written since, not sealed yet)" if verdict.unsealed else ""
    click.echo(f"audit chain intact: {verdict.checked} entries{waiting}")


def register(app: Flask) -> None:
    groups = (
        db_cli,
        worker_cli,
        data_cli,
        operator_cli,
        viewer_cli,
        org_cli,
        audit_cli,
        wechat_cli,
    )
    for group in groups:
        app.cli.add_command(group)
