"""No personal data in plaintext at rest, anywhere: a case and a pledge are filled with known
values, then the database file (WAL included), every Redis key (job payloads decompressed),
the project's `var/` and the captured logs are searched for each value. Mid-flow too: the
conversation state and the cached reply of the summary step hold the name, the ID and the
phone number."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from flask import Flask
from redis import Redis

from config.settings import PROJECT_ROOT
from tests.support.chat import HOUSEHOLD_ANSWERS, proposal_for, run_worker
from tests.support.wechat import WeChatUser

NAME, ID_NUMBER, PHONE = "王秀英", "11010519491231002X", "13800138000"
DONOR_NAME, DONOR_PHONE = "陈志远", "13912345678"
SECRETS = (NAME, ID_NUMBER, PHONE, DONOR_PHONE)


def _redis_bytes(redis_url: str) -> dict[str, bytes]:
    """Every value of every key, as bytes; RQ job payloads decompressed."""
    found: dict[str, bytes] = {}
    with Redis.from_url(redis_url) as redis:
        for raw_key in redis.scan_iter():
            key = raw_key.decode()
            kind = redis.type(raw_key).decode()
            if kind == "string":
                parts = [redis.get(raw_key) or b""]
            elif kind == "hash":
                parts = [_maybe_unzipped(value) for value in redis.hgetall(raw_key).values()]
            elif kind == "list":
                parts = redis.lrange(raw_key, 0, -1)
            elif kind == "set":
                parts = list(redis.smembers(raw_key))
            elif kind == "zset":
                parts = redis.zrange(raw_key, 0, -1)
            else:  # streams and the like are not used
                parts = []
            found[key] = b"\n".join(parts)
    return found


def _maybe_unzipped(value: bytes) -> bytes:
    try:
        return value + zlib.decompress(value)
    except zlib.error:
        return value


def _leaks(named: dict[str, bytes]) -> list[tuple[str, str]]:
    return [(where, s) for where, blob in named.items() for s in SECRETS if s.encode() in blob]


def _var_files() -> dict[str, bytes]:
    """Files the service writes under var/ (logs, local data); models and archives skipped."""
    var = PROJECT_ROOT / "var"
    files = [p for p in var.rglob("*") if p.is_file() and p.stat().st_size < 5_000_000]
    return {str(p): p.read_bytes() for p in files}


def _database_files(app: Flask) -> dict[str, bytes]:
    engine = app.extensions["zhulian"].services.db.engine
    database = Path(engine.url.database or "")
    return {str(p): p.read_bytes() for p in database.parent.glob(database.name + "*")}


def test_nothing_personal_in_plaintext_mid_flow_or_after(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    redis_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    household.say("我想求助")
    summary = household.conversation(*HOUSEHOLD_ANSWERS)[-1]
    assert NAME in summary  # the summary shows the name: its cached copy must not
    assert _leaks(_redis_bytes(redis_url)) == []

    household.say("确认")
    assert "已核实" in dingxi_worker.say("核实 Q000001")
    donor.conversation("我想捐五千", "1", "不限", DONOR_NAME, DONOR_PHONE, "确认")
    run_worker(redis_url)  # the matcher proposes, the worker is told
    assert proposal_for(dingxi_worker) == "M000001"
    full = dingxi_worker.say("查看 Q000001 全部")  # an unmasked view: its reply is cached too
    assert ID_NUMBER in full

    stored = _redis_bytes(redis_url)
    if app.extensions["zhulian"].services.db.engine.dialect.name == "sqlite":
        stored |= _database_files(app)
    stored |= _var_files()
    stored["logs"] = caplog.text.encode()
    assert _leaks(stored) == []
