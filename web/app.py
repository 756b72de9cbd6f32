"""The Flask application factory."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask
from werkzeug.routing import IntegerConverter, Map

from config.settings import Settings, load_settings
from storage.repositories import MAX_RECORD_ID
from web import cli, health, webhook
from web.console import exempt_from_csrf, init_console
from web.runtime import build_runtime


class RecordId(IntegerConverter):
    """A number in a URL names a record only within the database's integer range; beyond
    it, the page does not exist (it had failed in PostgreSQL)."""

    def __init__(self, url_map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_RECORD_ID)
        super().__init__(url_map, *args, **kwargs)


def create_app(settings: Settings | None = None, warm: bool = False) -> Flask:
    """The web app. `warm=True` (gunicorn, Procfile) loads everything a message needs before
    the first request and reports `ready` on /healthz once the NLU is warm too."""
    settings = settings or load_settings()
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for noisy in ("rq", "urllib3", "jieba"):  # routine third-party chatter
        logging.getLogger(noisy).setLevel(logging.WARNING)
    app = Flask(__name__)
    app.url_map.converters["int"] = RecordId  # /console/cases/99999999999999999999 is a 404
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.extensions["zhulian"] = build_runtime(settings, warm)
    app.register_blueprint(webhook.bp)
    app.register_blueprint(health.bp)
    init_console(app, settings)
    exempt_from_csrf(webhook.bp, health.bp)
    cli.register(app)
    return app
