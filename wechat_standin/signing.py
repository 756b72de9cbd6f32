"""Messages as WeChat sends them: XML bodies, signed query strings, and in safe mode the
AES envelope, built with the same algorithm WeChat uses (wechatpy's implementation)."""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from xml.sax.saxutils import escape

import xmltodict
from wechatpy.crypto import WeChatCrypto

OFFICIAL_ACCOUNT = "gh_zhulian000001"


def sign(*parts: str) -> str:
    """WeChat's signature, computed here independently of the service's own check: sha1
    of the sorted parts, concatenated."""
    return hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()  # noqa: S324


@dataclass(frozen=True)
class Account:
    """What the stand-in shares with the service: token, AppID and optional AES key."""

    token: str
    app_id: str
    aes_key: str = ""


def text_xml(openid: str, content: str, msg_id: int, create_time: int | None = None) -> str:
    return (
        "<xml>"
        f"<ToUserName><![CDATA[{OFFICIAL_ACCOUNT}]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{create_time or int(time.time())}</CreateTime>"
        "<MsgType><![CDATA[text]]></MsgType>"
        f"<Content>{escape(content)}</Content>"
        f"<MsgId>{msg_id}</MsgId>"
        "</xml>"
    )


def image_xml(openid: str, media_id: str, msg_id: int, create_time: int | None = None) -> str:
    return (
        "<xml>"
        f"<ToUserName><![CDATA[{OFFICIAL_ACCOUNT}]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{create_time or int(time.time())}</CreateTime>"
        "<MsgType><![CDATA[image]]></MsgType>"
        f"<PicUrl><![CDATA[http://mmbiz.qpic.cn/standin/{media_id}]]></PicUrl>"
        f"<MediaId><![CDATA[{media_id}]]></MediaId>"
        f"<MsgId>{msg_id}</MsgId>"
        "</xml>"
    )


def voice_xml(openid: str, media_id: str, msg_id: int, recognition: str | None = None) -> str:
    """A voice message; `Recognition` only when WeChat transcribed it (often it does not)."""
    heard = f"<Recognition><![CDATA[{recognition}]]></Recognition>" if recognition else ""
    return (
        "<xml>"
        f"<ToUserName><![CDATA[{OFFICIAL_ACCOUNT}]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime>"
        "<MsgType><![CDATA[voice]]></MsgType>"
        f"<MediaId><![CDATA[{media_id}]]></MediaId>"
        "<Format><![CDATA[amr]]></Format>"
        f"{heard}"
        f"<MsgId>{msg_id}</MsgId>"
        "</xml>"
    )


def pics_info(md5_sums: list[str]) -> str:
    """What the menu's photo button sends first (the photos follow as image messages)."""
    items = "".join(f"<item><PicMd5Sum><![CDATA[{md5}]]></PicMd5Sum></item>" for md5 in md5_sums)
    return f"<SendPicsInfo><Count>{len(md5_sums)}</Count><PicList>{items}</PicList></SendPicsInfo>"


def location_info(latitude: float, longitude: float, label: str) -> str:
    """What the menu's location picker sends (a location message follows)."""
    return (
        f"<SendLocationInfo><Location_X>{latitude}</Location_X><Location_Y>{longitude}"
        f"</Location_Y><Scale>15</Scale><Label><![CDATA[{label}]]></Label>"
        "<Poiname><![CDATA[]]></Poiname></SendLocationInfo>"
    )


def location_xml(openid: str, latitude: float, longitude: float, label: str, msg_id: int) -> str:
    return (
        "<xml>"
        f"<ToUserName><![CDATA[{OFFICIAL_ACCOUNT}]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime>"
        "<MsgType><![CDATA[location]]></MsgType>"
        f"<Location_X>{latitude}</Location_X><Location_Y>{longitude}</Location_Y>"
        f"<Scale>15</Scale><Label><![CDATA[{label}]]></Label>"
        f"<MsgId>{msg_id}</MsgId>"
        "</xml>"
    )


def event_xml(
    openid: str, event: str, create_time: int | None = None, key: str = "", body: str = ""
) -> str:
    """An event; `key` is a menu button's EventKey, `body` what the event carries
    (SendPicsInfo, SendLocationInfo)."""
    event_key = f"<EventKey><![CDATA[{key}]]></EventKey>" if key else ""
    return (
        "<xml>"
        f"<ToUserName><![CDATA[{OFFICIAL_ACCOUNT}]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{create_time or int(time.time())}</CreateTime>"
        "<MsgType><![CDATA[event]]></MsgType>"
        f"<Event><![CDATA[{event}]]></Event>"
        f"{event_key}{body}"
        "</xml>"
    )


def signed_request(
    account: Account, xml: str, timestamp: int | None = None, nonce: str | None = None
) -> tuple[dict[str, str], bytes]:
    """Query parameters and body for POSTing `xml` to the webhook, like WeChat does."""
    ts = str(timestamp or int(time.time()))
    nonce = nonce or str(secrets.randbelow(10**10))
    query = {"signature": sign(account.token, ts, nonce), "timestamp": ts, "nonce": nonce}
    if not account.aes_key:
        return query, xml.encode("utf-8")
    crypto = WeChatCrypto(account.token, account.aes_key, account.app_id)
    envelope = crypto.encrypt_message(xml, nonce, ts)
    encrypted = xmltodict.parse(envelope)["xml"]["Encrypt"]
    body = (
        f"<xml><ToUserName><![CDATA[{OFFICIAL_ACCOUNT}]]></ToUserName>"
        f"<Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>"
    )
    query.update(encrypt_type="aes", msg_signature=sign(account.token, ts, nonce, encrypted))
    return query, body.encode("utf-8")


def read_reply(account: Account, body: bytes) -> str | None:
    """The text content of a webhook reply (decrypted in safe mode); None for `success`."""
    text = body.decode("utf-8")
    if not text.strip() or text.strip() == "success":
        return None
    if account.aes_key:
        crypto = WeChatCrypto(account.token, account.aes_key, account.app_id)
        envelope = xmltodict.parse(text)["xml"]
        text = crypto.decrypt_message(
            text, envelope["MsgSignature"], envelope["TimeStamp"], envelope["Nonce"]
        )
    content = xmltodict.parse(text)["xml"].get("Content")
    return str(content) if content is not None else None
