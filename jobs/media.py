"""Fetching the photos households sent from WeChat: every pending attachment, at once
after it arrives and each minute after (the scheduler's sweep), until it is stored,
rejected, or two days have passed (WeChat deletes temporary media after three)."""

from __future__ import annotations

import logging

import compose
from domain import attachments
from domain.events import Outbox
from jobs.outbox import deliver_notifications
from notification.wechat_api import SharedTokenClient, WeChatSendError

log = logging.getLogger(__name__)


def fetch_media() -> int:
    """Fetch what is pending; returns how many files were stored."""
    stored = 0
    with compose.opened() as services:
        client = SharedTokenClient(services.settings, services.redis)
        try:
            with services.db.session() as session:
                outbox = Outbox(session)
                for attachment in attachments.pending(session):
                    try:
                        fetched = client.download_media(attachment.media_id)
                    except WeChatSendError as exc:
                        log.warning("media %s not fetched: %s", attachment.id, exc)
                        attachments.not_fetched(attachment, str(exc))
                        continue
                    limit = services.settings.media_max_bytes
                    attachments.store(session, attachment, fetched, limit, services.files)
                    attachments.proof_recorded(session, attachment, outbox)
                    stored += attachment.status == "stored"
        finally:
            client.close()
    if stored:
        deliver_notifications()
    return stored
