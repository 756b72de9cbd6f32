"""`登录`: a one-time link to the web console, for anyone with console access (operators,
social workers, viewers). From anyone else the word is left to the rest of the bot."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import messages as msg
from conversation.commands import Command
from domain.sign_in import create_link
from domain.staff import is_staff

if TYPE_CHECKING:
    from conversation.engine import Conversation


def sign_in_link(conversation: Conversation, _found: re.Match[str]) -> str | None:
    if not is_staff(conversation.session, conversation.user):
        return None
    settings = conversation.services.settings
    minutes = settings.sign_in_link_minutes
    token = create_link(conversation.session, conversation.user, minutes)
    return msg.SIGN_IN_LINK.format(
        minutes=minutes,
        url=f"{settings.base_url}/console/link/{token}",
        console=f"{settings.base_url}/console/",
    )


COMMANDS = (Command("登录", re.compile(r"^(登录|登陆|工作台)$"), sign_in_link, priority=85),)
