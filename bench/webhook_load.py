"""Webhook load benchmark. Simulated WeChat users run whole conversations (a help request to
a case number, then a pledge) against the running service; the same load then goes to a bare
endpoint that only checks the signature and parses the XML (the ceiling), in the same run.

- closed loop: N users, each sends its next message when the reply to the last one came
  (three conversations each, back to back, unless `--rounds` says otherwise);
- open loop: messages at a constant rate (60 % of the closed-loop throughput unless given),
  each timed from when it was due, so a slow reply does not lower the load (no coordinated
  omission). Conversations start at a steady rate, 50 in flight, each at its own step;
  `--lockstep` runs the 50 side by side instead, all reaching the same step together;
- `--cold`: start the whole stack (`python -m config.launch`), wait until `/healthz` says
  ready, wait one second, measure (the first run after a start), then measure again warm.

    make run && make bench             # closed and open loop against the running service
    make bench-cold                    # the first minute after a start, then warm
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta

import requests

from bench.cpu_split import Split, measured
from config.settings import PROJECT_ROOT, load_settings
from nlu.validators import id_check_char
from wechat_standin.signing import Account
from wechat_standin.webhook_caller import WebhookCaller, http_transport

PLEDGE = ["我想捐两千", "不限", "不限", "匿名", "不留", "确认"]
BUDGET_SECONDS = 5.0  # WeChat's: a reply later than this is a customer-service message
OPEN_LOOP_SHARE = 0.6
OPEN_LOOP_SECONDS = 20.0
OPEN_LOOP_USERS = 50  # conversations in flight at once in the open loop


def help_script(household: int) -> list[str]:
    """A help request to a case number, with this household's own valid ID and phone number
    (households sharing one would all be flagged as duplicates of each other)."""
    born = date(1950, 1, 1) + timedelta(days=household % 20000)
    stem = f"110105{born:%Y%m%d}{household % 1000:03d}"
    return [
        "我想求助",
        "同意",
        "1",
        "老人住院做手术，家里拿不出钱",
        "两万",
        "甘肃定西通渭县",
        "五口人",
        "王秀英",
        stem + id_check_char(stem),
        f"138{household % 10**8:08d}",
        "确认",
    ]


def user_script() -> tuple[str, list[str]]:
    """A new simulated user: an openid and the messages it sends."""
    serial = uuid.uuid4().int
    return f"bench_{serial % 16**12:012x}", help_script(serial) + PLEDGE


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    failures: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    cpu: Split = field(default_factory=Split)  # measured in the closed loop only
    late: list[tuple[float, str]] = field(default_factory=list)  # past the budget, or failed

    def add(self, seconds: float, ok: bool, what: str = "") -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.failures += 0 if ok else 1
            if not ok or seconds > BUDGET_SECONDS:
                self.late.append((seconds, what + ("" if ok else ", failed")))

    def late_lines(self, most: int = 5) -> list[str]:
        """The slowest of the replies past the budget or failed: which message, when."""
        worst = sorted(self.late, reverse=True)[:most]
        return [f"late: {seconds * 1000:.0f} ms, {what}" for seconds, what in worst]

    def line(self, name: str, wall: float) -> str:
        lat = sorted(self.latencies)
        if len(lat) < 2:
            return f"{name}: too few messages"
        pct = statistics.quantiles(lat, n=100, method="inclusive")
        late = sum(1 for x in lat if x > BUDGET_SECONDS)
        return (
            f"{name}: {len(lat)} messages in {wall:.1f} s = {len(lat) / wall:.0f} msg/s; "
            f"p50 {pct[49] * 1000:.0f} ms, p95 {pct[94] * 1000:.0f} ms, "
            f"p99 {pct[98] * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms; "
            f"past the {BUDGET_SECONDS:.0f} s budget {late}; failures {self.failures}"
        )

    @property
    def p99(self) -> float:
        return statistics.quantiles(sorted(self.latencies), n=100, method="inclusive")[98]


Send = Callable[[str, str], bool]


def sender(url: str, account: Account, check: bool) -> Send:
    """Deliver one text, once (no WeChat retries); True when it was answered."""
    caller = WebhookCaller(account, http_transport(url), deliveries=1, timeout=30)

    def send(openid: str, text: str) -> bool:
        delivery = caller.send_text(openid, text)
        return delivery.status == 200 and (delivery.reply is not None or not check)

    return send


def closed_loop(send: Send, users: int, rounds: int) -> tuple[Results, float]:
    """Each user runs `rounds` whole conversations back to back, each as a new WeChat user:
    the start and the ramp-down at the end, when fewer than `users` are left, are then a
    small part of the run."""
    results = Results()

    def run_user() -> None:
        for _ in range(rounds):
            openid, script = user_script()
            for step, text in enumerate(script):
                start = time.perf_counter()
                ok = send(openid, text)
                at = f"{openid} step {step} “{text}”, sent {start - began:.1f} s in"
                results.add(time.perf_counter() - start, ok, at)

    start = began = time.perf_counter()
    with measured() as results.cpu, ThreadPoolExecutor(max_workers=users) as pool:
        for _ in range(users):
            pool.submit(run_user)
    return results, time.perf_counter() - start


@dataclass(frozen=True)
class Due:
    at: float  # seconds after the start
    user: int
    step: int
    counted: bool  # False while the conversations in flight ramp up


def staggered(rate: float, seconds: float, per_user: int) -> list[Due]:
    """Conversations start one every `per_user / rate` seconds and each sends its messages
    `OPEN_LOOP_USERS / rate` apart: `rate` messages a second, OPEN_LOOP_USERS conversations
    in flight, each at its own step. Messages due before that many are in flight (the ramp)
    are sent, not counted."""
    gap = OPEN_LOOP_USERS / rate
    ramp, end = per_user * gap, per_user * gap + seconds
    users = int(end * rate / per_user) + 1
    due = [
        Due(
            user * per_user / rate + step * gap,
            user,
            step,
            user * per_user / rate + step * gap >= ramp,
        )
        for user in range(users)
        for step in range(per_user)
    ]
    return sorted((d for d in due if d.at < end), key=lambda d: d.at)


def lockstep(rate: float, seconds: float, per_user: int) -> list[Due]:
    """OPEN_LOOP_USERS conversations side by side, taking turns: every conversation reaches
    the same step within `OPEN_LOOP_USERS / rate` seconds (fifty case submissions at once)."""
    due = []
    for slot in range(int(rate * seconds)):
        lane, turn = slot % OPEN_LOOP_USERS, slot // OPEN_LOOP_USERS
        user = lane + OPEN_LOOP_USERS * (turn // per_user)
        due.append(Due(slot / rate, user, turn % per_user, True))
    return due


def open_loop(
    send: Send, rate: float, seconds: float, schedule: Callable[..., list[Due]] = staggered
) -> tuple[Results, float]:
    """Messages sent when due (a user's in order); latency counts from when a message was
    due, so a slow reply does not lower the load."""
    results = Results()
    per_user = len(user_script()[1])
    plan = schedule(rate, seconds, per_user)
    scripts = [user_script() for _ in range(max(d.user for d in plan) + 1)]
    locks = [threading.Lock() for _ in scripts]  # a user's messages in order, as WeChat does

    def deliver(due: float, item: Due) -> None:
        openid, script = scripts[item.user]
        with locks[item.user]:
            ok = send(openid, script[item.step])
        if item.counted:
            at = f"{openid} step {item.step} “{script[item.step]}”, due {item.at:.1f} s in"
            results.add(time.perf_counter() - due, ok, at)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=256) as pool:
        for item in plan:
            due = start + item.at
            time.sleep(max(0.0, due - time.perf_counter()))
            pool.submit(deliver, due, item)
    return results, seconds


@contextmanager
def gunicorn_app(app: str, port: int, environment: dict[str, str]) -> Iterator[None]:
    process = subprocess.Popen(  # noqa: S603 - fixed argv
        [
            str(PROJECT_ROOT / ".venv" / "bin" / "gunicorn"),
            "--workers=2",
            "--worker-class=gthread",
            "--threads=8",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
            app,
        ],
        cwd=PROJECT_ROOT,
        env=environment,
    )
    try:
        wait_until(lambda: _answers(f"http://127.0.0.1:{port}/wechat"), 20, "the bare endpoint")
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)


def _answers(url: str) -> bool:
    try:
        requests.post(url, timeout=1)
        return True
    except requests.RequestException:
        return False


def ready(base: str) -> bool:
    try:
        return bool(requests.get(f"{base}/healthz", timeout=2).json().get("ready"))
    except (requests.RequestException, ValueError):
        return False


def wait_until(check: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            sys.exit(f"{what} did not come up in {seconds:.0f} s")
        time.sleep(0.2)


@contextmanager
def started_stack(environment: dict[str, str], base: str) -> Iterator[float]:
    """The whole service started now (as `make run` does; its log in var/bench-stack.log);
    yields seconds until ready."""
    start = time.monotonic()
    log = PROJECT_ROOT / "var" / "bench-stack.log"
    log.parent.mkdir(exist_ok=True)
    with log.open("wb") as output:  # the child keeps its own handle
        process = subprocess.Popen(  # noqa: S603 - fixed argv
            [sys.executable, "-m", "config.launch"],
            cwd=PROJECT_ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until(lambda: ready(base), 180, "the service")
        yield time.monotonic() - start
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def compare(name: str, full: tuple[Results, float], bare: tuple[Results, float]) -> None:
    (f, f_wall), (b, b_wall) = full, bare
    print(f"  {f.line('full stack', f_wall)}")
    for line in f.late_lines():
        print(f"    {line}")
    print(f"  {b.line('bare endpoint', b_wall)}")
    for results in (f, b) if f.cpu.seconds else ():
        print(f"    {results.cpu.line(len(results.latencies))}")
    ratio = (len(f.latencies) / f_wall) / (len(b.latencies) / b_wall)
    print(f"  {name}: full / bare throughput {ratio:.2f}; p99 {f.p99 * 1000:.0f} ms")


def measure(args: argparse.Namespace, url: str, bare_url: str, account: Account) -> None:
    full, bare = sender(url, account, check=True), sender(bare_url, account, check=False)
    messages = args.rounds * len(user_script()[1])
    print(f"closed loop, {args.users} users x {messages} messages:")
    closed = closed_loop(full, args.users, args.rounds)
    compare("closed loop", closed, closed_loop(bare, args.users, args.rounds))
    if args.closed_only:
        return
    capacity = len(closed[0].latencies) / closed[1]
    rate = args.rate or OPEN_LOOP_SHARE * capacity
    schedule = lockstep if args.lockstep else staggered
    print(
        f"open loop ({schedule.__name__}), {rate:.0f} msg/s for {args.seconds:.0f} s "
        f"({rate / capacity:.0%} of capacity):"
    )
    compare(
        "open loop",
        open_loop(full, rate, args.seconds, schedule),
        open_loop(bare, rate, args.seconds, schedule),
    )


def main() -> None:
    settings = load_settings()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=int(os.environ.get("BENCH_USERS", 50)))
    parser.add_argument(
        "--rounds", type=int, default=3, help="closed loop: conversations each user runs"
    )
    parser.add_argument("--rate", type=float, default=None, help="open-loop msg/s")
    parser.add_argument("--seconds", type=float, default=OPEN_LOOP_SECONDS)
    parser.add_argument("--closed-only", action="store_true")
    parser.add_argument("--lockstep", action="store_true", help="open loop in lockstep")
    parser.add_argument("--cold", action="store_true", help="start the stack, measure, again")
    parser.add_argument("--bare-port", type=int, default=8199)
    args = parser.parse_args()
    base = f"http://127.0.0.1:{settings.web_port}"
    account = Account(
        settings.wechat_token, settings.wechat_app_id, settings.wechat_encoding_aes_key
    )
    environment = {**os.environ}
    bare_url = f"http://127.0.0.1:{args.bare_port}/wechat"
    with gunicorn_app("bench.bare_app:create_bare_app()", args.bare_port, environment):
        if not args.cold:
            if not ready(base):
                sys.exit(f"the service at {base} is not ready; start it with `make run`")
            measure(args, f"{base}/wechat", bare_url, account)
            return
        if ready(base):
            sys.exit(f"something already serves {base}: stop it, or set WEB_PORT")
        with started_stack(environment, base) as seconds:
            print(f"ready {seconds:.1f} s after the start; measuring from one second later")
            time.sleep(1)
            print("first run after the start:")
            measure(args, f"{base}/wechat", bare_url, account)
            print("the same, warm:")
            measure(args, f"{base}/wechat", bare_url, account)


if __name__ == "__main__":
    main()
