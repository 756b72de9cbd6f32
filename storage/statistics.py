"""The console's statistics, computed in SQL over one person's scope and a date range
(cases submitted in it): a constant number of aggregate queries, whatever the volume."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from storage.models import Case, CaseStatus, Match, Pledge, ResourceKind
from storage.reports import ACTIVE, DELIVERED, NOT_NEEDED

# The funnel, in the order a case moves through it.
FUNNEL = (
    ("submitted", tuple(CaseStatus)),
    ("verified", tuple(s for s in CaseStatus if s not in (CaseStatus.SUBMITTED, *NOT_NEEDED))),
    (
        "matched",
        (CaseStatus.PARTLY_MATCHED, CaseStatus.MATCHED, CaseStatus.DELIVERED, CaseStatus.CLOSED),
    ),
    ("delivered", (CaseStatus.DELIVERED, CaseStatus.CLOSED)),
)


@dataclass(frozen=True)
class Range:
    start: datetime
    end: datetime

    def cases(self) -> ColumnElement[bool]:
        return Case.submitted_at.between(self.start, self.end)


def _days(session: Session, end: Any, start: Any) -> Any:
    """A span in days as SQL, for the dialect in use."""
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", end - start) / 86400.0
    return func.julianday(end) - func.julianday(start)


def _median(session: Session, query: Select[tuple[float]]) -> float | None:
    """The median of a one-column query (ordered, then the middle row or two): portable
    across SQLite and PostgreSQL, one sort in the database."""
    spans = query.subquery()
    column = spans.c[0]
    total = session.scalar(select(func.count()).select_from(spans)) or 0
    if total == 0:
        return None
    middle = list(
        session.scalars(
            select(column).order_by(column).offset((total - 1) // 2).limit(2 - total % 2)
        )
    )
    return round(sum(float(v) for v in middle) / len(middle), 1)


def _grouped(session: Session, key: Any, scope: ColumnElement[bool], span: Range) -> dict[str, int]:
    rows = session.execute(select(key, func.count()).where(scope, span.cases()).group_by(key)).all()
    return {str(name) if name is not None else "unknown": int(count) for name, count in rows}


def _matched(session: Session, scope: ColumnElement[bool], span: Range, statuses: Any) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(Match.amount), 0))
        .join(Case, Case.id == Match.case_id)
        .where(scope, span.cases(), Match.status.in_(statuses))
    )
    return int(total or 0)


def statistics(
    session: Session, scope: ColumnElement[bool], span: Range, whole_platform: bool
) -> dict[str, Any]:
    """Counts by need type, poverty cause, province and status; the funnel; amounts;
    median days to verification, first match and first delivery. Money pledged is a
    platform-wide figure (a pledge belongs to no region), given to operators only."""
    by_status = _grouped(session, Case.status, scope, span)
    first_match = (
        select(Match.case_id, func.min(Match.created_at).label("at"))
        .where(Match.status.in_(ACTIVE))
        .group_by(Match.case_id)
        .subquery()
    )
    first_delivery = (
        select(Match.case_id, func.min(Match.delivered_at).label("at"))
        .where(Match.delivered_at.is_not(None))
        .group_by(Match.case_id)
        .subquery()
    )
    pledged = None
    if whole_platform:
        pledged = int(
            session.scalar(
                select(func.coalesce(func.sum(Pledge.amount), 0)).where(
                    Pledge.kind == ResourceKind.MONEY,
                    Pledge.created_at.between(span.start, span.end),
                )
            )
            or 0
        )
    needed = session.scalar(
        select(func.coalesce(func.sum(Case.amount_needed), 0)).where(
            scope, span.cases(), Case.status.not_in(NOT_NEEDED)
        )
    )
    return {
        "cases": sum(by_status.values()),
        "by_need_type": _grouped(session, Case.need_type, scope, span),
        "by_poverty_cause": _grouped(session, Case.poverty_cause, scope, span),
        "by_province": _grouped(session, func.substr(Case.region_code, 1, 2), scope, span),
        "by_status": by_status,
        "funnel": {
            stage: sum(by_status.get(s.value, 0) for s in statuses) for stage, statuses in FUNNEL
        },
        "yuan_needed": int(needed or 0),
        "yuan_pledged": pledged,
        "yuan_matched": _matched(session, scope, span, ACTIVE),
        "yuan_delivered": _matched(session, scope, span, DELIVERED),
        "median_days_to_verification": _median(
            session,
            select(_days(session, Case.verified_at, Case.submitted_at)).where(
                scope, span.cases(), Case.verified_at.is_not(None)
            ),
        ),
        "median_days_to_match": _median(
            session,
            select(_days(session, first_match.c.at, Case.submitted_at))
            .join(first_match, first_match.c.case_id == Case.id)
            .where(scope, span.cases()),
        ),
        "median_days_to_delivery": _median(
            session,
            select(_days(session, first_delivery.c.at, Case.submitted_at))
            .join(first_delivery, first_delivery.c.case_id == Case.id)
            .where(scope, span.cases()),
        ),
    }
