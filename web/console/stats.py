"""Statistics (charts over a date range, for everyone with console access, in their scope)
and the audit log (operators: everything; organisation admins: their organisation's)."""

from __future__ import annotations

import json
from contextlib import suppress
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, flash, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import login_required
from redis.exceptions import RedisError

import messages as msg
from domain.staff import Staff
from nlu.regions import region_index
from storage.audit_log import audit_page, organisation_openids
from storage.statistics import Range, statistics
from vocabulary import NEED_LABELS
from web.console.auth import staff
from web.console.filters import int_arg
from web.runtime import runtime

bp = Blueprint("console_stats", __name__, url_prefix="/console")
DEFAULT_DAYS = 90
CACHE_PREFIX = "console:stats:"
CACHE_SECONDS = 60


@cache
def province_names() -> dict[str, str]:
    """Province code prefix (62) → its everyday name (甘肃), from the region table."""
    index = region_index()
    return {
        code[:2]: index.short_name(code)
        for code, region in index.by_code.items()
        if region.level == "province"
    }


def _date_arg(name: str, default: date) -> date:
    raw = request.args.get(name, "")
    try:
        return date.fromisoformat(raw) if raw else default
    except ValueError:
        flash(msg.CONSOLE_BAD_DATE.format(value=raw), "warning")
        return default


def requested_range() -> Range:
    """The date range asked for (whole days where the console is used), the last 90 days
    by default."""
    zone = ZoneInfo(runtime().settings.display_timezone)
    today = datetime.now(zone).date()
    start = _date_arg("from", today - timedelta(days=DEFAULT_DAYS))
    end = _date_arg("to", today)
    if end < start:
        start, end = end, start
    return Range(datetime.combine(start, time.min, zone), datetime.combine(end, time.max, zone))


@bp.get("/statistics", endpoint="statistics")
@login_required
def statistics_view() -> ResponseReturnValue:
    who = staff()
    span = requested_range()
    figures = _figures(who, span)
    charts = {
        "need": {NEED_LABELS.get(k, k): v for k, v in figures["by_need_type"].items()},
        "cause": {
            ("未定" if k == "unknown" else k): v for k, v in figures["by_poverty_cause"].items()
        },
        "province": {province_names().get(k, k): v for k, v in figures["by_province"].items()},
        "funnel": {msg.FUNNEL_LABELS[k]: v for k, v in figures["funnel"].items()},
        "risk": {msg.RISK_LABELS[k]: v for k, v in figures["checkins"]["by_risk"].items()},
    }
    return render_template(
        "console/statistics.html",
        figures=figures,
        charts=charts,
        span=span,
        args=request.args,
        provinces=province_names(),
        risk_labels=msg.RISK_LABELS,
        project_labels=msg.PROJECT_STATUS,
        standing_labels=msg.STANDING_LABELS,
    )


def _figures(who: Staff, span: Range) -> dict[str, Any]:
    """The statistics of a scope and range, computed at most once a minute (kept in Redis:
    aggregate figures, no personal data); computed directly when Redis is down."""
    scope = "*" if who.everything else ",".join(sorted(who.prefixes))
    key = f"{CACHE_PREFIX}{who.everything}:{scope}:{span.start:%Y%m%d}:{span.end:%Y%m%d}"
    redis = runtime().services.redis
    try:
        if (cached := redis.get(key)) is not None:
            return dict(json.loads(cached))
    except RedisError:
        pass
    figures = statistics(runtime().services.db, who.case_scope(), span, who.everything)
    with suppress(RedisError):
        redis.set(key, json.dumps(figures), ex=CACHE_SECONDS)
    return figures


@bp.get("/audit")
@login_required
def audit_log() -> ResponseReturnValue:
    who = staff()
    if not who.sees_audit_log:
        abort(404)
    number = int_arg("page", 1, 1) or 1
    size = runtime().settings.console_page_size
    with runtime().services.db.session() as db:
        if who.everything:
            page = audit_page(db, None, (), number, size)
        else:
            actors = organisation_openids(db, who.organisation_id or 0)
            page = audit_page(db, who.case_scope(), actors, number, size)
    return render_template("console/audit.html", page=page, labels=msg.HISTORY_LABELS)
