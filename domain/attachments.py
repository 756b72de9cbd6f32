"""Photos households send: attached to their latest open case when they arrive (the
webhook only records WeChat's media id), fetched from WeChat by a job at once and again
each minute until stored (WeChat keeps media three days; we stop trying after two),
checked and cleaned (`domain.images`), kept encrypted (`storage.files`). Delete-my-data
removes the files."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

import messages as msg
from domain.images import NotAcceptable, clean_image
from storage.files import FileStore
from storage.models import Attachment, AttachmentStatus, Case, CaseStatus, User, utcnow
from storage.repositories import audit

OPEN_CASES = (
    CaseStatus.SUBMITTED,
    CaseStatus.VERIFIED,
    CaseStatus.PARTLY_MATCHED,
    CaseStatus.MATCHED,
)
GIVE_UP_AFTER = timedelta(days=2)


def receive_image(session: Session, user: User, media_id: str) -> str:
    """Attach a photo to the sender's latest open case; the reply for the sender."""
    case = session.scalar(
        select(Case)
        .where(Case.user_id == user.id, Case.status.in_(OPEN_CASES))
        .order_by(Case.submitted_at.desc(), Case.id.desc())
    )
    if case is None:
        return msg.IMAGE_NO_CASE
    attachment = Attachment(case_id=case.id, user_id=user.id, media_id=media_id[:128])
    session.add(attachment)
    session.flush()
    audit(session, user.openid, "attachment.received", "case", case.id, attachment=attachment.id)
    return msg.IMAGE_RECEIVED.format(number=case.number)


def pending(session: Session) -> list[Attachment]:
    return list(
        session.scalars(
            select(Attachment)
            .where(Attachment.status == AttachmentStatus.PENDING)
            .order_by(Attachment.id)
            .with_for_update(skip_locked=True)  # two fetches at once never take the same
        )
    )


def store(
    session: Session, attachment: Attachment, data: bytes, max_bytes: int, files: FileStore
) -> None:
    """Keep the photo cleaned and encrypted, or record why it was not kept."""
    try:
        cleaned, content_type = clean_image(data, max_bytes)
    except NotAcceptable as exc:
        attachment.status, attachment.problem = AttachmentStatus.REJECTED, str(exc)
        attachment.size = len(data)
        return
    attachment.storage_key = files.put(cleaned)
    attachment.status, attachment.stored_at = AttachmentStatus.STORED, utcnow()
    attachment.content_type, attachment.size = content_type, len(cleaned)


def not_fetched(attachment: Attachment, problem: str) -> None:
    """WeChat would not give the file this time; after two days, give up."""
    attachment.problem = problem[:120]
    if attachment.received_at < utcnow() - GIVE_UP_AFTER:
        attachment.status = AttachmentStatus.FAILED


def of_case(session: Session, case_id: int) -> list[Attachment]:
    return list(
        session.scalars(
            select(Attachment).where(Attachment.case_id == case_id).order_by(Attachment.id)
        )
    )


def erase(session: Session, user: User, files: FileStore) -> None:
    """Delete-my-data: the files go, the rows say they were erased."""
    for attachment in session.scalars(select(Attachment).where(Attachment.user_id == user.id)):
        if attachment.storage_key:
            files.delete(attachment.storage_key)
        attachment.storage_key, attachment.status = None, AttachmentStatus.ERASED
