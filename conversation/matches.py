"""The life of a match in the chat: the social worker confirms, declines or records delivery;
the donor hears what the pledge does (never who the household is) and how it will be
delivered for its kind; the household hears that help is coming and is asked, a few days
after delivery, to rate it. Donors may cancel what is not allocated yet. Every change
settles the case's and the pledge's statuses (`domain.records`)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import update

import messages as msg
from domain.events import Event
from domain.households import tell_household
from domain.records import settle
from domain.schedule import schedule_flow
from nlu.regions import region_index
from storage.models import (
    Case,
    Match,
    MatchStatus,
    Pledge,
    PledgeStatus,
    ResourceKind,
    utcnow,
)
from storage.repositories import audit
from storage.social_work import active_worker, covers
from vocabulary import NEED_LABELS

if TYPE_CHECKING:
    from conversation.engine import Conversation


def city_region(code: str) -> str:
    """Where the help goes, to city level only (never the household's village)."""
    chain = region_index().chain(code)
    return f"{chain['province'] or ''}{chain['city'] if chain['city'] != chain['province'] else ''}"


def match_command(conversation: Conversation, found: re.Match[str]) -> str:
    """A social worker's 确认/拒绝/送达 M…, for matches in the worker's regions."""
    prefixes = conversation.worker_prefixes()
    action, match_id, rest = found.group(1), int(found.group(2)), found.group(3).strip()
    match = conversation.session.get(Match, match_id)
    number = f"M{match_id:06d}"
    if match is None or not covers(prefixes, match.case.region_code):
        return msg.NO_SUCH_MATCH.format(match=number)
    if action == "拒绝" and not rest:
        return msg.NEED_REASON.format(number=number)
    wanted = MatchStatus.CONFIRMED if action == "送达" else MatchStatus.PROPOSED
    if match.status != wanted:
        status = msg.MATCH_STATUS[match.status]
        return msg.MATCH_WRONG_STATUS.format(match=number, status=status, action=action)
    handler = {"确认": _confirm, "拒绝": _decline, "送达": _deliver}[action]
    audit(
        conversation.session,
        conversation.openid,
        f"match.{handler.__name__[1:]}",
        "match",
        match.id,
    )
    reply = handler(conversation, match, rest)
    settle(conversation.session, {match.case_id}, {match.pledge_id})
    return reply


def _donor_delivery(conversation: Conversation, match: Match) -> str:
    """How the donor hands over what the match gives, for its kind."""
    pledge = match.pledge
    if pledge.kind == ResourceKind.MONEY:
        worker = active_worker(conversation.session, conversation.user)
        organisation = worker.organisation if worker else None
        if organisation is not None and organisation.payment_account:
            return msg.DELIVER_MONEY_ACCOUNT.format(
                org=organisation.name, account=organisation.payment_account, pledge=pledge.number
            )
        return msg.DELIVER_MONEY.format(org=organisation.name if organisation else "社工机构")
    return msg.DELIVER_GOODS if pledge.kind == ResourceKind.GOODS else msg.DELIVER_SERVICE


def _confirm(conversation: Conversation, match: Match, _note: str) -> str:
    match.status, match.confirmed_at = MatchStatus.CONFIRMED, utcnow()
    case, pledge = match.case, match.pledge
    conversation.notify(
        pledge.donor_id,
        f"match-confirmed-donor:{match.id}",
        msg.DONOR_MATCHED.format(
            pledge=pledge.number,
            region=city_region(case.region_code),
            need=NEED_LABELS[case.need_type],
            what=match.what,
            verified=msg.VERIFIED_HOW[case.verification_method or "unsaid"],
            delivery=_donor_delivery(conversation, match),
        ),
    )
    tell_household(
        case,
        f"match-confirmed-household:{match.id}",
        conversation.notify,
        msg.HOUSEHOLD_MATCHED.format(case=case.number, what=match.what),
        msg.PROXY_MATCHED.format(what=match.what),
    )
    return msg.MATCH_CONFIRMED_OK.format(match=match.number)


def _decline(conversation: Conversation, match: Match, reason: str) -> str:
    """Amounts go back with guarded relative updates, so a matcher run at the same moment
    cannot lose its own change (no read-modify-write through the ORM)."""
    match.status, match.decline_reason = MatchStatus.DECLINED, reason
    if match.amount is not None:
        session = conversation.session
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
        session.flush()
        session.expire(match.case)
        session.expire(match.pledge)
    conversation.emit(Event.MATCHING_NEEDED)  # what was declined looks for another case
    return msg.MATCH_DECLINED_OK.format(match=match.number, what=match.what)


def _deliver(conversation: Conversation, match: Match, note: str) -> str:
    settings = conversation.services.settings
    match.status, match.delivered_at = MatchStatus.DELIVERED, utcnow()
    match.delivery_note = note or None
    case, pledge = match.case, match.pledge
    if case.user_id is not None:  # a household without WeChat is asked by its worker
        schedule_flow(
            conversation.session,
            f"rating:{match.id}",
            case.user_id,
            "rating",
            {"match_id": match.id, "case": case.number},
            due_at=utcnow() + timedelta(days=settings.followup_after_days),
        )
    conversation.notify(
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
    return msg.MATCH_DELIVERED_OK.format(match=match.number)


def cancel_pledge(conversation: Conversation, found: re.Match[str]) -> str:
    """`取消认捐 J…` from its donor: what is not allocated yet is released."""
    pledge = conversation.session.get(Pledge, int(found.group(1)))
    number = f"J{int(found.group(1)):06d}"
    if pledge is None or pledge.donor_id != conversation.user.id:
        return msg.NO_SUCH_PLEDGE.format(pledge=number)
    if pledge.status not in (PledgeStatus.OPEN, PledgeStatus.PARTLY_ALLOCATED):
        return msg.NOTHING_TO_RELEASE.format(pledge=number, status=msg.PLEDGE_STATUS[pledge.status])
    left = (pledge.amount or 0) - pledge.amount_allocated
    if pledge.amount_allocated:
        pledge.amount = pledge.amount_allocated  # what is promised stays and is delivered
        settle(conversation.session, set(), {pledge.id})
    else:
        pledge.status = PledgeStatus.CANCELLED
    audit(
        conversation.session,
        conversation.openid,
        "pledge.cancelled",
        "pledge",
        pledge.id,
        released=left,
    )
    if pledge.kind != ResourceKind.MONEY:
        return msg.PLEDGE_CANCELLED_IN_KIND.format(pledge=number)
    return msg.PLEDGE_CANCELLED.format(pledge=number, left=left)
