"""Evaluation on sets never trained on: the sets of issue #10 (`NEW_SETS`: written from
personas, each before the round of work that followed it; the blind set's individual errors
nobody reads) and the older `nlu/tests/holdout.yml`. Intent accuracy and
per-intent F1, help/donation crossings, and per-entity accuracy after normalisation: need
type (any of the labelled types), amount, province and city of the region."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from nlu.client import NluClient
from nlu.lexicon import bare
from nlu.regions import region_index
from nlu.text import normalise_text

TESTS = Path(__file__).resolve().parent / "tests"
FRESH = TESTS / "fresh.yml"
HOLDOUT = TESTS / "holdout.yml"
CROSSING = {("seek_help", "offer_donation"), ("offer_donation", "seek_help")}


@dataclass(frozen=True)
class Targets:
    intent_accuracy: float
    min_f1: float = 0.0
    crossings: int | None = None  # at most this many; None: not gated
    need_type: float = 0.0
    amount_yuan: float = 0.0
    province: float = 0.0
    city: float = 0.0


# Issue #10's targets on the new sets; the old set keeps the thresholds it was built for.
FRESH_TARGETS = Targets(0.97, 0.90, 0, 0.93, 0.97, 0.97, 0.97)
HOLDOUT_TARGETS = Targets(0.95, need_type=0.90, amount_yuan=0.90)


@dataclass(frozen=True)
class EvaluationSet:
    """A set of issue #10, never trained on. `floor` is what the current model measures on
    it (README): a ratchet, raised as the model improves, until FRESH_TARGETS are met and gate
    instead. A blind set's individual misses are never shown."""

    path: Path
    title: str
    floor: Targets
    blind: bool = False

    def render(self, report: Report) -> str:
        return report.render(FRESH_TARGETS, errors=not self.blind)


NEW_SETS = (
    EvaluationSet(FRESH, "fresh set", Targets(0.97, crossings=0, need_type=0.98)),
    EvaluationSet(
        TESTS / "blind.yml", "blind set", Targets(0.955, crossings=1, need_type=0.93), blind=True
    ),
    EvaluationSet(TESTS / "needs.yml", "need-type set", Targets(0.95, crossings=0, need_type=0.99)),
    EvaluationSet(
        TESTS / "fourth.yml", "fourth-round set", Targets(0.975, crossings=0, need_type=0.99)
    ),
    EvaluationSet(
        TESTS / "fifth.yml", "fifth-round set", Targets(0.98, crossings=0, need_type=0.98)
    ),
    EvaluationSet(
        TESTS / "sixth.yml", "sixth-round set", Targets(0.98, crossings=0, need_type=0.98)
    ),
    EvaluationSet(
        TESTS / "seventh.yml", "seventh-round set", Targets(0.96, crossings=0, need_type=0.99)
    ),
    EvaluationSet(
        TESTS / "eighth.yml", "eighth-round set", Targets(0.97, crossings=0, need_type=0.97)
    ),
    EvaluationSet(
        TESTS / "ninth.yml", "ninth-round set", Targets(0.98, crossings=0, need_type=0.98)
    ),
    EvaluationSet(
        TESTS / "tenth.yml",
        "tenth-round set",
        Targets(0.94, crossings=0, need_type=0.87),
        blind=True,
    ),
    EvaluationSet(
        TESTS / "eleventh.yml",
        "eleventh-round set",
        Targets(0.98, crossings=0, need_type=0.98),
    ),
    EvaluationSet(
        TESTS / "twelfth.yml",
        "twelfth-round set",
        Targets(0.98, crossings=0, need_type=0.98),
    ),
    EvaluationSet(
        TESTS / "thirteenth.yml",
        "thirteenth-round set",
        Targets(0.98, crossings=0, need_type=0.98),
    ),
    EvaluationSet(
        TESTS / "fourteenth.yml",
        "fourteenth-round set",
        Targets(0.96, crossings=0, need_type=0.96, amount_yuan=0.95),
        blind=True,
    ),
    EvaluationSet(
        TESTS / "fifteenth.yml",
        "fifteenth-round set",
        Targets(0.95, crossings=0, need_type=0.89, amount_yuan=0.97),
        blind=True,
    ),
    EvaluationSet(
        TESTS / "sixteenth.yml",
        "sixteenth-round set",
        Targets(0.95, crossings=0, need_type=0.91, amount_yuan=0.97),
        blind=True,
    ),
    EvaluationSet(
        TESTS / "seventeenth.yml",
        "seventeenth-round set",
        Targets(0.92, crossings=0, need_type=0.88, amount_yuan=0.97),
        blind=True,
    ),
    EvaluationSet(
        TESTS / "eighteenth.yml",
        "eighteenth-round set",
        Targets(0.93, crossings=1, need_type=0.92, amount_yuan=0.97, province=0.9, city=0.9),
        blind=True,
    ),
    EvaluationSet(
        TESTS / "nineteenth.yml",
        "nineteenth-round set",
        Targets(0.92, crossings=1, need_type=0.85, amount_yuan=0.94, province=0.97, city=0.97),
        blind=True,
    ),
    EvaluationSet(
        TESTS / "twentieth.yml",
        "twentieth-round set",
        Targets(0.98, crossings=0, need_type=0.98, amount_yuan=0.97, province=0.97, city=0.97),
    ),
    EvaluationSet(
        TESTS / "twentyfirst.yml",
        "twenty-first-round set",
        Targets(0.98, crossings=0, need_type=0.98, amount_yuan=0.97, province=0.97, city=0.97),
    ),
    EvaluationSet(
        TESTS / "twentysecond.yml",
        "twenty-second-round set",
        Targets(0.97, crossings=0, need_type=0.98, amount_yuan=0.97, province=0.97, city=0.97),
    ),
)
# Every set the generator and the training data must keep away from.
EVALUATION_SETS = (*(s.path for s in NEW_SETS), HOLDOUT)


@dataclass(frozen=True)
class Example:
    intent: str
    text: str
    entities: dict[str, Any]  # need_type: a frozenset of acceptable types; region: a code


@dataclass
class Report:
    name: str
    total: int = 0
    intent_correct: int = 0
    per_intent: dict[str, Counter[str]] = field(default_factory=dict)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    entity_hits: Counter[str] = field(default_factory=Counter)
    entity_totals: Counter[str] = field(default_factory=Counter)
    intent_errors: list[str] = field(default_factory=list)
    entity_errors: list[str] = field(default_factory=list)
    gold_intents: set[str] = field(default_factory=set)
    # Examples labelled with no place that were read as naming one ("孩子长大了" as 子长市).
    spurious_places: list[str] = field(default_factory=list)

    @property
    def intent_accuracy(self) -> float:
        return self.intent_correct / self.total if self.total else 0.0

    @property
    def crossings(self) -> int:
        return sum(n for pair, n in self.confusions.items() if pair in CROSSING)

    def f1(self, intent: str) -> float:
        counts = self.per_intent.get(intent, Counter())
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    def entity_accuracy(self, kind: str) -> float:
        total = self.entity_totals[kind]
        return self.entity_hits[kind] / total if total else 1.0

    def failures(self, targets: Targets) -> list[str]:
        """What falls short of the targets (empty: passed)."""
        found = []
        if self.intent_accuracy < targets.intent_accuracy:
            found.append(f"intent accuracy {self.intent_accuracy:.3f}")
        low = [i for i in sorted(self.gold_intents) if self.f1(i) < targets.min_f1]
        found += [f"F1 of {intent} {self.f1(intent):.3f}" for intent in low]
        if targets.crossings is not None and self.crossings > targets.crossings:
            found.append(f"{self.crossings} help/donation crossings")
        for kind in ("need_type", "amount_yuan", "province", "city"):
            if self.entity_accuracy(kind) < getattr(targets, kind):
                found.append(f"{kind} accuracy {self.entity_accuracy(kind):.3f}")
        return found

    def render(self, targets: Targets, errors: bool = True) -> str:
        """The figures, and unless `errors` is False the misread examples themselves."""
        lines = [
            f"== {self.name}: {self.total} examples",
            f"intent accuracy: {self.intent_accuracy:.3f} (target {targets.intent_accuracy})",
            f"help/donation crossings: {self.crossings} (target {targets.crossings})",
            "entity accuracy: "
            + ", ".join(
                f"{kind} {self.entity_accuracy(kind):.3f} ({self.entity_hits[kind]}/"
                f"{self.entity_totals[kind]}, target {getattr(targets, kind)})"
                for kind in ("need_type", "amount_yuan", "province", "city")
            ),
            f"places found where the label has none: {len(self.spurious_places)}",
            "per-intent F1:",
        ]
        lines += [f"  {name:<16} {self.f1(name):.3f}" for name in sorted(self.per_intent)]
        lines.append("confusions (expected -> predicted: count):")
        lines += [f"  {gold} -> {got}: {n}" for (gold, got), n in self.confusions.most_common()]
        if self.intent_errors and errors:
            lines.append("misclassified:")
            lines += [f"  {error}" for error in self.intent_errors]
        if self.entity_errors and errors:
            lines.append("entity errors:")
            lines += [f"  {error}" for error in self.entity_errors]
        if self.spurious_places and errors:
            lines.append("places found where the label has none:")
            lines += [f"  {place}" for place in self.spurious_places]
        failures = self.failures(targets)
        lines.append("PASSED" if not failures else "BELOW TARGET: " + "; ".join(failures))
        return "\n".join(lines)


def _code_of(full_name: str) -> str:
    index = region_index()
    matches = [code for code in index.by_code if index.full_name(code) == full_name]
    if len(matches) != 1:
        raise ValueError(f"evaluation region {full_name!r} is not one region")
    return matches[0]


def _gold(entities: dict[str, Any]) -> dict[str, Any]:
    gold: dict[str, Any] = {}
    for key, value in (entities or {}).items():
        if key == "need_type":
            gold[key] = frozenset(value if isinstance(value, list) else [value])
        elif key == "region":
            gold[key] = _code_of(str(value))
        else:
            gold[key] = str(value)
    return gold


def load_examples(path: Path = FRESH) -> list[Example]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Example(str(intent), str(text), _gold(entities)) for intent, text, entities in items]


def _region_parts(code: str) -> dict[str, str]:
    """The province and (when named) city a region code stands for."""
    parts = {"province": code[:2]}
    if not code.endswith("0000"):
        parts["city"] = code[:4]
    return parts


def _score(report: Report, example: Example, got: dict[str, Any]) -> None:
    if got.get("region") and "region" not in example.entities:
        report.spurious_places.append(f"{example.text}: {got['region']['code']}")
    wrong = []
    for kind, expected in example.entities.items():
        if kind == "region":
            predicted = _region_parts(got["region"]["code"]) if got.get("region") else {}
            for part, value in _region_parts(expected).items():
                report.entity_totals[part] += 1
                if predicted.get(part) == value:
                    report.entity_hits[part] += 1
                else:
                    wrong.append(part)
            continue
        report.entity_totals[kind] += 1
        found = got.get(kind)
        hit = found in expected if kind == "need_type" else str(found) == expected
        report.entity_hits[kind] += hit
        if not hit:
            wrong.append(kind)
    if wrong:
        shown = {k: v for k, v in got.items() if v is not None}
        report.entity_errors.append(
            f"{example.text}: {wrong} expected {example.entities}, got {shown}"
        )


def evaluate(client: NluClient, examples: list[Example], name: str = "fresh") -> Report:
    report = Report(name)
    for example in examples:
        found = client.interpret(normalise_text(example.text))  # as the webhook passes it
        if found.source == "rules":
            raise RuntimeError("the Rasa server did not answer; evaluation needs it")
        predicted = found.intent or "none"
        report.total += 1
        report.gold_intents.add(example.intent)
        report.per_intent.setdefault(example.intent, Counter())
        report.per_intent.setdefault(predicted, Counter())
        if predicted == example.intent:
            report.intent_correct += 1
            report.per_intent[predicted]["tp"] += 1
        else:
            report.per_intent[predicted]["fp"] += 1
            report.per_intent[example.intent]["fn"] += 1
            report.confusions[(example.intent, predicted)] += 1
            report.intent_errors.append(
                f"{example.text}: {example.intent} -> {predicted} ({found.confidence:.2f})"
            )
        _score(report, example, found.entities)
    return report


def _grams(text: str, n: int = 3) -> set[str]:
    cleaned = bare(text)
    return {cleaned[i : i + n] for i in range(max(1, len(cleaned) - n + 1))}


def near_copies(texts: list[str], corpus: list[str], threshold: float = 0.7) -> list[str]:
    """Texts that repeat one of the corpus: the same once spaces and punctuation are gone,
    or (six characters and more) sharing most character 3-grams (Jaccard >= threshold)."""
    indexed = [(bare(other), _grams(other)) for other in corpus]
    found = []
    for text in texts:
        cleaned, grams = bare(text), _grams(text)
        for other, other_grams in indexed:
            same = cleaned == other
            close = len(cleaned) >= 6 and len(grams & other_grams) / len(grams | other_grams)
            if same or (close and close >= threshold):
                found.append(text)
                break
    return found


def training_texts(data: Path) -> list[str]:
    """Every example sentence of a Rasa NLU training file."""
    return [
        line.strip()[2:].strip()
        for line in data.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("- ") and not line.strip().startswith("- intent:")
    ]
