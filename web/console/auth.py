"""Signing in and out of the console. Inside WeChat the sign-in page hands over to WeChat's
web authorisation (`snsapi_base`) and the returned code is exchanged for the openid;
elsewhere a one-time link sent by chat (`登录`) opens a session after one tap. Only active
operators, social workers and viewers get in; attempts are rate-limited per address."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, cast

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from redis.exceptions import RedisError

import messages as msg
from domain.sign_in import end_session, known_user, open_session, redeem_link, session_user
from domain.staff import Staff, staff_for
from notification.wechat_api import WebAuthorisation
from storage.models import User
from web.runtime import runtime

P = ParamSpec("P")
bp = Blueprint("console_auth", __name__, url_prefix="/console")
login_manager = LoginManager()
login_manager.login_view = "console_auth.sign_in"
login_manager.login_message = msg.CONSOLE_SIGN_IN_FIRST


class ConsoleUser(UserMixin):  # type: ignore[misc]
    """The signed-in person: Flask-Login keeps the session token as the id, so the
    session is looked up (and can be ended) on the server at every request."""

    def __init__(self, token: str, staff: Staff) -> None:
        self.token = token
        self.staff = staff

    def get_id(self) -> str:
        return self.token


@login_manager.user_loader
def _load(token: str) -> ConsoleUser | None:
    with runtime().services.db.session() as db:
        user = session_user(db, token)
        staff = staff_for(db, user) if user is not None else None
    return ConsoleUser(token, staff) if staff is not None else None


def staff() -> Staff:
    """The signed-in person's access (views behind `login_required` only)."""
    return cast(ConsoleUser, current_user).staff


def acting(view: Callable[P, ResponseReturnValue]) -> Callable[P, ResponseReturnValue]:
    """Views that change something: a read-only viewer is refused."""

    @wraps(view)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        if not staff().may_act:
            abort(403)
        return view(*args, **kwargs)

    return guarded


def _too_many_attempts() -> bool:
    """More sign-in attempts from this address this minute than allowed (Redis down:
    not counted, sign-in still works)."""
    settings = runtime().settings
    key = f"console:sign-in:{request.remote_addr}:{int(time.time() // 60)}"
    try:
        redis = runtime().services.redis
        attempts = int(redis.incr(key))
        if attempts == 1:
            redis.expire(key, 120)
    except RedisError:
        return False
    return attempts > settings.sign_in_attempts_per_minute


def _refused(reason: str, status: int = 403) -> ResponseReturnValue:
    return render_template("console/sign_in.html", error=reason), status


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/console") and not target.startswith("//"):
        return target
    return url_for("console_cases.queue")


def _start(user: User | None, via: str) -> ResponseReturnValue:
    """A session for a person with console access (checked once, here); others refused."""
    settings = runtime().settings
    with runtime().services.db.session() as db:
        access = staff_for(db, user) if user is not None else None
        if user is None or access is None:
            return _refused(msg.CONSOLE_NO_ACCESS)
        token = open_session(db, user, via, settings.console_session_hours)
    target = _safe_next(session.pop("next", None))
    session.clear()
    session.permanent = True
    login_user(ConsoleUser(token, access))
    return redirect(target)


def _in_wechat() -> bool:
    return "MicroMessenger" in request.headers.get("User-Agent", "")


@bp.get("/sign-in")
def sign_in() -> ResponseReturnValue:
    session["next"] = _safe_next(request.args.get("next"))
    if _in_wechat():
        return redirect(url_for(".wechat"))
    return render_template("console/sign_in.html", error=None)


@bp.get("/sign-in/wechat")
def wechat() -> ResponseReturnValue:
    state = secrets.token_hex(16)
    session["oauth_state"] = state
    return redirect(_authorisation(state).authorize_url)


def _authorisation(state: str) -> WebAuthorisation:
    settings = runtime().settings
    callback = f"{settings.base_url}{url_for('.oauth_callback')}"
    return WebAuthorisation(settings, callback, state)


@bp.get("/oauth/callback")
def oauth_callback() -> ResponseReturnValue:
    if _too_many_attempts():
        return _refused(msg.CONSOLE_TOO_MANY_ATTEMPTS, 429)
    state, code = request.args.get("state", ""), request.args.get("code", "")
    expected = session.pop("oauth_state", None)
    if not code or expected is None or not secrets.compare_digest(state, expected):
        return _refused(msg.CONSOLE_OAUTH_FAILED, 400)
    openid = _authorisation(state).openid_for(code)
    if openid is None:
        return _refused(msg.CONSOLE_OAUTH_FAILED, 400)
    with runtime().services.db.session() as db:
        user = known_user(db, openid)
    return _start(user, "oauth")


@bp.get("/link/<token>")
def link(token: str) -> ResponseReturnValue:
    """The link from the chat opens a page with one button: a link previewer fetching
    the URL does not use it up."""
    return render_template("console/link.html", token=token)


@bp.post("/link/<token>")
def use_link(token: str) -> ResponseReturnValue:
    if _too_many_attempts():
        return _refused(msg.CONSOLE_TOO_MANY_ATTEMPTS, 429)
    with runtime().services.db.session() as db:
        user = redeem_link(db, token)
    return _start(user, "link") if user is not None else _refused(msg.CONSOLE_LINK_INVALID)


@bp.post("/sign-out")
def sign_out() -> ResponseReturnValue:
    if current_user.is_authenticated:
        with runtime().services.db.session() as db:
            end_session(db, cast(ConsoleUser, current_user).token)
    logout_user()
    session.clear()
    return render_template("console/sign_in.html", error=None, signed_out=True)


def template_globals() -> dict[str, Any]:
    return {"signed_in": staff() if current_user.is_authenticated else None}
