"""Organisations applying to implement projects (项目实施机构). `机构入驻` in the chat gives a
one-time link to the application form; the 统一社会信用代码 is checked with its check
character (GB 32100, python-stdnum), the places must exist, documents (a registration
certificate) are photos kept like a household's. An operator approves it (the organisation
is made with its regions, the applicant becomes its admin), rejects it with a reason, or
asks for more (the applicant gets a new link to complete and resend it). The applicant hears
each decision by chat; the operators hear of each application."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from stdnum.cn import uscc
from stdnum.exceptions import ValidationError

import messages as msg
from domain import attachments
from domain.images import NotAcceptable, clean_image
from nlu.regions import region_index, resolve_region
from nlu.validators import Invalid, validate_mobile
from storage.crypto import cipher
from storage.files import FileStore
from storage.models import (
    ApplicationLink,
    ApplicationStatus,
    Attachment,
    Organisation,
    OrganisationApplication,
    OrganisationRegion,
    SocialWorker,
    User,
    region_prefix,
    utcnow,
)
from storage.repositories import audit
from storage.social_work import active_operators, notify
from vocabulary import NEED_LABELS

LINK_DAYS = 7  # an application form may take some days to gather documents for
MAX_DOCUMENTS = 5
PLACE_SEPARATORS = re.compile(r"[、，,；;\s]+|和|及")


class Refused(Exception):
    """Why an application, or a decision on it, cannot go ahead (a sentence for people)."""


@dataclass(frozen=True)
class Details:
    """What an organisation says about itself on the form."""

    name: str
    credit_code: str
    contact_name: str
    contact_phone: str
    places: str  # as written: 甘肃定西、临夏州
    fields: list[str]  # need types
    about: str


def checked_credit_code(raw: str) -> str:
    """The 18-character 统一社会信用代码, its check character verified."""
    code = uscc.compact(raw)
    try:
        return str(uscc.validate(code))
    except ValidationError as exc:
        raise Refused(msg.APPLICATION_BAD_CREDIT_CODE) from exc


def region_codes(places: str) -> list[str]:
    """The GB/T 2260 code of every place named (a province, city or county)."""
    codes: list[str] = []
    for name in filter(None, PLACE_SEPARATORS.split(places)):
        found = resolve_region(name)
        code = found.code or found.deepest
        if code is None:
            raise Refused(msg.APPLICATION_UNKNOWN_PLACE.format(place=name))
        if code not in codes:
            codes.append(code)
    if not codes:
        raise Refused(msg.APPLICATION_NO_PLACE)
    return codes


def _checked(details: Details) -> tuple[str, str, list[str]]:
    try:
        phone = validate_mobile(details.contact_phone)
    except Invalid as exc:
        raise Refused(msg.APPLICATION_BAD_PHONE) from exc
    if not set(details.fields) <= set(NEED_LABELS) or not details.fields:
        raise Refused(msg.APPLICATION_NO_FIELDS)
    return checked_credit_code(details.credit_code), phone, region_codes(details.places)


def _hash(token: str) -> str:
    return cipher().keyed_hash(token)


def create_link(
    session: Session, user_id: int, application: OrganisationApplication | None = None
) -> str:
    """A one-time token for the form (a new application, or completing `application`)."""
    token = secrets.token_hex(20)
    session.add(
        ApplicationLink(
            token_hash=_hash(token),
            user_id=user_id,
            application_id=application.id if application else None,
            expires_at=utcnow() + timedelta(days=LINK_DAYS),
        )
    )
    return token


def open_link(session: Session, token: str) -> ApplicationLink | None:
    """The link, while it is unused and unexpired."""
    return session.scalar(
        select(ApplicationLink).where(
            ApplicationLink.token_hash == _hash(token),
            ApplicationLink.used_at.is_(None),
            ApplicationLink.expires_at > utcnow(),
        )
    )


def submit(
    session: Session,
    link: ApplicationLink,
    details: Details,
    documents: list[bytes],
    files: FileStore,
    max_bytes: int,
) -> OrganisationApplication:
    """Check and keep an application (new, or completed after a request for more); the
    link is used up and the operators are told. Refused: nothing is kept."""
    code, phone, regions = _checked(details)
    if len(documents) > MAX_DOCUMENTS:
        raise Refused(msg.APPLICATION_TOO_MANY_DOCUMENTS.format(limit=MAX_DOCUMENTS))
    try:
        cleaned = [clean_image(document, max_bytes) for document in documents]
    except NotAcceptable as exc:
        raise Refused(msg.APPLICATION_BAD_DOCUMENT) from exc
    used = session.scalar(
        update(ApplicationLink)
        .where(ApplicationLink.id == link.id, ApplicationLink.used_at.is_(None))
        .values(used_at=utcnow())
        .returning(ApplicationLink.id)
    )
    if used is None:  # the same form sent twice at once
        raise Refused(msg.APPLICATION_LINK_USED)
    application = _application_for(session, link)
    application.name, application.credit_code = details.name.strip()[:100], code
    application.contact_name, application.contact_phone = details.contact_name.strip(), phone
    application.region_codes, application.fields = regions, list(details.fields)
    application.about, application.status = details.about.strip(), ApplicationStatus.SUBMITTED
    application.submitted_at = utcnow()
    session.flush()
    for photo in cleaned:
        attachments.uploaded(
            session, application.user_id, "document", photo, files, application_id=application.id
        )
    audit(
        session,
        _openid(session, link.user_id),
        "application.submitted",
        "application",
        application.id,
    )
    _tell_operators(session, application)
    return application


def _application_for(session: Session, link: ApplicationLink) -> OrganisationApplication:
    if link.application_id is None:
        new = OrganisationApplication(user_id=link.user_id)
        session.add(new)
        return new
    earlier = session.get(OrganisationApplication, link.application_id)
    if earlier is None or earlier.status != ApplicationStatus.MORE_NEEDED:
        raise Refused(msg.APPLICATION_LINK_USED)
    return earlier


def _openid(session: Session, user_id: int) -> str:
    user = session.get(User, user_id)
    return user.openid if user else "unknown"


def _tell_operators(session: Session, application: OrganisationApplication) -> None:
    text = msg.APPLICATION_FOR_OPERATORS.format(number=application.number, name=application.name)
    for operator in active_operators(session):
        key = f"application:{application.id}:{application.submitted_at:%s}:{operator.id}"
        notify(session, operator.user_id, key, text, application.console_path)


def documents(session: Session, application_id: int) -> list[Attachment]:
    return list(
        session.scalars(
            select(Attachment)
            .where(Attachment.application_id == application_id)
            .order_by(Attachment.id)
        )
    )


def _decided(application: OrganisationApplication) -> None:
    if application.status != ApplicationStatus.SUBMITTED:
        raise Refused(msg.APPLICATION_NOT_WAITING.format(number=application.number))
    application.decided_at = utcnow()


def approve(session: Session, application: OrganisationApplication, actor: User) -> Organisation:
    """The organisation is made with its regions; the applicant becomes its admin."""
    _decided(application)
    if session.scalar(select(Organisation.id).where(Organisation.name == application.name)):
        raise Refused(msg.APPLICATION_NAME_TAKEN.format(name=application.name))
    if session.scalar(select(SocialWorker.id).where(SocialWorker.user_id == application.user_id)):
        raise Refused(msg.APPLICATION_APPLICANT_IS_WORKER)
    organisation = Organisation(name=application.name)
    session.add(organisation)
    session.flush()
    for code in application.region_codes:
        session.add(
            OrganisationRegion(
                organisation_id=organisation.id, region_code=code, region_prefix=region_prefix(code)
            )
        )
    session.add(
        SocialWorker(user_id=application.user_id, organisation_id=organisation.id, is_admin=True)
    )
    application.status, application.organisation_id = ApplicationStatus.APPROVED, organisation.id
    audit(session, actor.openid, "application.approved", "application", application.id)
    places = "、".join(region_index().full_name(code) for code in application.region_codes)
    text = msg.APPLICATION_APPROVED.format(name=application.name, places=places)
    notify(session, application.user_id, f"application-approved:{application.id}", text)
    return organisation


def reject(
    session: Session, application: OrganisationApplication, actor: User, reason: str
) -> None:
    _decided(application)
    application.status, application.review_note = ApplicationStatus.REJECTED, reason
    audit(session, actor.openid, "application.rejected", "application", application.id)
    text = msg.APPLICATION_REJECTED.format(name=application.name, reason=reason)
    notify(session, application.user_id, f"application-rejected:{application.id}", text)


def ask_for_more(
    session: Session, application: OrganisationApplication, actor: User, note: str, base_url: str
) -> None:
    """The applicant is told what is missing, with a new link to complete the application."""
    _decided(application)
    application.status, application.review_note = ApplicationStatus.MORE_NEEDED, note
    token = create_link(session, application.user_id, application)
    audit(session, actor.openid, "application.more_needed", "application", application.id)
    url = f"{base_url}/console/apply/{token}"
    text = msg.APPLICATION_MORE_NEEDED.format(
        name=application.name, note=note, url=url, days=LINK_DAYS
    )
    key = f"application-more:{application.id}:{utcnow():%s}"
    notify(session, application.user_id, key, text)
