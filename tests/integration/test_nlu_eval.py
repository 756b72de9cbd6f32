"""The held-out evaluation gates CI: intent accuracy and normalised-entity accuracy."""

from config.settings import PROJECT_ROOT as ROOT
from nlu.client import NluClient
from nlu.evaluate import MIN_ENTITY_ACCURACY, MIN_INTENT_ACCURACY, evaluate, load_examples


def test_holdout_set_is_large_covers_every_intent_and_is_unseen() -> None:
    examples = load_examples()
    assert len(examples) >= 300
    intents = {e.intent for e in examples}
    domain = (ROOT / "nlu" / "domain.yml").read_text(encoding="utf-8")
    assert intents == {line.strip()[2:] for line in domain.splitlines() if line.startswith("  - ")}
    training = (ROOT / "nlu" / "data" / "nlu.yml").read_text(encoding="utf-8")
    assert not [e.text for e in examples if f"      - {e.text}\n" in training]


def test_holdout_accuracy(nlu_url: str) -> None:
    report = evaluate(NluClient(nlu_url, timeout=10), load_examples())
    print(report.render())
    assert report.intent_accuracy >= MIN_INTENT_ACCURACY, report.render()
    assert report.entity_accuracy >= MIN_ENTITY_ACCURACY, report.render()
