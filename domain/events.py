"""What a change calls for once it is committed. A turn (or a job) collects these while it
works; whoever commits dispatches them, so no job runs before the rows it needs exist."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from storage.models import Case, Match, Pledge, Project
from storage.repositories import audit
from storage.social_work import notify


class Event(StrEnum):
    NOTIFICATIONS_WRITTEN = "notifications_written"  # outbox rows to send
    MATCHING_NEEDED = "matching_needed"  # open cases or pledges changed
    DATA_ERASED = "data_erased"  # the user's personal data was erased: log no content either
    MEDIA_RECEIVED = "media_received"  # a photo's media id: fetch the file from WeChat


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

    def notify(self, user_id: int, key: str, text: str, link: str | None = None) -> None:
        if notify(self.session, user_id, key, text, link):
            self.events.add(Event.NOTIFICATIONS_WRITTEN)


class StaleRecord(Exception):
    """The record is no longer in the status the change expects (someone else moved it)."""


def guarded_update(
    session: Session, record: Case | Match | Pledge | Project, conditions: list[Any], **values: Any
) -> None:
    """Update exactly this row, only while `conditions` still hold (else StaleRecord: someone
    else changed it first), then reload it."""
    model = type(record)
    moved = session.execute(
        update(model)
        .where(model.id == record.id, *conditions)
        .values(**values)
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    if moved != 1:
        raise StaleRecord(record.number)
    session.refresh(record)


def move(
    session: Session,
    record: Case | Match,
    expected: tuple[StrEnum, ...],
    actor: str,
    **values: Any,
) -> None:
    """The guarded status change of a case or match: exactly this row, still in one of the
    `expected` statuses (else StaleRecord), then reloaded and audited as `<table>.<status>`."""
    guarded_update(session, record, [type(record).status.in_(expected)], **values)
    kind = "match" if isinstance(record, Match) else "case"
    audit(session, actor, f"{kind}.{record.status.value}", kind, record.id)
