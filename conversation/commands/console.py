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


def exports_asked(conversation: Conversation, found: re.Match[str]) -> str | None:
    """Asking for a spreadsheet or a report (帮我导出一下本月的表格): they are in the console."""
    link = sign_in_link(conversation, found)
    return None if link is None else msg.EXPORTS_IN_CONSOLE + link


COMMANDS = (
    Command("登录", re.compile(r"^(登录|登陆|工作台)$"), sign_in_link, priority=85),
    Command(
        "导出说法",
        re.compile(r"^.{0,10}(?:导出|报表|表格|excel|台账|花名册|下载数据).{0,10}$", re.I),
        exports_asked,
        priority=16,
    ),
)
