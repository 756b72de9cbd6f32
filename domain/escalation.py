"""Cases waiting for verification and matches waiting for confirmation past their
organisation's limit (`review_limit_days`, else REMINDER_AFTER_DAYS) go to the
organisation's admins (the operators when it has none), by chat with a link to the
record's console page, and are marked in everyone's queue. Once: `escalated_at` is set by
a conditional update, so a second sweep, or two at once, tell nobody again."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

import messages as msg
from domain.events import Outbox, StaleRecord, guarded_update
from nlu.regions import region_index
from storage.models import Case, CaseStatus, Match, MatchStatus, Organisation, utcnow
from storage.repositories import audit
from storage.social_work import (
    active_operators,
    in_regions,
    organisation_admins,
    organisation_prefixes,
)


def _mark(session: Session, record: Case | Match) -> bool:
    """Set `escalated_at` unless someone already did."""
    try:
        guarded_update(
            session, record, [type(record).escalated_at.is_(None)], escalated_at=utcnow()
        )
    except StaleRecord:
        return False
    return True


def _recipients(session: Session, organisation: Organisation) -> list[int]:
    admins = [worker.user_id for worker in organisation_admins(session, organisation.id)]
    return admins or [operator.user_id for operator in active_operators(session)]


def _overdue_cases(session: Session, prefixes: list[str], cutoff: datetime) -> list[Case]:
    return list(
        session.scalars(
            select(Case).where(
                in_regions(prefixes),
                Case.status == CaseStatus.SUBMITTED,
                Case.escalated_at.is_(None),
                Case.submitted_at < cutoff,
            )
        )
    )


def _overdue_matches(session: Session, prefixes: list[str], cutoff: datetime) -> list[Match]:
    return list(
        session.scalars(
            select(Match)
            .join(Case, Case.id == Match.case_id)
            .where(
                in_regions(prefixes),
                Match.status == MatchStatus.PROPOSED,
                Match.escalated_at.is_(None),
                Match.created_at < cutoff,
            )
        )
    )


def escalate_overdue_reviews(session: Session, default_days: int, outbox: Outbox) -> int:
    """Escalate what waited too long in every organisation's regions; how many records."""
    escalated = 0
    for organisation in session.scalars(select(Organisation).order_by(Organisation.id)):
        days = organisation.review_limit_days or default_days
        cutoff = utcnow() - timedelta(days=days)
        prefixes = organisation_prefixes(session, organisation.id)
        recipients = _recipients(session, organisation)
        for case in _overdue_cases(session, prefixes, cutoff):
            if not _mark(session, case):
                continue
            text = msg.CASE_ESCALATED.format(
                number=case.number, region=region_index().full_name(case.region_code), days=days
            )
            for user_id in recipients:
                key = f"case-escalated:{case.id}:{user_id}"
                outbox.notify(user_id, key, text, case.console_path)
            audit(session, "system", "case.escalated", "case", case.id, days=days)
            escalated += 1
        for match in _overdue_matches(session, prefixes, cutoff):
            if not _mark(session, match):
                continue
            text = msg.MATCH_ESCALATED.format(number=match.number, days=days)
            for user_id in recipients:
                key = f"match-escalated:{match.id}:{user_id}"
                outbox.notify(user_id, key, text, match.console_path)
            audit(session, "system", "match.escalated", "match", match.id, days=days)
            escalated += 1
    return escalated
