"""A person behind 人工: a request opens a hand-off to the organisation covering the
household's region (or to the operators where none does). A social worker or operator takes
it (`接手`); then messages travel both ways through the official account until either side
ends it. Nobody taking it within the organisation's limit brings in its admins.

Every function runs in the caller's transaction and announces through `notify` (the
outbox), so nothing is said about a change that was not committed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

import messages as msg
from nlu.regions import region_index
from storage.models import (
    Case,
    CaseStatus,
    Handoff,
    HandoffMessage,
    HandoffStatus,
    InboundMessage,
    Organisation,
    User,
    utcnow,
)
from storage.repositories import audit, last_message_at, numbered
from storage.social_work import (
    active_operators,
    covering_organisation,
    covering_workers,
    organisation_admins,
)

Notify = Callable[[int, str, str], object]
WINDOW = timedelta(hours=48)
RECENT_MESSAGES = 5
OPEN = (HandoffStatus.WAITING, HandoffStatus.ACTIVE)


@dataclass(frozen=True)
class Opened:
    handoff: Handoff
    already_open: bool


def open_handoff_of(session: Session, user: User) -> Handoff | None:
    return session.scalar(
        select(Handoff).where(Handoff.user_id == user.id, Handoff.status.in_(OPEN))
    )


def active_handoff_of(session: Session, user: User) -> Handoff | None:
    """The hand-off a person has taken for this user, if any (asked of every message: the
    id alone is read, the row only when there is one)."""
    found = session.scalar(
        select(Handoff.id).where(Handoff.user_id == user.id, Handoff.status == HandoffStatus.ACTIVE)
    )
    return None if found is None else session.get(Handoff, found)


def _latest_case(session: Session, user: User) -> Case | None:
    return session.scalar(
        select(Case)
        .where(Case.user_id == user.id, Case.status != CaseStatus.WITHDRAWN)
        .order_by(Case.id.desc())
    )


def known_region(session: Session, user: User) -> str | None:
    """The county a request for a person is about: the user's latest case's, if any."""
    case = _latest_case(session, user)
    return case.region_code if case else None


def limit_minutes(organisation: Organisation | None, default: int) -> int:
    if organisation is None or organisation.handoff_limit_minutes is None:
        return default
    return organisation.handoff_limit_minutes


def _latest_texts(session: Session, user: User, since: datetime | None = None) -> list[str]:
    """The user's latest few text messages (since a moment, if given), oldest first."""
    query = select(InboundMessage.content).where(
        InboundMessage.openid == user.openid, InboundMessage.content.is_not(None)
    )
    if since is not None:
        query = query.where(InboundMessage.received_at > since)
    texts = session.scalars(query.order_by(InboundMessage.id.desc()).limit(RECENT_MESSAGES))
    return [text for text in reversed(texts.all()) if text]


def _recent_lines(session: Session, user: User) -> str:
    return "\n".join(f"· {text}" for text in _latest_texts(session, user)) or "（没有文字消息）"


def said_while_waiting(session: Session, handoff: Handoff) -> list[str]:
    """What the household wrote after asking for a person, before one took the hand-off
    (the latest few), for whoever takes it."""
    return _latest_texts(session, handoff.user, since=handoff.requested_at)


def _announce_request(session: Session, handoff: Handoff, notify: Notify) -> None:
    case = session.get(Case, handoff.case_id) if handoff.case_id else None
    text = msg.HANDOFF_FOR_WORKER.format(
        number=handoff.number,
        region=region_index().full_name(handoff.region_code) if handoff.region_code else "未知",
        case=msg.HANDOFF_CASE_LINE.format(case=case.number, status=msg.CASE_STATUS[case.status])
        if case
        else "",
        recent=_recent_lines(session, handoff.user),
    )
    if handoff.organisation_id is not None and handoff.region_code is not None:
        recipients = [w.user_id for w in covering_workers(session, handoff.region_code)]
    else:
        recipients = [operator.user_id for operator in active_operators(session)]
    for user_id in recipients:
        notify(user_id, f"handoff-requested:{handoff.id}:{user_id}", text)


def request_handoff(
    session: Session, user: User, region_code: str | None, notify: Notify
) -> Opened:
    """Open a hand-off for the user (or return the one already open)."""
    existing = open_handoff_of(session, user)
    if existing is not None:
        return Opened(existing, already_open=True)
    case = _latest_case(session, user)
    region = region_code or (case.region_code if case else None)
    organisation = covering_organisation(session, region) if region else None
    handoff = Handoff(
        user_id=user.id,
        region_code=region,
        organisation_id=organisation.id if organisation else None,
        case_id=case.id if case else None,
    )
    session.add(handoff)
    session.flush()
    audit(session, user.openid, "handoff.requested", "handoff", handoff.id, region=region)
    _announce_request(session, handoff, notify)
    return Opened(handoff, already_open=False)


class HandoffError(Exception):
    """Why a worker's hand-off command cannot be done (a sentence for the worker)."""


def may_act(handoff: Handoff, prefixes: list[str] | None) -> bool:
    """Operators (prefixes None) act on every hand-off; a social worker on those in the
    regions of their organisation."""
    if prefixes is None:
        return True
    region = handoff.region_code
    return region is not None and any(region.startswith(p) for p in prefixes)


def find(session: Session, handoff_id: int, prefixes: list[str] | None) -> Handoff:
    handoff = numbered(session, Handoff, handoff_id)
    if handoff is None or not may_act(handoff, prefixes):
        raise HandoffError(msg.NO_SUCH_HANDOFF.format(number=f"H{handoff_id:06d}"))
    return handoff


def take(session: Session, handoff: Handoff, actor: User, who: str, notify: Notify) -> None:
    """The actor takes a waiting hand-off; only one can (a conditional update)."""
    taken = session.execute(
        update(Handoff)
        .where(Handoff.id == handoff.id, Handoff.status == HandoffStatus.WAITING)
        .values(status=HandoffStatus.ACTIVE, taken_by_id=actor.id, taken_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    session.refresh(handoff)
    if taken != 1:
        if handoff.status == HandoffStatus.ACTIVE and handoff.taken_by_id == actor.id:
            raise HandoffError(msg.HANDOFF_ALREADY_YOURS.format(number=handoff.number))
        raise HandoffError(msg.HANDOFF_NOT_WAITING.format(number=handoff.number))
    audit(session, actor.openid, "handoff.taken", "handoff", handoff.id)
    notify(handoff.user_id, f"handoff-taken:{handoff.id}", msg.HANDOFF_TAKEN.format(who=who))


def _active_for(handoff: Handoff, actor: User) -> None:
    if handoff.status != HandoffStatus.ACTIVE or handoff.taken_by_id != actor.id:
        raise HandoffError(msg.HANDOFF_NOT_YOURS.format(number=handoff.number))


def worker_says(session: Session, handoff: Handoff, actor: User, text: str, notify: Notify) -> bool:
    """A worker's message to the household. True when it went out as a chat message; False
    when the household has been silent for 48 hours (WeChat allows only a notice inviting a
    reply: the message waits and is shown with the reply to the household's next message)."""
    _active_for(handoff, actor)
    message = HandoffMessage(handoff_id=handoff.id, from_household=False, text=text)
    session.add(message)
    session.flush()
    household = handoff.user
    last = last_message_at(session, household.openid)
    in_window = last is not None and last >= utcnow() - WINDOW
    if in_window:
        message.delivered_at = utcnow()
        notify(household.id, f"handoff-msg:{message.id}", msg.WORKER_MESSAGE.format(text=text))
    else:
        notify(household.id, f"handoff-invite:{message.id}", msg.HANDOFF_INVITE)
    return in_window


def held_messages(session: Session, handoff: Handoff) -> list[str]:
    """Worker messages still waiting for the household; marked delivered."""
    waiting = list(
        session.scalars(
            select(HandoffMessage)
            .where(
                HandoffMessage.handoff_id == handoff.id,
                HandoffMessage.from_household.is_(False),
                HandoffMessage.delivered_at.is_(None),
            )
            .order_by(HandoffMessage.id)
        )
    )
    for message in waiting:
        message.delivered_at = utcnow()
    return [message.text for message in waiting]


def household_says(session: Session, handoff: Handoff, text: str, notify: Notify) -> None:
    """The household's message, forwarded to whoever took the hand-off."""
    message = HandoffMessage(
        handoff_id=handoff.id, from_household=True, text=text, delivered_at=utcnow()
    )
    session.add(message)
    session.flush()
    if handoff.taken_by_id is not None:
        notify(
            handoff.taken_by_id,
            f"handoff-msg:{message.id}",
            msg.HOUSEHOLD_MESSAGE.format(number=handoff.number, text=text),
        )


def end(session: Session, handoff: Handoff, actor: User, notify: Notify) -> None:
    """Either side ends the conversation; the other side is told."""
    handoff.status, handoff.closed_at = HandoffStatus.CLOSED, utcnow()
    audit(session, actor.openid, "handoff.closed", "handoff", handoff.id)
    if actor.id == handoff.user_id:
        if handoff.taken_by_id is not None:
            notify(
                handoff.taken_by_id,
                f"handoff-closed:{handoff.id}",
                msg.HANDOFF_ENDED_BY_HOUSEHOLD.format(number=handoff.number),
            )
    else:
        notify(handoff.user_id, f"handoff-closed:{handoff.id}", msg.HANDOFF_ENDED_BY_WORKER)


def escalate_overdue(session: Session, default_minutes: int, notify: Notify) -> int:
    """Waiting hand-offs past their organisation's limit go to its admins (the operators
    when it has none); the household hears that it may take longer. Returns how many."""
    escalated = 0
    now = utcnow()
    waiting = session.scalars(
        select(Handoff).where(
            Handoff.status == HandoffStatus.WAITING,
            Handoff.escalated_at.is_(None),
            Handoff.organisation_id.is_not(None),
        )
    )
    for handoff in waiting:
        minutes = limit_minutes(handoff.organisation, default_minutes)
        if handoff.requested_at > now - timedelta(minutes=minutes):
            continue
        handoff.escalated_at = now
        organisation_id = handoff.organisation_id or 0
        admins = [w.user_id for w in organisation_admins(session, organisation_id)]
        recipients = admins or [operator.user_id for operator in active_operators(session)]
        text = msg.HANDOFF_ESCALATED.format(number=handoff.number, minutes=minutes)
        for user_id in recipients:
            notify(user_id, f"handoff-escalated:{handoff.id}:{user_id}", text)
        notify(handoff.user_id, f"handoff-late:{handoff.id}", msg.HANDOFF_LATE_HOUSEHOLD)
        audit(session, "system", "handoff.escalated", "handoff", handoff.id)
        escalated += 1
    return escalated
