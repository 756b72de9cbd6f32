"""`python -m jobs worker` runs an RQ worker on every queue; `python -m jobs scheduler` runs
the one periodic scheduler (a second one stands by)."""

from __future__ import annotations

import argparse
import logging

from redis import Redis

from config.settings import load_settings
from jobs import worker
from jobs.scheduler import run_scheduler


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m jobs")
    sub = parser.add_subparsers(dest="command", required=True)
    worker_args = sub.add_parser("worker", help="run an RQ worker (with retry scheduling)")
    worker_args.add_argument("--burst", action="store_true", help="exit when the queues are empty")
    sub.add_parser("scheduler", help="run the periodic scheduler")
    args = parser.parse_args()
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    settings = load_settings()
    connection = Redis.from_url(settings.redis_url)
    if args.command == "scheduler":
        run_scheduler(connection)
        return
    # RQ logs every job at INFO; WARNING keeps failures and retries visible, not routine.
    worker.run(settings, connection, with_scheduler=True, burst=args.burst, logging_level="WARNING")


if __name__ == "__main__":
    main()
