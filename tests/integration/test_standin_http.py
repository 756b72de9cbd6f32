"""The path the terminal chat takes: the stand-in posts to the service over real HTTP, with
WeChat's retries, and the reply comes back through the stand-in's control API."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator

import pytest
import requests
from flask import Flask, request
from werkzeug.serving import make_server

from tests.support.config import TEST_APP_ID, TEST_SECRET
from wechat_standin.__main__ import PushWatcher
from wechat_standin.server import StandInState, create_standin_app
from wechat_standin.signing import Account
from wechat_standin.webhook_caller import WebhookCaller, http_transport


def serve(app: Flask) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture
def chat_standin(app: Flask) -> Iterator[str]:
    """A stand-in that delivers to the app served over HTTP (as `make run` wires them)."""
    settings = app.extensions["zhulian"].settings
    for web in serve(app):
        account = Account(settings.wechat_token, settings.wechat_app_id)
        caller = WebhookCaller(account, http_transport(f"{web}/wechat"))
        state = StandInState(TEST_APP_ID, TEST_SECRET)
        yield from serve(create_standin_app(state, caller))


def test_chat_through_the_standin_over_http(chat_standin: str) -> None:
    def send(**payload: str) -> dict[str, object]:
        return requests.post(f"{chat_standin}/standin/send", json=payload, timeout=30).json()

    welcome = send(openid="o_http", event="subscribe")
    assert welcome["status"] == 200 and "欢迎" in str(welcome["reply"])
    reply = send(openid="o_http", text="我想捐款")
    assert reply["attempts"] == 1 and "想帮助哪方面" in str(reply["reply"])  # money: no kind menu


def test_slow_webhook_gets_wechats_retries() -> None:
    """No answer within the timeout: the same signed message is delivered again, 3 times."""
    slow = Flask("slow")
    seen: list[str] = []

    @slow.post("/wechat")
    def answer() -> str:
        seen.append(request.method)
        if len(seen) < 3:
            time.sleep(0.6)
        return "success"

    for url in serve(slow):
        caller = WebhookCaller(
            Account("t", TEST_APP_ID), http_transport(f"{url}/wechat"), timeout=0.3
        )
        delivery = caller.send_text("o_x", "你好")
    assert (delivery.status, delivery.attempts, len(seen)) == (200, 3, 3)


def test_terminal_chat_shows_pushes_as_they_arrive(
    standin_server: tuple[str, StandInState], capsys: pytest.CaptureFixture[str]
) -> None:
    """A customer-service message pushed while the person types nothing is printed."""
    url, state = standin_server
    state.user_wrote("o_chat")
    watcher = PushWatcher(url, "o_chat")
    threading.Thread(target=watcher.run, daemon=True).start()
    token = requests.get(
        f"{url}/cgi-bin/token",
        params={"grant_type": "client_credential", "appid": TEST_APP_ID, "secret": TEST_SECRET},
        timeout=5,
    ).json()["access_token"]
    message = {"touser": "o_chat", "msgtype": "text", "text": {"content": "配对建议 M000001"}}
    requests.post(
        f"{url}/cgi-bin/message/custom/send",
        params={"access_token": token},
        data=json.dumps(message, ensure_ascii=False).encode(),
        timeout=5,
    )
    deadline = time.monotonic() + 5
    printed = ""
    while "配对建议 M000001" not in printed and time.monotonic() < deadline:
        time.sleep(0.2)
        printed += capsys.readouterr().out
    watcher.stopped.set()
    assert "[推送] 配对建议 M000001" in printed
