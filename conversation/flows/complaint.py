"""我要投诉 / 我要建议: what happened or what could be better, and where; recorded and routed
to the covering organisation (`domain.feedback`). This file and its sentences in
`messages` are all it takes to add a conversation."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import messages as msg
from conversation.flow import Flow, Triggers, told_after
from conversation.known import latest_county
from conversation.state import ConversationState
from conversation.steps import (
    Slots,
    Step,
    county_named,
    menu_or_keyword,
    parse_county,
    parse_free_text,
    show_region,
)
from domain.feedback import record_feedback
from nlu.lexicon import means_any

if TYPE_CHECKING:
    from conversation.engine import Conversation

KINDS = ("complaint", "suggestion")
MIN_TOLD = 4
UNSAID = "unsaid"


def _kind_in(text: str) -> str | None:
    """投诉 or 建议, when the text says one of them (not both, as "投诉建议" does)."""
    complaint = "投诉" in text or "举报" in text
    suggestion = "建议" in text or "意见" in text
    if complaint == suggestion:
        return None
    return "complaint" if complaint else "suggestion"


# How a complaint or a suggestion may begin; what follows is what happened.
OPENERS = (
    "我要投诉",
    "我想投诉",
    "投诉",
    "我要举报",
    "举报",
    "我有个建议",
    "我提个建议",
    "我要提个建议",
    "我想提个建议",
    "提个建议",
    "我有个意见",
    "提个意见",
    "建议你们",
)


# A complaint about the people who serve, told without the word (社工态度不好 说话很凶,
# 村干部找我要好处): what they did, said of them.
_STAFF = r"社工|工作人员|你们的人|你们那个|来的人|村干部|干部|核实的人"
_MISCONDUCT = (
    r"态度(?:不好|差|恶劣|很差|太差)|很凶|太凶|骂人|骂我|吼|不耐烦|刁难|爱理不理|不理人"
    r"|要钱|要好处|收钱|收了钱|收了我|拿了我|要红包|吃拿卡要|要回扣|骗了|欺负"
)
# ...not a question (社工来的时候要钱吗 asks about fees).
MISCONDUCT = re.compile(
    rf"^(?!.*(?:吗|么|[？?])\s*$).*?(?:{_STAFF})[^。！!？?]{{0,12}}(?:{_MISCONDUCT})"
    # a complaint said last (你们太慢了 投诉), not a question about complaining
    r"|^(?!.*(?:怎么|如何|哪里|电话|吗|么|[？?])).{2,}(?:投诉|举报)(?:你们)?[!！。]*$"
)


def _prefill(text: str, entities: dict[str, Any]) -> Slots:
    """The kind, when the text says it, what happened, when it follows the opening
    ("我要投诉，社工态度很差") or is all of it (社工态度不好 说话很凶), and the county it
    names."""
    kind, told = _kind_in(text), told_after(OPENERS, text, MIN_TOLD)
    if kind is None and MISCONDUCT.search(text):
        kind, told = "complaint", text.strip()
    slots: Slots = {"kind": kind} if kind else {}
    if told is not None:
        slots["text"] = told
    return {**slots, **county_named(text, entities)}


def _parse_region(text: str, state: ConversationState) -> str:
    if means_any(text):  # 不知道, 不清楚 too
        return UNSAID
    return parse_county(text, state)


def _submit(conversation: Conversation, slots: Slots) -> str:
    region = None if slots["region"] == UNSAID else slots["region"]
    feedback, events = record_feedback(
        conversation.session, conversation.user, slots["kind"], slots["text"], region
    )
    conversation.emit(*events)
    return msg.FEEDBACK_RECORDED.format(number=feedback.number)


FLOW = Flow(
    name="complaint",
    steps=(
        Step(
            "kind",
            "类型",
            msg.ASK_FEEDBACK_KIND,
            menu_or_keyword(KINDS, _kind_in, msg.ASK_FEEDBACK_KIND),
            msg.FEEDBACK_KINDS.__getitem__,
        ),
        Step(
            "text",
            "内容",
            msg.ASK_FEEDBACK_TEXT,
            parse_free_text(msg.BAD_FEEDBACK, minimum=MIN_TOLD),
        ),
        Step(
            "region",
            "地区",
            msg.ASK_FEEDBACK_REGION,
            _parse_region,
            lambda code: "未说明" if code == UNSAID else show_region(code),
        ),
    ),
    submit=_submit,
    known=latest_county,  # what a complaint is most likely about
    triggers=Triggers(
        keywords=("投诉", "我要投诉", "建议", "我要建议", "投诉建议", "我要投诉建议", "意见反馈"),
        openers=OPENERS,
        says=MISCONDUCT,
        prefill=_prefill,
    ),
)
