"""我还想补充一下…: what a household adds to its latest open request after filing it, kept
with the request and told to the covering social workers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import messages as msg
from conversation.flow import Flow, Triggers, told_after
from conversation.flows.help import CONTACT_NOTE
from conversation.steps import Slots, Step, parse_free_text
from domain import attachments, cases
from nlu.entities import mask_numbers

if TYPE_CHECKING:
    from conversation.engine import Conversation

MIN_TOLD = 4
# How people begin adding to what they told ("我还想补充一下，我妈还有糖尿病").
OPENERS = (
    *("我想补充", "我要补充", "我还想补充", "还想补充", "我再补充", "再补充", "补充一下"),
    *("补充几句", "补充说明", "补充情况", "忘了说", "刚才忘了说", "还有个情况", "还有一个情况"),
    # where the household lives now (我要改地址 我们搬到县城了)
    *("我要改地址", "我想改地址", "改地址", "改一下地址", "地址变了", "地址改了", "我们搬家了"),
    *("搬家了",),
)


# What changed since the request was filed, said without 补充 (把金额改成五千, 名字写错了,
# 家里又添了个孙子), or how one would be reached now (以后别打电话 发短信就行): added to the
# latest open request, never taken for a new one.
CHANGED = re.compile(
    r"(?:金额|钱数|人口|人数|地址|住址|名字|姓名|类别)[^，。]{0,4}(?:改成|改为|换成|写错|填错|弄错)"
    r"|(?:改|修改|更改)(?:一下)?(?:我的|我家的)?(?:求助|申请)"
    r"|(?:多了|添了|少了)[一两二三四五\d]?(?:口人|个人|个孙|个娃|个孩子|个小孩)"
    rf"|{CONTACT_NOTE.says.pattern}"
)


def _prefill(text: str, _entities: dict[str, Any]) -> Slots:
    told = told_after(OPENERS, text, MIN_TOLD)
    if told is None and CHANGED.search(text):
        told = text.strip()
    return {"told": told} if told is not None else {}


def _an_open_request(conversation: Conversation) -> str | None:
    found = attachments.open_cases(conversation.session, conversation.user)
    return None if found else msg.SUPPLEMENT_NO_CASE


def add_to_latest(conversation: Conversation, told: str) -> str:
    """What was told, numbers masked, added to the sender's latest open request."""
    found = attachments.open_cases(conversation.session, conversation.user)
    if not found:
        return msg.SUPPLEMENT_NO_CASE
    case, told = found[0], mask_numbers(told)
    contact = CONTACT_NOTE.found(told)
    added = cases.supplement(conversation.session, case, conversation.user, told, contact)
    conversation.emit(*added)
    return msg.SUPPLEMENT_ADDED.format(number=case.number)


def _record(conversation: Conversation, slots: Slots) -> str:
    return add_to_latest(conversation, slots["told"])


FLOW = Flow(
    name="supplement",
    steps=(
        Step(
            "told",
            "补充",
            msg.ASK_SUPPLEMENT,
            parse_free_text(msg.BAD_SUPPLEMENT, minimum=MIN_TOLD),
        ),
    ),
    submit=_record,
    triggers=Triggers(
        keywords=("补充", "我要补充", "我想补充"), openers=OPENERS, says=CHANGED, prefill=_prefill
    ),
    confirm=False,
    needs=_an_open_request,
)
