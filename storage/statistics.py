"""The console's statistics, computed in SQL over one person's scope and a date range
(cases submitted in it): a constant number of aggregate queries, whatever the volume."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select, tuple_
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
    """The median of a one-column query: PostgreSQL's percentile_cont in one aggregate;
    elsewhere (SQLite) the middle row or two of the ordered column."""
    spans = query.subquery()
    column = spans.c[0]
    if session.get_bind().dialect.name == "postgresql":
        found = session.scalar(select(func.percentile_cont(0.5).within_group(column)))
        return round(float(found), 1) if found is not None else None
    total = session.scalar(select(func.count()).select_from(spans)) or 0
    if total == 0:
        return None
    middle = list(
        session.scalars(
            select(column).order_by(column).offset((total - 1) // 2).limit(2 - total % 2)
        )
    )
    return round(sum(float(v) for v in middle) / len(middle), 1)


def _counts(session: Session, scope: ColumnElement[bool], span: Range) -> dict[str, Any]:
    """Counts by need type, poverty cause, province and status, and the yuan still
    needed, from one scan of the cases: grouped by each dimension at once (GROUPING SETS)
    on PostgreSQL; grouped by all four and summed up here elsewhere."""
    province = func.substr(Case.region_code, 1, 2)
    dimensions = {
        "by_need_type": Case.need_type,
        "by_poverty_cause": Case.poverty_cause,
        "by_province": province,
        "by_status": Case.status,
    }
    still_needed = case((Case.status.not_in(NOT_NEEDED), Case.amount_needed), else_=0)
    measures = (func.count(), func.coalesce(func.sum(still_needed), 0))
    query = select(*dimensions.values(), *measures).where(scope, span.cases())
    found: dict[str, Counter[str]] = {key: Counter() for key in dimensions}
    needed = 0
    if session.get_bind().dialect.name == "postgresql":
        flags = [func.grouping(column) for column in dimensions.values()]
        grouped = query.add_columns(*flags).group_by(
            func.grouping_sets(*[tuple_(column) for column in dimensions.values()])
        )
        for row in session.execute(grouped):
            values, (count, yuan), absent = row[:4], row[4:6], row[6:]
            key = next(i for i, flag in enumerate(absent) if flag == 0)
            name = list(dimensions)[key]
            found[name][str(values[key]) if values[key] is not None else "unknown"] += count
            needed += int(yuan) if name == "by_status" else 0
    else:
        for *keys, count, yuan in session.execute(query.group_by(*dimensions.values())):
            for name, value in zip(dimensions, keys, strict=True):
                found[name][str(value) if value is not None else "unknown"] += count
            needed += int(yuan)
    return {name: dict(counter) for name, counter in found.items()} | {"yuan_needed": needed}


def _matched(session: Session, scope: ColumnElement[bool], span: Range) -> tuple[int, int]:
    """Yuan matched (proposed, confirmed or delivered) and delivered, in one query."""

    def total(statuses: Any) -> Any:
        return func.coalesce(func.sum(case((Match.status.in_(statuses), Match.amount), else_=0)), 0)

    matched, delivered = session.execute(
        select(total(ACTIVE), total(DELIVERED))
        .join(Case, Case.id == Match.case_id)
        .where(scope, span.cases())
    ).one()
    return int(matched), int(delivered)


def statistics(
    session: Session, scope: ColumnElement[bool], span: Range, whole_platform: bool
) -> dict[str, Any]:
    """Counts by need type, poverty cause, province and status; the funnel; amounts;
    median days to verification, first match and first delivery. Money pledged is a
    platform-wide figure (a pledge belongs to no region), given to operators only."""
    counts = _counts(session, scope, span)
    by_status = counts["by_status"]
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
    matched, delivered = _matched(session, scope, span)
    return {
        **counts,
        "cases": sum(by_status.values()),
        "funnel": {
            stage: sum(by_status.get(s.value, 0) for s in statuses) for stage, statuses in FUNNEL
        },
        "yuan_pledged": pledged,
        "yuan_matched": matched,
        "yuan_delivered": delivered,
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
