"""Which case a photo is for, when the sender has several open: one numbered question. A
command or another request leaves it, and the photo goes with the latest case."""

from __future__ import annotations

from typing import TYPE_CHECKING

import messages as msg
from conversation.flow import Flow
from conversation.state import ConversationState
from conversation.steps import Reprompt, Slots, Step
from domain import attachments
from nlu.lexicon import menu_number

if TYPE_CHECKING:
    from conversation.engine import Conversation

DAY = 24 * 3600


def _question(slots: Slots) -> str:
    options = "\n".join(f"{i} {label}" for i, (_case, label) in enumerate(slots["choices"], 1))
    return msg.WHICH_CASE.format(options=options)


def _parse(text: str, state: ConversationState) -> int:
    choices = state.slots["choices"]
    number = menu_number(text, len(choices))
    if number is None:
        raise Reprompt(_question(state.slots))
    return int(choices[number - 1][0])


def _assign(conversation: Conversation, slots: Slots, case_id: int) -> str:
    case = attachments.assign(
        conversation.session, conversation.user, slots["attachments"], case_id
    )
    return msg.IMAGE_RECEIVED.format(number=case.number) if case else msg.IMAGE_NO_CASE


def _ended(conversation: Conversation, slots: Slots, _outcome: str) -> None:
    """Left unanswered: the latest case (the first choice) gets the photo."""
    _assign(conversation, slots, int(slots["choices"][0][0]))


FLOW = Flow(
    name="photo_case",
    steps=(Step("case", "哪件求助", _question, _parse),),
    submit=lambda conversation, slots: _assign(conversation, slots, slots["case"]),
    confirm=False,
    interruptible=True,
    leaves_on_unclear=False,
    ttl_seconds=DAY,
    on_end=_ended,
)
