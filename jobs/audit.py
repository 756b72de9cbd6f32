"""The job that seals new audit entries into the tamper-evident chain (every few seconds)."""

from __future__ import annotations

import compose
from storage import audit_chain


def seal_audit_trail() -> int:
    """Link the audit entries committed since the last run; returns how many."""
    with compose.opened() as services, services.db.session() as session:
        return audit_chain.seal(session)
