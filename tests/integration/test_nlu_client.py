"""The real Rasa server with the project's trained model routes what people write."""

import pytest

from nlu.client import NluClient, plain_intent

ROUTED = [
    ("俺家娃读书的钱凑不齐", "seek_help"),
    ("老母亲住院没钱交押金", "seek_help"),
    ("房子漏雨漏得厉害求帮忙", "seek_help"),
    ("我想给山区孩子捐点钱", "offer_donation"),
    ("认捐三千", "offer_donation"),
    ("我的申请审核到哪了", "check_status"),
    ("您好在吗", "greet"),
    ("转人工客服", "request_human"),
    ("不想弄了取消吧", "cancel"),
    ("太感谢你们了", "thank"),
]


@pytest.fixture(scope="module")
def nlu(nlu_url: str) -> NluClient:
    return NluClient(nlu_url, timeout=5)


@pytest.mark.parametrize(("text", "intent"), ROUTED)
def test_rasa_routes_unseen_sentences(nlu: NluClient, text: str, intent: str) -> None:
    found = nlu.interpret(text)
    assert found.source == "rasa"
    assert found.intent == intent, found


def test_entities_are_normalised(nlu: NluClient) -> None:
    found = nlu.interpret("我在甘肃定西通渭县，孩子上大学学费差五千块，家里四口人")
    assert found.entities["need_type"] == "education"
    assert found.entities["amount_yuan"] == 5000
    assert found.entities["region"] == {
        "province": "甘肃省",
        "city": "定西市",
        "county": "通渭县",
        "code": "621121",
    }
    assert found.entities["household_size"] == 4


def test_unreachable_server_falls_back_to_rules_and_opens_the_breaker() -> None:
    from nlu.server import free_port

    nlu = NluClient(f"http://127.0.0.1:{free_port()}", timeout=0.5)
    found = nlu.interpret("我想捐款")
    assert (found.source, found.intent) == ("rules", "offer_donation")
    assert not nlu.available  # the next message does not wait for the timeout again
    assert nlu.health() == "degraded"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("3", "inform"),
        ("13800138000", "inform"),
        ("11010519491231002X", "inform"),
        ("是的", "affirm"),
        ("不是", "deny"),
    ],
)
def test_plain_answers_skip_rasa(text: str, intent: str) -> None:
    from nlu.server import free_port

    nlu = NluClient(f"http://127.0.0.1:{free_port()}", timeout=0.5)
    found = nlu.interpret(text)
    assert (found.source, found.intent) == ("shortcut", intent)
    assert nlu.available  # Rasa was never called, so the breaker never opened


def test_repeated_text_comes_from_the_cache(nlu: NluClient) -> None:
    first = nlu.interpret("俺想问问咋申请救助")
    again = nlu.interpret("俺想问问咋申请救助")
    assert (first.source, again.source) == ("rasa", "cache")
    assert again.intent == first.intent and again.entities == first.entities


def test_parse_command_prints_the_documented_shape(nlu_url: str) -> None:
    import json
    import os
    import subprocess
    import sys

    from config.settings import PROJECT_ROOT

    lines = "广西百色的娃上学学费还差两千五求帮忙\n我想捐兩萬\n"
    result = subprocess.run(
        [sys.executable, "-m", "nlu", "parse"],
        input=lines,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=True,
        env={**os.environ, "NLU_URL": nlu_url},
    )
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["text"] == "广西百色的娃上学学费还差两千五求帮忙"
    assert first["intent"] == "seek_help"
    assert 0 <= first["confidence"] <= 1
    assert first["entities"] == {
        "need_type": "education",
        "need_types": ["education"],
        "amount_yuan": 2500,
        "region": {
            "province": "广西壮族自治区",
            "city": "百色市",
            "county": None,
            "code": "451000",
        },
        "household_size": None,
        "resource_kind": None,
        "phone": None,
        "id_number": None,
    }
    assert second["text"] == "我想捐兩萬"  # raw text kept; traditional read as simplified
    assert second["intent"] == "offer_donation" and second["entities"]["amount_yuan"] == 20000


def test_parse_command_says_how_to_start_rasa() -> None:
    import os
    import subprocess
    import sys

    from config.settings import PROJECT_ROOT
    from nlu.server import free_port

    result = subprocess.run(
        [sys.executable, "-m", "nlu", "parse"],
        input="你好\n",
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env={**os.environ, "NLU_URL": f"http://127.0.0.1:{free_port()}"},
    )
    assert result.returncode != 0 and "rasa run" in result.stderr


def test_slang_numbers_are_no_answer() -> None:
    """666 and 888 are chat slang ("great", "lucky"), not an answer; 3000 stays one."""
    assert plain_intent("666") == plain_intent("8888") == "out_of_scope"
    assert plain_intent("3000") == "inform"
