"""Delivering the notification outbox through WeChat.

Rows are claimed one at a time (`pending` → `sending` in a conditional UPDATE), so two
workers never send the same row; a customer-service message is tried first and a template
message when WeChat says the 48-hour window is closed or the quota is used (45015, 45047);
network errors, -1 and 5xx are retried with backoff up to a bound, then the row is marked
failed for operators. A row left in `sending` by a killed worker, or whose send got no answer
in time (WeChat may have delivered it), is marked failed, never resent: a notification is
sent at most once.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from redis import Redis
from sqlalchemy import select, update

import messages as msg
from config.settings import Settings
from notification.wechat_api import SharedTokenClient, WeChatSendError
from storage.db import Database
from storage.models import Notification, NotificationStatus, utcnow

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BACKOFF_SECONDS = (30, 120, 600, 1800)
STUCK_AFTER = timedelta(minutes=10)
TEMPLATE_FALLBACK = (45015, 45047)
BATCH = 50


def _claim(database: Database, row_id: int) -> Notification | None:
    with database.session() as session:
        claimed = session.execute(
            update(Notification)
            .where(Notification.id == row_id, Notification.status == NotificationStatus.PENDING)
            .values(
                status=NotificationStatus.SENDING,
                attempts=Notification.attempts + 1,
                next_attempt_at=utcnow(),  # while sending: when it was claimed
            )
        ).rowcount  # type: ignore[attr-defined]
        if not claimed:
            return None
        row = session.get(Notification, row_id)
        if row is not None:
            session.refresh(row, ["user"])
        return row


def _send(client: SharedTokenClient, settings: Settings, row: Notification) -> str:
    """The channel it went out on; raises WeChatSendError when neither worked."""
    openid = row.user.openid
    url = f"{settings.base_url}{row.link}" if row.link else None
    text = f"{row.text}\n{msg.OPEN_IN_CONSOLE.format(url=url)}" if url else row.text
    try:
        client.send_text_message(openid, text)
        return "custom"
    except WeChatSendError as exc:
        if exc.errcode not in TEMPLATE_FALLBACK:
            raise
    client.send_template_message(
        openid,
        settings.wechat_notice_template_id,
        {"thing1": {"value": row.text[:20]}, "time2": {"value": f"{utcnow():%Y-%m-%d %H:%M}"}},
        client_msg_id=f"zhulian-{row.id}",
        url=url,
    )
    return "template"


def _finish(
    database: Database, row: Notification, channel: str | None, error: str | None, retry: bool
) -> None:
    with database.session() as session:
        stored = session.get(Notification, row.id)
        if stored is None:
            return
        if channel is not None:
            stored.status, stored.channel, stored.sent_at = (
                NotificationStatus.SENT,
                channel,
                utcnow(),
            )
        elif not retry or stored.attempts >= MAX_ATTEMPTS:
            stored.status, stored.last_error = NotificationStatus.FAILED, error
            log.error("notification %s failed for good: %s", stored.id, error)
        else:
            delay = BACKOFF_SECONDS[min(stored.attempts - 1, len(BACKOFF_SECONDS) - 1)]
            stored.status, stored.last_error = NotificationStatus.PENDING, error
            stored.next_attempt_at = utcnow() + timedelta(seconds=delay)


def _fail_stuck(database: Database) -> None:
    with database.session() as session:
        session.execute(
            update(Notification)
            .where(
                Notification.status == NotificationStatus.SENDING,
                Notification.next_attempt_at < utcnow() - STUCK_AFTER,
            )
            .values(status=NotificationStatus.FAILED, last_error="worker stopped while sending")
        )


def _due(database: Database) -> list[int]:
    with database.session() as session:
        return list(
            session.scalars(
                select(Notification.id)
                .where(
                    Notification.status == NotificationStatus.PENDING,
                    Notification.next_attempt_at <= utcnow(),
                )
                .order_by(Notification.id)
                .limit(BATCH)
            )
        )


def deliver_due(database: Database, settings: Settings, redis: Redis) -> int:
    """Send every due notification; returns how many went out."""
    sent = 0
    client = SharedTokenClient(settings, redis)
    try:
        _fail_stuck(database)
        for row_id in _due(database):
            row = _claim(database, row_id)
            if row is None:
                continue
            try:
                channel, error, retry = _send(client, settings, row), None, True
            except WeChatSendError as exc:
                channel, error, retry = None, str(exc)[:200], not exc.maybe_delivered
            except Exception as exc:  # a claimed row never stays `sending` while we live
                log.exception("notification %s: unexpected error while sending", row.id)
                channel, error, retry = None, f"{type(exc).__name__}: {exc}"[:200], True
            _finish(database, row, channel, error, retry)
            sent += channel is not None
    finally:
        client.close()
    return sent
