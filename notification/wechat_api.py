"""Outbound WeChat API: one shared access token in Redis, refreshed by one process at a time,
and customer-service text messages with WeChat's error codes read on every answer."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import requests
from redis import Redis
from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException, WeChatOAuthException
from wechatpy.oauth import WeChatOAuth
from wechatpy.session.redisstorage import RedisStorage

from config.settings import Settings

log = logging.getLogger(__name__)

T = TypeVar("T")
TOKEN_ERRORS = (40001, 40014, 42001)
# Refresh a token this long before WeChat says it expires.
TOKEN_MARGIN_SECONDS = 300
HTTP_TIMEOUT_SECONDS = 5


class WeChatSendError(Exception):
    """A send WeChat refused (errcode set) or that never got an answer (errcode None).
    `maybe_delivered`: the request went out and no answer came in time, so WeChat may have
    delivered it; sending again could reach the user twice."""

    def __init__(self, errcode: int | None, errmsg: str, maybe_delivered: bool = False) -> None:
        super().__init__(f"{errcode}: {errmsg}")
        self.errcode = errcode
        self.maybe_delivered = maybe_delivered


class SharedTokenClient(WeChatClient):
    """wechatpy's client pointed at `WECHAT_API_BASE_URL`, with the token shared in Redis.

    wechatpy keeps the token's expiry in process memory and fetches without a lock or a
    timeout; here the Redis key's TTL is the only truth and a Redis lock serialises refreshes.
    """

    def __init__(self, settings: Settings, redis: Redis) -> None:
        super().__init__(
            settings.wechat_app_id,
            settings.wechat_app_secret,
            session=RedisStorage(redis, prefix="wechatpy"),
            timeout=HTTP_TIMEOUT_SECONDS,
            auto_retry=False,
        )
        self.API_BASE_URL = f"{settings.wechat_api_base_url}/cgi-bin/"
        self._token_url = f"{settings.wechat_api_base_url}/cgi-bin/token"
        self._redis = redis

    @property
    def access_token(self) -> str:
        token = self.session.get(self.access_token_key)
        return token if token else self.refresh_token(stale=None)

    def refresh_token(self, stale: str | None) -> str:
        """Fetch a new token unless another process already replaced `stale`."""
        with self._redis.lock(
            f"wechat:token-refresh:{self.appid}", timeout=15, blocking_timeout=10
        ):
            current = self.session.get(self.access_token_key)
            if current and current != stale:
                return str(current)
            response = self._http.get(
                self._token_url,
                params={
                    "grant_type": "client_credential",
                    "appid": self.appid,
                    "secret": self.secret,
                },
                timeout=HTTP_TIMEOUT_SECONDS,
            )
            response.raise_for_status()
            result = response.json()
            if result.get("errcode"):
                raise WeChatSendError(int(result["errcode"]), str(result.get("errmsg", "")))
            ttl = max(60, int(result.get("expires_in", 7200)) - TOKEN_MARGIN_SECONDS)
            self.session.set(self.access_token_key, result["access_token"], ttl)
            log.info("WeChat access token refreshed")
            return str(result["access_token"])

    def close(self) -> None:
        self._http.close()

    def _with_token_retry(self, call: Callable[[], T]) -> T:
        """Run an API call; on an expired token refresh once and retry once."""
        for attempt in (1, 2):
            token = None
            try:
                token = self.access_token  # may fetch one: its errors are send errors too
                return call()
            except WeChatClientException as exc:
                errcode = int(exc.errcode) if exc.errcode is not None else None
                if errcode in TOKEN_ERRORS and attempt == 1:
                    self.refresh_token(stale=token)
                    continue
                raise WeChatSendError(errcode, str(exc.errmsg)) from exc
            except requests.ReadTimeout as exc:
                raise WeChatSendError(None, str(exc), maybe_delivered=True) from exc
            except requests.RequestException as exc:
                raise WeChatSendError(None, str(exc)) from exc
        raise AssertionError("unreachable: the second attempt returns or raises")

    def download_media(self, media_id: str) -> tuple[bytes, str]:
        """A temporary media file a user sent, and its content type (WeChat keeps them
        three days; an unknown id is WeChatSendError 40007)."""
        response = self._with_token_retry(lambda: self.media.download(media_id))
        return response.content, response.headers.get("Content-Type", "")

    def create_menu(self, menu: Mapping[str, Any]) -> None:
        """Publish the custom menu (clients pick it up within about five minutes)."""
        self._with_token_retry(lambda: self.menu.create(menu))

    def send_text_message(self, openid: str, content: str) -> None:
        """A customer-service text (only within 48 hours of the user's last message)."""
        self._with_token_retry(lambda: self.message.send_text(openid, content))

    def send_template_message(
        self,
        openid: str,
        template_id: str,
        data: dict[str, dict[str, str]],
        client_msg_id: str,
        url: str | None = None,
    ) -> None:
        """A template message. Posted directly: wechatpy's `send_template` cannot pass
        `client_msg_id`, with which WeChat drops a repeated send for 10 minutes. `url`:
        the page the message opens when tapped (a console page for staff)."""
        body: dict[str, object] = {
            "touser": openid,
            "template_id": template_id,
            "data": data,
            "client_msg_id": client_msg_id,
        }
        if url:
            body["url"] = url
        self._with_token_retry(lambda: self.post("message/template/send", data=body))


class WebAuthorisation(WeChatOAuth):
    """WeChat's web authorisation (网页授权, `snsapi_base`) for the console: the page to
    send the browser to, and the openid a returned code stands for. wechatpy's client,
    pointed at the configured hosts (the stand-in's here) and with a timeout."""

    def __init__(self, settings: Settings, redirect_uri: str, state: str) -> None:
        super().__init__(
            settings.wechat_app_id, settings.wechat_app_secret, redirect_uri, "snsapi_base", state
        )
        self.API_BASE_URL = f"{settings.wechat_api_base_url}/"
        self.OAUTH_BASE_URL = f"{settings.wechat_oauth_base_url}/connect/"

    def _request(self, method: str, url_or_endpoint: str, **kwargs: Any) -> Any:
        kwargs.setdefault("timeout", HTTP_TIMEOUT_SECONDS)
        return super()._request(method, url_or_endpoint, **kwargs)

    def openid_for(self, code: str) -> str | None:
        """The openid WeChat gives for the code; None when WeChat refuses it (a used or
        made-up code) or cannot be reached."""
        try:
            return str(self.fetch_access_token(code)["openid"])
        except (WeChatOAuthException, requests.RequestException, KeyError, ValueError):
            log.warning("web authorisation code refused or WeChat unreachable", exc_info=True)
            return None
