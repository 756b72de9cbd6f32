"""The ceiling for the webhook benchmark: an app that only verifies the signature and
parses the XML (the same code as the real webhook), then answers `success`."""

from __future__ import annotations

from flask import Flask, Response, request

from config.settings import load_settings
from web.inbound import Rejected, SignedQuery, check_signature, open_message


def create_bare_app() -> Flask:
    settings = load_settings()
    app = Flask("bare_webhook")

    @app.post("/wechat")
    def receive() -> Response:
        args = request.args
        query = SignedQuery(
            args.get("signature", ""),
            args.get("timestamp", ""),
            args.get("nonce", ""),
            args.get("msg_signature", ""),
            args.get("encrypt_type", ""),
        )
        try:
            check_signature(settings, query)
            open_message(settings, query, request.get_data())
        except Rejected as exc:
            return Response(exc.reason, status=exc.status)
        return Response("success", mimetype="text/plain")

    return app
