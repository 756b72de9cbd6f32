"""补充还是新求助？ Asked when a household with a request open tells a need again (我家的情况又变
了，孩子他爸也病倒了): the message is added to that request, and its social workers told, or a
new request is started with what the message said. Started by the engine."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import messages as msg
from conversation import registry
from conversation.flow import Flow, Triggers
from conversation.flows.supplement import add_to_latest
from conversation.steps import Slots, Step, menu_or_keyword
from nlu.sides import side_said

if TYPE_CHECKING:
    from conversation.engine import Conversation

CHOICES = ("add", "new")
NEW = re.compile(r"新|另外|重新|再提|再申请|另一|单独")
ADD = re.compile(r"补充|加到|加进|放到|原来|之前|前面|那个|同一|一起")


def _choice_in(text: str) -> str | None:
    if NEW.search(text):
        return "new"
    return "add" if ADD.search(text) else None


def _first_message(text: str, entities: dict[str, Any]) -> Slots:
    """The message kept for either answer; one that asks for a new request in so many
    words (我想再申请一个，孩子的学费) is not asked about."""
    slots: Slots = {"first": text, "entities": entities}
    if side_said(text) is not None and NEW.search(text):
        slots["choice"] = "new"
    return slots


def _ask(slots: Slots) -> str:
    return msg.ASK_ADD_OR_NEW.format(number=slots["number"])


def _do_chosen(conversation: Conversation, slots: Slots) -> str:
    if slots["choice"] == "add":
        return add_to_latest(conversation, slots["first"])
    flow = registry.flows()["help"]
    return conversation.start_from(flow, slots["first"], slots["entities"])


FLOW = Flow(
    name="add_or_new",
    steps=(
        Step(
            "choice",
            "补充还是新求助",
            _ask,
            menu_or_keyword(CHOICES, _choice_in, msg.BAD_ADD_OR_NEW),
            revisitable=False,
        ),
    ),
    submit=_do_chosen,
    triggers=Triggers(prefill=_first_message),  # started by the engine, not by an intent
    confirm=False,
)
