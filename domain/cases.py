"""Rules about cases that do not depend on who asks: a first reading of the poverty cause
and of the urgency, made when a case is submitted."""

from __future__ import annotations

import re

from vocabulary import CAUSE_BY_NEED, CAUSE_WORDS

URGENT_WORDS = re.compile(r"急|救命|住院|手术|化疗|透析|断粮|没米|倒塌|塌了|受灾|地震|洪水|火灾")


def poverty_cause_of(need_type: str, description: str) -> str | None:
    """A first reading of the poverty cause (致贫原因) for the social worker to confirm."""
    for cause, words in CAUSE_WORDS:
        if any(word in description for word in words):
            return cause
    return CAUSE_BY_NEED.get(need_type)


def urgency_of(need_type: str, description: str) -> int:
    """3 urgent (health, disaster, no food), 2 normal, 1 development needs."""
    if need_type in ("disaster",) or URGENT_WORDS.search(description):
        return 3
    return 1 if need_type in ("production", "employment") else 2
