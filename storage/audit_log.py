"""The audit log as the console shows it: newest first, a page at a time; for an
organisation admin only entries about cases and matches in its regions, or made by its
own people."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from storage.models import AuditEntry, Case, Match, SocialWorker, User
from storage.queue import Page, paged


def organisation_openids(session: Session, organisation_id: int) -> list[str]:
    return list(
        session.scalars(
            select(User.openid)
            .join(SocialWorker, SocialWorker.user_id == User.id)
            .where(SocialWorker.organisation_id == organisation_id)
        )
    )


def audit_page(
    session: Session,
    case_scope: ColumnElement[bool] | None,
    actors: Sequence[str],
    number: int,
    size: int,
) -> Page[AuditEntry]:
    """`case_scope` None: every entry (an operator)."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    if case_scope is not None:
        cases = select(Case.id).where(case_scope)
        matches = select(Match.id).join(Case, Case.id == Match.case_id).where(case_scope)
        query = query.where(
            or_(
                and_(AuditEntry.target_type == "case", AuditEntry.target_id.in_(cases)),
                and_(AuditEntry.target_type == "match", AuditEntry.target_id.in_(matches)),
                AuditEntry.actor.in_(actors) if actors else false(),
            )
        )
    return paged(session, query, number, size)
