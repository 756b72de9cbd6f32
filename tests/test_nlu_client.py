"""The real Rasa server with the project's trained model routes what people write."""

import pytest

from nlu.client import NluClient

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
    assert found.entities["region_code"] == "621121"
    assert found.entities["household_size"] == 4


def test_unreachable_server_falls_back_to_rules_and_opens_the_breaker() -> None:
    from tests.conftest import free_port

    nlu = NluClient(f"http://127.0.0.1:{free_port()}", timeout=0.5)
    found = nlu.interpret("我想捐款")
    assert (found.source, found.intent) == ("rules", "offer_donation")
    assert not nlu.available  # the next message does not wait for the timeout again
    assert nlu.health() == "down"
