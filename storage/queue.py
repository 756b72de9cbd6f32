"""The console's lists: cases and matches in one person's scope, filtered, sorted and cut
into pages in SQL (one query for the page, one for the count, whatever the page holds)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from sqlalchemy import ColumnElement, Select, exists, func, select, true
from sqlalchemy.orm import Session, joinedload

from storage.models import (
    Case,
    CaseStatus,
    Match,
    MatchStatus,
    NeedType,
    Pledge,
    PledgeStatus,
    utcnow,
)

CASE_SORTS = {
    "waited": (Case.submitted_at.asc(), Case.id.asc()),
    "newest": (Case.submitted_at.desc(), Case.id.desc()),
    "urgent": (Case.urgency.desc(), Case.submitted_at.asc(), Case.id.asc()),
    "amount": (Case.amount_needed.desc().nulls_last(), Case.id.asc()),
}
# What is waiting for a social worker: cases to verify, matches to confirm.
WAITING_CASES = (CaseStatus.SUBMITTED,)
WAITING_MATCHES = (MatchStatus.PROPOSED,)


@dataclass(frozen=True)
class CaseFilter:
    statuses: tuple[CaseStatus, ...] = WAITING_CASES
    need_type: NeedType | None = None
    region_prefix: str | None = None
    flagged: bool = False
    escalated: bool = False
    min_days: int | None = None
    case_id: int | None = None
    sort: str = "waited"

    def conditions(self, now: datetime) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.case_id is not None:  # a record number finds the case whatever its status
            return [Case.id == self.case_id]
        if self.statuses:
            found.append(Case.status.in_(self.statuses))
        if self.need_type is not None:
            found.append(Case.need_type == self.need_type)
        if self.region_prefix:
            found.append(Case.region_code.like(f"{self.region_prefix}%"))
        if self.flagged:
            found.append(func.coalesce(func.json_array_length(Case.flags), 0) > 0)
        if self.escalated:
            found.append(Case.escalated_at.is_not(None))
        if self.min_days is not None:
            found.append(Case.submitted_at <= now - timedelta(days=self.min_days))
        return found


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    total: int
    number: int
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))


def paged(session: Session, query: Select[T], number: int, size: int) -> Page[T]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = list(session.scalars(query.limit(size).offset((number - 1) * size)))
    return Page(rows, int(total or 0), number, size)


def case_page(
    session: Session, scope: ColumnElement[bool], wanted: CaseFilter, number: int, size: int
) -> Page[Case]:
    query = (
        select(Case)
        .where(scope, *wanted.conditions(utcnow()))
        .order_by(*CASE_SORTS.get(wanted.sort, CASE_SORTS["waited"]))
    )
    return paged(session, query, number, size)


def waiting_matches(
    session: Session, scope: ColumnElement[bool], number: int, size: int
) -> Page[Match]:
    """Proposed matches whose case lies in scope, oldest first."""
    query = (
        select(Match)
        .join(Case, Case.id == Match.case_id)
        .where(scope, Match.status.in_(WAITING_MATCHES))
        .options(joinedload(Match.case), joinedload(Match.pledge))
        .order_by(Match.created_at, Match.id)
    )
    return paged(session, query, number, size)


def scoped_match(session: Session, scope: ColumnElement[bool], match_id: int) -> Match | None:
    return session.scalar(
        select(Match).join(Case, Case.id == Match.case_id).where(Match.id == match_id, scope)
    )


def _pledge_in_scope(scope: ColumnElement[bool] | None) -> ColumnElement[bool]:
    """A pledge is in scope when one of its matches is (None: every pledge)."""
    if scope is None:
        return true()
    return exists(
        select(Match.id)
        .join(Case, Case.id == Match.case_id)
        .where(Match.pledge_id == Pledge.id, scope)
    )


def pledge_page(
    session: Session,
    scope: ColumnElement[bool] | None,
    status: PledgeStatus | None,
    number: int,
    size: int,
) -> Page[Pledge]:
    query = select(Pledge).where(_pledge_in_scope(scope)).order_by(Pledge.id.desc())
    if status is not None:
        query = query.where(Pledge.status == status)
    return paged(session, query, number, size)


def scoped_pledge(
    session: Session, scope: ColumnElement[bool] | None, pledge_id: int
) -> tuple[Pledge, list[Match]] | None:
    """The pledge and its matches in scope, or None (missing or out of scope alike)."""
    pledge = session.scalar(select(Pledge).where(Pledge.id == pledge_id, _pledge_in_scope(scope)))
    if pledge is None:
        return None
    matches = select(Match).join(Case, Case.id == Match.case_id).where(Match.pledge_id == pledge.id)
    if scope is not None:
        matches = matches.where(scope)
    return pledge, list(session.scalars(matches.options(joinedload(Match.case)).order_by(Match.id)))
