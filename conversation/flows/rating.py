"""The rating a few days after delivery: "how was the help, 1 to 5?". Scheduled for the
household by the delivery (`domain.schedule`). How the help was, said in words, is kept and
the score asked for; a command or anything else leaves it, so after "菜单" the "1" picked
from the menu is never taken for a rating."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import messages as msg
from conversation.flow import Flow, Triggers
from conversation.state import ConversationState
from conversation.steps import Ask, Reprompt, Slots, Step
from domain.matches import rate

if TYPE_CHECKING:
    from conversation.engine import Conversation

RATING = re.compile(r"^\s*([1-5])\s*分?[\s，,。:：]*(.*)$", re.S)
# How the help was, said in words (挺好的 谢谢好心人, 一般吧, 来得太慢了): kept as the feedback,
# and the score asked for; the words are never turned into a number.
JUDGES = re.compile(r"好|满意|不错|谢谢|感谢|感激|帮了大忙|还行|一般|凑合|差|慢|没用|有用")
FEEDBACK_LENGTH = 200
WEEK = 7 * 24 * 3600


def _parse_rating(text: str, state: ConversationState) -> int:
    found = RATING.match(text)
    if found is not None:
        return int(found.group(1))
    if JUDGES.search(text):
        state.slots["feedback"] = text.strip()[:FEEDBACK_LENGTH]
        raise Ask(msg.RATING_SCORE_PLEASE)
    raise Reprompt(msg.RATING_REPROMPT)


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
