"""The local WeChat stand-in, as an HTTP server.

WeChat's side of the API the service calls (`/cgi-bin/token`, `/cgi-bin/message/custom/send`,
`/cgi-bin/message/template/send`, web authorisation at `/connect/oauth2/authorize` and
`/sns/oauth2/access_token`), with WeChat's rules: access tokens that expire and are
checked, the 48-hour window and the per-message quota for customer-service messages, and
error codes inside HTTP 200. Control endpoints under `/standin/` let tests and the terminal
chat send user messages to the webhook, read what was pushed, and inject faults.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import urlencode

from flask import Flask, jsonify, redirect, request
from flask.typing import ResponseReturnValue

from wechat_standin.webhook_caller import WebhookCaller

WINDOW_SECONDS = 48 * 3600
QUOTA_PER_USER_MESSAGE = 5
TOKEN_SECONDS = 7200
MENU_TYPES = ("click", "view", "pic_photo_or_album", "location_select", "scancode_push")
MEDIA_SECONDS = 3 * 24 * 3600  # WeChat deletes temporary media after three days
OAUTH_CODE_SECONDS = 300  # WeChat: a code is valid 5 minutes, once
OAUTH_SCOPES = ("snsapi_base", "snsapi_userinfo")
# WeChat knows who holds the phone; the stand-in's authorisation page asks which user
# the browser is (and remembers it in a cookie), then behaves like WeChat.
AUTHORIZE_PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>微信授权（本地替身）</title></head><body style="font-size:18px;font-family:sans-serif">
<h1 style="font-size:22px">微信网页授权（本地替身）</h1>
<form method="post">
<label>以哪个微信用户身份打开（openid）<br>
<input name="openid" id="openid" value="{openid}" style="font-size:18px"></label>
{hidden}
<p><button type="submit" id="allow" style="font-size:20px">允许</button></p>
</form></body></html>"""


@dataclass
class Fault:
    api: str  # token | custom | template | oauth | media
    errcode: int | None = None
    delay_seconds: float = 0.0
    http_status: int = 200


@dataclass
class StandInState:
    """Everything the stand-in remembers; guarded by one lock."""

    app_id: str
    app_secret: str
    tokens: dict[str, float] = field(default_factory=dict)  # token -> expiry (epoch)
    token_fetches: int = 0
    sent: list[dict[str, Any]] = field(default_factory=list)
    faults: deque[Fault] = field(default_factory=deque)
    oauth_codes: dict[str, tuple[str, str, float]] = field(default_factory=dict)  # openid, scope
    media: dict[str, tuple[bytes, str, float]] = field(default_factory=dict)  # body, type, at
    menu: dict[str, Any] | None = None
    last_user_message: dict[str, float] = field(default_factory=dict)
    quota_left: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def user_wrote(self, openid: str) -> None:
        with self.lock:
            self.last_user_message[openid] = time.time()
            self.quota_left[openid] = QUOTA_PER_USER_MESSAGE

    def take_fault(self, api: str) -> Fault | None:
        with self.lock:
            for fault in list(self.faults):
                if fault.api == api:
                    self.faults.remove(fault)
                    return fault
        return None


def _error(errcode: int, errmsg: str) -> ResponseReturnValue:
    return jsonify({"errcode": errcode, "errmsg": errmsg})


def create_standin_app(state: StandInState, caller: WebhookCaller | None = None) -> Flask:
    app = Flask("wechat_standin")
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    def injected(api: str) -> ResponseReturnValue | None:
        fault = state.take_fault(api)
        if fault is None:
            return None
        if fault.delay_seconds:
            time.sleep(fault.delay_seconds)
        if fault.http_status != 200:
            return jsonify({"error": "injected"}), fault.http_status
        if fault.errcode is not None:
            return _error(fault.errcode, "injected by the stand-in")
        return None

    def check_token() -> ResponseReturnValue | None:
        token = request.args.get("access_token", "")
        with state.lock:
            expiry = state.tokens.get(token)
        if expiry is None:
            return _error(40001, "invalid credential, access_token is invalid or not latest")
        if expiry < time.time():
            return _error(42001, "access_token expired")
        return None

    @app.get("/cgi-bin/token")
    def token() -> ResponseReturnValue:
        if (fault := injected("token")) is not None:
            return fault
        if request.args.get("appid") != state.app_id:
            return _error(40013, "invalid appid")
        if request.args.get("secret") != state.app_secret:
            return _error(40125, "invalid appsecret")
        new = secrets.token_urlsafe(24)
        now = time.time()
        with state.lock:
            state.token_fetches += 1
            # Like WeChat: a new token invalidates the older ones after a short overlap.
            state.tokens = {t: min(e, now + 300) for t, e in state.tokens.items() if e > now}
            state.tokens[new] = now + TOKEN_SECONDS
        return jsonify({"access_token": new, "expires_in": TOKEN_SECONDS})

    def body_json() -> dict[str, Any] | None:
        try:
            data = json.loads(request.get_data(as_text=True) or "{}")
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    @app.post("/cgi-bin/message/custom/send")
    def custom_send() -> ResponseReturnValue:
        if (problem := check_token() or injected("custom")) is not None:
            return problem
        data = body_json()
        if data is None or "touser" not in data:
            return _error(44002, "empty post data")
        openid = str(data["touser"])
        with state.lock:
            last = state.last_user_message.get(openid)
            if last is None or time.time() - last > WINDOW_SECONDS:
                return _error(45015, "response out of time limit or subscription is canceled")
            if state.quota_left.get(openid, 0) <= 0:
                return _error(45047, "out of response count limit")
            state.quota_left[openid] -= 1
            state.sent.append(
                {
                    "api": "custom",
                    "touser": openid,
                    "msgtype": data.get("msgtype"),
                    "content": (data.get("text") or {}).get("content"),
                    "at": time.time(),
                }
            )
        return _error(0, "ok")

    @app.post("/cgi-bin/message/template/send")
    def template_send() -> ResponseReturnValue:
        if (problem := check_token() or injected("template")) is not None:
            return problem
        data = body_json()
        if data is None or "touser" not in data or "template_id" not in data:
            return _error(44002, "empty post data")
        with state.lock:
            state.sent.append(
                {
                    "api": "template",
                    "touser": data["touser"],
                    "template_id": data["template_id"],
                    "client_msg_id": data.get("client_msg_id"),
                    "url": data.get("url"),
                    "data": data.get("data"),
                    "at": time.time(),
                }
            )
            msgid = len(state.sent)
        return jsonify({"errcode": 0, "errmsg": "ok", "msgid": msgid})

    @app.route("/connect/oauth2/authorize", methods=["GET", "POST"])
    def oauth_authorize() -> ResponseReturnValue:
        """WeChat's web authorisation: asks who the user is, then sends a one-time code
        back to `redirect_uri` with the caller's `state`."""
        args = request.values
        if args.get("appid") != state.app_id:
            return "invalid appid", 400
        if args.get("scope") not in OAUTH_SCOPES or args.get("response_type") != "code":
            return "invalid scope or response_type", 400
        if not args.get("redirect_uri"):
            return "redirect_uri required", 400
        if request.method == "GET":
            keep = ("appid", "redirect_uri", "response_type", "scope", "state")
            hidden = "".join(
                f'<input type="hidden" name="{k}" value="{escape(args.get(k, ""))}">' for k in keep
            )
            openid = escape(request.cookies.get("standin_openid", ""))
            return AUTHORIZE_PAGE.format(openid=openid, hidden=hidden)
        openid = (args.get("openid") or "").strip()
        if not openid:
            return "openid required", 400
        code = secrets.token_urlsafe(16)
        with state.lock:
            state.oauth_codes[code] = (openid, str(args["scope"]), time.time())
        query = urlencode({"code": code, "state": args.get("state", "")})
        separator = "&" if "?" in args["redirect_uri"] else "?"
        response = redirect(f"{args['redirect_uri']}{separator}{query}")
        response.set_cookie("standin_openid", openid)
        return response

    @app.get("/sns/oauth2/access_token")
    def oauth_access_token() -> ResponseReturnValue:
        if (fault := injected("oauth")) is not None:
            return fault
        if request.args.get("appid") != state.app_id:
            return _error(40013, "invalid appid")
        if request.args.get("secret") != state.app_secret:
            return _error(40125, "invalid appsecret")
        if request.args.get("grant_type") != "authorization_code":
            return _error(40002, "invalid grant_type")
        with state.lock:
            issued = state.oauth_codes.pop(request.args.get("code", ""), None)
        if issued is None or time.time() - issued[2] > OAUTH_CODE_SECONDS:
            return _error(40029, "invalid code")
        openid, scope, _at = issued
        return jsonify(
            {
                "access_token": secrets.token_urlsafe(24),
                "expires_in": TOKEN_SECONDS,
                "refresh_token": secrets.token_urlsafe(24),
                "openid": openid,
                "scope": scope,
                "is_snapshotuser": 0,
            }
        )

    @app.post("/cgi-bin/menu/create")
    def menu_create() -> ResponseReturnValue:
        """WeChat's checks: 1 to 3 buttons, at most 5 under each, short names, valid types."""
        if (problem := check_token() or injected("menu")) is not None:
            return problem
        data = body_json() or {}
        buttons = data.get("button")
        if not isinstance(buttons, list) or not 1 <= len(buttons) <= 3:
            return _error(40017, "invalid button size")
        for button in buttons:
            subs = button.get("sub_button") or []
            if len(subs) > 5 or len(str(button.get("name", ""))) > 8:
                return _error(40018, "invalid button name size")
            for item in [button] if not subs else subs:
                if item.get("type") not in MENU_TYPES or len(str(item.get("name", ""))) > 16:
                    return _error(40019, "invalid button key size")
        with state.lock:
            state.menu = data
        return _error(0, "ok")

    @app.get("/cgi-bin/menu/get")
    def menu_get() -> ResponseReturnValue:
        if (problem := check_token()) is not None:
            return problem
        with state.lock:
            menu = state.menu
        return jsonify({"menu": menu}) if menu else _error(46003, "menu no exist")

    @app.get("/cgi-bin/media/get")
    def media_get() -> ResponseReturnValue:
        """A temporary media file a user sent (WeChat keeps them three days)."""
        if (problem := check_token() or injected("media")) is not None:
            return problem
        with state.lock:
            found = state.media.get(request.args.get("media_id", ""))
        if found is None or time.time() - found[2] > MEDIA_SECONDS:
            return _error(40007, "invalid media_id")
        body, content_type, _at = found
        return body, 200, {"Content-Type": content_type}

    # --- control endpoints -----------------------------------------------------------

    @app.get("/standin/sent")
    def sent() -> ResponseReturnValue:
        openid = request.args.get("openid")
        since = float(request.args.get("since", "0"))
        with state.lock:
            items = [
                s
                for s in state.sent
                if (openid is None or s["touser"] == openid) and s["at"] > since
            ]
        return jsonify(items)

    @app.delete("/standin/sent")
    def clear_sent() -> ResponseReturnValue:
        with state.lock:
            state.sent.clear()
            state.faults.clear()
        return jsonify({"ok": True})

    @app.post("/standin/faults")
    def add_fault() -> ResponseReturnValue:
        data = body_json() or {}
        fault = Fault(
            api=str(data.get("api", "custom")),
            errcode=data.get("errcode"),
            delay_seconds=float(data.get("delay_seconds", 0)),
            http_status=int(data.get("http_status", 200)),
        )
        with state.lock:
            state.faults.extend([fault] * int(data.get("count", 1)))
        return jsonify({"queued": len(state.faults)})

    @app.post("/standin/tokens/expire")
    def expire_tokens() -> ResponseReturnValue:
        with state.lock:
            state.tokens = {t: 0.0 for t in state.tokens}
        return jsonify({"ok": True})

    @app.post("/standin/media")
    def upload_media() -> ResponseReturnValue:
        """A file a user is about to send (the body, as is); answers its media_id."""
        media_id = secrets.token_urlsafe(16)
        content_type = request.headers.get("Content-Type", "application/octet-stream")
        with state.lock:
            state.media[media_id] = (request.get_data(), content_type, time.time())
        return jsonify({"media_id": media_id})

    @app.post("/standin/send")
    def send_as_user() -> ResponseReturnValue:
        """Deliver a user's text (or event) to the webhook like WeChat, with retries; a
        given `msg_id` delivers the same message again (WeChat's duplicates)."""
        if caller is None:
            return jsonify({"error": "no webhook configured"}), 409
        data = body_json() or {}
        openid = str(data.get("openid") or "")
        if not openid:
            return jsonify({"error": "openid required"}), 400
        state.user_wrote(openid)
        if data.get("event"):
            outcome = caller.send_event(openid, str(data["event"]), str(data.get("key") or ""))
        elif data.get("image"):
            outcome = caller.send_image(openid, str(data["image"]))
        elif isinstance(place := data.get("location"), dict):  # a location message
            latitude, longitude = float(place["latitude"]), float(place["longitude"])
            outcome = caller.send_location(openid, latitude, longitude, str(place.get("label", "")))
        else:
            msg_id = int(data["msg_id"]) if data.get("msg_id") else None  # a retry keeps it
            outcome = caller.send_text(openid, str(data.get("text", "")), msg_id)
        return jsonify(outcome.as_dict())

    return app
