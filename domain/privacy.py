"""删除我的信息: a user's personal data erased, their open cases withdrawn and what is left of
their pledges released, their check-in answers erased and no more check-ins asked; need
types, amounts, regions and risk levels stay for anonymous statistics."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from domain import attachments, cases, checkins, pledges
from domain.events import StaleRecord
from storage import audit_chain
from storage.files import FileStore
from storage.models import (
    Case,
    CaseQuestion,
    HouseholdProfile,
    InboundMessage,
    OrganisationApplication,
    Pledge,
    PledgeStatus,
    User,
)
from storage.repositories import audit

ERASED = "（已删除）"


@dataclass(frozen=True)
class Erased:
    """What an erasure stopped besides the data: requests withdrawn, pledges cancelled."""

    withdrawn: int
    cancelled: int


def erase_personal_data(session: Session, user: User, files: FileStore) -> Erased:
    """Erase the user's personal fields and files, withdraw open cases, release open
    pledges; how many requests and pledges it stopped."""
    withdrawn = cancelled = 0
    for profile in session.scalars(
        select(HouseholdProfile).where(HouseholdProfile.user_id == user.id)
    ):
        profile.name = profile.id_number = profile.phone = profile.address = None
        profile.contact_note = None
        profile.id_number_hash = profile.phone_hash = None
    for case in session.scalars(select(Case).where(Case.user_id == user.id)):
        case.description, case.review_note = ERASED, None
        withdrawn += cases.withdraw(session, case, user.openid)
    for pledge in session.scalars(select(Pledge).where(Pledge.donor_id == user.id)):
        pledge.display_name = pledge.contact_phone = None
        pledge.thank_publicly = False
        if pledge.status in pledges.OPEN:
            try:
                pledges.close(session, pledge, PledgeStatus.CANCELLED, user.openid)
                cancelled += 1
            except StaleRecord:
                pass  # allocated meanwhile: it is delivered as promised
    for question in session.scalars(
        select(CaseQuestion)
        .join(Case, CaseQuestion.case_id == Case.id)
        .where(Case.user_id == user.id)
    ):
        question.answer = ERASED if question.answer else None
    for application in session.scalars(
        select(OrganisationApplication).where(OrganisationApplication.user_id == user.id)
    ):  # the person who applied for an organisation: their own contact details go
        application.contact_name = application.contact_phone = ERASED
    checkins.forget(session, user)
    attachments.erase(session, user, files)
    session.execute(
        update(InboundMessage)
        .where(InboundMessage.openid == user.openid)
        .values(content=None, reply=None)
    )
    user.consent_version = user.consent_at = None
    audit_chain.erase_actor(session, user.openid)  # what the trail says of them; chain stays whole
    audit(session, "system", "personal_data.erased", "user", user.id)
    return Erased(withdrawn, cancelled)
