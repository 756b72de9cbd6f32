"""Understanding a message: the Rasa server for the intent, the project's own normalisers for
the entities, and a keyword interpreter when Rasa is slow or down.

Texts whose meaning is plain (a menu number, a phone or ID number, 是/不是) never reach
Rasa; identical recent texts are answered from a small cache; after a failure a circuit
breaker keeps Rasa out of the path for a while, so a dead server costs one timeout, not one
per message.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import requests

from nlu.arbiter import Ranking, arbitrate
from nlu.entities import RECORD_NUMBER, extract_entities
from nlu.lexicon import (
    face_meaning,
    is_acknowledgement,
    is_no,
    is_yes,
    keyword_intent,
    says_thanks,
)
from nlu.text import compact

log = logging.getLogger(__name__)

# Below this confidence Rasa's guess is not acted on; the bot asks which one was meant.
MIN_CONFIDENCE = 0.5
# After a failure, Rasa is not called again for this long (the rules answer meanwhile).
BREAKER_SECONDS = 15.0
CACHE_SIZE = 1024
CACHE_SECONDS = 300.0
_PLAIN_ANSWER = re.compile(r"[0-9Xx+]{1,20}")
# 666, 888: chat slang ("great", "lucky"), not an answer.
_SLANG_NUMBER = re.compile(r"(\d)\1{2,5}")
# Faces and emoji alone: [抱拳] is thanks, 👍 an OK, 😊 a hello.
_FACE_INTENTS = {"thanks": "thank", "ok": "affirm", "smile": "greet"}


@dataclass
class Interpretation:
    text: str
    intent: str | None
    confidence: float
    source: str  # "rasa" | "rules" | "shortcut" | "cache"
    entities: dict[str, Any] = field(default_factory=dict)
    ranking: Ranking = field(default_factory=list)


def plain_intent(text: str) -> str | None:
    """The intent of texts that need no model: numbers, phone or ID numbers, a request's
    or a pledge's number, yes and no, numbers that are chat slang, acknowledgements and
    faces alone."""
    if (meaning := face_meaning(text)) is not None:
        return _FACE_INTENTS.get(meaning)
    plain = compact(text)
    if RECORD_NUMBER.fullmatch(plain):  # a number alone: asking where it stands
        return "check_status"
    if _SLANG_NUMBER.fullmatch(plain):
        return "out_of_scope"
    if _PLAIN_ANSWER.fullmatch(plain):
        return "inform"
    if is_yes(text) and not says_thanks(text):  # 好的谢谢 is left to the model: thanks
        return "affirm"
    if is_no(text):
        return "deny"
    if is_acknowledgement(text):
        return "affirm"  # 收到, 知道了
    return None


class _TtlCache:
    def __init__(self, size: int, seconds: float) -> None:
        self._items: OrderedDict[str, tuple[float, Ranking]] = OrderedDict()
        self._size, self._seconds = size, seconds
        self._lock = threading.Lock()

    def get(self, key: str) -> Ranking | None:
        with self._lock:
            item = self._items.get(key)
            if item is None or item[0] < time.monotonic():
                return None
            self._items.move_to_end(key)
            return item[1]

    def put(self, key: str, value: Ranking) -> None:
        with self._lock:
            self._items[key] = (time.monotonic() + self._seconds, value)
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


class NluClient:
    """Calls `POST {NLU_URL}/model/parse` with a short timeout and a circuit breaker."""

    def __init__(self, base_url: str, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._session = requests.Session()
        self._open_until = 0.0
        self._lock = threading.Lock()
        self._cache = _TtlCache(CACHE_SIZE, CACHE_SECONDS)

    @property
    def available(self) -> bool:
        return time.monotonic() >= self._open_until

    def _trip(self) -> None:
        with self._lock:
            self._open_until = time.monotonic() + BREAKER_SECONDS

    def rasa_ranking(self, text: str) -> Ranking | None:
        """Intents with confidences, best first, from Rasa; None when it cannot answer."""
        if not self.available:
            return None
        try:
            response = self._session.post(
                f"{self.base_url}/model/parse", json={"text": text}, timeout=self.timeout
            )
            response.raise_for_status()
            body = response.json()
        except (requests.RequestException, ValueError) as exc:
            log.warning("NLU unavailable, using rules for %.0f s: %s", BREAKER_SECONDS, exc)
            self._trip()
            return None
        ranking = [
            (str(item["name"]), float(item.get("confidence") or 0.0))
            for item in body.get("intent_ranking") or [body.get("intent") or {}]
            if item.get("name")
        ]
        top = body.get("intent") or {}
        if top.get("name") == "nlu_fallback":  # Rasa itself is unsure: report the best guess
            ranking = [(name, conf) for name, conf in ranking if name != "nlu_fallback"]
            ranking = [(name, min(conf, MIN_CONFIDENCE - 0.01)) for name, conf in ranking]
        return ranking or [("out_of_scope", 0.0)]

    def interpret(self, text: str) -> Interpretation:
        plain = plain_intent(text)
        if plain is not None:
            return self._result(text, [(plain, 1.0)], "shortcut")
        cached = self._cache.get(text)
        if cached is not None:
            return self._result(text, cached, "cache")
        ranking = self.rasa_ranking(text)
        if ranking is not None:
            self._cache.put(text, ranking)
            return self._result(text, ranking, "rasa")
        intent = keyword_intent(text)
        return self._result(text, [(intent, 1.0)] if intent else [], "rules")

    @staticmethod
    def _result(text: str, ranking: Ranking, source: str) -> Interpretation:
        intent, confidence = arbitrate(text, ranking)
        entities = extract_entities(text, intent)
        return Interpretation(text, intent, confidence, source, entities, ranking)

    def health(self) -> str:
        """'ok'; 'degraded' when Rasa is down or the breaker is open (rules answer)."""
        try:
            response = self._session.get(f"{self.base_url}/status", timeout=self.timeout)
            response.raise_for_status()
        except requests.RequestException:
            return "degraded"
        return "ok" if self.available else "degraded"
