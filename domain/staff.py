"""Who may use the web console, and what each may see and do.

- an **operator** sees and acts on everything;
- an **organisation admin** sees the whole backlog of the organisation's regions and
  manages its workers;
- a **social worker** sees the regions of their own assignment;
- a **viewer** (a civil-affairs office) sees statistics and masked exports of its regions,
  and may not act.

A record outside one's scope is treated exactly like a record that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, select, true
from sqlalchemy.orm import Session

from storage.models import User, Viewer, region_prefix
from storage.social_work import (
    active_operator,
    active_worker,
    covers,
    in_regions,
    organisation_prefixes,
    worker_prefixes,
)


class Access(StrEnum):
    OPERATOR = "operator"
    ADMIN = "admin"
    WORKER = "worker"
    VIEWER = "viewer"


ACCESS_LABELS = {
    Access.OPERATOR: "平台运营",
    Access.ADMIN: "机构管理员",
    Access.WORKER: "社工",
    Access.VIEWER: "只读（民政）",
}


@dataclass(frozen=True)
class Staff:
    """A console user as of this request: re-read on every request, so deactivating a
    worker ends their access at once."""

    user_id: int
    openid: str
    access: Access
    name: str
    organisation_id: int | None
    prefixes: tuple[str, ...]  # the regions seen (empty for an operator: everything)

    @property
    def everything(self) -> bool:
        return self.access == Access.OPERATOR

    @property
    def may_act(self) -> bool:
        return self.access != Access.VIEWER

    @property
    def may_unmask(self) -> bool:
        """Unmasked exports are for operators only; unmasked single views for all who act."""
        return self.access == Access.OPERATOR

    @property
    def manages_team(self) -> bool:
        """Invites and deactivates social workers (an operator: of any organisation)."""
        return self.access in (Access.OPERATOR, Access.ADMIN)

    @property
    def sees_audit_log(self) -> bool:
        return self.access in (Access.OPERATOR, Access.ADMIN)

    def sees(self, region_code: str) -> bool:
        return self.everything or covers(list(self.prefixes), region_code)

    def case_scope(self) -> ColumnElement[bool]:
        """SQL condition: the case is in this person's scope."""
        return true() if self.everything else in_regions(list(self.prefixes))

    def record_scope(self) -> ColumnElement[bool] | None:
        """The case scope for records reached through cases (pledges): None for all."""
        return None if self.everything else self.case_scope()

    @property
    def actor(self) -> str:
        """How audit entries name this person (their openid, as chat actions do)."""
        return self.openid


def staff_for(session: Session, user: User) -> Staff | None:
    """The console access of a user, or None (not an active operator, worker or viewer)."""
    operator = active_operator(session, user)
    if operator is not None:
        return Staff(user.id, user.openid, Access.OPERATOR, operator.name, None, ())
    worker = active_worker(session, user)
    if worker is not None:
        if worker.is_admin:
            prefixes = organisation_prefixes(session, worker.organisation_id)
            access = Access.ADMIN
        else:
            prefixes, access = worker_prefixes(session, worker), Access.WORKER
        name = worker.organisation.name
        return Staff(user.id, user.openid, access, name, worker.organisation_id, tuple(prefixes))
    viewer = session.scalar(select(Viewer).where(Viewer.user_id == user.id, Viewer.active))
    if viewer is not None:
        seen = tuple(region_prefix(code) for code in viewer.regions)
        return Staff(user.id, user.openid, Access.VIEWER, viewer.name, None, seen)
    return None


def is_staff(session: Session, user: User) -> bool:
    return staff_for(session, user) is not None
