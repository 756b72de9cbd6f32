"""The console's statistics, computed in SQL over one person's scope and a date range
(cases submitted in it): a constant number of aggregate queries, whatever the volume."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select, tuple_
from sqlalchemy.orm import Session, aliased

from storage.db import Database
from storage.models import (
    Case,
    CaseStatus,
    Checkin,
    CheckinStatus,
    Match,
    MatchStatus,
    Organisation,
    Pledge,
    Project,
    ProjectStatus,
    ResourceKind,
)

DELIVERED = (MatchStatus.DELIVERED, MatchStatus.CLOSED)
ACTIVE = (MatchStatus.PROPOSED, MatchStatus.CONFIRMED, *DELIVERED)
# What households still need or were helped with: not what was turned down or withdrawn.
NOT_NEEDED = (CaseStatus.REJECTED, CaseStatus.WITHDRAWN)

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


ALL_TIME = Range(datetime(2000, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC))


def days_between(session: Session, end: Any, start: Any) -> Any:
    """A span in days as SQL, for the dialect in use."""
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", end - start) / 86400.0
    return func.julianday(end) - func.julianday(start)


def _median(session: Session, query: Select[Any]) -> float | None:
    """The median of a one-column query, portably: the middle row or two of the ordered
    column (PostgreSQL uses percentile_cont instead, see `_progress`)."""
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


def _per_case_matches() -> Any:
    """Per case with matches: its first match and first delivery, and the yuan matched
    (proposed, confirmed or delivered) and delivered."""

    def total(statuses: Any) -> Any:
        return func.sum(case((Match.status.in_(statuses), Match.amount), else_=0))

    return (
        select(
            Match.case_id,
            func.min(case((Match.status.in_(ACTIVE), Match.created_at))).label("matched_at"),
            func.min(Match.delivered_at).label("delivered_at"),
            total(ACTIVE).label("matched"),
            total(DELIVERED).label("delivered"),
        )
        .group_by(Match.case_id)
        .subquery()
    )


def _progress(session: Session, scope: ColumnElement[bool], span: Range) -> dict[str, Any]:
    """Yuan matched and delivered, and the median days from submission to verification,
    first match and first delivery: on PostgreSQL one scan of the cases (percentile_cont
    skips the cases that have not got there); elsewhere one query per median."""
    per_case = _per_case_matches()
    spans = {
        "median_days_to_verification": days_between(session, Case.verified_at, Case.submitted_at),
        "median_days_to_match": days_between(session, per_case.c.matched_at, Case.submitted_at),
        "median_days_to_delivery": days_between(
            session, per_case.c.delivered_at, Case.submitted_at
        ),
    }
    sums = (
        func.coalesce(func.sum(per_case.c.matched), 0),
        func.coalesce(func.sum(per_case.c.delivered), 0),
    )
    cases = (
        select(*sums)
        .select_from(Case)
        .outerjoin(per_case, per_case.c.case_id == Case.id)
        .where(scope, span.cases())
    )
    if session.get_bind().dialect.name == "postgresql":
        medians = [func.percentile_cont(0.5).within_group(days) for days in spans.values()]
        matched, delivered, *found = session.execute(cases.add_columns(*medians)).one()
        middle = {
            name: round(float(value), 1) if value is not None else None
            for name, value in zip(spans, found, strict=True)
        }
    else:
        matched, delivered = session.execute(cases).one()
        middle = {
            name: _median(session, cases.with_only_columns(days).where(days.is_not(None)))
            for name, days in spans.items()
        }
    return {"yuan_matched": int(matched), "yuan_delivered": int(delivered), **middle}


def _pledged(session: Session, span: Range) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(Pledge.amount), 0)).where(
            Pledge.kind == ResourceKind.MONEY, Pledge.created_at.between(span.start, span.end)
        )
    )
    return int(total or 0)


# A project's people count as served once it is completed.
SERVED = (ProjectStatus.COMPLETED, ProjectStatus.EVALUATED)


def project_statistics(session: Session) -> dict[str, Any]:
    """Projects by status, people served, and each organisation's money raised, projects and
    standing (platform-wide, like money pledged: for operators)."""
    by_status = {
        str(status): count
        for status, count in session.execute(
            select(Project.status, func.count()).group_by(Project.status)
        )
    }
    served = session.scalar(
        select(func.coalesce(func.sum(Project.people_served), 0)).where(Project.status.in_(SERVED))
    )
    organisations = [
        {"name": name, "standing": standing, "projects": count, "funded_yuan": int(funded)}
        for name, standing, count, funded in session.execute(
            select(
                Organisation.name,
                Organisation.standing,
                func.count(Project.id),
                func.coalesce(func.sum(Project.funded_yuan), 0),
            )
            .join(Project, Project.organisation_id == Organisation.id)
            .group_by(Organisation.id, Organisation.name, Organisation.standing)
            .order_by(Organisation.name)
        )
    ]
    return {
        "by_status": by_status,
        "people_served": int(served or 0),
        "funded_yuan": sum(o["funded_yuan"] for o in organisations),
        "by_organisation": organisations,
    }


def statistics(
    database: Database, scope: ColumnElement[bool], span: Range, whole_platform: bool
) -> dict[str, Any]:
    """Counts by need type, poverty cause, province and status; the funnel; amounts;
    median days to verification, first match and first delivery. Money pledged and the
    projects are platform-wide figures (a pledge belongs to no region), for operators only.
    On PostgreSQL the independent aggregates run at once, each on its own connection."""

    def run(part: Callable[[Session], Any]) -> Any:
        with database.session() as session:
            return part(session)

    parts: list[Callable[[Session], Any]] = [
        lambda session: _counts(session, scope, span),
        lambda session: _progress(session, scope, span),
        lambda session: checkin_statistics(session, scope, span),
    ]
    if whole_platform:
        parts += [lambda session: _pledged(session, span), project_statistics]
    if database.engine.dialect.name == "postgresql":
        with ThreadPoolExecutor(max_workers=len(parts)) as pool:
            counts, progress, checkins, *platform = pool.map(run, parts)
    else:  # SQLite: one connection is as fast, and an in-memory database has only one
        counts, progress, checkins, *platform = map(run, parts)
    by_status = counts["by_status"]
    return {
        **counts,
        **progress,
        "cases": sum(by_status.values()),
        "funnel": {
            stage: sum(by_status.get(s.value, 0) for s in statuses) for stage, statuses in FUNNEL
        },
        "yuan_pledged": platform[0] if platform else None,
        "projects": platform[1] if platform else None,
        "checkins": checkins,
    }


def checkin_statistics(session: Session, scope: ColumnElement[bool], span: Range) -> dict[str, Any]:
    """Households by the risk their latest check-in completed in the range showed (stable
    / watch / at risk), overall, by province and by poverty cause; and how many were caught
    early: at risk at one check-in, stable at a later one completed in the range."""
    in_range = Checkin.finished_at.between(span.start, span.end)
    latest = (
        select(Checkin.case_id, func.max(Checkin.round).label("round"))
        .where(Checkin.status == CheckinStatus.COMPLETED, in_range)
        .group_by(Checkin.case_id)
        .subquery()
    )
    province = func.substr(Case.region_code, 1, 2)
    rows = session.execute(
        select(Checkin.risk, province, Case.poverty_cause, func.count())
        .join(latest, (latest.c.case_id == Checkin.case_id) & (latest.c.round == Checkin.round))
        .join(Case, Case.id == Checkin.case_id)
        .where(scope)
        .group_by(Checkin.risk, province, Case.poverty_cause)
    ).all()
    by_risk: Counter[str] = Counter()
    by_province: dict[str, Counter[str]] = {}
    by_cause: dict[str, Counter[str]] = {}
    for risk, where, cause, count in rows:
        by_risk[str(risk)] += count
        by_province.setdefault(str(where), Counter())[str(risk)] += count
        by_cause.setdefault(cause or "unknown", Counter())[str(risk)] += count
    before, after = aliased(Checkin), aliased(Checkin)
    caught = session.scalar(
        select(func.count(func.distinct(before.case_id)))
        .join(after, (after.case_id == before.case_id) & (after.round > before.round))
        .join(Case, Case.id == before.case_id)
        .where(
            scope,
            before.risk == "at_risk",
            after.risk == "stable",
            after.finished_at.between(span.start, span.end),
        )
    )
    return {
        "households": sum(by_risk.values()),
        "by_risk": dict(by_risk),
        "by_province": {k: dict(v) for k, v in by_province.items()},
        "by_poverty_cause": {k: dict(v) for k, v in by_cause.items()},
        "caught_early": int(caught or 0),
    }
