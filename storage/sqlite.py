"""SQLite as the embedded database: its settings, and one writer at a time handed over at once.

SQLite lets one connection write at a time. One that finds the database locked waits in
SQLite's busy handler, which sleeps in growing steps (1, 2, 5, 10 … 100 ms) before it looks
again, so under load a write can sleep far longer than the lock was held: the closed-loop
benchmark's slowest replies (p99 0.6–0.9 s, max 1.6–2.5 s) were such sleeps. Here a
connection takes a writer lock before its first write and gives it back when the
transaction ends. Threads of one process wait on a thread lock, which wakes the next one the
moment it is free; across processes (two web workers, the jobs worker, the scheduler) the
thread holding its process's turn waits on an advisory file lock (`<database>-writer`) in
short polls. Both waits are bounded by the connection's `timeout`, after which the write
fails as SQLite's own wait does ("database is locked"). A process that dies holding the file
lock releases it with its descriptors. SQLite's own locking still decides what is written:
this only decides who asks first.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any

# How long a write waits for its turn (and SQLite's own busy timeout), seconds.
LOCK_WAIT_SECONDS = 5.0
# Statements that take SQLite's write lock inside a transaction (pysqlite opens one before them).
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
# Polls of the file lock while another process writes: first after 0.2 ms, then doubling to 2 ms.
_POLL_FIRST_SECONDS, _POLL_MAX_SECONDS = 0.0002, 0.002


def pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Settings for every new connection (SQLAlchemy's `connect` event)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Readers never wait for the writer; with WAL, `synchronous=NORMAL` syncs at checkpoints
    # instead of at every commit: a commit survives the process dying, and can be lost only
    # if the machine itself loses power in the moment after it (the database stays intact).
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={int(LOCK_WAIT_SECONDS * 1000)}")
    cursor.close()


def in_memory(database: str | None) -> bool:
    """Whether a URL's database is SQLite's in-memory one (no file, one connection)."""
    return database in (None, "", ":memory:")


def connect_args(database: str | None) -> dict[str, Any]:
    """`connect_args` for a SQLite URL: a file database gets the one-writer connections."""
    args: dict[str, Any] = {"timeout": LOCK_WAIT_SECONDS}
    if not in_memory(database):
        args["factory"] = OneWriterConnection
    return args


class WriterLock:
    """One writing connection at a time: a thread lock inside the process, a file lock across
    processes."""

    def __init__(self, path: str) -> None:
        self._threads = threading.Lock()
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)

    def acquire(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        if not self._threads.acquire(timeout=timeout):
            raise sqlite3.OperationalError("database is locked")
        try:
            self._take_file(deadline)
        except BaseException:
            self._threads.release()
            raise

    def _take_file(self, deadline: float) -> None:
        delay = _POLL_FIRST_SECONDS
        while True:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise sqlite3.OperationalError("database is locked") from None
                time.sleep(delay)
                delay = min(delay * 2, _POLL_MAX_SECONDS)

    def release(self) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._threads.release()


_locks: dict[tuple[str, int], WriterLock] = {}
_locks_guard = threading.Lock()


def writer_lock(database: str) -> WriterLock:
    """The process's lock for a database file (a forked child gets its own)."""
    key = (os.path.abspath(database), os.getpid())
    with _locks_guard:
        if key not in _locks:
            _locks[key] = WriterLock(f"{key[0]}-writer")
        return _locks[key]


class OneWriterConnection(sqlite3.Connection):
    """A connection that takes the writer lock before its first write and gives it back when
    its transaction ends (commit, rollback or close)."""

    def __init__(self, database: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(database, *args, **kwargs)
        self._lock = writer_lock(database)
        self._wait = float(kwargs.get("timeout", LOCK_WAIT_SECONDS))
        self._writing = False

    def before_write(self) -> None:
        if not self._writing:
            self._lock.acquire(self._wait)
            self._writing = True

    def after_write(self) -> None:
        """A write outside a transaction (autocommit) is already over."""
        if not self.in_transaction:
            self._done_writing()

    def _done_writing(self) -> None:
        if self._writing:
            self._writing = False
            self._lock.release()

    def cursor(self, factory: Any = None) -> Any:  # type: ignore[override]
        return super().cursor(factory or OneWriterCursor)

    def execute(self, sql: str, parameters: Any = (), /) -> Any:  # type: ignore[override]
        return self.cursor().execute(sql, parameters)  # the C shortcut skips `cursor()`

    def executemany(self, sql: str, parameters: Any, /) -> Any:  # type: ignore[override]
        return self.cursor().executemany(sql, parameters)

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self._done_writing()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self._done_writing()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._done_writing()

    def __exit__(self, *exc_info: Any) -> Any:  # commits or rolls back without `commit()`
        try:
            return super().__exit__(*exc_info)
        finally:
            self.after_write()


def _writes(sql: str) -> bool:
    return sql.lstrip()[:7].upper().startswith(_WRITES)


class OneWriterCursor(sqlite3.Cursor):
    """Asks its connection for the writer lock before a write statement."""

    def execute(self, sql: str, parameters: Any = (), /) -> Any:  # type: ignore[override]
        return self._run(super().execute, sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> Any:  # type: ignore[override]
        return self._run(super().executemany, sql, parameters)

    def _run(self, run: Callable[[str, Any], Any], sql: str, parameters: Any) -> Any:
        if not _writes(sql):
            return run(sql, parameters)
        self.connection.before_write()  # type: ignore[attr-defined]
        try:
            return run(sql, parameters)
        finally:
            self.connection.after_write()  # type: ignore[attr-defined]
