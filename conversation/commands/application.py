"""`机构入驻`: a one-time link to the application form for an organisation that wants to
implement projects on the platform (domain.organisations)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import messages as msg
from conversation.commands import Command
from domain.organisations import LINK_DAYS, create_link

if TYPE_CHECKING:
    from conversation.engine import Conversation


def application_link(conversation: Conversation, _found: re.Match[str]) -> str:
    token = create_link(conversation.session, conversation.user.id)
    url = f"{conversation.services.settings.base_url}/console/apply/{token}"
    return msg.APPLICATION_LINK.format(days=LINK_DAYS, url=url)


COMMANDS = (
    Command(
        "机构入驻",
        re.compile(r"^(机构入驻|入驻申请|申请入驻|机构申请入驻)$"),
        application_link,
        priority=85,
    ),
)
