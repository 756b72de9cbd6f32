"""Where a load's CPU goes: every process on the machine, sampled before and after, sorted
into the parts of the stack. Divided by the messages sent, it says what one message costs
each part (web workers, Rasa, PostgreSQL, Redis, the jobs, the load generator itself), so
the full stack and the bare endpoint can be compared part by part and not only as a ratio.

A process that starts and ends inside the measurement (rare: the pools are warm) is missed."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import psutil

# The first pattern found in a process's command line names its part of the stack.
PARTS: tuple[tuple[str, str], ...] = (
    ("bench.bare_app", "bare endpoint"),
    ("web.app:create_app", "web"),
    ("rasa", "NLU"),
    ("postgres", "PostgreSQL"),
    ("redis-server", "Redis"),
    ("jobs worker", "jobs"),
    ("jobs scheduler", "jobs"),
)
LOAD_GENERATOR = "load generator"


def part_of(process: psutil.Process) -> str:
    if process.pid == os.getpid():
        return LOAD_GENERATOR
    command = " ".join(process.cmdline()) or process.name()
    return next((part for pattern, part in PARTS if pattern in command), "other")


def cpu_seconds() -> dict[int, tuple[str, float]]:
    """Every process's part and CPU seconds (user and system) so far."""
    seen = {}
    for process in psutil.process_iter():
        try:
            with process.oneshot():
                times = process.cpu_times()
                seen[process.pid] = (part_of(process), times.user + times.system)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return seen


@dataclass
class Split:
    seconds: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    idle: float = 0.0  # the machine's share of CPU time left idle (all cores)

    def line(self, messages: int) -> str:
        """CPU milliseconds a message, by part, biggest first, and their total."""
        if messages == 0:
            return "CPU a message: no messages"
        ranked = sorted(self.seconds.items(), key=lambda item: -item[1])
        parts = [(p, s * 1000 / messages) for p, s in ranked if s > 0]
        shown = ", ".join(f"{p} {ms:.2f}" for p, ms in parts if ms >= 0.01)
        total = sum(ms for _, ms in parts)
        return f"CPU a message (ms): {shown}; total {total:.2f}; machine idle {self.idle:.0%}"


@contextmanager
def measured() -> Iterator[Split]:
    """The CPU every part of the stack spent while the block ran."""
    split, before, machine = Split(), cpu_seconds(), psutil.cpu_times()
    yield split
    for pid, (part, seconds) in cpu_seconds().items():
        split.seconds[part] += seconds - before.get(pid, (part, 0.0))[1]
    now = psutil.cpu_times()
    elapsed = sum(now) - sum(machine)
    split.idle = (now.idle - machine.idle) / elapsed if elapsed > 0 else 0.0
