"""When a part fails: Redis restarted mid-conversation, Redis down, the NLU server down."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis
from sqlalchemy import select

import messages as msg
from nlu.server import free_port
from storage.models import Case, HouseholdProfile, InboundMessage, User
from tests.support.chat import HOUSEHOLD_ANSWERS
from tests.support.wechat import StandIn, WeChatUser


class RedisProcess:
    """A private redis-server this test can stop and start again."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is needed for this test"
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with Redis.from_url(self.url) as probe:
                    probe.ping()
                return
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def private_redis() -> Iterator[RedisProcess]:
    server = RedisProcess(free_port())
    server.start()
    yield server
    server.stop()


def test_redis_restart_mid_conversation(
    make_app: Callable[..., Flask], standin: StandIn, private_redis: RedisProcess
) -> None:
    app = make_app(redis_url=private_redis.url)
    user = WeChatUser(app.test_client(), app.extensions["zhulian"].settings, standin, "o_restart")
    user.say("我想求助")
    user.conversation(*HOUSEHOLD_ANSWERS[:6])
    private_redis.stop()
    private_redis.start()  # empty: the conversation state is gone
    assert user.say("王秀英").startswith(msg.STATE_LOST)
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalar(select(Case)) is None
        assert session.scalar(select(HouseholdProfile)) is None
        user_row = session.scalar(select(User).where(User.openid == user.openid))
        assert user_row is not None and user_row.active_flow is None
    assert "哪方面" in user.say("我想求助")  # starting again works (consent kept)


def test_redis_down_answers_busy_and_keeps_the_message(
    make_app: Callable[..., Flask], standin: StandIn
) -> None:
    app = make_app(redis_url=f"redis://127.0.0.1:{free_port()}/0")
    user = WeChatUser(app.test_client(), app.extensions["zhulian"].settings, standin, "o_noredis")
    assert "系统正忙" in user.say("我想求助")
    with app.extensions["zhulian"].services.db.session() as session:
        logged = session.scalars(select(InboundMessage)).one()
    assert (logged.outcome, logged.content) == ("unhandled", "我想求助")
    assert app.test_client().get("/healthz").status_code == 503


def test_nlu_down_the_bot_still_works(make_app: Callable[..., Flask], standin: StandIn) -> None:
    app = make_app(nlu_url=f"http://127.0.0.1:{free_port()}")
    user = WeChatUser(app.test_client(), app.extensions["zhulian"].settings, standin, "o_nonlu")
    assert "同意" in user.say("家里困难想申请救助")  # keywords route it without Rasa
    user.conversation(*HOUSEHOLD_ANSWERS, "确认")
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalar(select(Case)) is not None
    assert "捐什么" in user.say("2")  # and the numbered menu always works
    user.say("取消")
    assert user.say("钱怎么给你们") == msg.FAQ["payment"]  # a question, by its words alone
    assert user.say("这个平台是谁办的") == msg.FAQ["nature"]
    health = app.test_client().get("/healthz")
    assert health.status_code == 200
    assert (health.json["status"], health.json["nlu"]) == ("degraded", "degraded")


def test_health_reports_every_part(client: FlaskClient) -> None:
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json == {
        "status": "ok",
        "ready": True,
        "database": "ok",
        "redis": "ok",
        "nlu": "ok",
    }


def test_a_warmed_worker_says_ready_once_warm_and_leaves_nothing_behind(
    make_app: Callable[..., Flask], redis_url: str
) -> None:
    """The Procfile's app warms up before serving; the rolled-back turn keeps no record."""
    app = make_app(warm=True)
    client = app.test_client()
    deadline = time.monotonic() + 60
    while not client.get("/healthz").json["ready"]:
        assert time.monotonic() < deadline, "never ready"
        time.sleep(0.2)
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(User)).all() == []
        assert session.scalars(select(InboundMessage)).all() == []
    with Redis.from_url(redis_url, decode_responses=True) as redis:
        assert redis.keys("*warmup*") == []


def test_a_worker_whose_nlu_is_down_is_not_ready_while_it_waits(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(warm=True, nlu_url=f"http://127.0.0.1:{free_port()}")
    health = app.test_client().get("/healthz")
    assert (health.status_code, health.json["ready"]) == (200, False)
