"""The stack the campaign runs and breaks: its own Redis and PostgreSQL in a scratch
directory (the shared servers are never touched), and the service's processes from
`Procfile.dev`, each started on its own so that each can be killed and brought back."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import requests
from redis import Redis

from config.settings import PROJECT_ROOT
from storage import migrate


def _postgres_bin() -> Path:
    """Where initdb and pg_ctl live: Debian's versioned directory (newest), else the PATH."""
    versioned = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts)
    if versioned:
        return versioned[-1].parent
    found = shutil.which("initdb")
    if found is None:
        raise RuntimeError("the fault campaign needs PostgreSQL's initdb and pg_ctl")
    return Path(found).parent


PG_BIN = _postgres_bin()
PROCESSES = ("standin", "nlu", "web", "worker", "scheduler")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(check: object, what: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if callable(check) and check():
                return
        except Exception:  # noqa: BLE001,S110 - not up yet
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{what} did not come up within {seconds:.0f} s")


@dataclass
class OwnRedis:
    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        argv = ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"]
        argv += ["--dir", str(self.workdir)]
        self.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL)  # noqa: S603
        _wait_for(lambda: Redis.from_url(self.url).ping(), "Redis")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def restart(self) -> None:
        """Down and up again, empty: every key (claims, states, queued jobs) is gone."""
        self.stop()
        self.start()


@dataclass
class OwnPostgres:
    workdir: Path
    port: int = field(default_factory=free_port)

    @property
    def data(self) -> Path:
        return self.workdir / "pgdata"

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/zhulian"

    def _as_owner(self, *argv: str) -> None:
        """PostgreSQL refuses to run as root: then as the `postgres` system user."""
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *argv], check=True, stdout=subprocess.DEVNULL)  # noqa: S603

    def _ctl(self, *args: str) -> None:
        log = self.data / "postgres.log"
        self._as_owner(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(log), *args)

    def start(self) -> None:
        self.data.mkdir()
        if os.geteuid() == 0:
            self.workdir.chmod(0o755)  # the postgres user reaches its data directory
            shutil.chown(self.data, "postgres", "postgres")
        initdb = str(PG_BIN / "initdb")
        self._as_owner(initdb, "-D", str(self.data), "-U", "postgres", "-A", "trust")
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"
        self._ctl("-o", options, "-w", "start")
        admin = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute("CREATE DATABASE zhulian")
        migrate.upgrade(self.url)

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._ctl("-m", "immediate", "stop")

    def terminate_connections(self) -> int:
        """pg_terminate_backend on every connection of the service; how many."""
        admin = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            rows = connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = 'zhulian' AND pid <> pg_backend_pid()"
            ).fetchall()
        return len(rows)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Every process of the cluster stopped (SIGSTOP) for the block: a database that hangs."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        pids = [postmaster, *_children(postmaster)]
        for pid in pids:
            os.kill(pid, signal.SIGSTOP)
        try:
            yield
        finally:
            for pid in pids:
                os.kill(pid, signal.SIGCONT)


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().split()[3]) == parent:
                found.append(int(entry.name))
        except (OSError, ValueError):
            continue  # gone meanwhile
    return found


def _procfile() -> dict[str, str]:
    lines = (PROJECT_ROOT / "Procfile.dev").read_text(encoding="utf-8").splitlines()
    return dict(line.split(": ", 1) for line in lines if ": " in line)


@dataclass
class Stack:
    """Redis, PostgreSQL and the five processes, wired to each other on free ports."""

    workdir: Path
    redis: OwnRedis = field(init=False)
    postgres: OwnPostgres = field(init=False)
    ports: dict[str, int] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.redis = OwnRedis(self.workdir)
        self.postgres = OwnPostgres(self.workdir)
        self.ports = {name: free_port() for name in ("web", "nlu", "standin")}

    @property
    def environment(self) -> dict[str, str]:
        standin = f"http://127.0.0.1:{self.ports['standin']}"
        return {
            **os.environ,
            "DATABASE_URL": self.postgres.url,
            "REDIS_URL": self.redis.url,
            "WEB_PORT": str(self.ports["web"]),
            "NLU_PORT": str(self.ports["nlu"]),
            "NLU_URL": f"http://127.0.0.1:{self.ports['nlu']}",
            "STANDIN_PORT": str(self.ports["standin"]),
            "STANDIN_URL": standin,
            "WECHAT_API_BASE_URL": standin,
        }

    @property
    def web_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['web']}"

    @property
    def standin_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['standin']}"

    def start(self) -> None:
        self.redis.start()
        self.postgres.start()
        for name in PROCESSES:
            self.start_process(name)
        self.wait_ready()

    def wait_ready(self) -> None:
        """The web process and Rasa answer (Rasa takes ~10 s after a restart)."""
        _wait_for(lambda: requests.get(f"{self.web_url}/healthz", timeout=2).ok, "web", 90)
        nlu = f"http://127.0.0.1:{self.ports['nlu']}/status"
        _wait_for(lambda: requests.get(nlu, timeout=2).ok, "Rasa", 120)

    def start_process(self, name: str) -> None:
        log = (self.workdir / f"{name}.log").open("ab")
        command = _procfile()[name]
        self.processes[name] = subprocess.Popen(  # noqa: S603 - the project's own Procfile
            ["/bin/bash", "-c", command if command.startswith("cd ") else f"exec {command}"],
            cwd=PROJECT_ROOT,
            env=self.environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        process = self.processes[name]
        os.killpg(process.pid, sig)
        process.wait()

    def kill_child(self, name: str) -> None:
        """SIGKILL one child of a process (a gunicorn worker of `web`)."""
        children = _children(self.processes[name].pid)
        if children:
            os.kill(children[0], signal.SIGKILL)

    def restart(self, name: str) -> None:
        self.kill(name)
        self.start_process(name)

    def stop(self) -> None:
        for name in reversed(PROCESSES):
            if name in self.processes and self.processes[name].poll() is None:
                self.kill(name, signal.SIGTERM)
        self.postgres.stop()
        self.redis.stop()


def shell(command: str, environment: dict[str, str]) -> str:
    """Run a project command (a flask sub-command) against the campaign's stack."""
    result = subprocess.run(  # noqa: S603
        shlex.split(command), cwd=PROJECT_ROOT, env=environment, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"{command} failed: {result.stderr[-500:]}")
    return result.stdout
