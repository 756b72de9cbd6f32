"""Conversations scheduled for a user who did not write: a follow-up that expects an answer
(the rating after delivery). A job starts each when it is due (`jobs.conversations`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import ScheduledFlow


def schedule_flow(
    session: Session, key: str, user_id: int, flow: str, slots: dict[str, Any], due_at: datetime
) -> ScheduledFlow | None:
    """Schedule `flow` for the user at `due_at`, once per `key`; None if it already was."""
    scheduled = ScheduledFlow(key=key, user_id=user_id, flow=flow, slots=slots, due_at=due_at)
    try:
        with session.begin_nested():
            session.add(scheduled)
    except IntegrityError:
        return None
    return scheduled
