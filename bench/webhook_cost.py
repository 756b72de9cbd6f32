"""What one message costs the web process, measured in process: no HTTP server, no load
generator, one message at a time. The same conversations as `make bench` (a help request to
a case number, then a pledge) go through Flask's test client into the real app (the
configured database and Redis, the running Rasa); the bare endpoint (signature and XML only)
gets the same deliveries in the same run, as the reference. Printed per message: CPU time of
this process (all its threads), SQL statements, Redis commands.

    make bench-cost                        # needs Rasa running (`make run`, or the NLU alone)
    DATABASE_URL=sqlite:///var/cost.db make bench-cost
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/zhulian make bench-cost
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from redis.connection import Connection
from sqlalchemy import event

from bench.bare_app import create_bare_app
from bench.webhook_load import user_script
from config.settings import load_settings
from web.app import create_app
from web.runtime import Runtime
from wechat_standin.signing import Account
from wechat_standin.webhook_caller import WebhookCaller, wsgi_transport

READY_SECONDS = 60


@contextmanager
def counting_redis_commands() -> Iterator[list[int]]:
    """Counts the commands this process sends to Redis (a pipeline's count as one each)."""
    count = [0]
    original = Connection.send_packed_command

    def send(self: Any, command: Any, check_health: bool = True) -> None:
        count[0] += 1
        original(self, command, check_health)

    Connection.send_packed_command = send  # type: ignore[method-assign,assignment]
    try:
        yield count
    finally:
        Connection.send_packed_command = original  # type: ignore[method-assign]


def run(send: Callable[[str, str], object], users: int) -> tuple[float, int, list[float]]:
    """CPU seconds for `users` whole conversations, the messages sent, each one's CPU."""
    each: list[float] = []
    for _ in range(users):
        openid, script = user_script()
        for text in script:
            started = time.process_time()
            send(openid, text)
            each.append(time.process_time() - started)
    return sum(each), len(each), each


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=40)
    args = parser.parse_args()
    settings = load_settings()
    account = Account(
        settings.wechat_token, settings.wechat_app_id, settings.wechat_encoding_aes_key
    )
    app = create_app(settings, warm=True)
    rt: Runtime = app.extensions["zhulian"]
    deadline = time.monotonic() + READY_SECONDS
    while not rt.ready:
        if time.monotonic() > deadline:
            raise SystemExit(f"not ready after {READY_SECONDS} s: is Rasa at {settings.nlu_url}?")
        time.sleep(0.1)
    full = WebhookCaller(account, wsgi_transport(app.test_client()), deliveries=1)
    bare = WebhookCaller(account, wsgi_transport(create_bare_app().test_client()), deliveries=1)
    run(full.send_text, 2)  # the first turns of each code path
    statements = [0]
    event.listen(rt.services.db.engine, "before_cursor_execute", lambda *_: _bump(statements))
    with counting_redis_commands() as commands:
        cpu, sent, each = run(full.send_text, args.users)
    bare_cpu, bare_sent, _ = run(bare.send_text, args.users)
    p50, p95 = (statistics.quantiles(each, n=100)[i] * 1000 for i in (49, 94))
    full_ms, bare_ms = cpu / sent * 1000, bare_cpu / bare_sent * 1000
    print(
        f"{rt.services.db.engine.dialect.name}, {sent} messages ({args.users} conversations):\n"
        f"  full stack: {full_ms:.2f} ms CPU a message (p50 {p50:.2f}, p95 {p95:.2f}); "
        f"{statements[0] / sent:.2f} SQL statements, {commands[0] / sent:.2f} Redis commands\n"
        f"  bare endpoint (reference, same run): {bare_ms:.2f} ms CPU a message\n"
        f"  full / bare CPU: {full_ms / bare_ms:.1f}x"
    )
    rt.close()


def _bump(counter: list[int]) -> None:
    counter[0] += 1


if __name__ == "__main__":
    main()
