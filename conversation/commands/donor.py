"""取消认捐 J…: a donor releases what is not allocated yet; the rating of delivered help."""

import re

from conversation.commands import Command
from conversation.matches import cancel_pledge, record_rating

COMMANDS = (
    Command("取消认捐", re.compile(r"^取消认捐\s*[Jj]\s*(\d+)\s*$"), cancel_pledge, priority=50),
    Command(
        "评价", re.compile(r"^\s*([1-5])\s*分?[\s，,。:：]*(.*)$", re.S), record_rating, priority=40
    ),
)
