"""The queue's filters, read from the query string (the queue and the exports share them)."""

from __future__ import annotations

import re

from flask import flash, request

import messages as msg
from nlu.regions import region_exists, resolve_region
from storage.models import CaseStatus, NeedType, region_prefix
from storage.queue import CASE_SORTS, WAITING_CASES, CaseFilter

RECORD_NUMBER = re.compile(r"^\s*([QqMm])?\s*0*(\d{1,9})\s*$")
STATUS_CHOICES = {"waiting": WAITING_CASES, "all": ()} | {s.value: (s,) for s in CaseStatus}


def int_arg(name: str, default: int | None, low: int = 0, high: int = 10_000) -> int | None:
    raw = request.args.get(name, "").strip()
    if not raw.isdigit():
        return default
    return min(max(int(raw), low), high)


def _region_filter(text: str) -> str | None:
    """A region filter as typed: a GB/T 2260 code, or a place name."""
    if not text:
        return None
    if text.isdigit() and len(text) == 6 and region_exists(text):
        return region_prefix(text)
    deepest = resolve_region(text).deepest
    if deepest is None:
        flash(msg.CONSOLE_REGION_UNKNOWN.format(region=text), "warning")
        return None
    return region_prefix(deepest)


def case_filter(case_id: int | None) -> CaseFilter:
    args = request.args
    need = args.get("need", "")
    return CaseFilter(
        statuses=STATUS_CHOICES.get(args.get("status", "waiting"), WAITING_CASES),
        need_type=NeedType(need) if need in {n.value for n in NeedType} else None,
        region_prefix=_region_filter(args.get("region", "").strip()),
        flagged=args.get("flagged") == "1",
        escalated=args.get("escalated") == "1",
        min_days=int_arg("days", None),
        case_id=case_id,
        sort=args.get("sort", "waited") if args.get("sort") in CASE_SORTS else "waited",
    )
