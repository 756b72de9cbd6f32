"""The check-in survey as the YAML in `domain/surveys/checkin.yml` declares it: questions
with numbered options (and the words that mean each), and the risk rules. Reading a reply
and assessing the answers are pure functions of that file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml

from config.settings import load_settings
from nlu.lexicon import is_no, is_yes, menu_number
from vocabulary import NEED_LABELS

SURVEY_FILE = Path(__file__).parent / "surveys" / "checkin.yml"
NEGATION = re.compile(r"(没有|没|不|未)$")


class Risk(StrEnum):
    STABLE = "stable"
    WATCH = "watch"
    AT_RISK = "at_risk"


@dataclass(frozen=True)
class Option:
    value: str
    text: str
    words: tuple[str, ...]
    means: str | None = None  # "yes" / "no": what a plain yes or no to the question picks


@dataclass(frozen=True)
class Question:
    id: str
    label: str
    text: str
    options: tuple[Option, ...]

    def prompt(self, number: int, total: int) -> str:
        choices = "\n".join(f"{i} {option.text}" for i, option in enumerate(self.options, 1))
        return f"（{number}/{total}）{self.text}\n{choices}"

    def read(self, reply: str) -> str | None:
        """The option a reply means: its number, its text, a plain yes or no, or the
        longest of its words found not negated ("没住院" is not "住院"); None when unclear."""
        text = reply.strip()
        number = menu_number(text, len(self.options))
        if number is not None:
            return self.options[number - 1].value
        for option in self.options:
            if text == option.text:
                return option.value
        plain = "yes" if is_yes(text) else "no" if is_no(text) else None
        if plain is not None and (meant := [o for o in self.options if o.means == plain]):
            return meant[0].value
        best: dict[str, int] = {}
        for option in self.options:
            for word in option.words:
                at = text.find(word)
                if at >= 0 and not NEGATION.search(text[:at]) or text.startswith(word):
                    best[option.value] = max(best.get(option.value, 0), len(word))
        if not best:
            return None
        longest = max(best.values())
        found = [value for value, length in best.items() if length == longest]
        return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class Rule:
    level: Risk
    when: dict[str, str]
    reason: str
    need: str = "other"

    def holds(self, answers: dict[str, str]) -> bool:
        return all(answers.get(question) == value for question, value in self.when.items())


@dataclass(frozen=True)
class Assessment:
    level: Risk
    reasons: tuple[str, ...]
    need: str | None = None  # the gravest reason's need type


@dataclass(frozen=True)
class Survey:
    version: str
    intro: str
    questions: tuple[Question, ...]
    rules: tuple[Rule, ...]
    postpone_words: tuple[str, ...] = ()
    stop_words: tuple[str, ...] = ()

    def postpones(self, reply: str) -> bool:
        return any(word in reply for word in self.postpone_words)

    def stops(self, reply: str) -> bool:
        return any(word in reply for word in self.stop_words)

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)

    def assess(self, answers: dict[str, str]) -> Assessment:
        """At risk when an at-risk rule holds, on watch when a watch rule does, stable
        otherwise; the reasons are every rule that holds, the gravest first."""
        held = [rule for rule in self.rules if rule.holds(answers)]
        for level in (Risk.AT_RISK, Risk.WATCH):
            if any(rule.level == level for rule in held):
                ordered = sorted(held, key=lambda rule: rule.level != Risk.AT_RISK)
                reasons = tuple(rule.reason for rule in ordered)
                return Assessment(level, reasons, ordered[0].need)
        return Assessment(Risk.STABLE, ())


def parse_survey(document: dict[str, object]) -> Survey:
    questions = tuple(
        Question(
            id=str(q["id"]),
            label=str(q["label"]),
            text=str(q["text"]),
            options=tuple(
                Option(
                    str(o["value"]),
                    str(o["text"]),
                    tuple(str(w) for w in o.get("words", ())),
                    str(o["means"]) if o.get("means") else None,
                )
                for o in q["options"]
            ),
        )
        for q in document["questions"]  # type: ignore[attr-defined]
    )
    rules = tuple(
        Rule(
            Risk(str(r["level"])),
            {str(k): str(v) for k, v in r["when"].items()},
            str(r["reason"]),
            str(r.get("need", "other")),
        )
        for r in document["rules"]  # type: ignore[attr-defined]
    )
    ids = {q.id for q in questions}
    for rule in rules:
        for question_id, value in rule.when.items():
            options = (
                {o.value for o in next(q for q in questions if q.id == question_id).options}
                if question_id in ids
                else set()
            )
            if value not in options:
                raise ValueError(f"rule {rule.reason!r}: {question_id}={value} is no option")
        if rule.need not in NEED_LABELS:
            raise ValueError(f"rule {rule.reason!r}: unknown need type {rule.need}")
    return Survey(
        str(document["version"]),
        str(document["intro"]),
        questions,
        rules,
        tuple(str(w) for w in document.get("postpone_words", ())),  # type: ignore[attr-defined]
        tuple(str(w) for w in document.get("stop_words", ())),  # type: ignore[attr-defined]
    )


@cache
def survey() -> Survey:
    """The survey in use, from CHECKIN_SURVEY_FILE or the bundled file (read once per
    process: a new version takes effect at the next start)."""
    path = Path(load_settings().checkin_survey_file or SURVEY_FILE)
    return parse_survey(yaml.safe_load(path.read_text(encoding="utf-8")))
