"""撤回求助 Q…: a household withdraws a request it no longer needs, before any help is
promised to it; 撤回求助 alone lists the requests it can withdraw, each with the words
that do it (a withdrawal is never guessed). The social workers covering it are told.
钱收到了: the help promised has come, passed on to the workers who record it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import messages as msg
from conversation.commands import CALLED_OFF, Command
from conversation.matches import RECEIVED_SAID, handed_over
from domain import attachments, cases
from storage.models import Case, CaseStatus
from storage.repositories import numbered
from storage.social_work import covering_workers

if TYPE_CHECKING:
    from conversation.engine import Conversation

_WITHDRAW = (
    r"^(?:我想|我要|我|俺想|俺要)?(?:怎么|怎样|如何|咋|能不能|可以)?(?:撤回|撤销|取消)(?:我的|我家的)?"
    r"(?:求助|申请)"
)


def _case_line(case: Case) -> str:
    return msg.WITHDRAW_CASE_LINE.format(number=case.number, status=msg.CASE_STATUS[case.status])


def which_case(conversation: Conversation, _found: re.Match[str]) -> str:
    """The open requests, each with the words that withdraw it."""
    found = attachments.open_cases(conversation.session, conversation.user, cases.WITHDRAWABLE)
    if not found:
        return msg.NO_CASE_TO_WITHDRAW
    lines = "\n".join(_case_line(case) for case in found)
    return msg.WHICH_CASE_TO_WITHDRAW.format(example=found[0].number, cases=lines)


def withdraw_case(conversation: Conversation, found: re.Match[str]) -> str:
    number = f"Q{int(found.group(1)):06d}"
    case = numbered(conversation.session, Case, int(found.group(1)))
    if case is None or case.user_id != conversation.user.id:
        return msg.NO_OWN_CASE.format(number=number)
    if case.status == CaseStatus.WITHDRAWN:
        return msg.CASE_ALREADY_WITHDRAWN.format(number=number)
    if not cases.withdraw(conversation.session, case, conversation.openid, cases.WITHDRAWABLE):
        status = msg.CASE_STATUS[case.status]
        return msg.CASE_NOT_WITHDRAWABLE.format(number=number, status=status)
    text = msg.CASE_WITHDRAWN_FOR_WORKER.format(number=number)
    for worker in covering_workers(conversation.session, case.region_code):
        key = f"case-withdrawn:{case.id}:{worker.id}"
        conversation.notify(worker.user_id, key, text)
    return msg.CASE_WITHDRAWN.format(number=number)


COMMANDS = (
    Command(
        "撤回求助",
        re.compile(_WITHDRAW + r"\s*[Qq]\s*(\d+)\s*[。！!]?$"),
        withdraw_case,
        priority=50,
    ),
    Command(
        "撤回求助（没写编号）",
        re.compile(
            _WITHDRAW + r"(?:吧|了|呢|啊|吗)?(?:[，,。\s]+[^Qq\d，,。]{1,20})?[。！!？?]*$"
            r"|^(?:我的|我家的)?(?:求助|申请)(?:要|能|可以)?(?:怎么|怎样|如何|咋)(?:撤回|撤销|取消)[呢啊吗]?[？?]*$"
            # the request named first, said among other words (不用了 我家的事解决了 申请撤了吧)
             + CALLED_OFF.format(what="求助|申请")
        ),
        which_case,
        priority=50,
    ),
    Command("已收到", RECEIVED_SAID, handed_over(as_donor=False), priority=40),
)
