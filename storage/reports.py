"""The operators' report: what was asked, pledged, matched and delivered, and how fast."""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import (
    Attachment,
    Case,
    CaseStatus,
    Match,
    MatchStatus,
    Notification,
    Pledge,
    ResourceKind,
)
from storage.social_work import in_regions

DELIVERED = (MatchStatus.DELIVERED, MatchStatus.CLOSED)
ACTIVE = (MatchStatus.PROPOSED, MatchStatus.CONFIRMED, *DELIVERED)
# What households still need or were helped with: not what was turned down or withdrawn.
NOT_NEEDED = (CaseStatus.REJECTED, CaseStatus.WITHDRAWN)


def _median_days(pairs: list[tuple[datetime, datetime | None]]) -> float | None:
    spans = [(end - start).total_seconds() / 86400 for start, end in pairs if end is not None]
    return round(statistics.median(spans), 2) if spans else None


def build_report(session: Session, region_prefixes: list[str] | None = None) -> dict[str, Any]:
    """Counts and amounts, optionally only for cases in the given region prefixes."""
    query = select(Case)
    if region_prefixes is not None:
        query = query.where(in_regions(region_prefixes))
    cases = list(session.scalars(query))
    case_ids = {c.id for c in cases}
    matches = [m for m in session.scalars(select(Match)) if m.case_id in case_ids]
    money = [p for p in session.scalars(select(Pledge)) if p.kind == ResourceKind.MONEY]
    money_ids = {p.id for p in money}
    money_matches = [m for m in matches if m.pledge_id in money_ids]
    first_match: dict[int, datetime] = {}
    first_delivery: dict[int, datetime] = {}
    for m in sorted(matches, key=lambda m: m.created_at):
        if m.status in ACTIVE:
            first_match.setdefault(m.case_id, m.created_at)
        if m.delivered_at is not None:
            first_delivery.setdefault(m.case_id, m.delivered_at)
    feedback = session.scalars(
        select(Notification.dedup_key).where(Notification.dedup_key.like("match-delivered-donor:%"))
    ).all()
    return {
        "cases": len(cases),
        "cases_by_need_type": dict(Counter(c.need_type.value for c in cases)),
        "cases_by_poverty_cause": dict(Counter(c.poverty_cause or "unknown" for c in cases)),
        "cases_by_province": dict(Counter(c.region_code[:2] + "0000" for c in cases)),
        "cases_by_status": dict(Counter(c.status.value for c in cases)),
        "yuan_needed": sum(c.amount_needed or 0 for c in cases if c.status not in NOT_NEEDED),
        "yuan_pledged": sum(p.amount or 0 for p in money),
        "yuan_matched": sum(m.amount for m in money_matches if m.status in ACTIVE),
        "yuan_delivered": sum(m.amount for m in money_matches if m.status in DELIVERED),
        "median_days_to_verification": _median_days(
            [(c.submitted_at, c.verified_at) for c in cases]
        ),
        "median_days_to_match": _median_days(
            [(c.submitted_at, first_match.get(c.id)) for c in cases]
        ),
        "median_days_to_delivery": _median_days(
            [(c.submitted_at, first_delivery.get(c.id)) for c in cases]
        ),
        "donor_feedback_sent": len(feedback),
        "ratings": dict(Counter(str(m.rating) for m in matches if m.rating is not None)),
        "voice_without_transcript_by_day": {
            str(day): count
            for day, count in session.execute(
                select(func.date(Attachment.received_at), func.count())
                .where(Attachment.kind == "voice")
                .group_by(func.date(Attachment.received_at))
                .order_by(func.date(Attachment.received_at))
            )
        },
    }
