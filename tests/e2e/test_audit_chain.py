"""The audit trail is tamper-evident: `flask audit verify` recomputes the chain and names
the first entry that does not fit; delete-my-data erases what the trail says of a person
without breaking it."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import select, text

from jobs.audit import seal_audit_trail
from jobs.scheduler import PERIODIC
from storage import audit_chain
from storage.models import AuditEntry
from storage.repositories import audit
from tests.support.chat import file_case
from tests.support.wechat import WeChatUser


def _verify(runner: FlaskCliRunner) -> tuple[int, str]:
    result = runner.invoke(args=["audit", "verify"])
    return result.exit_code, result.output


def _trail(app: Flask) -> list[AuditEntry]:
    with app.extensions["zhulian"].services.db.session() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


@pytest.fixture
def trail(app: Flask, household: WeChatUser, dingxi_worker: WeChatUser) -> list[AuditEntry]:
    """A case filed, viewed unmasked and verified: a few entries by two people."""
    number = file_case(household)
    dingxi_worker.say(f"查看 {number} 全部")
    dingxi_worker.say(f"核实 {number} 已上门")
    with app.extensions["zhulian"].services.db.session() as session:
        audit_chain.seal(session)  # as the scheduler does every few seconds
    entries = _trail(app)
    assert len(entries) >= 5
    return entries


def _tamper(app: Flask, statement: str, entry: int) -> None:
    with app.extensions["zhulian"].services.db.engine.begin() as connection:
        connection.execute(text(statement), {"id": entry})


def test_an_untouched_trail_verifies(trail: list[AuditEntry], runner: FlaskCliRunner) -> None:
    code, output = _verify(runner)
    assert code == 0 and f"intact: {len(trail)} entries" in output


@pytest.mark.parametrize(
    ("change", "position", "reason"),
    [
        ("SET action = 'case.viewed'", 2, "its metadata"),
        ("SET target_id = 99", 2, "its metadata"),
        ("SET actor = 'o_someone_else'", -1, "its actor or detail"),
        ('SET detail = \'{"note": "x"}\'', -1, "its actor or detail"),
    ],
)
def test_a_changed_entry_is_found(
    app: Flask,
    trail: list[AuditEntry],
    runner: FlaskCliRunner,
    change: str,
    position: int,
    reason: str,
) -> None:
    target = trail[position].id
    _tamper(app, f"UPDATE audit_log {change} WHERE id = :id", target)  # noqa: S608
    code, output = _verify(runner)
    assert code == 1 and f"broken at entry {target}: {reason}" in output


def test_a_deleted_entry_breaks_the_next_link(
    app: Flask, trail: list[AuditEntry], runner: FlaskCliRunner
) -> None:
    _tamper(app, "DELETE FROM audit_log WHERE id = :id", trail[1].id)
    code, output = _verify(runner)
    assert code == 1 and f"broken at entry {trail[2].id}" in output


def test_erasure_keeps_the_chain_whole(
    app: Flask, trail: list[AuditEntry], household: WeChatUser, runner: FlaskCliRunner
) -> None:
    household.say("删除我的信息")
    assert "已删除" in household.say("确定")
    entries = _trail(app)
    assert not any(e.actor == household.openid for e in entries)
    erased = [e for e in entries if e.erased]
    assert erased and all(e.detail == {} for e in erased)
    code, output = _verify(runner)
    assert code == 0 and f"intact: {len(entries)} entries" in output


def test_entries_appended_at_once_still_form_one_chain(app: Flask, runner: FlaskCliRunner) -> None:
    """Entries join the chain at commit: transactions that audit early and commit in another
    order (each works a while after its entry) still leave one unbroken chain."""
    database = app.extensions["zhulian"].services.db

    def turn(n: int) -> None:
        with database.session() as session:
            audit(session, f"o_actor_{n}", "case.viewed", "case", n)
            session.execute(text("SELECT 1"))
            time.sleep(0.01 * (8 - n))  # the first to audit commits last

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(turn, range(8)))
    code, output = _verify(runner)
    assert code == 0 and "intact: 8 entries" in output, output


def test_entries_written_since_the_last_seal_are_counted_then_sealed(
    app: Flask, trail: list[AuditEntry], runner: FlaskCliRunner
) -> None:
    database = app.extensions["zhulian"].services.db
    with database.session() as session:
        audit(session, "o_late", "case.viewed", "case", 1)
    with database.session() as session:
        assert audit_chain.verify(session).unsealed == 1
    code, output = _verify(runner)  # seals first
    assert code == 0 and f"intact: {len(trail) + 1} entries" in output


def test_the_scheduled_job_seals_what_was_written(app: Flask) -> None:
    database = app.extensions["zhulian"].services.db
    with database.session() as session:
        audit(session, "o_someone", "case.viewed", "case", 7)
    assert seal_audit_trail() == 1
    with database.session() as session:
        assert audit_chain.verify(session).unsealed == 0
    assert any(job.job == "jobs.audit.seal_audit_trail" for job in PERIODIC)
