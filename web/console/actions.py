"""One console action on a case or a match: found in the person's scope (else 404, as for
a record that does not exist), the same domain function the chat command calls run in one
transaction, then the jobs its events call for (the same path as a chat turn), and back
to the record's page with what happened."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from flask import flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_wtf import FlaskForm
from sqlalchemy.orm import Session

import messages as msg
from domain.events import Event, StaleRecord
from storage.models import Case, Match, User
from web.console.auth import staff
from web.runtime import runtime

Record = TypeVar("Record", Case, Match)


@dataclass(frozen=True)
class Kind(Generic[Record]):
    """How the console finds one kind of record and names its statuses."""

    load: Callable[[Session, int], Record]  # in scope, or abort(404)
    status_labels: dict[str, str]
    endpoint: str
    param: str

    def page(self, record_id: int) -> ResponseReturnValue:
        values: dict[str, Any] = {self.param: record_id}
        return redirect(url_for(self.endpoint, **values))


@dataclass(frozen=True)
class Done:
    """What a change says when the outcome decides it: the events, a message with its
    flash category, and (if not the record's own) the page to go to."""

    events: set[Event] = field(default_factory=set)
    said: tuple[str, str] | None = None
    then: str | None = None


def act(
    kind: Kind[Record],
    record_id: int,
    done: str,
    change: Callable[[Session, User, Record], set[Event] | Done],
    **details: Any,
) -> ResponseReturnValue:
    """Run `change` as the signed-in person; flash `CONSOLE_DONE[done]` (or what its `Done`
    says), or the record's current status when someone else moved it first (nothing
    changes then)."""
    current = runtime()
    with current.services.db.session() as db:
        number = kind.load(db, record_id).number
    try:
        with current.services.db.session() as db:
            actor = db.get(User, staff().user_id)
            if actor is None:
                raise StaleRecord(number)
            outcome = change(db, actor, kind.load(db, record_id))
    except StaleRecord:
        with current.services.db.session() as db:
            status = kind.status_labels[kind.load(db, record_id).status]
        flash(msg.CONSOLE_WRONG_STATUS.format(number=number, status=status), "warning")
        return kind.page(record_id)
    result = outcome if isinstance(outcome, Done) else Done(outcome)
    current.dispatcher.follow_ups.enqueue(frozenset(result.events), f"console:{done}:{number}")
    if result.said is not None:
        flash(*result.said)
    elif done in msg.CONSOLE_DONE:
        flash(msg.CONSOLE_DONE[done].format(number=number, **details), "success")
    return redirect(result.then) if result.then else kind.page(record_id)


def refused(form: FlaskForm, kind: Kind[Record], record_id: int) -> ResponseReturnValue:
    """A form that did not validate: say why, change nothing."""
    for errors in form.errors.values():
        for error in errors:
            flash(str(error), "warning")
    return kind.page(record_id)
