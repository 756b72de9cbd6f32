"""认捐金额改成3000 (J… 金额改成…): a donor changes the sum of an open money pledge, never
below what is promised to households. 取消认捐 J…: a donor releases what is not allocated
yet; 取消认捐 alone lists the pledges that can be, each with the words that cancel it (a
cancellation is never guessed).
感谢名单: the donors who asked to be thanked publicly (domain.thanks), and the page with all
of them; 公开致谢 J… [称呼] asks to be one of them (anonymous by default), 不公开 J… takes
it back."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import messages as msg
from conversation.commands import CALLED_OFF, Command
from conversation.matches import PAID_SAID, cancel_pledge, handed_over, own_pledge
from conversation.status import open_pledges, pledge_line
from domain.events import Event, StaleRecord
from domain.pledges import BelowPromised, change_amount
from domain.thanks import set_thanks, thank_you_list
from nlu.amounts import parse_amount
from nlu.lexicon import detect_kind
from storage.models import Pledge, ResourceKind

if TYPE_CHECKING:
    from conversation.engine import Conversation

SHOWN_IN_CHAT = 10
NAME_LENGTH = 20


def which_pledge(conversation: Conversation, _found: re.Match[str]) -> str:
    cancellable = open_pledges(conversation.session, conversation.user)
    if not cancellable:
        return msg.NO_PLEDGE_TO_CANCEL
    lines = "\n".join(pledge_line(pledge) for pledge in cancellable)
    return msg.WHICH_PLEDGE_TO_CANCEL.format(example=cancellable[0].number, pledges=lines)


def new_amount(conversation: Conversation, found: re.Match[str]) -> str:
    """The new sum of the named money pledge, or of the donor's one open money pledge."""
    amount = parse_amount(found.group(2))
    if amount is None:  # 改成捐物资: the kind stays; calling it off is the way
        other_kind = detect_kind(found.group(2)) in ("goods", "service")
        return msg.PLEDGE_KIND_FIXED if other_kind else msg.PLEDGE_AMOUNT_UNREAD
    if found.group(1):
        number, pledge = own_pledge(conversation, found)
        if pledge is None or pledge.kind != ResourceKind.MONEY:
            return msg.NO_SUCH_PLEDGE.format(pledge=number)
    else:
        pledges = open_pledges(conversation.session, conversation.user)
        money = [p for p in pledges if p.kind == ResourceKind.MONEY]
        if len(money) != 1:
            return _which_to_change(money)
        pledge = money[0]
    return _change(conversation, pledge, amount)


def _which_to_change(money: list[Pledge]) -> str:
    if not money:
        return msg.NO_MONEY_PLEDGE_TO_CHANGE
    lines = "\n".join(pledge_line(pledge) for pledge in money)
    return msg.WHICH_PLEDGE_TO_CHANGE.format(example=money[0].number, pledges=lines)


def _change(conversation: Conversation, pledge: Pledge, amount: int) -> str:
    try:
        change_amount(conversation.session, pledge, amount, conversation.openid)
    except StaleRecord:
        status = msg.PLEDGE_STATUS[pledge.status]
        return msg.PLEDGE_AMOUNT_FIXED.format(pledge=pledge.number, status=status)
    except BelowPromised as below:
        return msg.PLEDGE_AMOUNT_BELOW_PROMISED.format(pledge=pledge.number, promised=below)
    conversation.emit(Event.MATCHING_NEEDED)
    return msg.PLEDGE_AMOUNT_CHANGED.format(pledge=pledge.number, amount=amount)


def thanks(conversation: Conversation, _found: re.Match[str]) -> str:
    rows = thank_you_list(conversation.session, SHOWN_IN_CHAT)
    if not rows:
        return msg.THANKS_LIST_EMPTY
    lines = "\n".join(f"{row.name} · {row.gave} · {row.towards}" for row in rows)
    link = f"{conversation.services.settings.base_url}/thanks"
    return msg.THANKS_LIST.format(rows=lines, link=link)


def thank_me(conversation: Conversation, found: re.Match[str]) -> str:
    number, pledge = own_pledge(conversation, found)
    if pledge is None:
        return msg.NO_SUCH_PLEDGE.format(pledge=number)
    name = found.group(2).strip()[:NAME_LENGTH] or None
    if name is None and not pledge.display_name:
        return msg.THANKS_NEED_NAME.format(number=number)
    set_thanks(conversation.session, pledge, True, name, conversation.openid)
    return msg.THANKS_ON.format(number=number, name=pledge.display_name)


def unlist_me(conversation: Conversation, found: re.Match[str]) -> str:
    number, pledge = own_pledge(conversation, found)
    if pledge is None:
        return msg.NO_SUCH_PLEDGE.format(pledge=number)
    set_thanks(conversation.session, pledge, False, None, conversation.openid)
    return msg.THANKS_OFF.format(number=number)


COMMANDS = (
    Command(
        "改认捐金额",
        re.compile(
            # the pledge named, or only a new sum (我想改成五千, right after pledging)
            r"^(?=.*(?:认捐|捐款|捐的钱|金额|钱数|[Jj]\s*\d)"
            r"|(?:我想|我要)?(?:改成|改为|换成)[\d一二两三四五六七八九十百千万]+(?:块|元)?钱?[吧吗呢啊]*$)"
            r"(?:我想|我要)?把?(?:我的)?"
            r"(?:认捐|捐款|我?捐的钱)?\s*(?:[Jj]\s*(\d+))?\s*的?(?:认捐|捐款|捐的钱)?的?"
            r"(?:金额|钱数|数目)?"
            r"(?:能|能不能|可以|可不可以)?(?:改成|改为|换成|改到)\s*(.+?)[吗吧呢啊？?]*$"
        ),
        new_amount,
        priority=50,
    ),
    Command("取消认捐", re.compile(r"^取消认捐\s*[Jj]\s*(\d+)\s*$"), cancel_pledge, priority=50),
    Command(
        "取消认捐（没写编号）",
        re.compile(
            r"^(?:我想|我要)?(?:怎么|怎样|如何|咋|能不能|可以)?(?:取消|撤回|撤销)(?:我的)?"
            r"(?:认捐|捐款|捐赠)(?:吧|了|呢|啊|吗)?[。！!？?]*$"
            r"|^(?:我的)?(?:认捐|捐款)(?:要|能|可以)?(?:怎么|怎样|如何|咋)(?:取消|撤回|撤销)[呢啊吗]?[？?]*$"
            + CALLED_OFF.format(what="认捐|捐款|捐赠")
        ),
        which_pledge,
        priority=50,
    ),
    Command(
        "感谢名单",
        re.compile(r"^(?:看看?|查看?)?(?:感谢名单|感谢榜|爱心榜)[？?]?$"),
        thanks,
        priority=50,
    ),
    Command(
        "公开致谢", re.compile(r"^公开致谢\s*[Jj]\s*(\d+)\s*(.{0,40})$"), thank_me, priority=50
    ),
    Command(
        "不公开", re.compile(r"^(?:不公开|取消公开)\s*[Jj]\s*(\d+)\s*$"), unlist_me, priority=50
    ),
    Command("已转账", PAID_SAID, handed_over(as_donor=True), priority=40),
)
