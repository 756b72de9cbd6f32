"""人工 in the chat: the household's side (ask for a person, talk, 结束对话) and the staff
side (接手 / 回复 / 结束对话 H…) over `domain.handoff`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import messages as msg
from domain import handoff as handoffs
from nlu.lexicon import bare
from nlu.regions import region_index
from storage import social_work as social_work_store
from storage.models import HandoffStatus

if TYPE_CHECKING:
    from conversation.engine import Conversation

STAFF_COMMAND = re.compile(r"^(接手|回复|结束对话)\s*[Hh]\s*(\d+)\s*(.*)$", re.S)
END_WORDS = ("结束对话", "结束聊天", "不聊了", "结束人工")


def _wait_text(minutes: int) -> str:
    if minutes >= 60 and minutes % 60 == 0:
        return f" {minutes // 60} 小时"
    return f" {minutes} 分钟"


def needs_region(conversation: Conversation, region_code: str | None) -> bool:
    """True when nothing tells which county's social workers to ask."""
    if region_code is not None:
        return False
    session, user = conversation.session, conversation.user
    if handoffs.open_handoff_of(session, user) is not None:
        return False
    return handoffs.known_region(session, user) is None


def ask_person(conversation: Conversation, region_code: str | None) -> str:
    """Open (or find) the user's hand-off and say honestly what happens next."""
    opened = handoffs.request_handoff(
        conversation.session, conversation.user, region_code, conversation.notify
    )
    if opened.already_open:
        return msg.HANDOFF_STILL_WAITING
    handoff = opened.handoff
    if handoff.organisation is None:
        region = region_index().full_name(handoff.region_code) if handoff.region_code else "地区"
        return msg.HANDOFF_UNCOVERED.format(region=region)
    default = conversation.services.settings.handoff_escalate_minutes
    minutes = handoffs.limit_minutes(handoff.organisation, default)
    return msg.HANDOFF_REQUESTED.format(org=handoff.organisation.name, wait=_wait_text(minutes))


def household_turn(conversation: Conversation, text: str) -> str | None:
    """While a person has taken the user's hand-off, every message goes to them."""
    handoff = conversation.taken_handoff()
    if handoff is None:
        return None
    held = handoffs.held_messages(conversation.session, handoff)
    prefix = msg.HELD_MESSAGES.format(texts="\n".join(held)) + "\n\n" if held else ""
    if bare(text) in END_WORDS:
        handoffs.end(conversation.session, handoff, conversation.user, conversation.notify)
        return prefix + msg.HANDOFF_ENDED
    handoffs.household_says(conversation.session, handoff, text, conversation.notify)
    return prefix + msg.FORWARDED_TO_WORKER


def staff_command(conversation: Conversation, found: re.Match[str]) -> str:
    """接手 / 回复 / 结束对话 H… from a social worker or an operator."""
    session, actor = conversation.session, conversation.user
    worker, operator = conversation.worker(), conversation.operator()
    prefixes = (
        None
        if operator is not None or worker is None
        else social_work_store.organisation_prefixes(session, worker.organisation_id)
    )
    action, number, rest = found.group(1), int(found.group(2)), found.group(3).strip()
    try:
        handoff = handoffs.find(session, number, prefixes)
        if action == "接手":
            who = msg.ORG_WORKER.format(org=worker.organisation.name) if worker else msg.OPERATORS
            handoffs.take(session, handoff, actor, who, conversation.notify)
            said = handoffs.said_while_waiting(session, handoff)
            lines = "".join(f"\n· {text}" for text in said)
            waiting = msg.SAID_WHILE_WAITING.format(lines=lines) if said else ""
            return msg.HANDOFF_TAKEN_OK.format(number=handoff.number) + waiting
        if action == "回复":
            if not rest:
                return msg.NEED_HANDOFF_TEXT.format(number=handoff.number)
            sent = handoffs.worker_says(session, handoff, actor, rest, conversation.notify)
            return msg.WORKER_SENT_OK.format(number=handoff.number) if sent else msg.WORKER_HELD
        if handoff.status == HandoffStatus.CLOSED:
            return msg.HANDOFF_NOT_WAITING.format(number=handoff.number)
        handoffs.end(session, handoff, actor, conversation.notify)
        return msg.HANDOFF_ENDED_OK.format(number=handoff.number)
    except handoffs.HandoffError as exc:
        return str(exc)
