"""Chat commands, one file per group. Each module declares `COMMANDS`: a pattern, what
runs it, who may use it and a priority; `conversation.registry` finds them and the engine
tries them, highest priority first, before anything else when no flow is running."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conversation.engine import Conversation


# A request or a pledge named, then called off, among a few other words and asking nothing
# (申请撤了吧, 认捐那个取消掉 钱另有用处).
CALLED_OFF = (
    r"|^(?![^。]*[吗？?])[^Qq\dJj]{{0,24}}?(?:我的|我家的|那个)?(?:{what})(?:的)?(?:那个|那笔|那份)?"
    r"(?:就|先|也)?(?:撤了|撤回|撤销|撤掉|取消掉?|不要了)(?:吧|了|呢|啊)?[^Qq\dJj]{{0,20}}$"
)


class Who(StrEnum):
    ANYONE = "anyone"
    WORKER = "worker"  # an active social worker
    STAFF = "staff"  # an active social worker or an operator


@dataclass(frozen=True)
class Command:
    name: str
    pattern: re.Pattern[str]
    # The reply; None lets the next command (or the engine) handle the text.
    run: Callable[[Conversation, re.Match[str]], str | None]
    who: Who = Who.ANYONE
    priority: int = 0
