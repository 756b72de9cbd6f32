"""取消认捐 J…: a donor releases what is not allocated yet."""

import re

from conversation.commands import Command
from conversation.matches import cancel_pledge

COMMANDS = (
    Command("取消认捐", re.compile(r"^取消认捐\s*[Jj]\s*(\d+)\s*$"), cancel_pledge, priority=50),
)
