"""删除我的信息: asked to confirm, then names, ID numbers, phones, descriptions and message
bodies are erased, open cases withdrawn and open pledges cancelled."""

from __future__ import annotations

from typing import TYPE_CHECKING

import messages as msg
from conversation.flow import Flow, Triggers
from conversation.state import ConversationState
from conversation.steps import Reprompt, Slots, Step
from domain.events import Event
from domain.privacy import erase_personal_data
from nlu.lexicon import bare

if TYPE_CHECKING:
    from conversation.engine import Conversation

# Deleting is final: only a clear yes counts ("嗯" or "1" does not).
YES = (
    "确认删除",
    "确定删除",
    "确定",
    "确认",
    "是的",
    "删除",
    "删吧",
    "删掉",
    "删了吧",
    "确定要删",
    "确定删",
)


def _parse_confirmation(text: str, _state: ConversationState) -> bool:
    if bare(text) not in YES:
        raise Reprompt(msg.DELETE_NOT_CONFIRMED)
    return True


def _erase(conversation: Conversation, _slots: Slots) -> str:
    """The data erased; the reply says which requests and pledges stopped with it (none for
    someone who had none: it had always said a request was withdrawn)."""
    erased = erase_personal_data(
        conversation.session, conversation.user, conversation.services.files
    )
    conversation.emit(Event.DATA_ERASED)
    stopped = (msg.DELETED_WITHDRAWN if erased.withdrawn else "") + (
        msg.DELETED_CANCELLED if erased.cancelled else ""
    )
    return msg.DELETED.format(stopped=stopped)


FLOW = Flow(
    name="delete",
    steps=(Step("confirmed", "确认删除", msg.DELETE_CONFIRM, _parse_confirmation),),
    submit=_erase,
    triggers=Triggers(
        intents=("delete_my_data",),
        keywords=("删除我的信息", "删除我的资料", "删除个人信息", "删除我的数据"),
    ),
    confirm=False,
    cancelled=msg.DELETE_CALLED_OFF,
)
