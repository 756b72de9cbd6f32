"""A case's history for the console: every audited event about the case and its matches,
and the questions asked of the household with their answers, in time order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from storage.models import AuditEntry, CaseQuestion, Checkin, Match


@dataclass(frozen=True)
class HistoryItem:
    at: datetime
    action: str  # an audit action, or "question" / "answer"
    actor: str
    detail: dict[str, str] = field(default_factory=dict)


def case_history(session: Session, case_id: int) -> list[HistoryItem]:
    match_ids = select(Match.id).where(Match.case_id == case_id).scalar_subquery()
    entries = session.scalars(
        select(AuditEntry)
        .where(
            or_(
                and_(AuditEntry.target_type == "case", AuditEntry.target_id == case_id),
                and_(AuditEntry.target_type == "match", AuditEntry.target_id.in_(match_ids)),
            )
        )
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    items = [
        HistoryItem(
            entry.at, entry.action, entry.actor, {k: str(v) for k, v in entry.detail.items()}
        )
        for entry in entries
        if not entry.action.startswith("case.question_")  # shown with their text below
    ]
    for question in session.scalars(select(CaseQuestion).where(CaseQuestion.case_id == case_id)):
        items.append(HistoryItem(question.asked_at, "question", "", {"text": question.question}))
        if question.answered_at is not None:
            items.append(
                HistoryItem(question.answered_at, "answer", "", {"text": question.answer or ""})
            )
    return sorted(items, key=lambda item: item.at)


def case_checkins(session: Session, case_id: int) -> list[Checkin]:
    """The case's check-ins, by round."""
    return list(
        session.scalars(select(Checkin).where(Checkin.case_id == case_id).order_by(Checkin.round))
    )
