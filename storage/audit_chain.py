"""A tamper-evident audit trail: one global chain over every audit entry, in id order.

Each entry keeps `content_hash`, a SHA-256 of what it says about people (the actor and the
detail), and `chain_hash`, a SHA-256 of the previous entry's `chain_hash` together with its
own metadata (id, time, action, target) and `content_hash`. Editing, inserting or deleting
a row breaks the link at that row; `flask audit verify` recomputes the chain and names the
first broken entry. Delete-my-data may erase an entry's content: the entry is then marked
`erased`, keeps its `content_hash`, and the chain stays whole.

The chain is global rather than per organisation: most entries (consent, hand-offs,
feedback, erasure) belong to no organisation, and one sequence is simpler to verify.
Entries join the chain when their transaction commits: `append` only queues them, and just
before the commit they are inserted and linked. On PostgreSQL that moment is serialised by a
transaction-scoped advisory lock, so ids follow commit order and the lock is held for a few
statements rather than for the whole turn (every submission and consent used to queue
behind every other); SQLite has a single writer, whose lock the insert takes before the
previous entry is read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from storage.models import AuditEntry

GENESIS = "0" * 64
_ADVISORY_LOCK = 727_001  # any constant: the key of the audit-append lock
_PENDING = "audit_chain.pending"  # session.info key: entries waiting for the commit


def _sha256(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def content_hash(actor: str, detail: dict[str, Any]) -> str:
    return _sha256(actor, json.dumps(detail, sort_keys=True, ensure_ascii=False))


class Linked(Protocol):
    """What the chain covers of an entry (an AuditEntry, or a row in a migration)."""

    @property
    def id(self) -> int: ...
    @property
    def at(self) -> datetime: ...
    @property
    def action(self) -> str: ...
    @property
    def target_type(self) -> str: ...
    @property
    def target_id(self) -> int | None: ...
    @property
    def content_hash(self) -> str | None: ...


def link_hash(previous: str, entry: Linked) -> str:
    at = entry.at.astimezone(UTC).isoformat(timespec="microseconds")
    target = "" if entry.target_id is None else str(entry.target_id)
    fields = (str(entry.id), at, entry.action, entry.target_type, target)
    return _sha256(previous, *fields, entry.content_hash or "")


def append(session: Session, entry: AuditEntry) -> None:
    """Add an entry at the end of the chain when the caller's transaction commits."""
    entry.content_hash = content_hash(entry.actor, entry.detail)
    session.info.setdefault(_PENDING, []).append(entry)


@event.listens_for(Session, "before_commit")
def _link_pending(session: Session) -> None:
    pending: list[AuditEntry] = session.info.pop(_PENDING, [])
    if not pending:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
    for entry in pending:
        session.add(entry)
        session.flush()  # the id, and on SQLite the write lock
        previous = session.scalar(
            select(AuditEntry.chain_hash)
            .where(AuditEntry.id < entry.id)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        )
        entry.chain_hash = link_hash(previous or GENESIS, entry)


@event.listens_for(Session, "after_rollback")
def _drop_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


def erase_content(entry: AuditEntry) -> None:
    """Forget what the entry says about a person; the chain keeps its hash."""
    entry.actor, entry.detail, entry.erased = "（已删除）", {}, True


def erase_actor(session: Session, actor: str) -> None:
    """Forget what every entry by this actor says, those still waiting for the commit too."""
    waiting = [e for e in session.info.get(_PENDING, []) if e.actor == actor]
    for entry in [*session.scalars(select(AuditEntry).where(AuditEntry.actor == actor)), *waiting]:
        erase_content(entry)


@dataclass(frozen=True)
class Verdict:
    checked: int
    broken_at: int | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def _entries(session: Session, batch: int = 1000) -> Iterator[AuditEntry]:
    """Every entry in id order, a batch at a time (the log grows without bound)."""
    last = 0
    while entries := list(
        session.scalars(
            select(AuditEntry).where(AuditEntry.id > last).order_by(AuditEntry.id).limit(batch)
        )
    ):
        yield from entries
        last = entries[-1].id
        session.expunge_all()


def verify(session: Session) -> Verdict:
    """Recompute the chain from the start; the first entry that does not fit, and why."""
    previous, checked = GENESIS, 0
    for entry in _entries(session):
        if not entry.erased and entry.content_hash != content_hash(entry.actor, entry.detail):
            return Verdict(checked, entry.id, "its actor or detail was changed")
        if entry.chain_hash != link_hash(previous, entry):
            return Verdict(checked, entry.id, "its metadata was changed, or an entry before it")
        previous, checked = entry.chain_hash, checked + 1
    return Verdict(checked)
