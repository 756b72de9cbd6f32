"""Data retention: inbound message bodies are kept only as long as they are useful."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from storage.models import InboundMessage, utcnow


def purge_inbound_messages(session: Session, retention_days: int) -> int:
    """Delete inbound messages older than the retention period; returns how many."""
    cutoff = utcnow() - timedelta(days=retention_days)
    result = session.execute(delete(InboundMessage).where(InboundMessage.received_at < cutoff))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
