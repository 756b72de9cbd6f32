"""Console benchmark: the queue, statistics and pledges pages with 100k cases and 100k
pledges in PostgreSQL. Server time per page (the app in-process, Flask's test client, so
no network), p50 and p95 over repeated requests, and the SQL statements each page runs,
compared between two page numbers, two page sizes and two volumes: a constant count means
no N+1. The reference in the same run is the sign-in page (a template, no database).

    .venv/bin/python -m bench.console_pages            # about two minutes
    .venv/bin/python -m bench.console_pages --cases 10000 --repeat 10
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import psycopg
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, insert

from config.settings import load_settings
from domain.sign_in import create_link
from nlu.regions import region_index
from storage import migrate
from storage.models import (
    Case,
    HouseholdProfile,
    Match,
    MatchRun,
    Pledge,
    ResourceKind,
    utcnow,
)
from storage.repositories import get_or_create_user
from storage.social_work import add_operator
from vocabulary import NEED_ORDER
from web.app import create_app
from web.console.stats import CACHE_PREFIX

ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
DATABASE = "zhulian_console_bench"
TARGET_P95_MS = 200
STATUSES = ("submitted", "verified", "partly_matched", "matched", "delivered", "closed", "rejected")
CAUSES = ("因病", "因残", "因学", "因灾", "缺劳力", "缺技术", None)
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def fresh_database() -> str:
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DATABASE}"')
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{DATABASE}"
    migrate.upgrade(url)
    return url


def seed(app: Flask, cases: int, pledges: int) -> None:
    """Cases over real counties (a fifth in 甘肃), each with its own encrypted household
    profile; pledges; a match for every tenth case. Bulk inserts, in batches."""
    rng = random.Random(7)
    counties = sorted(c for c, r in region_index().by_code.items() if r.level == "county")
    gansu = [c for c in counties if c.startswith("62")]
    now = utcnow()
    db = app.extensions["zhulian"].services.db
    with db.session() as session:
        donor = get_or_create_user(session, "o_bench_donor")
        household = get_or_create_user(session, "o_bench_household")
        run = MatchRun(run_key="bench")
        session.add(run)
        session.flush()
        donor_id, household_id, run_id = donor.id, household.id, run.id
    for start in range(0, cases, 10_000):
        batch = range(start, min(start + 10_000, cases))
        regions = [rng.choice(gansu) if rng.random() < 0.2 else rng.choice(counties) for _ in batch]
        with db.session() as session:
            session.execute(
                insert(HouseholdProfile),
                [
                    {
                        "user_id": household_id,
                        "name": "王秀英",
                        "phone": "13800138000",
                        "id_number": "11010519491231002X",
                        "region_code": region,
                        "household_size": 4,
                        "created_at": now,
                    }
                    for region in regions
                ],
            )
        with db.session() as session:
            session.execute(
                insert(Case),
                [
                    {
                        "user_id": household_id,
                        "profile_id": i + 1,
                        "need_type": rng.choice(NEED_ORDER),
                        "poverty_cause": rng.choice(CAUSES),
                        "description": "孩子他爸住院做手术，家里拿不出钱",
                        "amount_needed": rng.randint(5, 400) * 100,
                        "amount_matched": 0,
                        "region_code": region,
                        "urgency": rng.randint(1, 3),
                        "status": rng.choice(STATUSES),
                        "flags": [{"code": "age", "reason": "r"}] if rng.random() < 0.1 else [],
                        "submitted_at": now - timedelta(days=rng.uniform(0, 365)),
                        "updated_at": now,
                    }
                    for i, region in zip(batch, regions, strict=True)
                ],
            )
    with db.session() as session:
        session.execute(
            insert(Pledge),
            [
                {
                    "donor_id": donor_id,
                    "kind": ResourceKind.MONEY,
                    "amount": rng.randint(1, 100) * 100,
                    "amount_allocated": 0,
                    "status": "open",
                    "display_name": "李明",
                    "created_at": now - timedelta(days=rng.uniform(0, 365)),
                    "updated_at": now,
                }
                for _ in range(pledges)
            ],
        )
        session.execute(
            insert(Match),
            [
                {
                    "case_id": case_id,
                    "pledge_id": case_id,
                    "run_id": run_id,
                    "amount": 100,
                    "status": rng.choice(("proposed", "confirmed", "delivered")),
                    "reason": "bench",
                    "created_at": now - timedelta(days=rng.uniform(0, 30)),
                }
                for case_id in range(1, min(cases, pledges) + 1, 10)
            ],
        )
    with db.session() as session:
        session.connection().exec_driver_sql("ANALYZE")


@contextmanager
def counting(app: Flask) -> Iterator[list[str]]:
    statements: list[str] = []
    engine = app.extensions["zhulian"].services.db.engine

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def signed_in(app: Flask) -> FlaskClient:
    """An operator's console (sees every case: the largest scope)."""
    with app.extensions["zhulian"].services.db.session() as session:
        user = get_or_create_user(session, "o_bench_operator")
        add_operator(session, user, "bench", "bench")
        token = create_link(session, user, 10)
    client = app.test_client()
    page = client.get(f"/console/link/{token}").get_data(as_text=True)
    csrf = TOKEN.search(page)
    client.post(f"/console/link/{token}", data={"csrf_token": csrf.group(1) if csrf else ""})
    return client


def measure(
    client: FlaskClient, app: Flask, path: str, repeat: int, computed: bool = False
) -> tuple[float, float, int]:
    """p50 and p95 in ms, and the statements one request runs. `computed`: the statistics
    cache is emptied before each request, so every one computes its figures."""
    redis = app.extensions["zhulian"].services.redis

    def forget() -> None:
        if computed:
            for key in redis.scan_iter(f"{CACHE_PREFIX}*"):
                redis.delete(key)

    client.get(path)  # warm
    times = []
    for _ in range(repeat):
        forget()
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    forget()
    with counting(app) as statements:
        client.get(path)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], len(statements)


PAGES = (  # (label, path, statistics computed rather than from the minute's cache)
    ("queue", "/console/queue", False),
    ("queue, page 50", "/console/queue?page=50", False),
    ("queue, all statuses", "/console/queue?status=all", False),
    (
        "queue, filtered",
        "/console/queue?status=all&need=medical&region=甘肃省&flagged=1&days=30",
        False,
    ),
    ("queue, by number", "/console/queue?q=Q000123", False),
    ("statistics, 90 days", "/console/statistics", True),
    ("statistics, all time", "/console/statistics?from=2000-01-01", True),
    ("statistics, cached", "/console/statistics", False),
    ("pledges", "/console/pledges", False),
    ("pledges, page 50", "/console/pledges?page=50", False),
    ("case", "/console/cases/123", False),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--pledges", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    url = fresh_database()
    settings = load_settings().with_overrides(
        database_url=url, redis_url="redis://127.0.0.1:6379/12"
    )
    app = create_app(settings)
    started = time.perf_counter()
    seed(app, args.cases, args.pledges)
    took = time.perf_counter() - started
    print(f"seeded {args.cases} cases, {args.pledges} pledges in {took:.0f} s")
    client = signed_in(app)
    p50, p95, _ = measure(client, app, "/console/sign-in", args.repeat)
    print(f"reference: the sign-in page (template only) p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"{'page':<26}{'p50 ms':>8}{'p95 ms':>8}{'target':>8}{'queries':>9}")
    for label, path, computed in PAGES:
        p50, p95, queries = measure(client, app, path, args.repeat, computed)
        verdict = "ok" if p95 <= TARGET_P95_MS else "OVER"
        print(f"{label:<26}{p50:>8.1f}{p95:>8.1f}{TARGET_P95_MS:>6} {verdict:<4}{queries:>5}")
    app.extensions["zhulian"].close()


if __name__ == "__main__":
    main()
