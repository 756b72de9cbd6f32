"""The web console (`/console`): the workspace of social workers, organisation admins,
operators and read-only viewers, opened inside WeChat (web authorisation) or on a desktop
(a one-time link sent by chat). Thin views over the same domain functions the chat
commands call; every page checks who is signed in and what they may see."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from flask import Flask, render_template, request
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException

import messages as msg
from config.settings import Settings
from domain.organisations import MAX_DOCUMENTS
from domain.projects import MAX_UPDATE_PHOTOS
from web.console import (
    auth,
    cases,
    export,
    lessons,
    matches,
    organisations,
    pledges,
    projects,
    stats,
    team,
    thanks,
)
from web.console.auth import login_manager, template_globals
from web.runtime import runtime

csrf = CSRFProtect()
# Views that take photos, and how many: their bodies may be as large as that many photos (plus
# the form around them); every other body keeps MAX_BODY_BYTES.
UPLOADS = {
    "console_matches.proof": 1,
    "console_organisations.apply": MAX_DOCUMENTS,
    "console_projects.post_update": MAX_UPDATE_PHOTOS,
}
UPLOAD_OVERHEAD = 64 * 1024


def init_console(app: Flask, settings: Settings) -> None:
    """Sessions, CSRF and sign-in for the console; the webhook and health check, which
    no browser posts to, are exempt from CSRF."""
    app.secret_key = settings.secret_key
    session_length = timedelta(hours=settings.console_session_hours)
    app.config.update(
        SESSION_COOKIE_NAME="zhulian_console",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.is_production,
        PERMANENT_SESSION_LIFETIME=session_length,
        WTF_CSRF_TIME_LIMIT=int(session_length.total_seconds()),
    )
    app.before_request(_upload_limit)  # before CSRF reads the form
    csrf.init_app(app)
    login_manager.init_app(app)
    for module in (
        auth,
        cases,
        matches,
        pledges,
        stats,
        export,
        team,
        organisations,
        projects,
        lessons,
        thanks,
    ):
        app.register_blueprint(module.bp)
    app.context_processor(template_globals)
    zone = ZoneInfo(settings.display_timezone)
    app.jinja_env.filters["local"] = lambda moment, form="%Y-%m-%d %H:%M": (
        moment.astimezone(zone).strftime(form) if moment is not None else ""
    )
    app.register_error_handler(CSRFError, _csrf_refused)
    app.register_error_handler(HTTPException, _console_error)


def _upload_limit() -> None:
    if request.endpoint in UPLOADS:
        photos = UPLOADS[request.endpoint]
        request.max_content_length = photos * runtime().settings.media_max_bytes + UPLOAD_OVERHEAD


def exempt_from_csrf(*blueprints: object) -> None:
    for blueprint in blueprints:
        csrf.exempt(blueprint)  # type: ignore[arg-type]


def _csrf_refused(error: CSRFError) -> ResponseReturnValue:
    return render_template("console/error.html", title="操作没有执行", text=msg.CONSOLE_CSRF), 400


def _console_error(error: HTTPException) -> ResponseReturnValue:
    """Console pages answer errors with a page in Chinese; other paths keep the default."""
    if not request.path.startswith("/console") or error.code is None:
        return error
    text = msg.CONSOLE_ERRORS.get(error.code, msg.CONSOLE_ERRORS[500])
    return render_template("console/error.html", title=text[0], text=text[1]), error.code
