"""The daily job that purges old inbound message bodies."""

from __future__ import annotations

import compose
from storage import retention


def purge_inbound_messages() -> int:
    """Delete inbound messages older than `INBOUND_RETENTION_DAYS`; returns how many."""
    with compose.opened() as services, services.db.session() as session:
        days = services.settings.inbound_retention_days
        return retention.purge_inbound_messages(session, days)
