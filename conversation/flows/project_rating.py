"""The rating of a completed project by a household it served ("1 to 5?"), scheduled by the
organisation's final report (`domain.projects.complete`); like the rating after delivery,
anything that is not a rating leaves it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import messages as msg
from conversation.flow import Flow, Triggers
from conversation.flows.rating import FLOW as RATING_FLOW
from conversation.steps import Slots, Step
from domain import projects

if TYPE_CHECKING:
    from conversation.engine import Conversation


def _record(conversation: Conversation, slots: Slots) -> str:
    projects.rate(
        conversation.session,
        conversation.user,
        slots["project_id"],
        slots["rating"],
        slots.get("feedback"),
    )
    return msg.FOLLOWUP_THANKS


_RATING = RATING_FLOW.steps[0]

FLOW = Flow(
    name="project_rating",
    steps=(
        Step(
            "rating",
            "评分",
            lambda slots: msg.PROJECT_RATING_QUESTION.format(project=slots["project"]),
            _RATING.parse,
            also_fills=_RATING.also_fills,
        ),
    ),
    submit=_record,
    triggers=Triggers(scheduled=True),
    confirm=False,
    interruptible=RATING_FLOW.interruptible,
    ttl_seconds=RATING_FLOW.ttl_seconds,
)
