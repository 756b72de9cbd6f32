"""手机号换了: a household or a donor gives a new mobile number; their open requests and
pledges take it, and the social workers covering each request are told."""

from __future__ import annotations

import re
from itertools import product
from typing import TYPE_CHECKING, Any

import messages as msg
from conversation.flow import Flow, Triggers
from conversation.steps import Slots, Step, parse_phone, stated_mobile
from domain.contacts import change_phone, has_open_records
from nlu.validators import mask_phone

if TYPE_CHECKING:
    from conversation.engine import Conversation

# How people say their number changed ("我的手机号换了", "电话号码变了", "我换号了",
# "我换手机号了", "我想改一下我的电话").
_WHOSE = ("我的", "我", "俺", "")
_NUMBER = ("手机号码", "手机号", "电话号码", "联系电话", "电话", "号码")
_CHANGED = ("换了", "变了", "改了", "不用了", "停机了")
_WHO = ("我", "俺", "")
_CHANGE = (
    *("换", "改", "换了", "改了", "想换", "想改", "要换", "要改", "改一下", "想改一下", "要改一下"),
)
_MINE = ("我的", "")
OPENERS = (
    *("".join(parts) for parts in product(_WHOSE, _NUMBER, _CHANGED)),
    *("".join(parts) for parts in product(_WHO, _CHANGE, _MINE, _NUMBER)),
    *("我换号了", "我换了新号", "换新号了", "我换了手机号", "我换了个号", "换号了"),
    *("改手机号", "改电话", "改号码", "换手机号", "更换手机号", "修改手机号", "修改电话"),
)

# The number given wrong, or to be changed, said in other words (我上次登记错了电话号码 怎么改,
# 我想换个手机号).
_PHONE = r"(?:手机号码?|电话(?:号码?)?|联系方式)"
_WRONG = r"(?:写错|填错|登记错|弄错|输错|打错|留错|搞错)"
SAYS = re.compile(
    rf"{_PHONE}[^，。]{{0,4}}(?:{_WRONG}|错了|不对)|{_WRONG}了?[^，。]{{0,4}}{_PHONE}"
    rf"|(?:想|要)(?:换|改|更换|修改)(?:个|一个|一下|下)?(?:新的?)?{_PHONE}"
    r"|换了?(?:个|一个)?新(?:号|手机号|号码|电话)"
    # said after something else (我之前申请过 但是手机号换了)
    rf"|{_PHONE}(?:也|都|已经)?(?:换了|变了|改了|停机了|不用了)"
)


def _prefill(text: str, _entities: dict[str, Any]) -> Slots:
    phone = stated_mobile(text)
    return {"phone": phone} if phone else {}


def _something_open(conversation: Conversation) -> str | None:
    if has_open_records(conversation.session, conversation.user):
        return None
    return msg.NEW_PHONE_NOTHING_OPEN


def _record(conversation: Conversation, slots: Slots) -> str:
    changed, events = change_phone(conversation.session, conversation.user, slots["phone"])
    if not changed:
        return msg.NEW_PHONE_NOTHING_OPEN
    conversation.emit(*events)
    return msg.NEW_PHONE_KEPT.format(phone=mask_phone(slots["phone"]), numbers="、".join(changed))


FLOW = Flow(
    name="new_phone",
    steps=(Step("phone", "新手机号", msg.ASK_NEW_PHONE, parse_phone, mask_phone),),
    submit=_record,
    triggers=Triggers(openers=OPENERS, says=SAYS, says_always=True, prefill=_prefill),
    confirm=False,
    needs=_something_open,
)
