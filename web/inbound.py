"""Checking and opening what WeChat posts: signature and timestamp on every request,
AES decryption in safe mode (trying the previous key after a rotation), and XML parsing
that refuses DTDs and entities. Every failure is a `Rejected` with an HTTP status."""

from __future__ import annotations

import hashlib
import hmac
import re
import struct
import time
from dataclasses import dataclass
from xml.parsers.expat import ExpatError

from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.messages import BaseMessage

from config.settings import Settings

_FORBIDDEN_XML = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


class Rejected(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class SignedQuery:
    signature: str
    timestamp: str
    nonce: str
    msg_signature: str = ""
    encrypt_type: str = ""


def sign(*parts: str) -> str:
    """WeChat's signature: sha1 of the sorted parts, concatenated."""
    return hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()  # noqa: S324


def check_signature(settings: Settings, query: SignedQuery, now: float | None = None) -> None:
    """Constant-time signature check plus a freshness window on the timestamp."""
    if not (query.signature and query.timestamp and query.nonce):
        raise Rejected(403, "missing signature parameters")
    expected = sign(settings.wechat_token, query.timestamp, query.nonce)
    if not hmac.compare_digest(expected, query.signature.lower()):
        raise Rejected(403, "bad signature")
    try:
        age = abs((now or time.time()) - int(query.timestamp))
    except ValueError as exc:
        raise Rejected(403, "bad timestamp") from exc
    if age > settings.signature_max_age_seconds:
        raise Rejected(403, "stale timestamp")


def _refuse_dtd(body: bytes) -> None:
    if _FORBIDDEN_XML.search(body):
        raise Rejected(400, "DTD or entity declarations are not accepted")


def _decrypt(settings: Settings, query: SignedQuery, body: bytes) -> str:
    if query.encrypt_type != "aes" or not query.msg_signature:
        raise Rejected(403, "safe mode requires encrypt_type=aes and msg_signature")
    keys = [k for k in (settings.wechat_encoding_aes_key, settings.wechat_previous_aes_key) if k]
    other_app = False
    for key in keys:
        crypto = WeChatCrypto(settings.wechat_token, key, settings.wechat_app_id)
        try:
            return str(
                crypto.decrypt_message(body, query.msg_signature, query.timestamp, query.nonce)
            )
        except InvalidSignatureException as exc:
            raise Rejected(403, "bad msg_signature") from exc
        except InvalidAppIdException:
            other_app = True  # another app's message, or a wrong key's garbage: try the next
        except (UnicodeDecodeError, AssertionError, ValueError, struct.error):
            continue  # wrong key (wechatpy raises these, by its padding); try the previous one
        except (ExpatError, KeyError, TypeError) as exc:
            raise Rejected(400, "malformed encrypted envelope") from exc
    if other_app:
        raise Rejected(403, "AppID inside the message does not match")
    raise Rejected(400, "cannot decrypt with the configured EncodingAESKey")


def open_message(settings: Settings, query: SignedQuery, body: bytes) -> BaseMessage:
    """The parsed message, after every check passed."""
    _refuse_dtd(body)
    xml = _decrypt(settings, query, body) if settings.safe_mode else body.decode("utf-8", "replace")
    _refuse_dtd(xml.encode("utf-8"))
    try:
        message = parse_message(xml)
    except (ExpatError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise Rejected(400, "malformed XML") from exc
    if not getattr(message, "source", None):
        raise Rejected(400, "message has no FromUserName")
    return message


def encrypt_reply(settings: Settings, xml: str, query: SignedQuery) -> str:
    crypto = WeChatCrypto(
        settings.wechat_token, settings.wechat_encoding_aes_key, settings.wechat_app_id
    )
    return str(crypto.encrypt_message(xml, query.nonce, query.timestamp))
