"""`python -m chaos` (`make chaos`): a fault campaign. It starts its own Redis and
PostgreSQL and the whole service, drives households, donors and a social worker through
whole conversations, injects one fault per scenario (then several at once), waits for the
jobs to drain, and checks that nothing was lost, nothing done twice, nothing half-written
or over-allocated, and no notification left hanging. It prints a table and exits 1 if any
scenario breaks a promise. `--short` is the form the test suite runs."""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

from redis import Redis
from rq import Queue
from rq.registry import ScheduledJobRegistry, StartedJobRegistry
from sqlalchemy import create_engine, text

from chaos import faults
from chaos.invariants import Row, check
from chaos.load import Load, run
from chaos.stack import Stack, shell
from config.queues import NOTIFY_QUEUE

SCENARIOS: dict[str, faults.Fault] = {
    "baseline": faults.nothing,
    "wechat errors and timeouts": faults.wechat_errors,
    "duplicate and out-of-order deliveries": faults.nothing,
    "Redis restarted": faults.redis_restart,
    "PostgreSQL connections killed": faults.postgres_connections_killed,
    "PostgreSQL paused 3 s": faults.postgres_paused,
    "PostgreSQL paused 7 s (past the reply budget)": faults.postgres_paused_past_the_budget,
    "Rasa killed and restarted": faults.rasa_killed,
    "RQ worker SIGKILLed": faults.worker_killed,
    "scheduler killed": faults.scheduler_killed,
    "web worker SIGKILLed mid-request": faults.web_worker_killed,
    "overlapping: WeChat, Rasa, Redis, PostgreSQL": faults.overlapping,
}
SHORT = ("baseline", "duplicate and out-of-order deliveries", "Redis restarted")
DRAIN_SECONDS = 90
_BRING_FORWARD = (
    "UPDATE notifications SET next_attempt_at = now() "
    "WHERE status = 'pending' AND next_attempt_at > now()"
)
_UNFINISHED = "SELECT count(*) FROM notifications WHERE status IN ('pending', 'sending')"


def _bind_worker(stack: Stack, load: Load) -> str:
    output = shell(
        ".venv/bin/flask social-worker invite --org 定西社工站 --region 621100", stack.environment
    )
    code = re.search(r"绑定 (\w+)", output)
    if code is None:
        raise RuntimeError(f"no invite code in {output!r}")
    worker = "chaos_worker"
    load.say(worker, f"绑定 {code.group(1)}")
    return worker


def _replies_in_flight(stack: Stack) -> int:
    """Late replies and notification jobs still queued, running or waiting to be retried."""
    with Redis.from_url(stack.redis.url) as connection:
        queue = Queue(NOTIFY_QUEUE, connection=connection)
        return (
            queue.count
            + StartedJobRegistry(queue=queue).count
            + ScheduledJobRegistry(queue=queue).count
        )


def _drain(stack: Stack) -> None:
    """Wait until no notification is pending or being sent, and no late reply is still on
    its way (queued, running, or waiting for a retry). Outbox retries waiting out their
    backoff (30 s, 2 min, 10 min…) are brought forward, so the campaign need not wait half
    an hour for what the outbox would do on its own."""
    engine = create_engine(stack.postgres.url.replace("postgresql://", "postgresql+psycopg://"))
    deadline = time.monotonic() + DRAIN_SECONDS
    try:
        while time.monotonic() < deadline:
            with engine.begin() as connection:
                connection.execute(text(_BRING_FORWARD))
                pending = connection.execute(text(_UNFINISHED)).scalar_one()
            if not pending and not _replies_in_flight(stack):
                return
            time.sleep(2)
    finally:
        engine.dispose()


def scenario(stack: Stack, name: str, fault: faults.Fault, users: int, worker: str) -> Row:
    prefix = "c" + re.sub(r"\W", "", name.encode("unicode_escape").decode())[:10].lower()
    prefix = f"{prefix}{int(time.time()) % 10000}"
    load = Load(stack.standin_url, duplicates=name.startswith("duplicate"))
    since = time.time()
    breaker = threading.Thread(target=fault, args=(stack,))
    breaker.start()
    run(load, prefix, households=users, donors=users, worker=worker)
    breaker.join()
    stack.wait_ready()  # whatever a fault left down is up again before the checks
    _drain(stack)
    return check(name, prefix, since, load.sent, stack.postgres.url, stack.standin_url)


def render(rows: list[Row]) -> str:
    header = (
        "| scenario | messages | replied | pushed later | unanswered "
        "| unhandled (asked to resend) "
        "| processed twice | lost | over-allocated | half-written "
        "| notifications stuck / sent twice "
        "| users finished / told to start again / stranded | p99 |"
    )
    lines = [header, "|" + "---|" * 13]
    for r in rows:
        lines.append(
            f"| {r.scenario} | {r.messages} | {r.replies} | {r.pushed} | {r.unanswered} "
            f"| {r.unhandled} "
            f"| {r.duplicates} | {r.lost} | {r.over_allocations} | {r.half_written} "
            f"| {r.notifications_stuck} / {r.notifications_twice} "
            f"| {r.finished} / {r.told_to_restart} / {r.stranded} "
            f"| {r.p99_ms:.0f} ms |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m chaos")
    parser.add_argument("--short", action="store_true", help="three scenarios, few users")
    parser.add_argument("--users", type=int, default=None, help="households (and donors)")
    parser.add_argument("--only", action="append", choices=SCENARIOS, help="this scenario")
    args = parser.parse_args()
    names = args.only or (SHORT if args.short else tuple(SCENARIOS))
    users = args.users or (3 if args.short else 8)
    with tempfile.TemporaryDirectory(prefix="zhulian-chaos-") as scratch:
        stack = Stack(Path(scratch))
        try:
            stack.start()
            worker = _bind_worker(stack, Load(stack.standin_url))
            rows = [scenario(stack, n, SCENARIOS[n], users, worker) for n in names]
        finally:
            stack.stop()
    print(render(rows))
    broken = [r.scenario for r in rows if not r.holds]
    if broken:
        print("BROKEN: " + ", ".join(broken))
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
