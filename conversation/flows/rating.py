"""The rating a few days after delivery: "how was the help, 1 to 5?". Scheduled for the
household by the delivery (`domain.schedule`); a command or anything that is not a rating
leaves it, so "1" picked from the menu is never taken for a rating."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import messages as msg
from conversation.flow import Flow, Triggers
from conversation.state import ConversationState
from conversation.steps import Reprompt, Slots, Step
from domain.matches import rate

if TYPE_CHECKING:
    from conversation.engine import Conversation

RATING = re.compile(r"^\s*([1-5])\s*分?[\s，,。:：]*(.*)$", re.S)
WEEK = 7 * 24 * 3600


def _parse_rating(text: str, _state: ConversationState) -> int:
    found = RATING.match(text)
    if found is None:
        raise Reprompt(msg.RATING_REPROMPT)
    return int(found.group(1))


def _feedback(text: str) -> Slots:
    found = RATING.match(text)
    remark = found.group(2).strip() if found else ""
    return {"feedback": remark} if remark else {}


def _record(conversation: Conversation, slots: Slots) -> str:
    rate(
        conversation.session,
        conversation.user,
        slots["match_id"],
        slots["rating"],
        slots.get("feedback"),
    )
    return msg.FOLLOWUP_THANKS


FLOW = Flow(
    name="rating",
    steps=(
        Step(
            "rating",
            "评分",
            lambda slots: msg.FOLLOWUP_QUESTION.format(case=slots["case"]),
            _parse_rating,
            also_fills=_feedback,
        ),
    ),
    submit=_record,
    triggers=Triggers(scheduled=True),
    confirm=False,
    interruptible=True,
    ttl_seconds=WEEK,
)
