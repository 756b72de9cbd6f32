"""An S3-compatible server for the object store's tests, over HTTP on a free port: MinIO when
its binary is installed (MINIO_BINARY, or `minio` on the PATH), otherwise moto's S3 server
(`moto_server`, from requirements-dev.txt): no MinIO build is published on PyPI, npm or
Debian, the registries this project installs from."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from nlu.server import free_port

ACCESS_KEY = "zhulian-test"
SECRET_KEY = "zhulian-test-secret"


def _minio_binary() -> str | None:
    return os.environ.get("MINIO_BINARY") or shutil.which("minio")


def _command(port: int, data_dir: Path) -> tuple[list[str], str]:
    """The server's command line, and a URL that answers once it is up."""
    minio = _minio_binary()
    if minio:
        command = [minio, "server", str(data_dir), "--address", f"127.0.0.1:{port}", "--quiet"]
        return command, f"http://127.0.0.1:{port}/minio/health/live"
    moto = Path(sys.executable).with_name("moto_server")
    return [str(moto), "-H", "127.0.0.1", "-p", str(port)], f"http://127.0.0.1:{port}/"


@contextmanager
def s3_server(data_dir: Path) -> Iterator[str]:
    """A running server; yields the store URL (credentials and a bucket) to use with it."""
    port = free_port()
    command, ready = _command(port, data_dir)
    env = {**os.environ, "MINIO_ROOT_USER": ACCESS_KEY, "MINIO_ROOT_PASSWORD": SECRET_KEY}
    log = (data_dir / "s3.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        _wait(ready, process)
        yield f"http://{ACCESS_KEY}:{SECRET_KEY}@127.0.0.1:{port}/zhulian-media"
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def _wait(url: str, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the S3 server exited ({process.returncode})")
        try:
            if requests.get(url, timeout=1).status_code < 500:
                return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError("the S3 server did not start")


def server_name() -> str:
    return "MinIO" if _minio_binary() else "moto"
