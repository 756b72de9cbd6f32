"""Webhook load benchmark: N simulated WeChat users run whole conversations (a help request
to a case number, then a pledge) against the running service, then the same number of
messages goes to a bare endpoint that only checks the signature and parses the XML.

    make run                 # in one terminal
    make bench               # in another; BENCH_USERS=40 make bench for more users
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests

from config.settings import PROJECT_ROOT, load_settings
from wechat_standin.signing import Account
from wechat_standin.webhook_caller import WebhookCaller, http_transport

HELP = [
    "我想求助",
    "同意",
    "1",
    "老人住院做手术，家里拿不出钱",
    "两万",
    "甘肃定西通渭县",
    "五口人",
    "王秀英",
    "11010519491231002X",
    "13800138000",
    "确认",
]
PLEDGE = ["我想捐两千", "不限", "不限", "匿名", "不留", "确认"]


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    failures: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.failures += 0 if ok else 1


def run_user(caller: WebhookCaller, script: list[str], results: Results, check: bool) -> None:
    openid = f"bench_{uuid.uuid4().hex[:12]}"
    for text in script:
        start = time.perf_counter()
        delivery = caller.send_text(openid, text)
        ok = delivery.status == 200 and (delivery.reply is not None or not check)
        results.add(time.perf_counter() - start, ok)


def report(name: str, results: Results, wall: float) -> None:
    lat = sorted(results.latencies)
    if not lat:
        print(f"{name}: no messages")
        return
    pct = statistics.quantiles(lat, n=100, method="inclusive")
    print(
        f"{name}: {len(lat)} messages in {wall:.1f} s = {len(lat) / wall:.0f} msg/s; "
        f"latency p50 {pct[49] * 1000:.0f} ms, p95 {pct[94] * 1000:.0f} ms, "
        f"p99 {pct[98] * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms; failures {results.failures}"
    )


def load(url: str, account: Account, users: int, script: list[str], check: bool) -> None:
    caller = WebhookCaller(account, http_transport(url), deliveries=1, timeout=10)
    results = Results()
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        for _ in range(users):
            pool.submit(run_user, caller, script, results, check)
    report(url, results, time.perf_counter() - start)


def start_bare(port: int) -> subprocess.Popen[bytes]:
    gunicorn = PROJECT_ROOT / ".venv" / "bin" / "gunicorn"
    process = subprocess.Popen(  # noqa: S603 - fixed argv
        [
            str(gunicorn),
            "--workers",
            "2",
            "--worker-class",
            "gthread",
            "--threads",
            "8",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "bench.bare_app:create_bare_app()",
        ],
        cwd=PROJECT_ROOT,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            requests.post(f"http://127.0.0.1:{port}/wechat", timeout=1)
            return process
        except requests.RequestException:
            time.sleep(0.2)
    process.kill()
    sys.exit("the bare endpoint did not start")


def main() -> None:
    settings = load_settings()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=int(os.environ.get("BENCH_USERS", 20)))
    parser.add_argument("--url", default=f"http://127.0.0.1:{settings.web_port}/wechat")
    parser.add_argument("--bare-port", type=int, default=8199)
    args = parser.parse_args()
    account = Account(
        settings.wechat_token, settings.wechat_app_id, settings.wechat_encoding_aes_key
    )
    try:
        requests.get(args.url.rsplit("/", 1)[0] + "/healthz", timeout=5).raise_for_status()
    except requests.RequestException as exc:
        sys.exit(f"the service is not healthy at {args.url} ({exc}); start it with `make run`")
    script = HELP + PLEDGE
    print(f"{args.users} users x {len(script)} messages (help request + pledge), full stack:")
    load(args.url, account, args.users, script, check=True)
    bare = start_bare(args.bare_port)
    try:
        print("same load, bare endpoint (signature + XML parse only; the ceiling):")
        load(f"http://127.0.0.1:{args.bare_port}/wechat", account, args.users, script, check=False)
    finally:
        bare.terminate()
        bare.wait(timeout=10)


if __name__ == "__main__":
    main()
