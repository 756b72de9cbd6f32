"""Engine and sessions. One `Database` per process, configured by the app factory."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.orm import Session, sessionmaker

from storage import sqlite

# Connections kept open per process (a web worker has up to 16 messages in hand at once;
# more than this are opened when needed and closed after).
POOL_SIZE = 10
POOL_OVERFLOW = 20


class Database:
    """Holds the engine and hands out transactional sessions."""

    def __init__(self) -> None:
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None

    def configure(self, url: str) -> None:
        if url.startswith("postgresql://"):
            url = url.replace("postgresql://", "postgresql+psycopg://", 1)
        options: dict[str, Any] = {"pool_pre_ping": True}
        database = make_url(url).database
        if not sqlite.in_memory(database):  # in memory: one connection
            options |= {"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW}
        if url.startswith("sqlite"):
            options["connect_args"] = sqlite.connect_args(database)
        engine = create_engine(url, **options)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", sqlite.pragmas)
        if self._engine is not None:
            self._engine.dispose()
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("database is not configured")
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on error."""
        if self._sessions is None:
            raise RuntimeError("database is not configured")
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def rolled_back(self) -> Iterator[Session]:
        """A session whose transaction is always rolled back (warming up, dry runs)."""
        with self.engine.connect() as connection, Session(bind=connection) as session:
            try:
                yield session
            finally:
                connection.rollback()

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))


db = Database()
