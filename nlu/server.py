"""Starting and waiting for the Rasa NLU server (its own Python 3.10 virtualenv)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

NLU_DIR = Path(__file__).resolve().parent
MODEL_PATH = NLU_DIR / "models" / "zhulian.tar.gz"
RASA_BIN = NLU_DIR.parent / ".venv-nlu" / "bin" / "rasa"


def is_ready(url: str, timeout: float = 1.0) -> bool:
    """True when the server answers and has a model loaded."""
    try:
        response = requests.get(f"{url.rstrip('/')}/status", timeout=timeout)
        return response.ok and bool(response.json().get("model_file"))
    except (requests.RequestException, ValueError):
        return False


def start(port: int, log_path: Path) -> subprocess.Popen[bytes]:
    """Start `rasa run --enable-api` on 127.0.0.1:port with the project's trained model."""
    if not RASA_BIN.exists():
        raise FileNotFoundError(f"{RASA_BIN} missing: run `make setup` first")
    if not MODEL_PATH.exists():
        raise FileNotFoundError(f"{MODEL_PATH} missing: run `make nlu-model` first")
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}
    argv = [str(RASA_BIN), "run", "--enable-api", "-m", str(MODEL_PATH)]
    argv += ["-i", "127.0.0.1", "-p", str(port)]
    with log_path.open("ab") as log:  # the child keeps its own handle
        return subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            argv, cwd=NLU_DIR, stdout=log, stderr=subprocess.STDOUT, env=env
        )


def wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 240.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the Rasa server exited with code {process.returncode}")
        if is_ready(url):
            return
        time.sleep(1)
    raise TimeoutError(f"the Rasa server at {url} was not ready after {timeout:.0f} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(
    log_path: Path, existing: str = "", announce: bool = False
) -> Iterator[tuple[str, subprocess.Popen[bytes] | None]]:
    """(url, process): the server at `existing` when it answers, else a Rasa server started
    on a free port for the block (process is None when nothing was started)."""
    if existing and is_ready(existing, timeout=3):
        yield existing, None
        return
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    if announce:
        print(f"starting a Rasa server at {url} (log: {log_path})", file=sys.stderr, flush=True)
    process = start(port, log_path)
    try:
        wait_ready(url, process)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=30)
