"""The check-in survey file: every reply form reads as the option meant, and the risk
rules give the documented levels with their reasons."""

from __future__ import annotations

import pytest
import yaml

from domain.survey import SURVEY_FILE, Risk, parse_survey, survey


@pytest.mark.parametrize(
    ("question", "reply", "value"),
    [
        ("food", "1", "ok"),
        ("food", "第3个", "short"),
        ("food", "吃穿都困难", "short"),
        ("food", "家里快断粮了", "short"),
        ("food", "还行吧够吃", "ok"),
        ("school", "娃去年就不读了出去打工", "out"),
        ("school", "都在上学呢", "yes"),
        ("school", "没在上学", None),  # unclear: asked again
        ("insurance", "都交了", "yes"),
        ("insurance", "老二没参加", "no"),
        ("illness", "没有", "no"),
        ("illness", "有", "yes"),
        ("illness", "他爹上个月中风住院了", "yes"),
        ("illness", "没住院", None),
        ("housing", "下雨就漏雨", "unsafe"),
        ("water", "要走两里路挑水", "bad"),
        ("income", "没活干收入少了", "down"),
        ("shocks", "借钱给娃看病欠了两万", "yes"),
        ("food", "嗯", None),  # yes to "any difficulty?" could be either: asked again
        ("illness", "是的", "yes"),
        ("water", "对", "ok"),
        ("shocks", "没得", "no"),
        ("housing", "不是", "unsafe"),
    ],
)
def test_replies_read_as_the_option_meant(question: str, reply: str, value: str | None) -> None:
    assert survey().question(question).read(reply) == value


def test_risk_levels_with_reasons() -> None:
    calm = {q.id: q.options[0].value for q in survey().questions}
    calm["school"] = "yes"
    assert survey().assess(calm).level == Risk.STABLE
    out_of_school = {**calm, "school": "out", "income": "down"}
    assessed = survey().assess(out_of_school)
    assert assessed.level == Risk.AT_RISK
    assert assessed.reasons == ("有义务教育阶段的孩子没上学", "收入减少")
    ill_uninsured = {**calm, "insurance": "no", "illness": "yes"}
    assert survey().assess(ill_uninsured).level == Risk.AT_RISK
    assert survey().assess({**calm, "illness": "yes"}).level == Risk.WATCH


def test_a_rule_on_an_unknown_option_is_refused() -> None:
    document = yaml.safe_load(SURVEY_FILE.read_text(encoding="utf-8"))
    document["rules"].append({"level": "watch", "when": {"food": "starving"}, "reason": "x"})
    with pytest.raises(ValueError, match="food=starving"):
        parse_survey(document)


def test_every_question_prompt_numbers_its_options() -> None:
    for number, question in enumerate(survey().questions, 1):
        prompt = question.prompt(number, len(survey().questions))
        assert prompt.startswith(f"（{number}/8）") and "\n1 " in prompt
