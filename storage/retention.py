"""Data retention: inbound message bodies are kept only as long as they are useful."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete

from config.settings import load_settings
from storage import crypto
from storage.db import Database
from storage.models import InboundMessage, utcnow


def purge_inbound_messages() -> int:
    """Delete inbound messages older than `INBOUND_RETENTION_DAYS`; returns how many."""
    settings = load_settings()
    crypto.configure(settings.data_encryption_key)
    database = Database()
    database.configure(settings.database_url)
    cutoff = utcnow() - timedelta(days=settings.inbound_retention_days)
    with database.session() as session:
        result = session.execute(delete(InboundMessage).where(InboundMessage.received_at < cutoff))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
