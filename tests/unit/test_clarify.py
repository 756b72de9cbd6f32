from conversation.engine import clarifying_question


def test_unsure_between_help_and_pledge_asks_with_menu_numbers() -> None:
    question = clarifying_question([("offer_donation", 0.41), ("seek_help", 0.38), ("greet", 0.1)])
    assert question is not None
    assert "1 我要求助" in question and "2 我要捐助" in question
    assert question.index("1 我要求助") < question.index("2 我要捐助")
    assert "3 查进度" not in question


def test_unsure_with_nothing_actionable_gives_no_question() -> None:
    assert clarifying_question([("greet", 0.3), ("thank", 0.3), ("out_of_scope", 0.2)]) is None


def test_help_and_donation_are_offered_together() -> None:
    question = clarifying_question([("offer_donation", 0.46), ("check_status", 0.2)])
    assert question is not None
    assert "1 我要求助" in question and "2 我要捐助" in question and "3 查进度" in question


def test_one_likely_action_is_asked_as_a_yes_or_no() -> None:
    question = clarifying_question([("check_status", 0.4), ("greet", 0.3), ("thank", 0.1)])
    assert question == "您是想查进度吗？是就回复“3”；不是的话，请说得具体一点。"
