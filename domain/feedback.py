"""Complaints and suggestions: recorded, and routed to the organisation covering the region
they are about (every covering social worker is told), or to the operators. An operator
decides whether a complaint was justified (on the organisation's console page, or `flask
data uphold`); an upheld complaint counts against the organisation's score (domain.standing)."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

import messages as msg
from domain.events import Event, Outbox
from nlu.regions import region_index
from storage.models import Feedback, FeedbackKind, User
from storage.repositories import audit
from storage.social_work import active_operators, covering_organisation, covering_workers


def record_feedback(
    session: Session, user: User, kind: str, text: str, region_code: str | None
) -> tuple[Feedback, set[Event]]:
    """Keep the complaint or suggestion and tell who should act on it."""
    organisation = covering_organisation(session, region_code) if region_code else None
    feedback = Feedback(
        user_id=user.id,
        kind=FeedbackKind(kind),
        text=text,
        region_code=region_code,
        organisation_id=organisation.id if organisation else None,
    )
    session.add(feedback)
    session.flush()
    audit(session, user.openid, f"feedback.{kind}", "feedback", feedback.id)
    if organisation is not None and region_code is not None:
        recipients = [worker.user_id for worker in covering_workers(session, region_code)]
    else:
        recipients = [operator.user_id for operator in active_operators(session)]
    notice = msg.FEEDBACK_FOR_STAFF.format(
        number=feedback.number,
        kind=msg.FEEDBACK_KINDS[kind],
        region=region_index().full_name(region_code) if region_code else "未说明地区",
        text=text,
    )
    outbox = Outbox(session)
    for user_id in recipients:
        outbox.notify(user_id, f"feedback:{feedback.id}:{user_id}", notice)
    return feedback, outbox.events


def complaint_numbered(session: Session, number: str) -> Feedback | None:
    """The complaint F000001 names (any case, leading zeros optional), or None."""
    found = re.fullmatch(r"[Ff]0*(\d{1,9})", number.strip())
    feedback = session.get(Feedback, int(found.group(1))) if found else None
    return feedback if feedback and feedback.kind == FeedbackKind.COMPLAINT else None


def complaints_about(session: Session, organisation_id: int) -> list[Feedback]:
    """The complaints routed to an organisation, newest first."""
    return list(
        session.scalars(
            select(Feedback)
            .where(
                Feedback.organisation_id == organisation_id,
                Feedback.kind == FeedbackKind.COMPLAINT,
            )
            .order_by(Feedback.id.desc())
        )
    )


def decide_complaint(session: Session, feedback: Feedback, upheld: bool, actor: str) -> None:
    """Record whether a complaint was found justified (audited; it may be decided again)."""
    feedback.upheld = upheld
    action = "feedback.upheld" if upheld else "feedback.not_upheld"
    audit(session, actor, action, "feedback", feedback.id)
