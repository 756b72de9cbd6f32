"""Understanding a message: the Rasa server for the intent, the project's own normalisers for
the entities, and a keyword interpreter when Rasa is slow or down."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import requests

from nlu.amounts import parse_amount
from nlu.lexicon import detect_kind, detect_need_type, keyword_intent
from nlu.regions import resolve_region
from nlu.validators import find_household_size

log = logging.getLogger(__name__)

# Below this confidence Rasa's guess is not acted on; the bot offers its menu instead.
MIN_CONFIDENCE = 0.5
# After a failure, Rasa is not called again for this long (the rules answer meanwhile).
BREAKER_SECONDS = 15.0


@dataclass
class Interpretation:
    text: str
    intent: str | None
    confidence: float
    source: str  # "rasa" | "rules"
    entities: dict[str, Any] = field(default_factory=dict)


def extract_entities(text: str) -> dict[str, Any]:
    """Normalised entities the handlers can pre-fill slots with."""
    region = resolve_region(text)
    return {
        "need_type": detect_need_type(text),
        "amount_yuan": parse_amount(text),
        "region_code": region.code,
        "household_size": find_household_size(text),
        "resource_kind": detect_kind(text),
    }


class NluClient:
    """Calls `POST {NLU_URL}/model/parse` with a short timeout and a simple circuit breaker."""

    def __init__(self, base_url: str, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._session = requests.Session()
        self._open_until = 0.0
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        return time.monotonic() >= self._open_until

    def _trip(self) -> None:
        with self._lock:
            self._open_until = time.monotonic() + BREAKER_SECONDS

    def rasa_intent(self, text: str) -> tuple[str, float] | None:
        """(intent, confidence) from Rasa, or None when it cannot answer in time."""
        if not self.available:
            return None
        try:
            response = self._session.post(
                f"{self.base_url}/model/parse", json={"text": text}, timeout=self.timeout
            )
            response.raise_for_status()
            intent = response.json().get("intent") or {}
        except (requests.RequestException, ValueError) as exc:
            log.warning("NLU unavailable, using rules: %s", exc)
            self._trip()
            return None
        name = intent.get("name")
        if not name or name == "nlu_fallback":
            return ("out_of_scope", float(intent.get("confidence") or 0.0))
        return (str(name), float(intent.get("confidence") or 0.0))

    def interpret(self, text: str) -> Interpretation:
        entities = extract_entities(text)
        rasa = self.rasa_intent(text)
        if rasa is not None:
            intent, confidence = rasa
            return Interpretation(text, intent, confidence, "rasa", entities)
        intent = keyword_intent(text)
        return Interpretation(text, intent, 1.0 if intent else 0.0, "rules", entities)

    def health(self) -> str:
        """'ok', 'degraded' (breaker open) or 'down'."""
        try:
            response = self._session.get(f"{self.base_url}/status", timeout=self.timeout)
            response.raise_for_status()
        except requests.RequestException:
            return "down"
        return "ok" if self.available else "degraded"
