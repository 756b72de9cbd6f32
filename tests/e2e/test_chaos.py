"""The fault campaign in its short form (`python -m chaos --short`): its own Redis,
PostgreSQL and service processes, a baseline, duplicate and out-of-order deliveries, and
Redis restarted under load; every promise must hold (`make chaos` runs all scenarios)."""

from __future__ import annotations

import subprocess
import sys

from config.settings import PROJECT_ROOT


def test_short_fault_campaign_keeps_every_promise() -> None:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "chaos", "--short"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    table = result.stdout
    assert "| baseline |" in table and "| Redis restarted |" in table
    assert "BROKEN" not in table
