"""Case and pledge statuses follow from their matches, for money, goods and services alike.

A case is `verified` with no live match, `partly_matched` while money is still missing,
`matched` when everything it asked for is promised, and `delivered` once every live match
was delivered. A pledge is `open`, `partly_allocated`, `allocated` when all of it is
promised, and `fulfilled` once all of that was delivered; money a pledge gave to a project
counts as promised, not yet delivered. Every change of a match calls `settle`, so the three
records always tell the same story."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from storage.models import (
    Case,
    CaseStatus,
    Match,
    MatchStatus,
    Pledge,
    PledgeStatus,
    ProjectFunding,
)

LIVE_MATCHES = (
    MatchStatus.PROPOSED,
    MatchStatus.CONFIRMED,
    MatchStatus.DELIVERED,
    MatchStatus.CLOSED,
)
DONE_MATCHES = (MatchStatus.DELIVERED, MatchStatus.CLOSED)
SETTLED_CASES = (
    CaseStatus.VERIFIED,
    CaseStatus.PARTLY_MATCHED,
    CaseStatus.MATCHED,
    CaseStatus.DELIVERED,
)
SETTLED_PLEDGES = (
    PledgeStatus.OPEN,
    PledgeStatus.PARTLY_ALLOCATED,
    PledgeStatus.ALLOCATED,
    PledgeStatus.FULFILLED,
)


def _live(session: Session, of: ColumnElement[bool]) -> list[MatchStatus]:
    """The statuses of the live (not declined) matches of one case or pledge."""
    return list(session.scalars(select(Match.status).where(of, Match.status.in_(LIVE_MATCHES))))


def case_status(case: Case, live: list[MatchStatus]) -> CaseStatus:
    """The status a verified case's amounts and live matches say it has."""
    money_missing = case.amount_needed is not None and case.amount_matched < case.amount_needed
    if not live:
        return CaseStatus.PARTLY_MATCHED if case.amount_matched else CaseStatus.VERIFIED
    if money_missing:
        return CaseStatus.PARTLY_MATCHED
    if all(status in DONE_MATCHES for status in live):
        return CaseStatus.DELIVERED
    return CaseStatus.MATCHED


def pledge_status(pledge: Pledge, live: list[MatchStatus]) -> PledgeStatus:
    """The status an open or allocated pledge's amounts and live matches say it has."""
    if pledge.amount is None:  # goods and services: matched whole
        full = bool(live)
    else:
        full = pledge.amount_allocated >= pledge.amount
    if full and all(status in DONE_MATCHES for status in live):
        return PledgeStatus.FULFILLED
    if full:
        return PledgeStatus.ALLOCATED
    return PledgeStatus.PARTLY_ALLOCATED if pledge.amount_allocated else PledgeStatus.OPEN


def settle(session: Session, case_ids: set[int], pledge_ids: set[int]) -> None:
    """Bring the cases' and pledges' statuses in line with their amounts and matches.
    Rejected, withdrawn, cancelled and expired records keep their status (a pledge
    cancelled or expired with money already promised keeps that part as `allocated`)."""
    session.flush()
    for case in session.scalars(select(Case).where(Case.id.in_(case_ids))):
        if case.status in SETTLED_CASES:
            case.status = case_status(case, _live(session, Match.case_id == case.id))
    for pledge in session.scalars(select(Pledge).where(Pledge.id.in_(pledge_ids))):
        if pledge.status in SETTLED_PLEDGES:
            pledge.status = pledge_status(pledge, _live_of_pledge(session, pledge.id))


def _live_of_pledge(session: Session, pledge_id: int) -> list[MatchStatus]:
    """A pledge's live matches, and each project it funds as a promise not yet delivered."""
    fundings = (
        session.scalar(select(func.count()).where(ProjectFunding.pledge_id == pledge_id)) or 0
    )
    return _live(session, Match.pledge_id == pledge_id) + [MatchStatus.CONFIRMED] * fundings
