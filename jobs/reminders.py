"""Periodic jobs that bring things back to people: cases waiting for verification (to the
social workers, once a day), cases and matches nobody acted on within the organisation's
limit and requests for a person nobody took in time (to the organisation's admins), and
pledges about to expire or expired (to the donor)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

import compose
import messages as msg
from config.settings import Settings
from domain import pledges
from domain.checkins import remind_or_miss
from domain.escalation import escalate_overdue_reviews
from domain.events import Outbox, StaleRecord
from domain.handoff import escalate_overdue
from jobs.outbox import deliver_notifications
from nlu.regions import region_index
from storage.models import Case, CaseStatus, Pledge, PledgeStatus, utcnow
from storage.social_work import covering_workers, notify


@contextmanager
def _session() -> Iterator[tuple[Session, Settings]]:
    with compose.opened() as services, services.db.session() as session:
        yield session, services.settings


def remind_pending_cases() -> int:
    """Queue reminders in the outbox; returns how many were written."""
    now = utcnow()
    written = 0
    with _session() as (session, settings):
        waiting = session.scalars(
            select(Case).where(
                Case.status == CaseStatus.SUBMITTED,
                Case.submitted_at < now - timedelta(days=settings.reminder_after_days),
            )
        )
        for case in waiting:
            text = msg.REMINDER_FOR_WORKER.format(
                number=case.number,
                region=region_index().full_name(case.region_code),
                days=(now - case.submitted_at).days,
            )
            for worker in covering_workers(session, case.region_code):
                key = f"reminder:{case.id}:{worker.id}:{now:%Y%m%d}"
                written += notify(session, worker.user_id, key, text, case.console_path)
    return written


def expire_pledges() -> int:
    """Remind donors before their pledge expires; expire what is past due."""
    changed = 0
    now = utcnow()
    with _session() as (session, settings):
        soon = now + timedelta(days=settings.pledge_expiry_reminder_days)
        open_pledges = session.scalars(
            select(Pledge).where(
                Pledge.status.in_((PledgeStatus.OPEN, PledgeStatus.PARTLY_ALLOCATED)),
                Pledge.expires_at.is_not(None),
                Pledge.expires_at <= soon,
            )
        )
        for pledge in open_pledges:
            left = (pledge.amount or 0) - pledge.amount_allocated
            if pledge.expires_at is not None and pledge.expires_at <= now:
                try:
                    left = pledges.close(session, pledge, PledgeStatus.EXPIRED, "system")
                except StaleRecord:
                    continue  # cancelled or allocated meanwhile
                expired = msg.PLEDGE_EXPIRED if pledge.amount else msg.PLEDGE_EXPIRED_IN_KIND
                text = expired.format(pledge=pledge.number, left=left)
                changed += notify(session, pledge.donor_id, f"pledge-expired:{pledge.id}", text)
            elif pledge.expiry_reminded_at is None:
                days = max(1, (pledge.expires_at - now).days) if pledge.expires_at else 0
                pledge.expiry_reminded_at = now
                expiring = msg.PLEDGE_EXPIRING if pledge.amount else msg.PLEDGE_EXPIRING_IN_KIND
                text = expiring.format(pledge=pledge.number, days=days, left=left)
                changed += notify(session, pledge.donor_id, f"pledge-expiring:{pledge.id}", text)
    return changed


def escalate_reviews() -> int:
    """Cases and matches waiting past their organisation's limit, to its admins, once."""
    with _session() as (session, settings):
        escalated = escalate_overdue_reviews(session, settings.reminder_after_days, Outbox(session))
    if escalated:
        deliver_notifications()
    return escalated


def remind_checkins() -> int:
    """Check-ins asked and not answered: one reminder, then missed (the workers hear)."""
    with _session() as (session, settings):
        outbox = Outbox(session)
        changed = remind_or_miss(
            session,
            settings.checkin_remind_after_days,
            settings.checkin_missed_after_days,
            outbox,
        )
    if outbox.events:
        deliver_notifications()
    return changed


def escalate_handoffs() -> int:
    """Requests for a person not taken within their organisation's limit; the admins and
    the household are told at once, not at the next outbox sweep."""
    with _session() as (session, settings):
        escalated = escalate_overdue(
            session,
            settings.handoff_escalate_minutes,
            lambda user_id, key, text: notify(session, user_id, key, text),
        )
    if escalated:
        deliver_notifications()
    return escalated
