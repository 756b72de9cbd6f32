"""NLU benchmark: model training time, Rasa server memory, parse latency through the
project's client (Rasa calls, cache hits, shortcuts) and Rasa throughput on this machine.

    .venv/bin/python -m bench.nlu_bench            # about 3 minutes (includes a training run)
    .venv/bin/python -m bench.nlu_bench --no-train
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from nlu import server
from nlu.client import NluClient
from nlu.evaluate import load_examples


def percentiles(samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return f"p50 {cuts[49] * 1000:.1f} ms, p99 {cuts[98] * 1000:.1f} ms (n={len(samples)})"


def parse_latency(client: NluClient, texts: list[str]) -> str:
    """Percentiles of one interpretation through the client, text by text."""
    samples = []
    for text in texts:
        start = time.perf_counter()
        client.interpret(text)
        samples.append(time.perf_counter() - start)
    return percentiles(samples)


def train_seconds() -> float:
    """One full training run, with an empty training cache (else Rasa reuses components)."""
    with tempfile.TemporaryDirectory() as out:
        env = {**os.environ, "RASA_CACHE_DIRECTORY": str(Path(out) / "cache")}
        argv = [str(server.RASA_BIN), "train", "nlu", "--config", "config.yml"]
        argv += ["--nlu", "data/nlu.yml", "--out", out, "--fixed-model-name", "bench"]
        start = time.perf_counter()
        subprocess.run(  # noqa: S603 - fixed argv
            argv, cwd=server.NLU_DIR, check=True, capture_output=True, env=env
        )
        return time.perf_counter() - start


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, from /proc."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for each in pids:
        for line in Path(f"/proc/{each}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def throughput(url: str, texts: list[str], threads: int, seconds: float) -> float:
    deadline = time.monotonic() + seconds
    session = requests.Session()

    def worker(offset: int) -> int:
        done = 0
        while time.monotonic() < deadline:
            text = texts[(offset + done) % len(texts)]
            session.post(f"{url}/model/parse", json={"text": text}, timeout=10).raise_for_status()
            done += 1
        return done

    with ThreadPoolExecutor(max_workers=threads) as pool:
        total = sum(pool.map(worker, range(threads)))
    return total / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-train", action="store_true", help="skip the training-time run")
    args = parser.parse_args()
    if not args.no_train:
        print(f"training time (rasa train nlu, {server.NLU_DIR / 'data'}): {train_seconds():.0f} s")
    started = time.perf_counter()
    with tempfile.NamedTemporaryFile(suffix=".log") as log:
        with server.serving(Path(log.name)) as (url, process):
            assert process is not None  # always a server of its own, to measure it
            print(f"Rasa server start to ready: {time.perf_counter() - started:.0f} s")
            texts = [example.text for example in load_examples()]
            client = NluClient(url, timeout=10)
            plain = ["13800138000", "11010519491231002X", "3", "是的"] * 50
            print(f"parse through the client, Rasa call: {parse_latency(client, texts)}")
            print(f"parse through the client, cache hit: {parse_latency(client, texts)}")
            print(f"parse through the client, shortcut (no Rasa): {parse_latency(client, plain)}")
            for threads in (1, 4, 8):
                rate = throughput(url, texts, threads, seconds=10)
                print(f"Rasa throughput, {threads} concurrent clients: {rate:.0f} parses/s")
            print(f"Rasa server memory (RSS) after the load: {rss_mb(process.pid):.0f} MB")


if __name__ == "__main__":
    main()
