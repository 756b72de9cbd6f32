"""`/healthz`: the state of the database, Redis and the NLU server (503 when the database
or Redis is down; 200 with status "degraded" when only the NLU server is), and whether this
worker has warmed up (`ready`: what a load balancer or a benchmark waits for)."""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue

from web.runtime import runtime

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    current = runtime()
    services = current.services
    checks: dict[str, str] = {}
    try:
        services.db.ping()
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        checks["database"] = f"down: {type(exc).__name__}"
    try:
        services.redis.ping()
        checks["redis"] = "ok"
    except Exception as exc:  # noqa: BLE001
        checks["redis"] = f"down: {type(exc).__name__}"
    # Without Rasa the rule-based interpreter and the menus still serve users: degraded, not
    # down, so a load balancer keeps sending WeChat's traffic here.
    checks["nlu"] = services.nlu.health()
    healthy = checks["database"] == "ok" and checks["redis"] == "ok"
    status = "unavailable" if not healthy else "ok" if checks["nlu"] == "ok" else "degraded"
    body = {"status": status, "ready": healthy and current.ready, **checks}
    return jsonify(body), 200 if healthy else 503
