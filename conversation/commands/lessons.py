"""`有没有养牛脱贫的经验`: the two most relevant lessons social workers wrote up
(domain.lessons), with no personal data. Only a question that ends asking for experience is
taken: "我有养牛经验想找活" is someone asking for work."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from conversation.commands import Command
from domain import lessons

if TYPE_CHECKING:
    from conversation.engine import Conversation

ASKS_FOR_LESSONS = re.compile(
    r"^(?:请问)?(?:有没有|有没|有什么|有啥|能不能讲讲|讲讲|说说|分享).{0,24}(?:经验|案例|好办法)"
    r"(?:吗|呢|吧|啊|呀)?[？?。！!]*$"
)


def lessons_answer(conversation: Conversation, found: re.Match[str]) -> str:
    return lessons.answer(conversation.session, found.group(0))


COMMANDS = (Command("经验", ASKS_FOR_LESSONS, lessons_answer, priority=60),)
