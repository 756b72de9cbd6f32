"""Organisations, invites, social workers and the regions they cover; the outbox writer."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, false, func, literal, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import QueryableAttribute, Session

from storage.crypto import cipher
from storage.models import (
    Case,
    CaseStatus,
    Invite,
    Notification,
    Operator,
    Organisation,
    OrganisationRegion,
    Role,
    SocialWorker,
    SocialWorkerRegion,
    User,
    Viewer,
    region_prefix,
    utcnow,
)
from storage.repositories import audit

# No 0/O or 1/I: codes are read aloud and typed on old phones.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
OPEN_STATUSES = (
    CaseStatus.SUBMITTED,
    CaseStatus.VERIFIED,
    CaseStatus.PARTLY_MATCHED,
    CaseStatus.MATCHED,
)


class BindError(ValueError):
    """Why an invite code cannot bind: invalid, used or expired."""


def organisation(session: Session, name: str) -> Organisation:
    org = session.scalar(select(Organisation).where(Organisation.name == name))
    if org is None:
        org = Organisation(name=name)
        session.add(org)
        session.flush()
    return org


def organisation_regions(session: Session, organisation_id: int) -> list[str]:
    """The region codes an organisation covers."""
    return list(
        session.scalars(
            select(OrganisationRegion.region_code)
            .where(OrganisationRegion.organisation_id == organisation_id)
            .order_by(OrganisationRegion.region_code)
        )
    )


def create_invite(
    session: Session,
    org_name: str,
    regions: list[str],
    ttl_hours: int,
    actor: str,
    is_admin: bool = False,
) -> str:
    """A new one-time invite code (shown once; only its keyed hash is stored)."""
    org = organisation(session, org_name)
    known = set(organisation_regions(session, org.id))
    for code in regions:
        if code not in known:
            session.add(
                OrganisationRegion(
                    organisation_id=org.id, region_code=code, region_prefix=region_prefix(code)
                )
            )
    plain = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    invite = Invite(
        code_hash=cipher().keyed_hash(plain),
        organisation_id=org.id,
        regions=regions,
        is_admin=is_admin,
        expires_at=utcnow() + timedelta(hours=ttl_hours),
    )
    session.add(invite)
    session.flush()
    audit(session, actor, "invite.created", "invite", invite.id, organisation=org.name)
    return plain


def bind(session: Session, user: User, code: str) -> SocialWorker:
    """Make the user a social worker of the invite's organisation, for its regions."""
    invite = session.scalar(
        select(Invite).where(Invite.code_hash == cipher().keyed_hash(code)).with_for_update()
    )
    if invite is None:
        raise BindError("invalid")
    if invite.used_at is not None:
        raise BindError("used")
    if invite.expires_at < utcnow():
        raise BindError("expired")
    invite.used_at, invite.used_by_id = utcnow(), user.id
    worker = session.scalar(select(SocialWorker).where(SocialWorker.user_id == user.id))
    if worker is None:
        worker = SocialWorker(user_id=user.id, organisation_id=invite.organisation_id)
        session.add(worker)
    worker.organisation_id, worker.active, worker.deactivated_at = (
        invite.organisation_id,
        True,
        None,
    )
    worker.is_admin = invite.is_admin
    session.flush()
    existing = set(
        session.scalars(
            select(SocialWorkerRegion.region_code).where(
                SocialWorkerRegion.social_worker_id == worker.id
            )
        )
    )
    for code in invite.regions:
        if code not in existing:
            session.add(
                SocialWorkerRegion(
                    social_worker_id=worker.id, region_code=code, region_prefix=region_prefix(code)
                )
            )
    user.role = Role.SOCIAL_WORKER
    audit(session, user.openid, "social_worker.bound", "social_worker", worker.id, invite=invite.id)
    return worker


def deactivate(session: Session, worker: SocialWorker, actor: str) -> None:
    worker.active, worker.deactivated_at = False, utcnow()
    worker.user.role = Role.PUBLIC
    audit(session, actor, "social_worker.deactivated", "social_worker", worker.id)


def active_worker(session: Session, user: User) -> SocialWorker | None:
    return session.scalar(
        select(SocialWorker).where(SocialWorker.user_id == user.id, SocialWorker.active)
    )


def worker_prefixes(session: Session, worker: SocialWorker) -> list[str]:
    return list(
        session.scalars(
            select(SocialWorkerRegion.region_prefix).where(
                SocialWorkerRegion.social_worker_id == worker.id
            )
        )
    )


def organisation_prefixes(session: Session, organisation_id: int) -> list[str]:
    return list(
        session.scalars(
            select(OrganisationRegion.region_prefix).where(
                OrganisationRegion.organisation_id == organisation_id
            )
        )
    )


def covers(prefixes: list[str], region_code: str) -> bool:
    return any(region_code.startswith(prefix) for prefix in prefixes)


def _contains(prefix_column: QueryableAttribute[str], region_code: str) -> ColumnElement[bool]:
    """SQL condition: a stored region prefix contains the code (621121 lies in 6211)."""
    return literal(region_code).like(prefix_column + "%")


def covering_workers(session: Session, region_code: str) -> list[SocialWorker]:
    """Active social workers whose regions contain the code."""
    return list(
        session.scalars(
            select(SocialWorker)
            .join(SocialWorkerRegion, SocialWorkerRegion.social_worker_id == SocialWorker.id)
            .where(SocialWorker.active, _contains(SocialWorkerRegion.region_prefix, region_code))
            .distinct()
            .order_by(SocialWorker.id)
        )
    )


def organisation_covers(session: Session, region_code: str) -> bool:
    return covering_organisation(session, region_code) is not None


def covering_organisation(session: Session, region_code: str) -> Organisation | None:
    """The organisation covering the code most closely (a county's before a province's)."""
    return session.scalar(
        select(Organisation)
        .join(OrganisationRegion, OrganisationRegion.organisation_id == Organisation.id)
        .where(_contains(OrganisationRegion.region_prefix, region_code))
        .order_by(func.length(OrganisationRegion.region_prefix).desc(), Organisation.id)
        .limit(1)
    )


def organisation_admins(session: Session, organisation_id: int) -> list[SocialWorker]:
    return list(
        session.scalars(
            select(SocialWorker).where(
                SocialWorker.organisation_id == organisation_id,
                SocialWorker.active,
                SocialWorker.is_admin,
            )
        )
    )


def active_operators(session: Session) -> list[Operator]:
    return list(session.scalars(select(Operator).where(Operator.active).order_by(Operator.id)))


def active_operator(session: Session, user: User) -> Operator | None:
    return session.scalar(select(Operator).where(Operator.user_id == user.id, Operator.active))


def remove_operator(session: Session, openid: str, actor: str) -> bool:
    """Stop an operator's access; False when there is no active operator of that openid."""
    operator = session.scalar(
        select(Operator).join(User).where(User.openid == openid, Operator.active)
    )
    if operator is None:
        return False
    operator.active = False
    audit(session, actor, "operator.removed", "operator", operator.id)
    return True


def add_operator(session: Session, user: User, name: str, actor: str) -> Operator:
    operator = session.scalar(select(Operator).where(Operator.user_id == user.id))
    if operator is None:
        operator = Operator(user_id=user.id, name=name)
        session.add(operator)
    operator.name, operator.active = name, True
    session.flush()
    audit(session, actor, "operator.added", "operator", operator.id)
    return operator


def in_regions(prefixes: list[str]) -> ColumnElement[bool]:
    """SQL condition: the case lies in one of the region prefixes (false for none)."""
    return or_(false(), *(Case.region_code.like(f"{prefix}%") for prefix in prefixes))


def cases_in_regions(session: Session, prefixes: list[str], *statuses: CaseStatus) -> list[Case]:
    """Cases in the regions (oldest first), optionally only with the given statuses."""
    query = select(Case).where(in_regions(prefixes)).order_by(Case.submitted_at, Case.id)
    if statuses:
        query = query.where(Case.status.in_(statuses))
    return list(session.scalars(query))


def count_waiting(session: Session, prefixes: list[str], submitted_before: datetime) -> int:
    """Cases in the regions still waiting for verification since before the given time."""
    waiting = select(func.count()).where(
        in_regions(prefixes),
        Case.status == CaseStatus.SUBMITTED,
        Case.submitted_at <= submitted_before,
    )
    return int(session.scalar(waiting) or 0)


def notify(
    session: Session, user_id: int, dedup_key: str, text: str, link: str | None = None
) -> bool:
    """Write an outbox row in the caller's transaction; False if that event was announced.
    `link`: the console page of the record it is about (for staff)."""
    try:
        with session.begin_nested():
            session.add(Notification(user_id=user_id, dedup_key=dedup_key, text=text, link=link))
    except IntegrityError:
        return False
    return True


def add_viewer(session: Session, user: User, name: str, regions: list[str], actor: str) -> Viewer:
    """A read-only console user (a civil-affairs office) for the regions."""
    viewer = session.scalar(select(Viewer).where(Viewer.user_id == user.id))
    if viewer is None:
        viewer = Viewer(user_id=user.id, name=name, regions=regions)
        session.add(viewer)
    viewer.name, viewer.regions, viewer.active = name, regions, True
    session.flush()
    audit(session, actor, "viewer.added", "viewer", viewer.id, regions=",".join(regions))
    return viewer


def remove_viewer(session: Session, openid: str, actor: str) -> bool:
    viewer = session.scalar(select(Viewer).join(User).where(User.openid == openid, Viewer.active))
    if viewer is None:
        return False
    viewer.active = False
    audit(session, actor, "viewer.removed", "viewer", viewer.id)
    return True


def team(session: Session, organisation_id: int | None) -> list[tuple[SocialWorker, list[str]]]:
    """Social workers (an organisation's, or all for None) with their region codes; two
    queries whatever the size."""
    query = select(SocialWorker).order_by(SocialWorker.organisation_id, SocialWorker.id)
    if organisation_id is not None:
        query = query.where(SocialWorker.organisation_id == organisation_id)
    workers = list(session.scalars(query))
    regions: dict[int, list[str]] = {worker.id: [] for worker in workers}
    for worker_id, code in session.execute(
        select(SocialWorkerRegion.social_worker_id, SocialWorkerRegion.region_code).where(
            SocialWorkerRegion.social_worker_id.in_(regions)
        )
    ):
        regions[worker_id].append(code)
    return [(worker, sorted(regions[worker.id])) for worker in workers]
