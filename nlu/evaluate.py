"""Evaluation on the held-out set (`nlu/tests/holdout.yml`): intent accuracy, per-intent F1,
entity precision/recall after normalisation, and the confusions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from nlu.client import NluClient
from nlu.regions import region_index

HOLDOUT = Path(__file__).resolve().parent / "tests" / "holdout.yml"
MIN_INTENT_ACCURACY = 0.95
MIN_ENTITY_ACCURACY = 0.90


@dataclass(frozen=True)
class Example:
    intent: str
    text: str
    entities: dict[str, str]


@dataclass
class Report:
    total: int = 0
    intent_correct: int = 0
    gold_entities: int = 0
    predicted_entities: int = 0
    correct_entities: int = 0
    per_intent: dict[str, Counter[str]] = field(default_factory=dict)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    entity_errors: list[str] = field(default_factory=list)
    intent_errors: list[str] = field(default_factory=list)

    @property
    def intent_accuracy(self) -> float:
        return self.intent_correct / self.total if self.total else 0.0

    @property
    def entity_precision(self) -> float:
        return self.correct_entities / self.predicted_entities if self.predicted_entities else 1.0

    @property
    def entity_accuracy(self) -> float:
        """Share of labelled entities found with exactly the labelled normalised value."""
        return self.correct_entities / self.gold_entities if self.gold_entities else 1.0

    def f1(self, intent: str) -> float:
        counts = self.per_intent.get(intent, Counter())
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    @property
    def passed(self) -> bool:
        return (
            self.intent_accuracy >= MIN_INTENT_ACCURACY
            and self.entity_accuracy >= MIN_ENTITY_ACCURACY
        )

    def render(self) -> str:
        lines = [
            f"examples: {self.total}",
            f"intent accuracy: {self.intent_accuracy:.3f} (minimum {MIN_INTENT_ACCURACY})",
            f"entity accuracy (recall): {self.entity_accuracy:.3f} (minimum {MIN_ENTITY_ACCURACY})"
            f", precision: {self.entity_precision:.3f}"
            f" ({self.correct_entities}/{self.gold_entities} labelled,"
            f" {self.predicted_entities} predicted)",
            "per-intent F1:",
        ]
        lines += [f"  {name:<16} {self.f1(name):.3f}" for name in sorted(self.per_intent)]
        lines.append("confusions (expected -> predicted: count):")
        lines += [f"  {gold} -> {got}: {n}" for (gold, got), n in self.confusions.most_common()]
        if self.intent_errors:
            lines.append("misclassified:")
            lines += [f"  {error}" for error in self.intent_errors]
        if self.entity_errors:
            lines.append("entity errors:")
            lines += [f"  {error}" for error in self.entity_errors]
        lines.append("PASSED" if self.passed else "FAILED")
        return "\n".join(lines)


def _code_of(full_name: str) -> str:
    index = region_index()
    matches = [code for code in index.by_code if index.full_name(code) == full_name]
    if len(matches) != 1:
        raise ValueError(f"holdout region {full_name!r} is not one region")
    return matches[0]


def load_examples(path: Path = HOLDOUT) -> list[Example]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    examples = []
    for intent, text, entities in items:
        gold = {key: str(value) for key, value in (entities or {}).items()}
        if "region" in gold:
            gold["region"] = _code_of(gold["region"])
        examples.append(Example(str(intent), str(text), gold))
    return examples


def _flatten(entities: dict[str, Any]) -> dict[str, str]:
    flat = {key: str(value) for key, value in entities.items() if value is not None}
    if entities.get("region"):
        flat["region"] = entities["region"]["code"]
    return flat


def evaluate(client: NluClient, examples: list[Example]) -> Report:
    report = Report()
    for example in examples:
        found = client.interpret(example.text)
        if found.source == "rules":
            raise RuntimeError("the Rasa server did not answer; evaluation needs it")
        predicted = found.intent or "none"
        report.total += 1
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
        got = _flatten(found.entities)
        report.gold_entities += len(example.entities)
        report.predicted_entities += len(got)
        hits = {k for k, v in example.entities.items() if got.get(k) == v}
        report.correct_entities += len(hits)
        if hits != set(example.entities) or set(got) - set(example.entities):
            report.entity_errors.append(f"{example.text}: expected {example.entities}, got {got}")
    return report
