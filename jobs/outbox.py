"""The job that sends the notification outbox (run after changes that wrote to it, and
every minute by the scheduler)."""

from __future__ import annotations

import compose
from notification.outbox import deliver_due


def deliver_notifications() -> int:
    """Send every due notification; returns how many went out."""
    with compose.opened() as services:
        return deliver_due(services.db, services.settings, services.redis)
