"""A tamper-evident audit trail: one global chain over every audit entry, in the order
entries were sealed.

Each entry keeps `content_hash`, a SHA-256 of what it says about people (the actor and the
detail), and, once sealed, `seq` (its place in the chain) and `chain_hash`, a SHA-256 of the
previous entry's `chain_hash` together with its own metadata (id, time, action, target) and
`content_hash`. Editing, inserting or deleting a sealed row breaks the link at that row;
`flask audit verify` seals what is waiting, recomputes the chain and names the first broken
entry. Delete-my-data may erase an entry's content: the entry is then marked `erased`,
keeps its `content_hash`, and the chain stays whole.

The chain is global rather than per organisation: most entries (consent, hand-offs,
feedback, erasure) belong to no organisation, and one sequence is simpler to verify.
Entries are written unsealed in their own transaction, with no lock; `seal` (run by the
scheduler every few seconds, and by `verify`) links the committed unsealed ones in id order
under a lock of its own. Linking at write time held one global lock per audited transaction
until its commit, and under load every consent and submission queued behind it. The price:
an entry is unprotected for the seconds before it is sealed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from storage.models import AuditEntry

GENESIS = "0" * 64
_ADVISORY_LOCK = 727_001  # any constant: the key of the lock that lets one sealer run at a time


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
    """Add an entry; `seal` links it into the chain once its transaction has committed."""
    entry.content_hash = content_hash(entry.actor, entry.detail)
    session.add(entry)


def seal(session: Session, batch: int = 1000) -> int:
    """Link committed unsealed entries into the chain, in id order; how many were sealed."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.chain_hash)
        .where(AuditEntry.seq.is_not(None))
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).first()
    seq, previous = (last.seq, last.chain_hash) if last else (0, GENESIS)
    waiting = session.scalars(
        select(AuditEntry).where(AuditEntry.seq.is_(None)).order_by(AuditEntry.id).limit(batch)
    ).all()
    for entry in waiting:
        seq += 1
        entry.seq, entry.chain_hash = seq, link_hash(previous or GENESIS, entry)
        previous = entry.chain_hash
    return len(waiting)


def erase_content(entry: AuditEntry) -> None:
    """Forget what the entry says about a person; the chain keeps its hash."""
    entry.actor, entry.detail, entry.erased = "（已删除）", {}, True


def erase_actor(session: Session, actor: str) -> None:
    """Forget what every entry by this actor says."""
    for entry in session.scalars(select(AuditEntry).where(AuditEntry.actor == actor)):
        erase_content(entry)


@dataclass(frozen=True)
class Verdict:
    checked: int
    broken_at: int | None = None
    reason: str = ""
    unsealed: int = 0  # entries written but not linked yet (sealed within seconds)

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def _entries(session: Session, batch: int = 1000) -> Iterator[AuditEntry]:
    """Every sealed entry in chain order, a batch at a time (the log grows without bound)."""
    last = 0
    while entries := list(
        session.scalars(
            select(AuditEntry).where(AuditEntry.seq > last).order_by(AuditEntry.seq).limit(batch)
        )
    ):
        yield from entries
        last = entries[-1].seq or 0
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
    unsealed = session.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.seq.is_(None))
    )
    return Verdict(checked, unsealed=int(unsealed or 0))
