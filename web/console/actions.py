"""One console action: the same domain function the chat command calls, in one
transaction, then the jobs its events call for (the same path as a chat turn)."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash
from sqlalchemy.orm import Session

import messages as msg
from domain.events import Event, StaleRecord
from storage.models import User
from web.console.auth import staff
from web.runtime import runtime

Change = Callable[[Session, User], set[Event] | frozenset[Event]]


def perform(change: Change, key: str, done: str, wrong_status: Callable[[], str]) -> bool:
    """Run `change` as the signed-in person; flash `done`, or the record's current status
    when someone else moved it first (nothing changes then). True when it ran."""
    current = runtime()
    try:
        with current.services.db.session() as db:
            actor = db.get(User, staff().user_id)
            if actor is None:
                raise StaleRecord(key)
            events = change(db, actor)
    except StaleRecord:
        flash(wrong_status(), "warning")
        return False
    current.dispatcher.follow_ups.enqueue(frozenset(events), f"console:{key}")
    if done:
        flash(done, "success")
    return True


def wrong_status_text(number: str, status_label: str) -> str:
    return msg.CONSOLE_WRONG_STATUS.format(number=number, status=status_label)
