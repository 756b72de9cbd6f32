"""What a user's own records already answer, for a flow's `known` (`conversation/flow.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conversation.steps import Slots
from domain.handoff import known_region

if TYPE_CHECKING:
    from conversation.engine import Conversation


def latest_county(conversation: Conversation) -> Slots:
    """The county of the user's latest request, as the answer to a `region` step."""
    region = known_region(conversation.session, conversation.user)
    return {"region": region} if region else {}
