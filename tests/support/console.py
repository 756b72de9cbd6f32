"""The console through Flask's test client, for flows that need no browser: sign in with
the one-time link from the chat, open pages, and submit forms with their CSRF token."""

from __future__ import annotations

import re
from typing import Any

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.support.wechat import WeChatUser

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


class ConsoleClient:
    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self.token = ""

    def get(self, path: str, **query: Any) -> TestResponse:
        response = self.client.get(path, query_string=query or None)
        if response.mimetype == "text/html" and (
            found := TOKEN.search(response.get_data(as_text=True))
        ):
            self.token = found.group(1)
        return response

    def post(self, path: str, data: dict[str, Any] | None = None) -> TestResponse:
        """A form post with the CSRF token of the last page opened."""
        return self.client.post(path, data={"csrf_token": self.token, **(data or {})})

    def sign_in(self, person: WeChatUser) -> TestResponse:
        reply = person.say("登录")
        link = next(w for w in reply.split() if "/console/link/" in w)
        path = link[link.index("/console/") :]
        self.get(path)
        return self.post(path)


def sign_in(client: FlaskClient, person: WeChatUser) -> ConsoleClient:
    """A console signed in as `person` (a staff member), on its own cookie jar."""
    console = ConsoleClient(client)
    response = console.sign_in(person)
    assert response.status_code == 302, response.get_data(as_text=True)
    return console
