"""Every change to a match, each in one function: a guarded conditional update (the match
must still be in the status the change expects, else `StaleRecord`), the amounts moved
with relative updates, the case's and pledge's statuses settled, the people told. Each
returns the events it caused; the caller commits, then dispatches them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

import messages as msg
from config.settings import Settings
from domain.checkins import checkin_days, schedule_checkins
from domain.events import Event, Outbox, move
from domain.households import tell_household
from domain.records import settle
from domain.schedule import schedule_flow
from nlu.regions import region_index
from storage.models import (
    Case,
    Match,
    MatchStatus,
    Organisation,
    Pledge,
    ResourceKind,
    User,
    utcnow,
)
from storage.repositories import audit
from storage.social_work import covering_workers
from vocabulary import NEED_LABELS


def city_region(code: str) -> str:
    """Where the help goes, to city level only (never the household's village)."""
    chain = region_index().chain(code)
    return f"{chain['province'] or ''}{chain['city'] if chain['city'] != chain['province'] else ''}"


def _donor_delivery(pledge: Pledge, organisation: Organisation | None) -> str:
    """How the donor hands over what the match gives, for its kind."""
    if pledge.kind == ResourceKind.MONEY:
        if organisation is not None and organisation.payment_account:
            return msg.DELIVER_MONEY_ACCOUNT.format(
                org=organisation.name, account=organisation.payment_account, pledge=pledge.number
            )
        return msg.DELIVER_MONEY.format(org=organisation.name if organisation else "社工机构")
    return msg.DELIVER_GOODS if pledge.kind == ResourceKind.GOODS else msg.DELIVER_SERVICE


def confirm(
    session: Session, match: Match, actor: User, organisation: Organisation | None
) -> set[Event]:
    """The social worker confirms a proposal: the donor hears what the pledge will do and
    how to hand it over, the household that help is coming."""
    move(
        session,
        match,
        (MatchStatus.PROPOSED,),
        actor.openid,
        status=MatchStatus.CONFIRMED,
        confirmed_at=utcnow(),
    )
    case, pledge = match.case, match.pledge
    outbox = Outbox(session)
    outbox.notify(
        pledge.donor_id,
        f"match-confirmed-donor:{match.id}",
        msg.DONOR_MATCHED.format(
            pledge=pledge.number,
            region=city_region(case.region_code),
            need=NEED_LABELS[case.need_type],
            what=match.what,
            verified=msg.VERIFIED_HOW[case.verification_method or "unsaid"],
            delivery=_donor_delivery(pledge, organisation),
        ),
    )
    tell_household(
        case,
        f"match-confirmed-household:{match.id}",
        outbox.notify,
        msg.HOUSEHOLD_MATCHED.format(case=case.number, what=match.what),
        msg.PROXY_MATCHED.format(what=match.what),
    )
    settle(session, {match.case_id}, {match.pledge_id})
    return outbox.events


def decline(session: Session, match: Match, actor: User, reason: str) -> set[Event]:
    """The social worker declines a proposal: its amount goes back to the case and the
    pledge with relative updates, so a matcher run at the same moment loses nothing, and
    the pair is never proposed again."""
    move(
        session,
        match,
        (MatchStatus.PROPOSED,),
        actor.openid,
        status=MatchStatus.DECLINED,
        decline_reason=reason,
    )
    if match.amount is not None:
        session.execute(
            update(Case)
            .where(Case.id == match.case_id)
            .values(amount_matched=Case.amount_matched - match.amount)
            .execution_options(synchronize_session=False)
        )
        session.execute(
            update(Pledge)
            .where(Pledge.id == match.pledge_id)
            .values(amount_allocated=Pledge.amount_allocated - match.amount)
            .execution_options(synchronize_session=False)
        )
        session.expire(match.case)
        session.expire(match.pledge)
    settle(session, {match.case_id}, {match.pledge_id})
    return {Event.MATCHING_NEEDED}  # what was declined looks for another case


def awaiting_delivery(session: Session, user: User, as_donor: bool) -> list[Match]:
    """The user's confirmed matches not delivered yet: of its pledges as the donor, or of
    its requests as the household."""
    owner = Pledge.donor_id == user.id if as_donor else Case.user_id == user.id
    return list(
        session.scalars(
            select(Match)
            .join(Pledge, Pledge.id == Match.pledge_id)
            .join(Case, Case.id == Match.case_id)
            .where(owner, Match.status == MatchStatus.CONFIRMED)
            .order_by(Match.id)
        )
    )


def handed_over_said(session: Session, match: Match, actor: User, by_donor: bool) -> set[Event]:
    """The donor says the help is on its way (我已经转过去了), or the household that it came
    (钱收到了): the social workers covering the case are asked to check and record the
    delivery (送达), which alone moves the match. Each side's word is passed on once."""
    side = "donor" if by_donor else "household"
    text = msg.HANDED_OVER_FOR_WORKER[side].format(match=match.number, case=match.case.number)
    outbox = Outbox(session)
    for worker in covering_workers(session, match.case.region_code):
        key = f"handed-over:{side}:{match.id}:{worker.id}"
        outbox.notify(worker.user_id, key, text, match.console_path)
    audit(session, actor.openid, "match.handed_over_said", "match", match.id, side=side)
    return outbox.events


@dataclass(frozen=True)
class Followups:
    """What a delivery schedules: the rating after `rating_after_days`, and check-ins on
    the days `checkin_after_days` says (the organisation's own days first)."""

    rating_after_days: float
    checkin_after_days: str


def followups(settings: Settings) -> Followups:
    return Followups(settings.followup_after_days, settings.checkin_after_days)


def deliver(
    session: Session, match: Match, actor: User, note: str, followups: Followups
) -> set[Event]:
    """The social worker records delivery: the donor hears the feedback, and the household
    is asked to rate the help later and, months on, how it is doing (check-ins); a
    household without WeChat is asked by its worker."""
    move(
        session,
        match,
        (MatchStatus.CONFIRMED,),
        actor.openid,
        status=MatchStatus.DELIVERED,
        delivered_at=utcnow(),
        delivery_note=note or None,
    )
    case, pledge = match.case, match.pledge
    if case.user_id is not None:
        schedule_flow(
            session,
            f"rating:{match.id}",
            case.user_id,
            "rating",
            {"match_id": match.id, "case": case.number},
            due_at=utcnow() + timedelta(days=followups.rating_after_days),
        )
        days = checkin_days(session, case, followups.checkin_after_days)
        schedule_checkins(session, case, days, actor.openid)
    outbox = Outbox(session)
    outbox.notify(
        pledge.donor_id,
        f"match-delivered-donor:{match.id}",
        msg.DONOR_DELIVERED.format(
            pledge=pledge.number,
            what=match.what,
            need=NEED_LABELS[case.need_type],
            region=city_region(case.region_code),
            note=note or msg.DELIVERED_DEFAULT_NOTE[pledge.kind],
        ),
    )
    settle(session, {match.case_id}, {match.pledge_id})
    return outbox.events


def rate(
    session: Session, household: User, match_id: int, rating: int, feedback: str | None
) -> bool:
    """Record the household's 1–5 rating once; False when the match is not theirs to rate."""
    match = session.get(Match, match_id)
    case = session.get(Case, match.case_id) if match else None
    if match is None or case is None or case.user_id != household.id or match.rating is not None:
        return False
    move(
        session,
        match,
        (MatchStatus.DELIVERED,),
        household.openid,
        status=MatchStatus.CLOSED,
        rating=rating,
        feedback=feedback,
    )
    settle(session, {match.case_id}, {match.pledge_id})
    return True
