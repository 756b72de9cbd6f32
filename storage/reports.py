"""The operators' report (`flask data report`, and a social worker's 统计 in the chat): the
console's statistics over all time, computed in SQL (`storage.statistics`), with what only
the report shows: donor feedback sent, ratings, and voice messages without a transcript."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session

from storage.db import Database
from storage.models import Attachment, Case, Match, Notification
from storage.social_work import in_regions
from storage.statistics import ALL_TIME, statistics


def build_report(database: Database, region_prefixes: list[str] | None = None) -> dict[str, Any]:
    """Counts and amounts, optionally only for cases in the given region prefixes (money
    pledged, which belongs to no region, only for the whole platform)."""
    scope = in_regions(region_prefixes) if region_prefixes is not None else true()
    figures = statistics(database, scope, ALL_TIME, whole_platform=region_prefixes is None)
    with database.session() as session:
        extras = _report_only(session, scope)
    return {
        "cases": figures["cases"],
        "cases_by_need_type": figures["by_need_type"],
        "cases_by_poverty_cause": figures["by_poverty_cause"],
        "cases_by_province": {f"{code}0000": n for code, n in figures["by_province"].items()},
        "cases_by_status": figures["by_status"],
        "yuan_needed": figures["yuan_needed"],
        "yuan_pledged": figures["yuan_pledged"],
        "yuan_matched": figures["yuan_matched"],
        "yuan_delivered": figures["yuan_delivered"],
        "median_days_to_verification": figures["median_days_to_verification"],
        "median_days_to_match": figures["median_days_to_match"],
        "median_days_to_delivery": figures["median_days_to_delivery"],
        "projects": figures["projects"],
        **extras,
    }


def _report_only(session: Session, scope: ColumnElement[bool]) -> dict[str, Any]:
    day = func.date(Attachment.received_at)
    feedback = select(func.count()).where(Notification.dedup_key.like("match-delivered-donor:%"))
    ratings = (
        select(Match.rating, func.count())
        .join(Case, Case.id == Match.case_id)
        .where(scope, Match.rating.is_not(None))
        .group_by(Match.rating)
    )
    voices = select(day, func.count()).where(Attachment.kind == "voice").group_by(day).order_by(day)
    return {
        "donor_feedback_sent": session.scalar(feedback) or 0,
        "ratings": {str(rating): n for rating, n in session.execute(ratings)},
        "voice_without_transcript_by_day": {str(d): n for d, n in session.execute(voices)},
    }
