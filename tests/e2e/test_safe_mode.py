"""Safe (AES) mode: WeChat's official vector, and a whole round trip through the webhook."""

from collections.abc import Callable

import pytest
from flask import Flask
from wechatpy.crypto import WeChatCrypto

from config.settings import Settings
from tests.support.wechat import StandIn, WeChatUser
from web.inbound import SignedQuery, open_message
from wechat_standin.signing import Account, read_reply, signed_request, text_xml
from wechat_standin.webhook_caller import WebhookCaller, wsgi_transport

AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
OTHER_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut"
SIGNED_FIELDS = ("signature", "timestamp", "nonce", "msg_signature", "encrypt_type")


@pytest.fixture
def safe_app(make_app: Callable[..., Flask]) -> Flask:
    return make_app(wechat_encoding_aes_key=AES_KEY)


def test_official_vector_round_trip() -> None:
    crypto = WeChatCrypto("spamtest", AES_KEY, "wx2c2769f8efd9abc2")
    account = Account("spamtest", "wx2c2769f8efd9abc2", AES_KEY)
    params, body = signed_request(account, text_xml("o_x", "你好", 1), 1409735669, "1320562132")
    xml = crypto.decrypt_message(
        body, params["msg_signature"], params["timestamp"], params["nonce"]
    )
    assert "<Content>你好</Content>" in xml


def test_safe_mode_conversation(safe_app: Flask, standin: StandIn) -> None:
    user = WeChatUser(
        safe_app.test_client(), safe_app.extensions["zhulian"].settings, standin, "o_aes"
    )
    assert "求助" in user.say("你好")


def test_reply_is_encrypted(safe_app: Flask) -> None:
    settings = safe_app.extensions["zhulian"].settings
    account = Account(settings.wechat_token, settings.wechat_app_id, AES_KEY)
    params, body = signed_request(account, text_xml("o_aes2", "你好", 5))
    response = safe_app.test_client().post("/wechat", query_string=params, data=body)
    assert b"<Encrypt>" in response.data and "求助".encode() not in response.data
    assert "求助" in (read_reply(account, response.data) or "")


def test_wrong_aes_key_is_refused(safe_app: Flask) -> None:
    settings = safe_app.extensions["zhulian"].settings
    wrong = Account(settings.wechat_token, settings.wechat_app_id, OTHER_KEY)
    caller = WebhookCaller(wrong, wsgi_transport(safe_app.test_client()))
    assert caller.send_text("o_aes3", "你好").status == 400


def test_previous_key_still_accepted_after_rotation(
    make_app: Callable[..., Flask], settings: Settings
) -> None:
    rotated = make_app(wechat_encoding_aes_key=OTHER_KEY, wechat_previous_aes_key=AES_KEY)
    old = Account(settings.wechat_token, settings.wechat_app_id, AES_KEY)
    params, body = signed_request(old, text_xml("o_aes4", "你好", 6))
    response = rotated.test_client().post("/wechat", query_string=params, data=body)
    assert response.status_code == 200


def test_every_message_under_the_previous_key_opens(settings: Settings) -> None:
    """Decrypted with the current key first, a message under the previous one is garbage
    whose padding byte may be anything (0 left nothing to read, once in 256): each of many
    such messages still opens with the previous key."""
    rotated = settings.with_overrides(
        wechat_encoding_aes_key=OTHER_KEY, wechat_previous_aes_key=AES_KEY
    )
    old = Account(settings.wechat_token, settings.wechat_app_id, AES_KEY)
    for n in range(1000):
        params, body = signed_request(old, text_xml("o_aes5", f"你好{n}", n + 1))
        query = SignedQuery(**{k: params.get(k, "") for k in SIGNED_FIELDS})
        assert open_message(rotated, query, body).content == f"你好{n}"


def test_plain_request_to_a_safe_mode_service_is_refused(safe_app: Flask) -> None:
    settings = safe_app.extensions["zhulian"].settings
    plain = Account(settings.wechat_token, settings.wechat_app_id)
    params, body = signed_request(plain, text_xml("o_aes5", "你好", 7))
    assert safe_app.test_client().post("/wechat", query_string=params, data=body).status_code == 403
