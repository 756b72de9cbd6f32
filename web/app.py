"""The Flask application factory."""

from __future__ import annotations

import logging

from flask import Flask

from config.settings import Settings, load_settings
from web import cli, health, webhook
from web.console import exempt_from_csrf, init_console
from web.runtime import build_runtime


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
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.extensions["zhulian"] = build_runtime(settings, warm)
    app.register_blueprint(webhook.bp)
    app.register_blueprint(health.bp)
    init_console(app, settings)
    exempt_from_csrf(webhook.bp, health.bp)
    cli.register(app)
    return app
