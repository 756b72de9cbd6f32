"""绑定 <code>: anyone with an invite becomes a social worker."""

import re

from conversation.commands import Command
from conversation.social_work import bind_command

COMMANDS = (
    Command("绑定", re.compile(r"^绑定\s*([A-Za-z0-9]{4,16})$"), bind_command, priority=100),
)
