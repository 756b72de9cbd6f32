"""Complaints and suggestions: recorded, and routed to the organisation covering the region
they are about (every covering social worker is told), or to the operators."""

from __future__ import annotations

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
