"""Check-ins (回访) after help: scheduled at 1, 3 and 6 months after delivery (or when a
social worker enrols a verified household), asked by chat, assessed by the survey's rules
(`domain.survey`), and brought to the social worker when a household is at risk, or when
it did not answer after one reminder. Each check-in is a row (`storage.models.Checkin`);
the chat conversation is a scheduled flow named `checkin`."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import messages as msg
from domain.events import Outbox
from domain.schedule import schedule_flow
from domain.survey import Assessment, Risk, survey
from nlu.regions import region_index
from storage.models import (
    Case,
    CaseStatus,
    Checkin,
    CheckinStatus,
    NeedType,
    Organisation,
    ScheduledFlow,
    User,
    utcnow,
)
from storage.repositories import audit
from storage.social_work import covering_organisation, covering_workers

FLOW = "checkin"
REMINDER_GAP = timedelta(days=7)  # never more than one reminder a week to a household


def parse_days(text: str) -> list[float]:
    """Days from their text: "30,90,180" → [30.0, 90.0, 180.0]; fractional days allowed
    (a demo: "0.0007", about a minute)."""
    days = [float(part) for part in text.replace("，", ",").split(",") if part.strip()]
    if not days or any(day <= 0 for day in days):
        raise ValueError(f"check-in days must be positive numbers, got {text!r}")
    return days


def checkin_days(session: Session, case: Case, default: str) -> list[float]:
    """The days after delivery the case's organisation asks, else the default."""
    organisation: Organisation | None = covering_organisation(session, case.region_code)
    return parse_days((organisation and organisation.checkin_after_days) or default)


def schedule_checkins(session: Session, case: Case, days: list[float], actor: str) -> int:
    """Schedule the case's check-ins (once per round, also when two deliveries of the
    case commit at once); how many were new."""
    if case.user_id is None:  # a household without WeChat is visited, not messaged
        return 0
    known = set(session.scalars(select(Checkin.round).where(Checkin.case_id == case.id)))
    added = 0
    for round_number, after in enumerate(days, start=1):
        if round_number in known:
            continue
        due = utcnow() + timedelta(days=after)
        checkin = Checkin(case_id=case.id, user_id=case.user_id, round=round_number, due_at=due)
        try:
            with session.begin_nested():
                session.add(checkin)
        except IntegrityError:
            continue
        _schedule_flow(session, checkin, "", due)
        added += 1
    if added:
        audit(session, actor, "case.checkins_scheduled", "case", case.id, rounds=str(added))
    return added


def _schedule_flow(session: Session, checkin: Checkin, suffix: str, due: datetime) -> None:
    slots = {"checkin_id": checkin.id}
    schedule_flow(session, f"checkin:{checkin.id}{suffix}", checkin.user_id, FLOW, slots, due)


def asked(session: Session, checkin_id: int) -> None:
    """The first question went out."""
    session.execute(
        update(Checkin)
        .where(Checkin.id == checkin_id, Checkin.status == CheckinStatus.SCHEDULED)
        .values(status=CheckinStatus.ASKED, asked_at=utcnow())
    )


def complete(
    session: Session, checkin_id: int, answers: dict[str, str], outbox: Outbox
) -> Assessment:
    """Record the answers and the risk they show; a household at risk is brought to the
    social workers covering it at once, with the reasons."""
    checkin = session.get(Checkin, checkin_id)
    assessment = survey().assess(answers)
    if checkin is None or checkin.status in (CheckinStatus.COMPLETED, CheckinStatus.STOPPED):
        return assessment
    checkin.answers = json.dumps(answers, ensure_ascii=False)
    checkin.survey_version = survey().version
    checkin.risk, checkin.reasons = assessment.level.value, list(assessment.reasons)
    checkin.status, checkin.finished_at = CheckinStatus.COMPLETED, utcnow()
    audit(session, "system", "checkin.completed", "case", checkin.case_id, risk=checkin.risk)
    if assessment.level == Risk.AT_RISK:
        _tell_workers(
            session,
            checkin,
            "at-risk",
            msg.CHECKIN_AT_RISK,
            outbox,
            reasons="、".join(assessment.reasons),
        )
    return assessment


def postpone(session: Session, checkin_id: int, days: float) -> None:
    """ "过几天再说": asked again in a few days, from the first question."""
    checkin = session.get(Checkin, checkin_id)
    if checkin is None or checkin.status != CheckinStatus.ASKED:
        return
    due = utcnow() + timedelta(days=days)
    checkin.status, checkin.asked_at, checkin.due_at = CheckinStatus.SCHEDULED, None, due
    _schedule_flow(session, checkin, f":later:{int(due.timestamp())}", due)
    audit(session, "system", "checkin.postponed", "case", checkin.case_id)


def stop(session: Session, checkin_id: int) -> None:
    """The household did not want to answer: nothing more is asked this round."""
    checkin = session.get(Checkin, checkin_id)
    if checkin is None or checkin.status not in (CheckinStatus.ASKED, CheckinStatus.SCHEDULED):
        return
    checkin.status, checkin.finished_at = CheckinStatus.STOPPED, utcnow()
    audit(session, "system", "checkin.stopped", "case", checkin.case_id)


def forget(session: Session, user: User) -> None:
    """Delete-my-data: the check-in answers and their reasons go, nothing more is asked
    (the risk levels stay, anonymous, for the statistics)."""
    for checkin in session.scalars(select(Checkin).where(Checkin.user_id == user.id)):
        checkin.answers, checkin.reasons = None, []
        if checkin.status in (CheckinStatus.SCHEDULED, CheckinStatus.ASKED):
            checkin.status, checkin.finished_at = CheckinStatus.STOPPED, utcnow()
    session.execute(
        delete(ScheduledFlow).where(
            ScheduledFlow.user_id == user.id, ScheduledFlow.started_at.is_(None)
        )
    )


def _tell_workers(
    session: Session, checkin: Checkin, what: str, text: str, outbox: Outbox, **details: str
) -> None:
    case = session.get(Case, checkin.case_id)
    if case is None:
        return
    body = text.format(
        case=case.number,
        round=checkin.round,
        region=region_index().full_name(case.region_code),
        **details,
    )
    for worker in covering_workers(session, case.region_code):
        outbox.notify(
            worker.user_id, f"checkin-{what}:{checkin.id}:{worker.id}", body, case.console_path
        )


def remind_or_miss(
    session: Session, remind_after: float, missed_after: float, outbox: Outbox
) -> int:
    """Check-ins asked and not finished: remind the household once (never a second
    reminder within a week), then, with still no answer, mark missed and tell the social
    workers. Returns how many changed."""
    now = utcnow()
    changed = 0
    waiting = session.scalars(select(Checkin).where(Checkin.status == CheckinStatus.ASKED))
    for checkin in waiting:
        if checkin.reminded_at is None and checkin.asked_at is not None:
            if checkin.asked_at > now - timedelta(days=remind_after):
                continue
            last = session.scalar(
                select(func.max(Checkin.reminded_at)).where(Checkin.user_id == checkin.user_id)
            )
            if last is not None and last > now - REMINDER_GAP:
                continue
            checkin.reminded_at = now
            outbox.notify(checkin.user_id, f"checkin-reminder:{checkin.id}", msg.CHECKIN_REMINDER)
            changed += 1
        elif checkin.reminded_at is not None and checkin.reminded_at <= now - timedelta(
            days=missed_after
        ):
            checkin.status, checkin.finished_at = CheckinStatus.MISSED, now
            audit(session, "system", "checkin.missed", "case", checkin.case_id)
            _tell_workers(session, checkin, "missed", msg.CHECKIN_MISSED, outbox)
            changed += 1
    return changed


class NotEnrollable(ValueError):
    """Only a verified household (or one already helped) is asked how it is doing."""


ENROLLABLE = (
    CaseStatus.VERIFIED,
    CaseStatus.PARTLY_MATCHED,
    CaseStatus.MATCHED,
    CaseStatus.DELIVERED,
    CaseStatus.CLOSED,
)


def enrol(session: Session, case: Case, days: list[float], actor: str) -> int:
    """A social worker enrols a verified household: check-ins from now on, on the days
    given; how many were new (0: it was enrolled already)."""
    if case.status not in ENROLLABLE or case.user_id is None:
        raise NotEnrollable(case.number)
    return schedule_checkins(session, case, days, actor)


def open_followup(session: Session, case: Case, worker: User) -> Case | None:
    """A new case for the household from its latest check-in that found risk, in one
    action: the need type of the gravest reason, the reasons as its description, filed by
    the worker for verification. Once per check-in; None when there is none to follow."""
    checkin = session.scalar(
        select(Checkin)
        .where(
            Checkin.case_id == case.id,
            Checkin.status == CheckinStatus.COMPLETED,
            Checkin.risk.in_((Risk.AT_RISK.value, Risk.WATCH.value)),
            Checkin.followup_case_id.is_(None),
        )
        .order_by(Checkin.round.desc())
    )
    if checkin is None:
        return None
    answers = json.loads(checkin.answers) if checkin.answers else {}
    need = survey().assess(answers).need or NeedType.OTHER.value
    followup = Case(
        user_id=case.user_id,
        profile_id=case.profile_id,
        need_type=NeedType(need),
        poverty_cause=case.poverty_cause,
        description=msg.FOLLOWUP_CASE_TEXT.format(
            round=checkin.round, case=case.number, reasons="、".join(checkin.reasons)
        ),
        region_code=case.region_code,
        urgency=3 if checkin.risk == Risk.AT_RISK.value else 2,
        filed_by_id=worker.id,
    )
    session.add(followup)
    session.flush()
    checkin.followup_case_id = followup.id
    audit(session, worker.openid, "case.followup_opened", "case", followup.id, source=case.number)
    audit(session, worker.openid, "case.followup_opened", "case", case.id, followup=followup.number)
    return followup
