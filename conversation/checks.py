"""Automated checks when a case is submitted. They never reject: each finding becomes a
flag with a readable reason for the social worker who verifies the case."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

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


def _other_cases(session: Session, case: Case, id_hash: str) -> list[Case]:
    return list(
        session.scalars(
            select(Case)
            .join(HouseholdProfile, Case.profile_id == HouseholdProfile.id)
            .where(HouseholdProfile.id_number_hash == id_hash, Case.id != case.id)
        )
    )


def run_checks(session: Session, case: Case, settings: Settings) -> list[dict[str, str]]:
    """Flags for a just-submitted case (its profile already flushed)."""
    profile = case.profile
    flags: list[dict[str, str]] = []
    others = _other_cases(session, case, profile.id_number_hash or "")
    open_others = [c.number for c in others if c.status in OPEN_STATUSES]
    if open_others:
        flags.append(
            {
                "code": "duplicate",
                "reason": f"同一身份证号另有进行中的求助 {'、'.join(open_others)}",
            }
        )
    year_ago = utcnow() - timedelta(days=365)
    recent = [c for c in others if c.submitted_at >= year_ago]
    if len(recent) + 1 >= CASES_PER_YEAR_LIMIT:
        flags.append(
            {"code": "frequent", "reason": f"同一身份证号一年内已有 {len(recent) + 1} 次求助"}
        )
    age = _age(profile.id_number or "", date.today()) if profile.id_number else None
    if case.need_type == "education" and age is not None and age > EDUCATION_MAX_AGE:
        flags.append(
            {"code": "age", "reason": f"申请人 {age} 岁申请教育助学，可能是替孙辈申请，请核实"}
        )
    cap = settings.amount_cap.get(case.need_type)
    if case.amount_needed and cap and case.amount_needed > cap:
        label = NEED_LABELS[case.need_type]
        flags.append(
            {
                "code": "amount",
                "reason": f"金额 {case.amount_needed} 元高于{label}类常见上限 {cap} 元",
            }
        )
    if not region_exists(case.region_code):
        flags.append({"code": "region", "reason": f"地区代码 {case.region_code} 不存在"})
    elif not organisation_covers(session, case.region_code):
        flags.append({"code": "uncovered", "reason": "该地区还没有社工机构覆盖"})
    shared = session.scalars(
        select(HouseholdProfile.id_number_hash)
        .where(
            HouseholdProfile.phone_hash == profile.phone_hash,
            HouseholdProfile.id_number_hash != profile.id_number_hash,
        )
        .distinct()
    ).all()
    if len(shared) >= SHARED_PHONE_LIMIT:
        flags.append(
            {"code": "shared_phone", "reason": f"这个手机号还登记在另外 {len(shared)} 户名下"}
        )
    return flags
