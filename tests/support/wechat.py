"""Test helpers: a WeChat user talking to the webhook through signed XML, and a handle on
the WeChat stand-in (what was pushed, faults to inject)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests
from flask.testing import FlaskClient, FlaskCliRunner

from config.settings import Settings
from wechat_standin.server import StandInState
from wechat_standin.signing import Account
from wechat_standin.webhook_caller import Delivery, WebhookCaller, wsgi_transport


@dataclass
class StandIn:
    url: str
    state: StandInState

    def sent(self, openid: str | None = None) -> list[dict[str, Any]]:
        params = {"openid": openid} if openid else {}
        return list(requests.get(f"{self.url}/standin/sent", params=params, timeout=5).json())

    def upload(self, body: bytes, content_type: str) -> str:
        """A file a user is about to send; its media id."""
        answer = requests.post(
            f"{self.url}/standin/media",
            data=body,
            headers={"Content-Type": content_type},
            timeout=5,
        )
        return str(answer.json()["media_id"])

    def inject(self, api: str, **fault: Any) -> None:
        requests.post(f"{self.url}/standin/faults", json={"api": api, **fault}, timeout=5)


class WeChatUser:
    """One WeChat user (an openid) chatting with the service."""

    def __init__(
        self, client: FlaskClient, settings: Settings, standin: StandIn, openid: str
    ) -> None:
        self.openid = openid
        self.client, self.settings, self.standin = client, settings, standin
        self.account = Account(
            settings.wechat_token, settings.wechat_app_id, settings.wechat_encoding_aes_key
        )
        self.caller = WebhookCaller(self.account, wsgi_transport(client))

    def other(self, openid: str) -> WeChatUser:
        """Another WeChat user of the same service."""
        return WeChatUser(self.client, self.settings, self.standin, openid)

    def send(self, text: str, msg_id: int | None = None) -> Delivery:
        self.standin.state.user_wrote(self.openid)
        return self.caller.send_text(self.openid, text, msg_id)

    def send_photo(self, body: bytes, content_type: str = "image/jpeg") -> str:
        """Send a photo as WeChat does: the file goes to WeChat (the stand-in), the
        webhook gets its media id; returns the reply text."""
        media_id = self.standin.upload(body, content_type)
        self.standin.state.user_wrote(self.openid)
        delivery = self.caller.send_image(self.openid, media_id)
        assert delivery.status == 200 and delivery.reply, delivery
        return delivery.reply

    def send_voice(self, body: bytes, recognition: str | None = None) -> str:
        """A voice message, with WeChat's transcript or (as often) without; the reply."""
        media_id = self.standin.upload(body, "audio/amr")
        self.standin.state.user_wrote(self.openid)
        delivery = self.caller.send_voice(self.openid, media_id, recognition)
        assert delivery.status == 200 and delivery.reply, delivery
        return delivery.reply

    def send_location(self, latitude: float, longitude: float, label: str = "") -> str:
        self.standin.state.user_wrote(self.openid)
        delivery = self.caller.send_location(self.openid, latitude, longitude, label)
        assert delivery.status == 200 and delivery.reply, delivery
        return delivery.reply

    def send_photos_from_menu(self, *bodies: bytes) -> list[str | None]:
        """The menu's 发照片 button: an event, then the photos; the replies to each."""
        media_ids = [self.standin.upload(body, "image/jpeg") for body in bodies]
        self.standin.state.user_wrote(self.openid)
        deliveries = self.caller.send_photos_from_menu(self.openid, media_ids)
        assert all(d.status == 200 for d in deliveries), deliveries
        return [d.reply for d in deliveries]

    def send_location_from_menu(
        self, latitude: float, longitude: float, label: str = ""
    ) -> list[str | None]:
        """The menu's 发位置 picker: an event, then the location message; both replies."""
        self.standin.state.user_wrote(self.openid)
        deliveries = self.caller.send_location_from_menu(self.openid, latitude, longitude, label)
        assert all(d.status == 200 for d in deliveries), deliveries
        return [d.reply for d in deliveries]

    def say(self, text: str) -> str:
        """Send a text and return the reply text (the webhook must answer 200 with one)."""
        delivery = self.send(text)
        assert delivery.status == 200, delivery
        assert delivery.reply, f"no reply to {text!r}"
        return delivery.reply

    def conversation(self, *texts: str) -> list[str]:
        return [self.say(text) for text in texts]

    def subscribe(self) -> Delivery:
        self.standin.state.user_wrote(self.openid)
        return self.caller.send_event(self.openid, "subscribe")

    def pushed(self) -> list[dict[str, Any]]:
        return self.standin.sent(self.openid)


def invite_code(runner: FlaskCliRunner, org: str, *regions: str, admin: bool = False) -> str:
    """An invite code from the operator's CLI."""
    args = ["social-worker", "invite", "--org", org, *(["--admin"] if admin else [])]
    for region in regions:
        args += ["--region", region]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    return result.output.split("invite code:")[1].split()[0]
