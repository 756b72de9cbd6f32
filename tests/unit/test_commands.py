"""Commands that work at every step, as people say them."""

import pytest

from conversation.engine import command_of


@pytest.mark.parametrize(
    "text",
    [
        "取消",
        "算了，不弄了",
        "算了不弄了",
        "我不想填了",
        "先不办了吧",
        "不申请了谢谢",
        "以后再说吧",
        "太麻烦了不弄了",
        "填不了了",
        # not giving one's details after all, at any length
        "我改主意了 不想把信息给你们",
        "不想把资料交给你们了",
    ],
)
def test_giving_up_cancels(text: str) -> None:
    assert command_of(text) == "cancel"


@pytest.mark.parametrize(
    "text",
    [
        "孩子病了不想治了",  # a story, not giving up
        "不同意",
        "不需要",
        "不用",
        "老伴去年走了，家里就剩我一个人，地也种不了了，孩子在外地打工也顾不上",
        "甘肃定西通渭县",
        "你们能不能帮我找找失散的亲人",  # a question, not "let me look"
        "能不能帮我去找找工作",
        "我不愿意把身份证给你们",  # the ID question says why it is needed
        "不想把信息给别人看",  # worry, not withdrawal
    ],
)
def test_answers_are_not_commands(text: str) -> None:
    assert command_of(text) is None


def test_other_commands() -> None:
    assert command_of("转人工") == "human"
    assert command_of("查进度") == "status"
    assert command_of("上一步") == "back"
    assert command_of("那你帮我查查") == command_of("帮我查一下") == "status"
    assert command_of("帮我查下快递") is None


@pytest.mark.parametrize(
    "text",
    [
        "身份证在抽屉里我去找找",
        "等下我问问我儿子",
        "我去拿一下身份证",
        "马上发",
        "身份证号我问问我妈",
    ],
)
def test_asking_for_a_moment_pauses(text: str) -> None:
    assert command_of(text) == "pause"


def test_starting_over() -> None:
    assert command_of("重新开始") == command_of("从头来") == "restart"


def test_all_that_was_filled_taken_back_cancels_and_a_person_asked_for_is_the_human_command() -> (
    None
):
    assert command_of("把我刚才填的都删了") == "cancel"
    assert command_of("刚才写的名字删了重写") is None  # one answer: a correction, not a cancel
    for text in ("有没有真人", "我要人工", "能不能找个社工"):
        assert command_of(text) == "human", text
    assert command_of("社工来过了") is None
