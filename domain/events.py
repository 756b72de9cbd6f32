"""What a change calls for once it is committed. A turn (or a job) collects these while it
works; whoever commits dispatches them, so no job runs before the rows it needs exist."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy.orm import Session

from storage.social_work import notify


class Event(StrEnum):
    NOTIFICATIONS_WRITTEN = "notifications_written"  # outbox rows to send
    MATCHING_NEEDED = "matching_needed"  # open cases or pledges changed


@dataclass(frozen=True)
class Outcome:
    """A reply (None: answer WeChat with a bare `success`) and the events it caused."""

    reply: str | None
    events: frozenset[Event] = field(default_factory=frozenset)


class Outbox:
    """Writes notifications in the caller's transaction and remembers that it did."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.events: set[Event] = set()

    def notify(self, user_id: int, key: str, text: str) -> None:
        if notify(self.session, user_id, key, text):
            self.events.add(Event.NOTIFICATIONS_WRITTEN)


class StaleRecord(Exception):
    """The record is no longer in the status the change expects (someone else moved it)."""
