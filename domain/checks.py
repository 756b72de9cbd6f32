"""Automated checks when a case is submitted. They never reject: each finding becomes a
flag with a readable reason for the social worker who verifies the case."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

import messages as msg
from config.settings import Settings
from nlu.regions import region_exists
from nlu.validators import id_birth_date
from storage.models import Case, HouseholdProfile, utcnow
from storage.social_work import OPEN_STATUSES, organisation_covers
from vocabulary import NEED_LABELS

CASES_PER_YEAR_LIMIT = 3
EDUCATION_MAX_AGE = 60
SHARED_PHONE_LIMIT = 2


def _age(id_number: str, today: date) -> int:
    born = id_birth_date(id_number)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _other_cases(session: Session, case: Case, id_hash: str, since: datetime) -> list[Case]:
    """The same household's other cases that a check looks at: open, or from the past year."""
    return list(
        session.scalars(
            select(Case)
            .join(HouseholdProfile, Case.profile_id == HouseholdProfile.id)
            .where(
                HouseholdProfile.id_number_hash == id_hash,
                Case.id != case.id,
                or_(Case.status.in_(OPEN_STATUSES), Case.submitted_at >= since),
            )
        )
    )


def _flag(flag: str, **values: object) -> dict[str, str]:
    return {"code": flag, "reason": msg.FLAG_REASONS[flag].format(**values)}


def run_checks(session: Session, case: Case, settings: Settings) -> list[dict[str, str]]:
    """Flags for a just-submitted case (its profile already flushed)."""
    profile = case.profile
    flags: list[dict[str, str]] = []
    year_ago = utcnow() - timedelta(days=365)
    others = _other_cases(session, case, profile.id_number_hash or "", year_ago)
    open_others = [c.number for c in others if c.status in OPEN_STATUSES]
    if open_others:
        flags.append(_flag("duplicate", cases="、".join(open_others)))
    recent = [c for c in others if c.submitted_at >= year_ago]
    if len(recent) + 1 >= CASES_PER_YEAR_LIMIT:
        flags.append(_flag("frequent", count=len(recent) + 1))
    age = _age(profile.id_number or "", date.today()) if profile.id_number else None
    if case.need_type == "education" and age is not None and age > EDUCATION_MAX_AGE:
        flags.append(_flag("age", age=age))
    cap = settings.amount_cap.get(case.need_type)
    if case.amount_needed and cap and case.amount_needed > cap:
        label = NEED_LABELS[case.need_type]
        flags.append(_flag("amount", amount=case.amount_needed, label=label, cap=cap))
    if not region_exists(case.region_code):
        flags.append(_flag("region", region=case.region_code))
    elif not organisation_covers(session, case.region_code):
        flags.append(_flag("uncovered"))
    shared = session.scalars(
        select(HouseholdProfile.id_number_hash)
        .where(
            HouseholdProfile.phone_hash == profile.phone_hash,
            HouseholdProfile.id_number_hash != profile.id_number_hash,
        )
        .distinct()
    ).all()
    if len(shared) >= SHARED_PHONE_LIMIT:
        flags.append(_flag("shared_phone", count=len(shared)))
    return flags
