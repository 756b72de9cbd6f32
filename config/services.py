"""Make sure the services the project needs answer, starting local ones when possible.

`python -m config.services redis postgres` — used by `make run` and `make test`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import psycopg
from redis import Redis
from redis.exceptions import RedisError

from config.settings import PROJECT_ROOT, load_settings

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def _wait(check: object, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.3)
    return False


def _redis_answers(url: str) -> bool:
    try:
        with Redis.from_url(url, socket_connect_timeout=1) as redis:
            return bool(redis.ping())
    except RedisError:
        return False


def ensure_redis(url: str) -> None:
    if _redis_answers(url):
        return
    parsed = urlparse(url)
    binary = shutil.which("redis-server")
    if parsed.hostname not in LOCAL_HOSTS or binary is None:
        sys.exit(
            f"No Redis answers at {url}. Install and start one "
            "(Debian/Ubuntu: `apt-get install redis-server`), or set REDIS_URL."
        )
    var = PROJECT_ROOT / "var"
    var.mkdir(exist_ok=True)
    print(f"starting a local redis-server on port {parsed.port or 6379}", flush=True)
    subprocess.run(  # noqa: S603 - fixed argv
        [
            binary,
            "--daemonize",
            "yes",
            "--bind",
            "127.0.0.1",
            "--port",
            str(parsed.port or 6379),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(var),
            "--logfile",
            str(var / "redis.log"),
        ],
        check=True,
    )
    if not _wait(lambda: _redis_answers(url)):
        sys.exit(f"redis-server was started but does not answer at {url}; see var/redis.log")


def _postgres_answers(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=2):
            return True
    except psycopg.Error:
        return False


def ensure_postgres(url: str) -> None:
    if _postgres_answers(url):
        return
    clusters = sorted(Path("/etc/postgresql").glob("*/main"))
    pg_ctlcluster = shutil.which("pg_ctlcluster")
    if urlparse(url).hostname not in LOCAL_HOSTS or not clusters or pg_ctlcluster is None:
        sys.exit(
            f"No PostgreSQL answers at {url}. Install and start one "
            "(Debian/Ubuntu: `apt-get install postgresql`), or set TEST_POSTGRES_ADMIN_URL."
        )
    version = clusters[-1].parent.name
    print(f"starting the local PostgreSQL {version} cluster", flush=True)
    subprocess.run(  # noqa: S603 - fixed argv
        [pg_ctlcluster, "--skip-systemctl-redirect", version, "main", "start"], check=False
    )
    if not _wait(lambda: _postgres_answers(url), 30):
        sys.exit(f"PostgreSQL was started but does not answer at {url}")


def main(argv: list[str]) -> None:
    import os

    for name in argv:
        if name == "redis":
            ensure_redis(os.environ.get("TEST_REDIS_URL") or load_settings().redis_url)
        elif name == "postgres":
            ensure_postgres(
                os.environ.get(
                    "TEST_POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
                )
            )
        else:
            sys.exit(f"unknown service {name!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
