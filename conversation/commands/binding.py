"""绑定 <code>: anyone with an invite becomes a social worker."""

import re

from conversation.commands import Command
from conversation.social_work import bind_command

# 绑定 K7M3Q9PX, also with who one is or what the code is (我是社工 绑定邀请码：K7M3Q9PX)
BIND = re.compile(
    r"^(?:我是社工|我是新来的社工|社工)?[，,\s]*绑定(?:码|邀请码)?\s*[:：]?\s*(?:是)?\s*"
    r"([A-Za-z0-9]{4,16})\s*[。.!！]?$"
)

COMMANDS = (Command("绑定", BIND, bind_command, priority=100),)
