"""接手 / 回复 / 结束对话 H…: a social worker or operator talks with someone who asked for a
person."""

import re

from conversation.commands import Command, Who
from conversation.handoff import staff_command

COMMANDS = (
    Command(
        "人工对话",
        re.compile(r"^(接手|回复|结束对话)\s*[Hh]\s*(\d+)\s*(.*)$", re.S),
        staff_command,
        Who.STAFF,
        priority=90,
    ),
)
