"""Serving a kept file (a photo, a voice message, a document) to a console page: decrypted
from the file store, never cached, its type not guessed by the browser. The caller has
checked the scope and audited the view."""

from __future__ import annotations

from flask import Response, abort

from web.runtime import runtime


def stored_file(key: str, content_type: str | None) -> Response:
    """The file under `key`; 404 when the store no longer has it."""
    try:
        body = runtime().services.files.get(key)
    except KeyError:
        abort(404)
    headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
    return Response(body, mimetype=content_type or "application/octet-stream", headers=headers)
