"""`python -m config.launch`: run the Procfile's processes with honcho, the environment
winning over `.env` (honcho on its own lets `.env` override what is exported, so
`WEB_PORT=9000 make run` would still serve on 8000).

The Rasa server `make run` starts listens on `NLU_PORT`; the web process is pointed at it.
An exported `NLU_URL` elsewhere is replaced, and said so, instead of silently talking to
another copy's Rasa. Likewise a local WeChat stand-in URL follows `STANDIN_PORT`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlparse

from dotenv import dotenv_values

from config.settings import PROJECT_ROOT

DEFAULT_NLU_PORT = "5005"
DEFAULT_STANDIN_PORT = "8100"
LOOPBACK = ("127.0.0.1", "localhost")


def merged_environment(exported: Mapping[str, str], env_file: Path) -> dict[str, str]:
    """`.env` values for what is not exported; exported values win."""
    from_file = {k: v for k, v in dotenv_values(env_file).items() if v is not None}
    return {**from_file, **exported}


def local_nlu(environment: dict[str, str]) -> str | None:
    """Point NLU_URL at the Rasa this launch starts; the warning when it pointed elsewhere."""
    port = environment.get("NLU_PORT") or DEFAULT_NLU_PORT
    wanted = f"http://127.0.0.1:{port}"
    current = environment.get("NLU_URL", "").rstrip("/")
    environment["NLU_URL"] = wanted
    if current and current not in (wanted, f"http://localhost:{port}"):
        return f"NLU_URL was {current}; make run starts its own Rasa, so it is now {wanted}"
    return None


def local_standin(environment: dict[str, str]) -> None:
    """WeChat's API and `make chat` reach the stand-in this launch starts on STANDIN_PORT,
    unless they point at a real host."""
    wanted = f"http://127.0.0.1:{environment.get('STANDIN_PORT') or DEFAULT_STANDIN_PORT}"
    for name in ("WECHAT_API_BASE_URL", "WECHAT_OAUTH_BASE_URL", "STANDIN_URL"):
        if urlparse(environment.get(name) or wanted).hostname in LOOPBACK:
            environment[name] = wanted


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m config.launch")
    parser.add_argument("--procfile", default=str(PROJECT_ROOT / "Procfile.dev"))
    parser.add_argument("--env-file", default=str(PROJECT_ROOT / ".env"))
    args = parser.parse_args()
    environment = merged_environment(os.environ, Path(args.env_file))
    if (warning := local_nlu(environment)) is not None:
        print(f"launch: {warning}", file=sys.stderr, flush=True)
    local_standin(environment)
    honcho = str(Path(sys.executable).with_name("honcho"))
    argv = [honcho, "start", "--no-colour", "-f", args.procfile, "-e", os.devnull]
    os.execve(honcho, argv, environment)  # noqa: S606 - fixed argv, the venv's honcho


if __name__ == "__main__":
    main()
