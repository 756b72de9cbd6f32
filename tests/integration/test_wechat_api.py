"""The outbound client against the stand-in over HTTP: one shared token, refreshed once
on an expired-token error, WeChat's error codes read from inside HTTP 200."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from redis import Redis

from config.settings import Settings
from jobs.send import send_text
from notification.wechat_api import HTTP_TIMEOUT_SECONDS, SharedTokenClient, WeChatSendError
from storage.crypto import FieldCipher
from tests.support.wechat import StandIn


@pytest.fixture
def client(settings: Settings, redis_url: str) -> Iterator[SharedTokenClient]:
    with Redis.from_url(redis_url) as redis:
        wechat = SharedTokenClient(settings, redis)
        yield wechat
        wechat.close()


def test_token_is_shared_between_clients(
    client: SharedTokenClient, settings: Settings, redis_url: str, standin: StandIn
) -> None:
    standin.state.user_wrote("o_a")
    client.send_text_message("o_a", "第一条")
    with Redis.from_url(redis_url) as redis:
        other = SharedTokenClient(settings, redis)
        other.send_text_message("o_a", "第二条")
        other.close()
    assert standin.state.token_fetches == 1
    assert [m["content"] for m in standin.sent("o_a")] == ["第一条", "第二条"]


def test_expired_token_is_refreshed_once_and_the_send_retried(
    client: SharedTokenClient, standin: StandIn
) -> None:
    standin.state.user_wrote("o_b")
    client.send_text_message("o_b", "一")
    standin.inject("custom", errcode=42001)
    client.send_text_message("o_b", "二")
    assert standin.state.token_fetches == 2
    assert [m["content"] for m in standin.sent("o_b")] == ["一", "二"]


def test_a_failing_token_endpoint_is_a_send_error(
    client: SharedTokenClient, standin: StandIn
) -> None:
    """Found by the fault campaign: an HTTP 500 from the token endpoint escaped as a
    requests error and left the notification being sent claimed for ten minutes."""
    standin.state.user_wrote("o_t")
    standin.inject("token", http_status=500)
    with pytest.raises(WeChatSendError):
        client.send_text_message("o_t", "x")
    client.send_text_message("o_t", "y")  # the next try fetches a token and sends
    assert [m["content"] for m in standin.sent("o_t")] == ["y"]


def test_persistent_token_error_is_not_retried_forever(
    client: SharedTokenClient, standin: StandIn
) -> None:
    standin.state.user_wrote("o_c")
    standin.inject("custom", errcode=40001, count=5)
    with pytest.raises(WeChatSendError) as caught:
        client.send_text_message("o_c", "x")
    assert caught.value.errcode == 40001
    assert standin.state.token_fetches == 2  # the first fetch and one refresh, no more


def test_outside_the_48_hour_window_is_45015(client: SharedTokenClient, standin: StandIn) -> None:
    with pytest.raises(WeChatSendError) as caught:
        client.send_text_message("o_never_wrote", "x")
    assert caught.value.errcode == 45015


def test_quota_of_five_per_user_message(client: SharedTokenClient, standin: StandIn) -> None:
    standin.state.user_wrote("o_d")
    for i in range(5):
        client.send_text_message("o_d", str(i))
    with pytest.raises(WeChatSendError) as caught:
        client.send_text_message("o_d", "6")
    assert caught.value.errcode == 45047


def test_send_job_gives_up_on_undeliverable_and_raises_on_retryable(
    settings: Settings, standin: StandIn
) -> None:
    sealed = FieldCipher(settings.data_encryption_key).encrypt("您好")  # as the webhook queues it
    assert send_text("o_never_wrote", sealed) is False
    standin.state.user_wrote("o_e")
    standin.inject("custom", errcode=-1)
    with pytest.raises(WeChatSendError):
        send_text("o_e", sealed)  # RQ's Retry runs it again
    assert send_text("o_e", sealed) is True
    assert [m["content"] for m in standin.sent("o_e")] == ["您好"]


def test_send_job_does_not_repeat_a_send_that_got_no_answer_in_time(
    settings: Settings, standin: StandIn
) -> None:
    sealed = FieldCipher(settings.data_encryption_key).encrypt("您好")
    standin.state.user_wrote("o_f")
    standin.inject("custom", delay_seconds=HTTP_TIMEOUT_SECONDS + 0.5)
    assert send_text("o_f", sealed) is False  # not raised: RQ does not send it again
    time.sleep(1)
    assert [m["content"] for m in standin.sent("o_f")] == ["您好"]
