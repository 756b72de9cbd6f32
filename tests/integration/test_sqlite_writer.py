"""One SQLite writer at a time, handed over at once (storage.sqlite): a second writer waits
for the first to end its transaction, in another thread or another process, up to its
timeout; readers never wait; commit, rollback and close each give the turn back."""

from __future__ import annotations

import fcntl
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from storage import sqlite

HOLDER = """
import sys
from storage import sqlite
import sqlite3
connection = sqlite3.connect(sys.argv[1], **sqlite.connect_args(sys.argv[1]))
connection.execute("INSERT INTO t VALUES ('child')")
print("holding", flush=True)
sys.stdin.readline()
connection.commit()
"""


def _connect(path: Path, timeout: float = sqlite.LOCK_WAIT_SECONDS) -> sqlite3.Connection:
    args = sqlite.connect_args(str(path)) | {"timeout": timeout}
    return sqlite3.connect(str(path), check_same_thread=False, **args)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    database = tmp_path / "one-writer.db"
    with _connect(database) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE t (v TEXT UNIQUE)")
    return database


def _rows(path: Path) -> list[str]:
    with _connect(path) as connection:
        return sorted(v for (v,) in connection.execute("SELECT v FROM t"))


def _file_lock_free(path: Path) -> bool:
    with open(f"{path}-writer", "rb") as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(file, fcntl.LOCK_UN)
        return True


def test_a_second_writer_waits_for_the_first_commit_and_readers_never_wait(path: Path) -> None:
    first, second = _connect(path), _connect(path)
    first.execute("INSERT INTO t VALUES ('first')")
    errors: list[Exception] = []

    def write() -> None:
        try:
            second.execute("INSERT INTO t VALUES ('second')")
            second.commit()
        except sqlite3.Error as exc:
            errors.append(exc)

    waiting = threading.Thread(target=write)
    waiting.start()
    waiting.join(0.3)
    assert waiting.is_alive()  # its turn has not come
    with _connect(path) as reader:
        assert reader.execute("SELECT count(*) FROM t").fetchone() == (0,)
    first.commit()
    waiting.join(5)
    assert not waiting.is_alive() and errors == []
    assert _rows(path) == ["first", "second"]
    first.close()
    second.close()


def test_a_writer_in_another_process_holds_the_file_lock_until_it_commits(path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    command = [sys.executable, "-c", HOLDER, str(path)]
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "text": True, "cwd": root}
    with subprocess.Popen(command, **pipes) as child:  # type: ignore[call-overload]
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "holding"
        assert not _file_lock_free(path)
        impatient = _connect(path, timeout=0.2)
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            impatient.execute("INSERT INTO t VALUES ('impatient')")
        impatient.close()
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.wait(10) == 0
    assert _file_lock_free(path)
    with _connect(path, timeout=0.2) as connection:
        connection.execute("INSERT INTO t VALUES ('parent')")
    assert _rows(path) == ["child", "parent"]


@pytest.mark.parametrize("ending", ["rollback", "close", "failed statement"])
def test_every_end_of_a_write_gives_the_turn_back(path: Path, ending: str) -> None:
    first = _connect(path)
    first.execute("INSERT INTO t VALUES ('taken')")
    first.commit()
    if ending == "failed statement":
        first.isolation_level = None  # autocommit: the statement is its own transaction
        with pytest.raises(sqlite3.IntegrityError):
            first.execute("INSERT INTO t VALUES ('taken')")
    else:
        first.execute("INSERT INTO t VALUES ('undone')")
        getattr(first, ending)()
    first.close()
    with _connect(path, timeout=0.2) as connection:
        connection.execute("INSERT INTO t VALUES ('next')")
    assert _rows(path) == ["next", "taken"]
    assert _file_lock_free(path)
