"""Data retention: inbound message bodies are kept only as long as they are useful."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete

from storage.db import job_database
from storage.models import InboundMessage, utcnow


def purge_inbound_messages() -> int:
    """Delete inbound messages older than `INBOUND_RETENTION_DAYS`; returns how many."""
    with job_database() as (database, settings), database.session() as session:
        cutoff = utcnow() - timedelta(days=settings.inbound_retention_days)
        result = session.execute(delete(InboundMessage).where(InboundMessage.received_at < cutoff))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
