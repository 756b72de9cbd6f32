"""Matches and pledges in the chat: the social worker's 确认 / 拒绝 / 送达 M… over
`domain.matches`, a donor's 取消认捐 J…, and the donor's or household's word that the help
was handed over."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import messages as msg
from domain import matches, pledges
from domain.events import StaleRecord
from storage.models import (
    Match,
    Pledge,
    PledgeStatus,
    ResourceKind,
)
from storage.repositories import numbered
from storage.social_work import covers

if TYPE_CHECKING:
    from conversation.engine import Conversation


def match_command(conversation: Conversation, found: re.Match[str]) -> str:
    """A social worker's 确认/拒绝/送达 M…, for matches in the worker's regions."""
    prefixes = conversation.worker_prefixes()
    action, match_id, rest = found.group(1), int(found.group(2)), found.group(3).strip()
    match = numbered(conversation.session, Match, match_id)
    number = f"M{match_id:06d}"
    if match is None or not covers(prefixes, match.case.region_code):
        return msg.NO_SUCH_MATCH.format(match=number)
    if action == "拒绝" and not rest:
        return msg.NEED_REASON.format(number=number)
    session, actor, worker = conversation.session, conversation.user, conversation.worker()
    try:
        if action == "确认":
            organisation = worker.organisation if worker else None
            events = matches.confirm(session, match, actor, organisation)
            reply = msg.MATCH_CONFIRMED_OK.format(match=number)
        elif action == "拒绝":
            events = matches.decline(session, match, actor, rest)
            reply = msg.MATCH_DECLINED_OK.format(match=number, what=match.what)
        else:
            followups = matches.followups(conversation.services.settings)
            events = matches.deliver(session, match, actor, rest, followups)
            reply = msg.MATCH_DELIVERED_OK.format(match=number)
    except StaleRecord:
        status = msg.MATCH_STATUS[match.status]
        return msg.MATCH_WRONG_STATUS.format(match=number, status=status, action=action)
    conversation.emit(*events)
    return reply


def own_pledge(conversation: Conversation, found: re.Match[str]) -> tuple[str, Pledge | None]:
    """The pledge number a donor's command names (its first group), and the pledge when it
    is theirs (another donor's looks exactly like one that does not exist)."""
    pledge = numbered(conversation.session, Pledge, int(found.group(1)))
    number = f"J{int(found.group(1)):06d}"
    return (
        number,
        pledge if pledge is not None and pledge.donor_id == conversation.user.id else None,
    )


def cancel_pledge(conversation: Conversation, found: re.Match[str]) -> str:
    """`取消认捐 J…` from its donor: what is not allocated yet is released."""
    number, pledge = own_pledge(conversation, found)
    pledge_actor = conversation.openid
    if pledge is None:
        return msg.NO_SUCH_PLEDGE.format(pledge=number)
    try:
        left = pledges.close(conversation.session, pledge, PledgeStatus.CANCELLED, pledge_actor)
    except StaleRecord:
        status = msg.PLEDGE_STATUS[pledge.status]
        return msg.NOTHING_TO_RELEASE.format(pledge=number, status=status)
    if pledge.kind != ResourceKind.MONEY:
        return msg.PLEDGE_CANCELLED_IN_KIND.format(pledge=number)
    return msg.PLEDGE_CANCELLED.format(pledge=number, left=left)


def handed_over(as_donor: bool) -> Callable[[Conversation, re.Match[str]], str | None]:
    """A donor saying the help is on its way (我已经转过去了), or a household that it came
    (钱收到了), while a confirmed match waits for delivery: passed on to the social workers
    who record it. Without such a match the words are left to the rest of the bot."""

    def said(conversation: Conversation, _found: re.Match[str]) -> str | None:
        session, user = conversation.session, conversation.user
        waiting = matches.awaiting_delivery(session, user, as_donor)
        if not waiting:
            return None
        for match in waiting:
            conversation.emit(*matches.handed_over_said(session, match, user, as_donor))
        return msg.HANDED_OVER_NOTED_DONOR if as_donor else msg.HANDED_OVER_NOTED_HOUSEHOLD

    return said


# Said as done, not asked (钱转了吗, 还没收到): neither a question nor a "not yet", and said
# first, of the money or things (钱已经收到了), maybe after thanks (谢谢你们 钱收到了), not
# inside another answer (5分 药收到了).
_NOT_ASKED = (
    r"^(?!.*[吗么？?]\s*$)(?!.*没)(?:(?:谢谢|感谢|多谢)(?:你们|您|大家)?[，,。！!\s]*)?"
    r"(?:我们?|俺们?)?(?:已经|刚刚?|刚才|都)?"
)
_THINGS = r"钱|款|捐款|善款|东西|物资|快递|包裹|米|面|油|衣服|被子|书|药|轮椅"
_AFTER = r"[^？?吗]{0,12}$"
PAID_SAID = re.compile(
    rf"{_NOT_ASKED}把?(?:{_THINGS})?(?:已经|都|也)?"
    r"(?:转过去了|转过去啦|转好了|转了|转账了|已转账|转账成功|打过去了|汇过去了|付过了|付了"
    r"|寄出去了|寄过去了|寄了|快递发了|发快递了)" + _AFTER
)
# What came is named: 收到了 alone also acknowledges a notice (…找到帮助 → 收到了).
RECEIVED_SAID = re.compile(
    rf"{_NOT_ASKED}(?:(?:{_THINGS})(?:已经|都|也)?(?:收到了|收到啦|拿到了|领到了|送来了|送到了)"
    r"|(?:钱|款)?(?:已经)?到账了)" + _AFTER
)
