"""Every malformed, forged or hostile request is refused before any work, and nothing is
stored for it."""

import time

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.test import TestResponse

from config.settings import Settings
from storage.models import InboundMessage, User
from tests.support.config import TEST_APP_ID, TEST_TOKEN
from web.inbound import sign
from wechat_standin.signing import Account, signed_request, text_xml

ACCOUNT = Account(TEST_TOKEN, TEST_APP_ID)


def stored_messages(app: Flask) -> int:
    with app.extensions["zhulian"].services.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(InboundMessage)) or 0)


def post(client: FlaskClient, params: dict[str, str], body: bytes) -> TestResponse:
    return client.post("/wechat", query_string=params, data=body)


def test_official_signature_vector() -> None:
    assert (
        sign("spamtest", "1409735669", "1320562132") == "16120ec1b8dbb870f510d87ce6bc2463eae6ca1a"
    )


def test_get_verification_echoes_only_with_a_valid_signature(client: FlaskClient) -> None:
    ts = str(int(time.time()))
    good = {
        "signature": sign(TEST_TOKEN, ts, "42"),
        "timestamp": ts,
        "nonce": "42",
        "echostr": "hi",
    }
    assert client.get("/wechat", query_string=good).data == b"hi"
    forged = {**good, "signature": "0" * 40}
    assert client.get("/wechat", query_string=forged).status_code == 403
    # No redirect on a trailing slash: WeChat treats a 301 as failure.
    assert client.get("/wechat/", query_string=good).status_code == 200


def test_forged_signature_is_refused_and_nothing_stored(app: Flask, client: FlaskClient) -> None:
    params, body = signed_request(ACCOUNT, text_xml("o_attacker", "你好", 1))
    params["signature"] = sign("wrong-token", params["timestamp"], params["nonce"])
    assert post(client, params, body).status_code == 403
    assert stored_messages(app) == 0


def test_missing_signature_is_refused(client: FlaskClient) -> None:
    assert client.post("/wechat", data=text_xml("o_x", "你好", 2)).status_code == 403


def test_stale_timestamp_is_refused(app: Flask, client: FlaskClient) -> None:
    stale = int(time.time()) - 3600
    params, body = signed_request(ACCOUNT, text_xml("o_x", "你好", 3), timestamp=stale)
    assert post(client, params, body).status_code == 403
    assert stored_messages(app) == 0


def test_malformed_xml_is_a_400(app: Flask, client: FlaskClient) -> None:
    for body in (b"<xml><FromUserName>o_x</FromUserName", b"not xml at all", b"<a>b</a>", b""):
        params, _ = signed_request(ACCOUNT, "")
        assert post(client, params, body).status_code == 400, body
    assert stored_messages(app) == 0


def test_entity_expansion_payload_is_refused(app: Flask, client: FlaskClient) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<xml><ToUserName>gh</ToUserName><FromUserName>o_x</FromUserName>"
        "<CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&lol2;</Content>"
        "<MsgId>9</MsgId></xml>"
    )
    params, body = signed_request(ACCOUNT, bomb)
    assert post(client, params, body).status_code == 400
    external = bomb.replace('<!ENTITY lol "lol">', '<!ENTITY lol SYSTEM "file:///etc/passwd">')
    params, body = signed_request(ACCOUNT, external)
    assert post(client, params, body).status_code == 400
    assert stored_messages(app) == 0


def test_oversized_body_is_a_413(app: Flask, client: FlaskClient, settings: Settings) -> None:
    huge = text_xml("o_x", "好" * settings.max_body_bytes, 4)
    params, body = signed_request(ACCOUNT, huge)
    assert post(client, params, body).status_code == 413
    assert stored_messages(app) == 0


def test_non_text_message_gets_a_clear_answer(app: Flask, client: FlaskClient) -> None:
    """A video (photos and voice have their own tests: tests/e2e/test_media.py)."""
    video = (
        "<xml><ToUserName>gh</ToUserName><FromUserName>o_pic</FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType>video</MsgType>"
        "<MediaId>m</MediaId><ThumbMediaId>t</ThumbMediaId><MsgId>77</MsgId></xml>"
    )
    params, body = signed_request(ACCOUNT, video)
    response = post(client, params, body)
    assert response.status_code == 200
    assert "文字" in response.get_data(as_text=True)
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalar(select(User).where(User.openid == "o_pic")) is not None
