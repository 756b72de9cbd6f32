"""`python -m nlu parse`: one JSON interpretation per input line (the one the bot uses).
`python -m nlu generate`: the generated training sentences (nlu/generate.py).
`python -m nlu eval`: every evaluation set; exits 1 when the old held-out set falls below
its thresholds or a new set below its floor (issue #10's targets are reported beside them
until the model meets them, when they become the gate)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from config.settings import load_settings
from nlu import server
from nlu.client import NluClient
from nlu.evaluate import HOLDOUT, HOLDOUT_TARGETS, NEW_SETS, evaluate, load_examples
from nlu.text import normalise_text

START_HINT = (
    "No Rasa server answers at {url}. Start one with `make run` (or just the NLU: "
    "`cd nlu && ../.venv-nlu/bin/rasa run --enable-api -m models/zhulian.tar.gz`), "
    "or set NLU_URL."
)


def _client() -> NluClient:
    url = load_settings().nlu_url
    if not server.is_ready(url, timeout=3):
        sys.exit(START_HINT.format(url=url))
    return NluClient(url, timeout=10)


def parse_lines() -> None:
    client = _client()
    for line in sys.stdin:
        raw = line.strip()
        if not raw:
            continue
        found = client.interpret(normalise_text(raw))
        record = {
            "text": raw,
            "intent": found.intent,
            "confidence": round(found.confidence, 4),
            "entities": found.entities,
            "source": found.source,
        }
        print(json.dumps(record, ensure_ascii=False), flush=True)


@contextmanager
def _own_server() -> Iterator[NluClient]:
    """The server at NLU_URL, or a Rasa server started for this command and stopped after."""
    log = server.NLU_DIR.parent / "var" / "rasa-eval.log"
    log.parent.mkdir(exist_ok=True)
    existing = load_settings().nlu_url
    with server.serving(log, existing=existing, announce=True) as (url, _process):
        yield NluClient(url, timeout=10)


def run_eval() -> None:
    with _own_server() as client:
        new = [(each, evaluate(client, load_examples(each.path), each.title)) for each in NEW_SETS]
        old = evaluate(client, load_examples(HOLDOUT), "old held-out set")
    for each, report in new:
        print(each.render(report))
    print(old.render(HOLDOUT_TARGETS))
    below = old.failures(HOLDOUT_TARGETS)
    below += [f for each, report in new for f in report.failures(each.floor)]
    if below:
        print(
            "FAILED (old set below its targets, or a new set below its floor): " + "; ".join(below)
        )
    sys.exit(1 if below else 0)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m nlu")
    parser.add_argument("command", choices=("parse", "eval", "generate"))
    args = parser.parse_args()
    if args.command == "generate":
        from nlu.generate import generate, write

        print(f"wrote {write(generate())} sentences to nlu/data/generated.yml")
        return
    parse_lines() if args.command == "parse" else run_eval()


if __name__ == "__main__":
    main()
