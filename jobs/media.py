"""Fetching the photos households sent from WeChat: every pending attachment, at once
after it arrives and each minute after (the scheduler's sweep), until it is stored,
rejected, or two days have passed (WeChat deletes temporary media after three). Each in its
own short transaction: one that WeChat or the file store cannot take now stays pending for
the next sweep, and the others go on."""

from __future__ import annotations

import logging

import compose
from conversation.engine import Services
from domain import attachments
from domain.events import Outbox
from jobs.outbox import deliver_notifications
from notification.wechat_api import SharedTokenClient, WeChatSendError

log = logging.getLogger(__name__)


def fetch_media() -> int:
    """Fetch what is pending; returns how many files were stored."""
    with compose.opened() as services:
        client = SharedTokenClient(services.settings, services.redis)
        try:
            with services.db.session() as session:
                waiting = attachments.pending(session)
            stored = sum(_fetch_one(services, client, each) for each in waiting)
        finally:
            client.close()
    if stored:
        deliver_notifications()
    return stored


def _fetch_one(services: Services, client: SharedTokenClient, attachment_id: int) -> bool:
    with services.db.session() as session:
        attachment = attachments.claim(session, attachment_id)
        if attachment is None:
            return False
        try:
            fetched = client.download_media(attachment.media_id)
            limit = services.settings.media_max_bytes
            attachments.store(session, attachment, fetched, limit, services.files)
        except (WeChatSendError, OSError) as exc:  # OSError: the file store cannot take it
            log.warning("media %s not fetched: %s", attachment.id, exc)
            attachments.not_fetched(attachment, str(exc))
            return False
        attachments.proof_recorded(session, attachment, Outbox(session))
        return attachment.status == "stored"
