"""The job that starts scheduled conversations when they are due: the first question goes
out through the outbox, and the user's answer is read by the flow."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

import compose
from conversation import scheduled as scheduled_flows
from domain.events import Outbox
from jobs.outbox import deliver_notifications
from storage.models import ScheduledFlow, utcnow

RETRY_AFTER = timedelta(minutes=10)  # the user was in another conversation


def start_due_flows() -> int:
    """Start every due scheduled flow; returns how many were started."""
    started = 0
    with compose.opened() as services, services.db.session() as session:
        outbox = Outbox(session)
        due = session.scalars(
            select(ScheduledFlow)
            .where(ScheduledFlow.started_at.is_(None), ScheduledFlow.due_at <= utcnow())
            .order_by(ScheduledFlow.due_at)
            .with_for_update(skip_locked=True)
        )
        for scheduled in due:
            if scheduled_flows.start(services, session, scheduled, outbox.notify):
                started += 1
            else:
                scheduled.due_at = utcnow() + RETRY_AFTER
    if started:
        deliver_notifications()
    return started
