"""Project progress for the donors who funded it: new updates grouped into one message per
donor and project, at most every PROJECT_DIGEST_HOURS (domain.projects.send_digests)."""

from __future__ import annotations

from datetime import timedelta

import compose
from domain import projects
from domain.events import Outbox
from jobs.outbox import deliver_notifications
from storage.models import utcnow


def send_project_updates() -> int:
    """Write the digests that are due and send them; returns how many were written."""
    with compose.opened() as services:
        every = timedelta(hours=services.settings.project_digest_hours)
        with services.db.session() as session:
            written = projects.send_digests(session, Outbox(session), every, utcnow())
    if written:
        deliver_notifications()
    return written
