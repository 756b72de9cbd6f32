"""`/wechat`: the one URL WeChat talks to. Thin: check, open, hand over, reply."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, current_app, request
from wechatpy.replies import TextReply

from web.inbound import Rejected, SignedQuery, check_signature, encrypt_reply, open_message
from web.runtime import runtime

log = logging.getLogger(__name__)
bp = Blueprint("wechat", __name__)


def _query() -> SignedQuery:
    args = request.args
    return SignedQuery(
        signature=args.get("signature", ""),
        timestamp=args.get("timestamp", ""),
        nonce=args.get("nonce", ""),
        msg_signature=args.get("msg_signature", ""),
        encrypt_type=args.get("encrypt_type", ""),
    )


def _plain(body: str, status: int = 200) -> Response:
    return Response(body, status=status, mimetype="text/plain")


@bp.errorhandler(Rejected)
def rejected(exc: Rejected) -> Response:
    log.warning("webhook request rejected: %s", exc.reason)
    return _plain("forbidden" if exc.status == 403 else "bad request", exc.status)


@bp.get("/wechat", strict_slashes=False)
def verify() -> Response:
    """WeChat's URL verification: echo `echostr` when the signature is right."""
    check_signature(runtime().settings, _query())
    return _plain(request.args.get("echostr", ""))


@bp.post("/wechat", strict_slashes=False)
def receive() -> Response:
    rt = runtime()
    query = _query()
    check_signature(rt.settings, query)
    body = request.get_data(cache=False)
    message = open_message(rt.settings, query, body)
    reply = rt.dispatcher.handle(message)
    if not reply:
        return _plain("success")
    xml = TextReply(content=reply, message=message).render()
    if rt.settings.safe_mode:
        xml = encrypt_reply(rt.settings, xml, query)
    return Response(xml, mimetype="application/xml")


@bp.errorhandler(413)
def too_large(_exc: Exception) -> Response:
    current_app.logger.warning("webhook body over the size limit")
    return _plain("payload too large", 413)
