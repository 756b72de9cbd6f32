"""Posting user messages to the service's webhook the way WeChat does: signed (encrypted in
safe mode), a 5-second wait, and up to three deliveries of the same message."""

from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Protocol

import requests

from wechat_standin.signing import (
    Account,
    event_xml,
    image_xml,
    location_info,
    location_xml,
    pics_info,
    read_reply,
    signed_request,
    text_xml,
    voice_xml,
)

# (params, body, timeout) -> (HTTP status, body); raises TimeoutError when no answer came.
Transport = Callable[[dict[str, str], bytes, float], tuple[int, bytes]]

WECHAT_TIMEOUT_SECONDS = 5.0
WECHAT_DELIVERIES = 3
_msg_ids = itertools.count(int(time.time() * 1000) * 1000)


def next_msg_id() -> int:
    return next(_msg_ids)


def http_transport(url: str) -> Transport:
    session = requests.Session()

    def post(params: dict[str, str], body: bytes, timeout: float) -> tuple[int, bytes]:
        started = time.monotonic()
        try:
            response = session.post(
                url,
                params=params,
                data=body,
                timeout=timeout,
                headers={"Content-Type": "text/xml"},
            )
        except requests.Timeout as exc:
            raise TimeoutError(str(exc)) from exc
        except requests.ConnectionError as exc:
            # No answer at all (the server died or refused): like WeChat, try again once
            # the five seconds are up.
            time.sleep(max(0.0, timeout - (time.monotonic() - started)))
            raise TimeoutError(str(exc)) from exc
        return response.status_code, response.content

    return post


class _WsgiClient(Protocol):
    def post(self, path: str, *, query_string: dict[str, str], data: bytes) -> Any: ...


def wsgi_transport(client: _WsgiClient) -> Transport:
    """Deliveries straight into the app in the same process (Flask's test client)."""

    def post(params: dict[str, str], body: bytes, _timeout: float) -> tuple[int, bytes]:
        response = client.post("/wechat", query_string=params, data=body)
        return response.status_code, response.data

    return post


@dataclass
class Delivery:
    status: int | None
    reply: str | None
    attempts: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


class WebhookCaller:
    def __init__(
        self,
        account: Account,
        transport: Transport,
        timeout: float = WECHAT_TIMEOUT_SECONDS,
        deliveries: int = WECHAT_DELIVERIES,
    ) -> None:
        self.account = account
        self.transport = transport
        self.timeout = timeout
        self.deliveries = deliveries

    def deliver(self, xml: str) -> Delivery:
        """Post one message; retry with the same signature and body when no answer came in
        time, as WeChat does. The reply text is decrypted and read from the XML."""
        params, body = signed_request(self.account, xml)
        status: int | None = None
        for attempt in range(1, self.deliveries + 1):
            try:
                status, content = self.transport(params, body, self.timeout)
            except TimeoutError:
                continue
            if status == 200:
                return Delivery(status, read_reply(self.account, content), attempt)
            return Delivery(status, None, attempt)
        return Delivery(status, None, self.deliveries)

    def send_text(self, openid: str, text: str, msg_id: int | None = None) -> Delivery:
        return self.deliver(text_xml(openid, text, msg_id or next_msg_id()))

    def send_image(self, openid: str, media_id: str) -> Delivery:
        return self.deliver(image_xml(openid, media_id, next_msg_id()))

    def send_voice(self, openid: str, media_id: str, recognition: str | None = None) -> Delivery:
        return self.deliver(voice_xml(openid, media_id, next_msg_id(), recognition))

    def send_location(self, openid: str, latitude: float, longitude: float, label: str) -> Delivery:
        return self.deliver(location_xml(openid, latitude, longitude, label, next_msg_id()))

    def send_event(self, openid: str, event: str, key: str = "") -> Delivery:
        return self.deliver(event_xml(openid, event, key=key))

    def send_photos_from_menu(self, openid: str, media_ids: list[str]) -> list[Delivery]:
        """The menu's photo button: the pic_photo_or_album event (SendPicsInfo), then each
        photo as an image message."""
        md5_sums = [hashlib.md5(media.encode()).hexdigest() for media in media_ids]  # noqa: S324
        body = pics_info(md5_sums)
        first = self.deliver(event_xml(openid, "pic_photo_or_album", key="photo", body=body))
        return [first, *(self.send_image(openid, media) for media in media_ids)]

    def send_location_from_menu(
        self, openid: str, latitude: float, longitude: float, label: str
    ) -> list[Delivery]:
        """The menu's location picker: the location_select event (SendLocationInfo), then
        the same place as a location message."""
        body = location_info(latitude, longitude, label)
        first = self.deliver(event_xml(openid, "location_select", key="location", body=body))
        return [first, self.send_location(openid, latitude, longitude, label)]
