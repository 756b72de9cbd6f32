"""The faults, each a function of the running stack, injected while the load runs."""

from __future__ import annotations

import time
from collections.abc import Callable

import requests

from chaos.stack import Stack

Fault = Callable[[Stack], None]


def nothing(_stack: Stack) -> None:
    """The baseline."""


def redis_restart(stack: Stack) -> None:
    time.sleep(2)
    stack.redis.restart()


def postgres_connections_killed(stack: Stack) -> None:
    for _ in range(3):
        time.sleep(1.5)
        stack.postgres.terminate_connections()


def postgres_paused(stack: Stack) -> None:
    time.sleep(2)
    with stack.postgres.paused():
        time.sleep(3)


def postgres_paused_past_the_budget(stack: Stack) -> None:
    """Longer than WeChat waits: the replies in flight go out later as customer-service
    messages."""
    time.sleep(2)
    with stack.postgres.paused():
        time.sleep(7)


def rasa_killed(stack: Stack) -> None:
    time.sleep(1)
    stack.restart("nlu")  # it takes ~10 s to come back: the rules answer meanwhile


def worker_killed(stack: Stack) -> None:
    for _ in range(2):
        time.sleep(3)
        stack.restart("worker")  # SIGKILL, whatever job it was running


def web_worker_killed(stack: Stack) -> None:
    """SIGKILL a gunicorn worker while it handles messages (the master starts another)."""
    for _ in range(2):
        time.sleep(1.5)
        stack.kill_child("web")


def scheduler_killed(stack: Stack) -> None:
    time.sleep(2)
    stack.restart("scheduler")


WECHAT_FAULTS: tuple[dict[str, str | int], ...] = (
    {"api": "custom", "errcode": 40001, "count": 2},
    {"api": "custom", "errcode": 45015, "count": 2},
    {"api": "custom", "errcode": 45047, "count": 2},
    {"api": "custom", "errcode": -1, "count": 3},
    {"api": "custom", "http_status": 502, "count": 3},
    {"api": "custom", "delay_seconds": 6, "count": 2},
    {"api": "token", "http_status": 500, "count": 1},
)


def wechat_errors(stack: Stack) -> None:
    for fault in WECHAT_FAULTS:
        requests.post(f"{stack.standin_url}/standin/faults", json=fault, timeout=5)


def overlapping(stack: Stack) -> None:
    wechat_errors(stack)
    time.sleep(1)
    stack.restart("nlu")
    redis_restart(stack)
    stack.postgres.terminate_connections()
