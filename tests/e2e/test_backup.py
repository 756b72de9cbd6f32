"""Backups restore, and only the right key reads them: the documented commands (README,
"Backups") dump the database, restore it into a fresh one, and a case's personal fields
decrypt with DATA_ENCRYPTION_KEY; with another key they do not."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from storage import crypto
from storage.models import HouseholdProfile
from tests.support.chat import file_case
from tests.support.config import postgres_database
from tests.support.wechat import WeChatUser


def _restored_copy(source_url: str, tmp_path: Path) -> Iterator[str]:
    """The documented dump and restore, into a new database; its URL."""
    dump = tmp_path / "zhulian.dump"
    if source_url.startswith("sqlite"):
        copy = tmp_path / "restored.db"
        source = source_url.removeprefix("sqlite:///")
        subprocess.run(["sqlite3", source, f".backup '{dump}'"], check=True)
        copy.write_bytes(dump.read_bytes())
        yield f"sqlite:///{copy}"
        return
    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", source_url], check=True)
    for target in postgres_database():
        subprocess.run(["pg_restore", "--no-owner", f"--dbname={target}", str(dump)], check=True)
        yield target


def _names(url: str) -> list[str | None]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with Session(engine) as session:
            return [p.name for p in session.scalars(select(HouseholdProfile))]
    finally:
        engine.dispose()


def test_a_restored_backup_reads_back_with_the_key_only(
    app: Flask, household: WeChatUser, tmp_path: Path
) -> None:
    file_case(household)
    settings = app.extensions["zhulian"].settings
    for restored in _restored_copy(settings.database_url, tmp_path):
        assert _names(restored) == ["王秀英"]
        crypto.configure(crypto.generate_key())  # a deployment that lost its key
        try:
            with pytest.raises(ValueError, match="cannot decrypt"):
                _names(restored)
        finally:
            crypto.configure(settings.data_encryption_key)
