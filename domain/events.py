"""What a change calls for once it is committed. A turn (or a job) collects these while it
works; whoever commits dispatches them, so no job runs before the rows it needs exist."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Event(StrEnum):
    NOTIFICATIONS_WRITTEN = "notifications_written"  # outbox rows to send
    MATCHING_NEEDED = "matching_needed"  # open cases or pledges changed


@dataclass(frozen=True)
class Outcome:
    """A reply (None: answer WeChat with a bare `success`) and the events it caused."""

    reply: str | None
    events: frozenset[Event] = field(default_factory=frozenset)
