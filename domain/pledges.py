"""Changing a pledge's sum (认捐金额改成…) while it is open; closing it: the donor cancels
it (取消认捐) or it expires. What is already promised
to a household stays and is delivered; only the rest is released. One guarded update: the
pledge must still be open with the allocation seen, else `StaleRecord`."""

from __future__ import annotations

from sqlalchemy.orm import Session

from domain.events import StaleRecord, guarded_update
from domain.records import settle
from storage.models import Pledge, PledgeStatus
from storage.repositories import audit

OPEN = (PledgeStatus.OPEN, PledgeStatus.PARTLY_ALLOCATED)


def close(session: Session, pledge: Pledge, closed_as: PledgeStatus, actor: str) -> int:
    """Release what is not allocated; returns the yuan released (0 for goods and services).
    A pledge with money promised keeps that part (its amount becomes what was allocated)."""
    if pledge.status not in OPEN:
        raise StaleRecord(pledge.number)
    seen = pledge.amount_allocated
    released = (pledge.amount or 0) - seen
    values = {"amount": Pledge.amount_allocated} if seen else {"status": closed_as}
    conditions = [Pledge.status.in_(OPEN), Pledge.amount_allocated == seen]
    guarded_update(session, pledge, conditions, **values)
    settle(session, set(), {pledge.id})
    audit(session, actor, f"pledge.{closed_as.value}", "pledge", pledge.id, released=released)
    return released


class BelowPromised(ValueError):
    """A new sum below what is already promised to households."""


def change_amount(session: Session, pledge: Pledge, amount: int, actor: str) -> None:
    """A donor's new sum for an open money pledge, never below what is already promised to
    households. One guarded update, as `close`."""
    if pledge.status not in OPEN:
        raise StaleRecord(pledge.number)
    seen = pledge.amount_allocated
    if amount < seen:
        raise BelowPromised(str(seen))
    conditions = [Pledge.status.in_(OPEN), Pledge.amount_allocated == seen]
    guarded_update(session, pledge, conditions, amount=amount)
    settle(session, set(), {pledge.id})
    audit(session, actor, "pledge.amount_changed", "pledge", pledge.id, amount=amount)
