"""Photos households send: attached to their latest open case when they arrive (the
webhook only records WeChat's media id), fetched from WeChat by a job at once and again
each minute until stored (WeChat keeps media three days; we stop trying after two),
checked and cleaned (`domain.images`), kept encrypted (`storage.files`). Delete-my-data
removes the files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

import messages as msg
from domain.events import Event, Outbox, StaleRecord
from domain.images import NotAcceptable, clean_image
from storage.files import FileStore
from storage.models import (
    Attachment,
    AttachmentStatus,
    AuditEntry,
    Case,
    CaseStatus,
    Match,
    MatchStatus,
    User,
    utcnow,
)
from storage.repositories import audit
from storage.social_work import OPEN_STATUSES, active_worker

GIVE_UP_AFTER = timedelta(days=2)
PROOF_WINDOW = timedelta(days=1)  # a worker's photo within a day of 送达 is its proof
VOICE_MAX_BYTES = 2 * 1024 * 1024  # WeChat's own limit for a voice message


def open_cases(
    session: Session, user: User, statuses: Sequence[CaseStatus] = OPEN_STATUSES
) -> list[Case]:
    """The sender's open cases (or those in the given statuses), the latest first."""
    return list(
        session.scalars(
            select(Case)
            .where(Case.user_id == user.id, Case.status.in_(statuses))
            .order_by(Case.submitted_at.desc(), Case.id.desc())
        )
    )


def _latest_open_case(session: Session, user: User) -> Case | None:
    found = open_cases(session, user)
    return found[0] if found else None


def hold_image(session: Session, user: User, media_id: str) -> Attachment:
    """A photo whose case the sender is asked for (several are open): fetched and kept
    meanwhile, attached when they answer (`assign`)."""
    attachment = Attachment(case_id=None, user_id=user.id, media_id=media_id[:128])
    session.add(attachment)
    session.flush()
    audit(session, user.openid, "attachment.received", "user", user.id, attachment=attachment.id)
    return attachment


def assign(session: Session, user: User, attachment_ids: list[int], case_id: int) -> Case | None:
    """Attach held photos to one of the sender's open cases; the case, or None."""
    case = next((c for c in open_cases(session, user) if c.id == case_id), None)
    if case is None:
        return None
    for attachment in session.scalars(
        select(Attachment).where(Attachment.id.in_(attachment_ids), Attachment.user_id == user.id)
    ):
        attachment.case_id = case.id
    audit(session, user.openid, "attachment.assigned", "case", case.id)
    return case


def attach_held(session: Session, user: User, attachment_ids: list[int], case: Case) -> None:
    """Photos the sender sent while filing a case (the household's own, or a social worker
    filing on its behalf) go with the case that was written."""
    for attachment in session.scalars(
        select(Attachment).where(
            Attachment.id.in_(attachment_ids),
            Attachment.user_id == user.id,
            Attachment.case_id.is_(None),
        )
    ):
        attachment.case_id = case.id
    audit(session, user.openid, "attachment.assigned", "case", case.id)


def discard_held(session: Session, user: User, attachment_ids: list[int], files: FileStore) -> None:
    """Photos sent while filing a case that was never written: erased, not kept unseen."""
    for attachment in session.scalars(
        select(Attachment).where(
            Attachment.id.in_(attachment_ids),
            Attachment.user_id == user.id,
            Attachment.case_id.is_(None),
        )
    ):
        if attachment.storage_key:
            files.delete(attachment.storage_key)
        attachment.storage_key, attachment.status = None, AttachmentStatus.ERASED


def receive_image(session: Session, user: User, media_id: str) -> str:
    """Attach a photo to the sender's latest open case (a social worker's photo is proof
    of the delivery they recorded last); the reply for the sender."""
    if active_worker(session, user) is not None:
        return _receive_proof(session, user, media_id)
    case = _latest_open_case(session, user)
    if case is None:
        return msg.IMAGE_NO_CASE
    attachment = Attachment(case_id=case.id, user_id=user.id, media_id=media_id[:128])
    session.add(attachment)
    session.flush()
    audit(session, user.openid, "attachment.received", "case", case.id, attachment=attachment.id)
    return msg.IMAGE_RECEIVED.format(number=case.number)


def _receive_proof(session: Session, worker: User, media_id: str) -> str:
    """Proof of delivery: attached to the match the worker recorded delivered last, within
    a day. The donor hears that proof was recorded; no image ever goes to the donor."""
    delivered = session.scalar(
        select(AuditEntry.target_id)
        .where(
            AuditEntry.actor == worker.openid,
            AuditEntry.action == "match.delivered",
            AuditEntry.at > utcnow() - PROOF_WINDOW,
        )
        .order_by(AuditEntry.id.desc())
    )
    match = session.get(Match, delivered) if delivered is not None else None
    if match is None:
        return msg.PROOF_NO_DELIVERY
    proof = Attachment(
        case_id=match.case_id,
        match_id=match.id,
        user_id=worker.id,
        media_id=media_id[:128],
        kind="proof",
    )
    session.add(proof)
    session.flush()
    audit(session, worker.openid, "attachment.proof_received", "match", match.id)
    return msg.PROOF_RECEIVED.format(match=match.number)


def proof_recorded(session: Session, attachment: Attachment, outbox: Outbox) -> None:
    """Once a proof is stored, its donor hears it was recorded (once per match)."""
    if attachment.kind != "proof" or attachment.status != AttachmentStatus.STORED:
        return
    match = session.get(Match, attachment.match_id) if attachment.match_id else None
    if match is not None:
        text = msg.DONOR_PROOF_RECORDED.format(pledge=match.pledge.number, what=match.what)
        outbox.notify(match.pledge.donor_id, f"proof-recorded:{match.id}", text)


def uploaded(
    session: Session,
    user_id: int,
    kind: str,
    cleaned: tuple[bytes, str],
    files: FileStore,
    **belongs_to: int,
) -> Attachment:
    """A photo uploaded in the console, already cleaned (`domain.images.clean_image`):
    stored encrypted at once (no WeChat media to fetch), belonging to the record named in
    `belongs_to` (match_id=…, application_id=…, project_update_id=…)."""
    data, content_type = cleaned
    attachment = Attachment(
        user_id=user_id,
        media_id="console",
        kind=kind,
        status=AttachmentStatus.STORED,
        content_type=content_type,
        size=len(data),
        storage_key=files.put(data),
        stored_at=utcnow(),
        **belongs_to,
    )
    session.add(attachment)
    session.flush()
    return attachment


def upload_proof(
    session: Session, worker: User, match: Match, data: bytes, max_bytes: int, files: FileStore
) -> set[Event]:
    """A proof of delivery uploaded in the console, for a delivered match: checked and
    cleaned like a household's photo (NotAcceptable when it is no photo or too big), kept
    encrypted, and the donor hears that proof was recorded (once per match)."""
    if match.status not in (MatchStatus.DELIVERED, MatchStatus.CLOSED):
        raise StaleRecord(match.number)
    cleaned = clean_image(data, max_bytes)
    proof = uploaded(
        session, worker.id, "proof", cleaned, files, case_id=match.case_id, match_id=match.id
    )
    audit(session, worker.openid, "attachment.proof_uploaded", "match", match.id, via="console")
    outbox = Outbox(session)
    proof_recorded(session, proof, outbox)
    return outbox.events


def receive_voice(session: Session, user: User, media_id: str) -> str:
    """A voice message WeChat gave no transcript for: kept (with the sender's latest open
    case when there is one) for a social worker to listen to; the sender is asked to type."""
    case = _latest_open_case(session, user)
    voice = Attachment(
        case_id=case.id if case else None, user_id=user.id, media_id=media_id[:128], kind="voice"
    )
    session.add(voice)
    session.flush()
    audit(session, user.openid, "attachment.voice_received", "user", user.id, attachment=voice.id)
    return msg.VOICE_NO_TRANSCRIPT


def pending(session: Session) -> list[int]:
    """The attachments still to fetch, oldest first."""
    waiting = select(Attachment.id).where(Attachment.status == AttachmentStatus.PENDING)
    return list(session.scalars(waiting.order_by(Attachment.id)))


def claim(session: Session, attachment_id: int) -> Attachment | None:
    """A pending attachment, locked for this transaction; None when another fetch holds it
    or it is no longer pending (two fetches at once never take the same)."""
    return session.scalars(
        select(Attachment)
        .where(Attachment.id == attachment_id, Attachment.status == AttachmentStatus.PENDING)
        .with_for_update(skip_locked=True)
    ).first()


def store(
    session: Session,
    attachment: Attachment,
    fetched: tuple[bytes, str],
    max_bytes: int,
    files: FileStore,
) -> None:
    """Keep the photo cleaned (a voice message as it is) and encrypted, or record why it
    was not kept."""
    data, fetched_type = fetched
    try:
        if attachment.kind == "voice":
            cleaned, content_type = _voice(data, fetched_type)
        else:
            cleaned, content_type = clean_image(data, max_bytes)
    except NotAcceptable as exc:
        attachment.status, attachment.problem = AttachmentStatus.REJECTED, str(exc)
        attachment.size = len(data)
        return
    attachment.storage_key = files.put(cleaned)
    attachment.status, attachment.stored_at = AttachmentStatus.STORED, utcnow()
    attachment.content_type, attachment.size = content_type, len(cleaned)


def _voice(data: bytes, content_type: str) -> tuple[bytes, str]:
    """A voice message as WeChat gives it (AMR or Speex, at most 2 MB), kept as it is."""
    if len(data) > VOICE_MAX_BYTES:
        raise NotAcceptable("too_big")
    if not (data.startswith(b"#!AMR") or content_type.startswith(("audio/", "voice/"))):
        raise NotAcceptable("not_audio")
    return data, content_type if content_type.startswith("audio/") else "audio/amr"


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


def of_match(session: Session, match_id: int) -> list[Attachment]:
    return list(
        session.scalars(
            select(Attachment)
            .where(Attachment.match_id == match_id, Attachment.status == AttachmentStatus.STORED)
            .order_by(Attachment.id)
        )
    )


def erase(session: Session, user: User, files: FileStore) -> None:
    """Delete-my-data: the files go (what the household sent, and the proofs of delivery
    to it), the rows say they were erased."""
    theirs = select(Case.id).where(Case.user_id == user.id)
    for attachment in session.scalars(
        select(Attachment).where((Attachment.user_id == user.id) | Attachment.case_id.in_(theirs))
    ):
        if attachment.storage_key:
            files.delete(attachment.storage_key)
        attachment.storage_key, attachment.status = None, AttachmentStatus.ERASED
