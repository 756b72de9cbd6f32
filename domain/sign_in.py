"""Signing in to the console: a one-time link sent by chat (`登录`), WeChat's web
authorisation (the caller exchanges the code for an openid), and the sessions they open.
Links and sessions are stored only as keyed hashes; a link works once, within its minutes;
a session ends at its expiry, on sign-out, or as soon as its person loses console access
(checked on every request by `domain.staff`)."""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.crypto import cipher
from storage.models import ConsoleSession, SignInLink, User, utcnow
from storage.repositories import audit


def _hash(token: str) -> str:
    return cipher().keyed_hash(token)


def create_link(session: Session, user: User, minutes: int) -> str:
    """A new one-time sign-in token for a staff member (shown once, in the chat)."""
    token = secrets.token_hex(20)
    link = SignInLink(
        token_hash=_hash(token), user_id=user.id, expires_at=utcnow() + timedelta(minutes=minutes)
    )
    session.add(link)
    session.flush()
    audit(session, user.openid, "console.link_created", "user", user.id)
    return token


def redeem_link(session: Session, token: str) -> User | None:
    """The person a link signs in, using it up; None when it is unknown, used or expired
    (whether they still have console access is for `domain.staff.staff_for` to say)."""
    now = utcnow()
    user_id = session.scalar(
        update(SignInLink)
        .where(
            SignInLink.token_hash == _hash(token),
            SignInLink.used_at.is_(None),
            SignInLink.expires_at > now,
        )
        .values(used_at=now)
        .returning(SignInLink.user_id)
    )
    return session.get(User, user_id) if user_id is not None else None


def known_user(session: Session, openid: str) -> User | None:
    """The user of an openid WeChat vouched for, if the service knows them."""
    return session.scalar(select(User).where(User.openid == openid))


def open_session(session: Session, user: User, via: str, hours: int) -> str:
    token = secrets.token_hex(32)
    session.add(
        ConsoleSession(
            token_hash=_hash(token),
            user_id=user.id,
            via=via,
            expires_at=utcnow() + timedelta(hours=hours),
        )
    )
    audit(session, user.openid, "console.signed_in", "user", user.id, via=via)
    return token


def session_user(session: Session, token: str) -> User | None:
    """The person of a live session (not ended, not expired)."""
    return session.scalar(
        select(User)
        .join(ConsoleSession, ConsoleSession.user_id == User.id)
        .where(
            ConsoleSession.token_hash == _hash(token),
            ConsoleSession.ended_at.is_(None),
            ConsoleSession.expires_at > utcnow(),
        )
    )


def end_session(session: Session, token: str) -> None:
    user = session_user(session, token)
    session.execute(
        update(ConsoleSession)
        .where(ConsoleSession.token_hash == _hash(token), ConsoleSession.ended_at.is_(None))
        .values(ended_at=utcnow())
    )
    if user is not None:
        audit(session, user.openid, "console.signed_out", "user", user.id)
