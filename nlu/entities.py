"""Entities as the handlers need them, normalised by the project's own rules: need type
(the most likely, and every type named),
amount in integer yuan, region (names and GB/T 2260 code), household size, resource kind,
and phone and ID numbers by pattern (only valid ones)."""

from __future__ import annotations

import re
from typing import Any

from nlu.amounts import parse_amount
from nlu.lexicon import WORKPLACE, detect_kind, need_types, offered_need_types
from nlu.regions import region_index, resolve_region
from nlu.text import compact
from nlu.validators import (
    Invalid,
    find_household_size,
    mask_id_number,
    mask_phone,
    spoken_runs,
    validate_id_number,
    validate_mobile,
)

_MOBILE = re.compile(r"(?<!\d)(?:\+?86)?(1[3-9]\d{9})(?!\d)")
_ID_NUMBER = re.compile(r"(?<![\dA-Za-z])(\d{17}[\dXx])(?![\dA-Za-z])")
# A household's request or a donor's pledge, by its number (Q000012, j000003).
RECORD_NUMBER = re.compile(r"[QJqj]\s*(\d{6})")
# Resource kinds are only read where someone offers something (or answers what they offer).
KIND_INTENTS = ("offer_donation", "inform")


def region_entity(text: str) -> dict[str, str | None] | None:
    """Province, city, county names and the code of the deepest level the text names as
    home (a workplace is not)."""
    found = resolve_region(WORKPLACE.sub("，", text))
    code = found.code or found.deepest
    if code is None:
        return None
    return {**region_index().chain(code), "code": code}


def mask_numbers(text: str) -> str:
    """The text with every ID and mobile number in it masked (1101**********002X,
    138****8000): a description keeps what happened, not the numbers kept elsewhere."""
    text = _ID_NUMBER.sub(lambda found: mask_id_number(found.group(1)), text)
    return _MOBILE.sub(lambda found: mask_phone(found.group(1)), text)


def _first_valid(pattern: re.Pattern[str], text: str, validate: Any) -> str | None:
    for match in pattern.finditer(compact(spoken_runs(text))):  # 一三九… digit by digit
        try:
            return str(validate(match.group(1)))
        except Invalid:
            continue
    return None


def find_id_number(text: str) -> str | None:
    """The first valid ID number written in the text, if any."""
    return _first_valid(_ID_NUMBER, text, validate_id_number)


def find_phone(text: str) -> str | None:
    """The first valid mobile number written in the text, if any."""
    return _first_valid(_MOBILE, text, validate_mobile)


def amount_said(text: str, phone: str | None, id_number: str | None) -> int | None:
    """The amount a text names; digits of its phone or ID number (even spaced out) are none."""
    money_text = compact(spoken_runs(text)) if (phone or id_number) else text
    for number in (phone, id_number):
        money_text = money_text.replace(number, " ") if number else money_text
    return parse_amount(money_text)


def extract_entities(text: str, intent: str | None = None) -> dict[str, Any]:
    """Every entity key is present; a missing value is None."""
    phone = find_phone(text)
    id_number = find_id_number(text)
    amount = amount_said(text, phone, id_number)
    needs = offered_need_types(text) if intent == "offer_donation" else need_types(text)
    kind = None
    if intent in KIND_INTENTS:
        kind = detect_kind(text) or ("money" if amount and intent == "offer_donation" else None)
    return {
        "need_type": needs[0] if needs else None,
        "need_types": list(needs),
        "amount_yuan": amount,
        "region": region_entity(text),
        "household_size": find_household_size(text),
        "resource_kind": kind,
        "phone": phone,
        "id_number": id_number,
    }
