"""`make run`'s launcher: the environment wins over .env for every process, and the web
process talks to the Rasa the launch starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from config.launch import local_nlu, local_standin, merged_environment
from config.settings import PROJECT_ROOT


def test_exported_values_win_over_env_file(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("WEB_PORT=8000\nREDIS_URL=redis://127.0.0.1:6379/0\n", encoding="utf-8")
    merged = merged_environment({"WEB_PORT": "9000"}, env_file)
    assert merged["WEB_PORT"] == "9000" and merged["REDIS_URL"] == "redis://127.0.0.1:6379/0"


def test_nlu_url_follows_nlu_port_and_says_so() -> None:
    environment = {"NLU_PORT": "5077", "NLU_URL": "http://127.0.0.1:5005"}
    warning = local_nlu(environment)
    assert environment["NLU_URL"] == "http://127.0.0.1:5077" and warning and "5005" in warning
    assert local_nlu({"NLU_URL": "http://127.0.0.1:5005"}) is None


def test_standin_urls_follow_standin_port_unless_real() -> None:
    local = {"STANDIN_PORT": "8111", "WECHAT_API_BASE_URL": "http://127.0.0.1:8100"}
    local_standin(local)
    assert local["WECHAT_API_BASE_URL"] == local["STANDIN_URL"] == "http://127.0.0.1:8111"
    assert local["WECHAT_OAUTH_BASE_URL"] == "http://127.0.0.1:8111"
    real = {"WECHAT_API_BASE_URL": "https://api.weixin.qq.com"}
    local_standin(real)
    assert real["WECHAT_API_BASE_URL"] == "https://api.weixin.qq.com"


def test_processes_see_the_exported_port(tmp_path: Path) -> None:
    """The real launcher and honcho, with a Procfile that prints what a process sees."""
    procfile = tmp_path / "Procfile"
    procfile.write_text("web: echo serving on ${WEB_PORT}\n", encoding="utf-8")
    env_file = tmp_path / ".env"
    env_file.write_text("WEB_PORT=8000\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "config.launch",
            "--procfile",
            str(procfile),
            "--env-file",
            str(env_file),
        ],
        cwd=PROJECT_ROOT,
        env={**os.environ, "WEB_PORT": "9123"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "serving on 9123" in result.stdout, result.stdout + result.stderr
