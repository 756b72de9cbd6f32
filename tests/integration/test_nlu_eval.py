"""The NLU evaluation sets: never trained on (nor near-copies), every intent covered, and the
figures on the real Rasa server. The old held-out set gates as before; the new sets of issue
#10 may not fall below what the current model measures (a ratchet, raised as the model
improves, until the issue's targets are met)."""

import pytest

from config.settings import PROJECT_ROOT as ROOT
from nlu.client import NluClient
from nlu.evaluate import (
    FRESH,
    HOLDOUT,
    HOLDOUT_TARGETS,
    NEW_SETS,
    EvaluationSet,
    evaluate,
    load_examples,
    near_copies,
    training_texts,
)

TRAINING = ROOT / "nlu" / "data"


def _intents() -> set[str]:
    domain = (ROOT / "nlu" / "domain.yml").read_text(encoding="utf-8")
    return {line.strip()[2:] for line in domain.splitlines() if line.startswith("  - ")}


def _training() -> list[str]:
    return [text for path in sorted(TRAINING.glob("*.yml")) for text in training_texts(path)]


def test_fresh_set_is_large_and_every_new_set_covers_what_it_is_for() -> None:
    assert len(load_examples(FRESH)) >= 500
    for each in NEW_SETS:
        intents = {e.intent for e in load_examples(each.path)}
        assert intents == _intents() or intents == {"seek_help", "offer_donation"}, each.title


@pytest.mark.parametrize("each", NEW_SETS, ids=lambda each: each.path.stem)
def test_new_set_is_unseen(each: EvaluationSet) -> None:
    """Not in the training data, and not a near-copy of another evaluation set either."""
    others = [e.text for s in NEW_SETS if s != each for e in load_examples(s.path)]
    texts = [e.text for e in load_examples(each.path)]
    assert near_copies(texts, _training()) == []
    assert near_copies(texts, others) == []


def test_old_set_covers_every_intent_and_is_unseen() -> None:
    examples = load_examples(HOLDOUT)
    assert len(examples) >= 300 and {e.intent for e in examples} == _intents()
    training = set(_training())
    assert [e.text for e in examples if e.text in training] == []


def test_near_copies_are_found() -> None:
    corpus = ["孩子上学的学费还差三千块", "谢谢"]
    assert near_copies(["孩子上学的学费还差三千块钱", "谢谢！", "家里的牛病死了"], corpus) == [
        "孩子上学的学费还差三千块钱",
        "谢谢！",
    ]


def test_old_holdout_accuracy(nlu_url: str) -> None:
    report = evaluate(NluClient(nlu_url, timeout=10), load_examples(HOLDOUT), "old held-out")
    print(report.render(HOLDOUT_TARGETS))
    assert report.failures(HOLDOUT_TARGETS) == [], report.render(HOLDOUT_TARGETS)


@pytest.mark.parametrize("each", NEW_SETS, ids=lambda each: each.path.stem)
def test_new_sets_do_not_fall_below_their_floors(nlu_url: str, each: EvaluationSet) -> None:
    report = evaluate(NluClient(nlu_url, timeout=10), load_examples(each.path), each.title)
    shown = each.render(report)
    print(shown)
    assert report.failures(each.floor) == [], shown
