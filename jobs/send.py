"""A late reply: the answer that missed WeChat's reply budget, sent as a customer-service
message."""

from __future__ import annotations

import logging

from redis import Redis

from config.settings import load_settings
from notification.wechat_api import SharedTokenClient, WeChatSendError
from storage.crypto import FieldCipher

log = logging.getLogger(__name__)

# Sending cannot succeed later for these: outside the 48-hour window, or over the quota.
UNDELIVERABLE = (45015, 45047)


def send_text(openid: str, sealed: str) -> bool:
    """Send a customer-service text, given encrypted with the data key (job arguments
    rest in Redis). False when WeChat says it cannot be delivered, or gave no answer in time
    (it may have delivered it); raises on errors worth retrying (network, -1, 5xx), so RQ's
    Retry applies."""
    settings = load_settings()
    text = FieldCipher(settings.data_encryption_key).decrypt(sealed)
    with Redis.from_url(settings.redis_url) as redis:
        client = SharedTokenClient(settings, redis)
        try:
            client.send_text_message(openid, text)
        except WeChatSendError as exc:
            if exc.errcode in UNDELIVERABLE:
                log.warning("reply to %s undeliverable (errcode %s)", openid, exc.errcode)
                return False
            if exc.maybe_delivered:  # sending again could reach the user twice
                log.warning("reply to %s got no answer in time; not sent again", openid)
                return False
            raise
        finally:
            client.close()
    return True
