"""Answers to questions about the platform (the `ask_about` intent), chosen by topic."""

from __future__ import annotations

from handlers import messages as msg

TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("privacy", ("信息", "隐私", "泄露", "保密", "知道我是谁", "名字", "身份证会")),
    ("fees", ("收费", "交钱", "交费", "管理费", "手续费", "花钱", "费用")),
    ("money_use", ("挪用", "用在哪", "用到位", "发票", "抵税", "去向", "贪污", "指定", "用在")),
    ("materials", ("材料", "证件", "户口", "手续", "条件", "准备")),
    ("timing", ("多久", "多长时间", "什么时候", "几天")),
)


def answer(text: str) -> str:
    """The answer for the first topic the question mentions; what the platform is otherwise."""
    for topic, words in TOPICS:
        if any(word in text for word in words):
            return msg.FAQ[topic]
    return msg.FAQ["about"]
