"""What must hold after every scenario, read from the database, the stand-in's record of
what reached users, and the load's own record of what it sent and got back."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import requests
from sqlalchemy import create_engine, text

import messages as msg
from chaos.load import Sent
from config.settings import load_settings
from storage.crypto import FieldCipher

_DONE = re.compile(r"[QJ]\d{6}")
# What a user whose conversation could not go on is told: start again, or send it again.
_RESTART = (msg.STATE_LOST.splitlines()[0], msg.BUSY)


def _outcomes(sent: list[Sent], pushes: dict[str, list[tuple[float, str]]]) -> tuple[int, int, int]:
    """Scripted users who finished (got a case or pledge number, at once or pushed later),
    who were told to start again or resend, and who were left stranded with neither."""
    by_user: dict[str, list[Sent]] = {}
    for s in sent:
        by_user.setdefault(s.openid, []).append(s)
    finished = told = stranded = 0
    for openid, said in by_user.items():
        replies = [s.reply or "" for s in said] + [body for _, body in pushes.get(openid, [])]
        if any(_DONE.search(reply) for reply in replies):
            finished += 1
        elif any(line in reply for reply in replies for line in _RESTART):
            told += 1
        else:
            stranded += 1
    return finished, told, stranded


@dataclass(frozen=True)
class Row:
    scenario: str
    messages: int
    replies: int
    pushed: int
    unanswered: int  # neither answered at once nor pushed later: a reply lost
    unhandled: int
    duplicates: int
    lost: int
    over_allocations: int
    half_written: int
    notifications_stuck: int
    notifications_twice: int
    finished: int
    told_to_restart: int
    stranded: int
    p99_ms: float

    @property
    def holds(self) -> bool:
        return not (
            self.lost
            or self.unanswered
            or self.duplicates
            or self.over_allocations
            or self.half_written
            or self.notifications_stuck
            or self.notifications_twice
            or self.stranded
        )


_OVER = """
SELECT count(*) FROM (
  SELECT p.id FROM pledges p JOIN matches m ON m.pledge_id = p.id
  WHERE m.status <> 'declined' AND p.amount IS NOT NULL
  GROUP BY p.id, p.amount HAVING sum(coalesce(m.amount, 0)) > p.amount
  UNION ALL
  SELECT c.id FROM cases c JOIN matches m ON m.case_id = c.id
  WHERE m.status <> 'declined' AND c.amount_needed IS NOT NULL
  GROUP BY c.id, c.amount_needed HAVING sum(coalesce(m.amount, 0)) > c.amount_needed
) AS over
"""
_HALF = """
SELECT (SELECT count(*) FROM cases WHERE profile_id IS NULL OR status IS NULL)
     + (SELECT count(*) FROM pledges WHERE donor_id IS NULL OR status IS NULL)
"""
_CASES_PER_USER = """
SELECT u.openid, count(*) FROM cases c JOIN users u ON u.id = c.user_id
WHERE u.openid LIKE :prefix GROUP BY u.openid
"""
_PLEDGES_PER_USER = """
SELECT u.openid, count(*) FROM pledges p JOIN users u ON u.id = p.donor_id
WHERE u.openid LIKE :prefix GROUP BY u.openid
"""
_LOGGED = "SELECT dedup_key, outcome FROM inbound_messages WHERE openid LIKE :prefix"
_STUCK = "SELECT count(*) FROM notifications WHERE status IN ('pending', 'sending')"
_NOTIFIED = """
SELECT n.id, u.openid, n.text FROM notifications n JOIN users u ON u.id = n.user_id
WHERE n.created_at >= :since
"""


def _without_link(content: str) -> str:
    """A customer-service text as its row holds it (the sender adds the console link)."""
    return content.split("\n" + msg.OPEN_IN_CONSOLE.split("{", 1)[0], 1)[0]


def _notified_twice(notified: Sequence[tuple[Any, ...]], sent: list[dict]) -> int:
    """Notifications that reached their user more than once: a customer-service text seen
    more often than rows carry it, a template message whose client_msg_id repeats."""
    cipher = FieldCipher(load_settings().data_encryption_key)
    rows = Counter((openid, cipher.decrypt(body)) for _, openid, body in notified)
    texts = Counter(
        (item["touser"], _without_link(item["content"])) for item in sent if item["api"] == "custom"
    )
    ids = Counter(item.get("client_msg_id") for item in sent if item["api"] == "template")
    ours = {f"zhulian-{row_id}" for row_id, *_ in notified}
    return sum(max(0, texts[key] - n) for key, n in rows.items()) + sum(
        n - 1 for msg_id, n in ids.items() if msg_id in ours
    )


def _pushes(sent: list[dict], prefix: str) -> dict[str, list[tuple[float, str]]]:
    """What reached each user later (customer-service and template messages), with when."""
    found: dict[str, list[tuple[float, str]]] = {}
    for item in sent:
        if str(item.get("touser", "")).startswith(prefix):
            body = str(item.get("content") or item.get("data") or "")
            found.setdefault(item["touser"], []).append((float(item["at"]), body))
    return found


def check(
    scenario: str, prefix: str, since: float, sent: list[Sent], database_url: str, standin_url: str
) -> Row:
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"))
    like = {"prefix": f"{prefix}%"}
    started = {"since": datetime.fromtimestamp(since, UTC)}
    with engine.connect() as connection:
        over = int(connection.execute(text(_OVER)).scalar_one())
        half = int(connection.execute(text(_HALF)).scalar_one())
        cases = connection.execute(text(_CASES_PER_USER), like).all()
        pledges = connection.execute(text(_PLEDGES_PER_USER), like).all()
        logged: dict[str, str] = dict(connection.execute(text(_LOGGED), like).tuples().all())
        stuck = int(connection.execute(text(_STUCK)).scalar_one())
        notified = connection.execute(text(_NOTIFIED), started).tuples().all()
    engine.dispose()
    record = requests.get(f"{standin_url}/standin/sent", timeout=10).json()
    pushes = _pushes(record, prefix)
    ours = [s for s in sent if s.openid.startswith(prefix)]
    first: dict[int, Sent] = {}
    for s in ours:  # a message delivered again counts once: its first delivery
        first.setdefault(s.msg_id, s)
    replied = [s for s in first.values() if s.reply]
    silent = [s for s in first.values() if not s.reply]
    pushed = [s for s in silent if any(at >= s.at for at, _ in pushes.get(s.openid, []))]
    # Lost: never handled nor logged as unhandled (the inbound log is written in the
    # handling transaction, so a message that reached the code is in it either way).
    lost = sum(1 for s in first.values() if f"msg:{s.msg_id}" not in logged)
    unhandled = [key for key, outcome in logged.items() if outcome != "handled"]
    finished, told, stranded = _outcomes(ours, pushes)
    latencies = sorted(s.seconds for s in ours)
    p99 = statistics.quantiles(latencies, n=100)[98] * 1000 if len(latencies) > 1 else 0.0
    return Row(
        scenario=scenario,
        messages=len(first),
        replies=len(replied),
        pushed=len(pushed),
        unanswered=len(silent) - len(pushed),
        unhandled=len(unhandled),
        duplicates=sum(n - 1 for _, n in cases) + sum(n - 1 for _, n in pledges),
        lost=lost,
        over_allocations=over,
        half_written=half,
        notifications_stuck=stuck,
        notifications_twice=_notified_twice(notified, [i for i in record if i["at"] >= since]),
        finished=finished,
        told_to_restart=told,
        stranded=stranded,
        p99_ms=p99,
    )
