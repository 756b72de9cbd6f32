"""Periodic reminder: cases waiting for verification longer than `REMINDER_AFTER_DAYS` are
brought back to the covering social workers (once a day per case)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from config.settings import load_settings
from handlers import messages as msg
from nlu.regions import region_index
from storage import crypto
from storage.db import Database
from storage.models import Case, CaseStatus, utcnow
from storage.social_work import covering_workers, notify


def remind_pending_cases() -> int:
    """Queue reminders in the outbox; returns how many were written."""
    settings = load_settings()
    crypto.configure(settings.data_encryption_key)
    database = Database()
    database.configure(settings.database_url)
    now = utcnow()
    written = 0
    try:
        with database.session() as session:
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
                    written += notify(session, worker.user_id, key, text)
    finally:
        database.dispose()
    return written
