"""A new mobile number (手机号换了): the sender's open requests and pledges take it, each
change is audited, and the social workers covering each request are told."""

from __future__ import annotations

import hashlib

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

import messages as msg
from domain.attachments import open_cases
from domain.events import Event, Outbox
from domain.pledges import OPEN
from nlu.validators import mask_phone
from storage.crypto import cipher
from storage.models import Pledge, User
from storage.repositories import audit
from storage.social_work import covering_workers


def _pledges_with_phone(user: User) -> Select[Pledge]:
    """Open pledges given with a phone (one given with none, 不留, stays without one)."""
    return select(Pledge).where(
        Pledge.donor_id == user.id, Pledge.status.in_(OPEN), Pledge.contact_phone.is_not(None)
    )


def has_open_records(session: Session, user: User) -> bool:
    """Whether the user has an open request or pledge a new number would go to."""
    pledge = session.scalar(_pledges_with_phone(user).limit(1))
    return bool(open_cases(session, user)) or pledge is not None


def change_phone(session: Session, user: User, phone: str) -> tuple[list[str], set[Event]]:
    """The numbers of the requests and pledges that now have this phone, and the events."""
    changed: list[str] = []
    outbox = Outbox(session)
    key = hashlib.sha256(phone.encode()).hexdigest()[:12]
    for case in open_cases(session, user):
        case.profile.phone, case.profile.phone_hash = phone, cipher().keyed_hash(phone)
        audit(session, user.openid, "case.phone_changed", "case", case.id)
        changed.append(case.number)
        for worker in covering_workers(session, case.region_code):
            outbox.notify(
                worker.user_id,
                f"case-phone:{case.id}:{key}:{worker.id}",
                msg.PHONE_CHANGED_FOR_WORKER.format(number=case.number, phone=mask_phone(phone)),
                case.console_path,
            )
    for pledge in session.scalars(_pledges_with_phone(user)):
        pledge.contact_phone = phone
        audit(session, user.openid, "pledge.phone_changed", "pledge", pledge.id)
        changed.append(pledge.number)
    return changed, outbox.events
