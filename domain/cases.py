"""Cases: a first reading of the poverty cause and the urgency at submission, and every
change of a case's review status (verify, reject, withdraw), each one guarded conditional
update that returns the events it caused. Statuses that follow from matches are
`domain.records`."""

from __future__ import annotations

import hashlib
import re

from sqlalchemy.orm import Session

import messages as msg
from domain.events import Event, Outbox, StaleRecord, move
from domain.households import tell_household
from nlu.entities import mask_numbers
from nlu.validators import mask_name
from storage.models import Case, CaseQuestion, CaseStatus, User, VerificationMethod, utcnow
from storage.repositories import audit
from storage.social_work import (
    OPEN_STATUSES,
    cases_in_regions,
    covering_workers,
    organisation_covers,
)
from vocabulary import CAUSE_BY_NEED, CAUSE_WORDS, POVERTY_CAUSES

URGENT_WORDS = re.compile(r"急|救命|住院|手术|化疗|透析|断粮|没米|倒塌|塌了|受灾|地震|洪水|火灾")


def poverty_cause_of(need_type: str, description: str) -> str | None:
    """A first reading of the poverty cause (致贫原因) for the social worker to confirm."""
    for cause, words in CAUSE_WORDS:
        if any(word in description for word in words):
            return cause
    return CAUSE_BY_NEED.get(need_type)


def urgency_of(need_type: str, description: str) -> int:
    """3 urgent (health, disaster, no food), 2 normal, 1 development needs."""
    if need_type in ("disaster",) or URGENT_WORDS.search(description):
        return 3
    return 1 if need_type in ("production", "employment") else 2


PHONE_WORDS = re.compile(r"电话|打电话|通话|视频")
VISIT_WORDS = re.compile(r"上门|入户|走访|实地|家访|去了|到家")
OPEN = (CaseStatus.SUBMITTED, CaseStatus.VERIFIED, CaseStatus.PARTLY_MATCHED)
# What a household may withdraw itself: not once help is promised (a social worker sees to it).
WITHDRAWABLE = (CaseStatus.SUBMITTED, CaseStatus.VERIFIED)


def verification_method(note: str) -> VerificationMethod | None:
    """How the worker says they verified: visiting (上门) or by phone (电话); None if unsaid."""
    if VISIT_WORDS.search(note):
        return VerificationMethod.VISIT
    if PHONE_WORDS.search(note):
        return VerificationMethod.PHONE
    return None


def verify(session: Session, case: Case, worker: User, note: str) -> set[Event]:
    """A social worker verified the case: the household hears it, the matcher looks for
    help. The note says how (上门 / 电话), which donors are told."""
    move(
        session,
        case,
        (CaseStatus.SUBMITTED,),
        worker.openid,
        status=CaseStatus.VERIFIED,
        verified_by_id=worker.id,
        verified_at=utcnow(),
        review_note=note or None,
        verification_method=verification_method(note),
    )
    outbox = Outbox(session)
    if case.filed_by_id != worker.id:  # the worker who filed it (代办) knows already
        tell_household(
            case,
            f"case-verified:{case.id}",
            outbox.notify,
            msg.CASE_VERIFIED.format(number=case.number),
            msg.PROXY_VERIFIED,
        )
    return {*outbox.events, Event.MATCHING_NEEDED}


def reject(session: Session, case: Case, worker: User, reason: str) -> set[Event]:
    """A social worker did not verify the case; the household hears why."""
    move(
        session,
        case,
        (CaseStatus.SUBMITTED,),
        worker.openid,
        status=CaseStatus.REJECTED,
        review_note=reason,
    )
    outbox = Outbox(session)
    tell_household(
        case,
        f"case-rejected:{case.id}",
        outbox.notify,
        msg.CASE_REJECTED.format(number=case.number, reason=reason),
        msg.PROXY_REJECTED.format(reason=reason),
    )
    return outbox.events


def withdraw(
    session: Session, case: Case, actor: str, allowed: tuple[CaseStatus, ...] = OPEN
) -> bool:
    """The household withdrew (deleting its data, or 撤回求助 while no help is promised
    yet): a case in one of the `allowed` statuses stops; False otherwise."""
    try:
        move(session, case, allowed, actor, status=CaseStatus.WITHDRAWN)
    except StaleRecord:
        return False
    return True


def set_poverty_cause(session: Session, case: Case, actor: User, cause: str) -> None:
    """The social worker's judgement of the poverty cause (致贫原因) replaces the first
    reading made at submission."""
    if cause not in POVERTY_CAUSES:
        raise ValueError(f"unknown poverty cause {cause!r}")
    case.poverty_cause = cause
    audit(session, actor.openid, "case.poverty_cause_set", "case", case.id, cause=cause)


def ask_question(session: Session, case: Case, worker: User, question: str) -> CaseQuestion:
    """A social worker's question about the case (补充), kept with the case."""
    asked = CaseQuestion(case_id=case.id, asked_by_id=worker.id, question=question)
    session.add(asked)
    session.flush()
    audit(session, worker.openid, "case.question_asked", "case", case.id)
    return asked


def answer_question(
    session: Session, question: CaseQuestion, answer: str, actor: User
) -> set[Event]:
    """The household's answer (or the worker's record of it, asked by phone); the worker
    who asked is told unless they recorded it themselves."""
    question.answer, question.answered_at = answer, utcnow()
    audit(session, actor.openid, "case.question_answered", "case", question.case_id)
    outbox = Outbox(session)
    if actor.id != question.asked_by_id:
        case = session.get(Case, question.case_id)
        outbox.notify(
            question.asked_by_id,
            f"case-answer:{question.id}",
            msg.ANSWER_FOR_WORKER.format(
                number=case.number if case else "", question=question.question, answer=answer
            ),
            case.console_path if case else None,
        )
    return outbox.events


NOTE_LENGTH = 200  # a note kept in the household's words (how to reach it), at most


def added_to_note(kept: str | None, said: str, length: int = NOTE_LENGTH) -> str:
    """A note with what was said added after what it already holds, within `length`."""
    return "；".join(filter(None, (kept, said)))[:length]


def supplement(
    session: Session, case: Case, actor: User, told: str, contact_note: str | None = None
) -> set[Event]:
    """What the household adds after filing (我还想补充一下…): kept with the description,
    marked as added, and told to the social workers covering the case; what it says about
    how to reach the household is added to the household's contact note."""
    case.description = f"{case.description}\n【补充】{told}"
    if contact_note:
        case.profile.contact_note = added_to_note(case.profile.contact_note, contact_note)
    audit(session, actor.openid, "case.supplemented", "case", case.id)
    outbox = Outbox(session)
    told_key = hashlib.sha256(told.encode()).hexdigest()[:12]
    for worker in covering_workers(session, case.region_code):
        outbox.notify(
            worker.user_id,
            f"case-supplement:{case.id}:{told_key}:{worker.id}",
            msg.SUPPLEMENT_FOR_WORKER.format(number=case.number, told=told),
            case.console_path,
        )
    return outbox.events


def now_covered(session: Session, prefixes: list[str]) -> int:
    """Regions a social worker now covers: their open cases filed when no organisation did
    lose that warning (audited), and the number of those still waiting to be verified."""
    waiting = 0
    for case in cases_in_regions(session, prefixes, *OPEN_STATUSES):
        waiting += case.status == CaseStatus.SUBMITTED
        flags = [flag for flag in case.flags if flag["code"] != "uncovered"]
        if len(flags) < len(case.flags) and organisation_covers(session, case.region_code):
            case.flags = flags
            audit(session, "system", "case.covered", "case", case.id)
    return waiting


def masked_description(case: Case) -> str:
    """The description as a masked view shows it: the household's name and any ID or
    mobile number in it masked, as in the fields beside it."""
    text, name = mask_numbers(case.description), case.profile.name
    return text.replace(name, mask_name(name)) if name and len(name) >= 2 else text
