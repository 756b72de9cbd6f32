"""An implementing organisation's score and standing, computed from its record and shown
with its parts (issue #16).

Each part is a share between 0 and 1:

- **on time**: evaluated projects finished by their end date;
- **goals**: the goals met, averaged over evaluated projects (met 1, partly ½, not 0);
- **ratings**: the households' ratings of its projects, (mean − 1) / 4;
- **verification**: cases in its regions verified within its review limit
  (`review_limit_days`, else REMINDER_AFTER_DAYS) of those verified at all.

The score is 100 × the weighted mean of the parts it has a record for (weights 0.25, 0.30,
0.25, 0.20), minus 10 for each complaint an operator upheld, between 0 and 100; with no
record at all it is None (a new organisation). The rule proposes a standing: **suspended**
when the score is below 40 or two of its last three evaluated projects were late; **watch**
below 60 or with one late; otherwise **good**. An operator applies it after review; a
suspended organisation's projects get no money from the matcher and it submits no new ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import messages as msg
from domain.events import Outbox
from domain.projects import SUSPENDED, release_closed
from storage.models import (
    Case,
    Feedback,
    FeedbackKind,
    Organisation,
    Project,
    ProjectRating,
    ProjectStatus,
    User,
)
from storage.repositories import audit
from storage.social_work import in_regions, organisation_admins, organisation_prefixes
from storage.statistics import days_between

WEIGHTS = {"on_time": 0.25, "goals": 0.30, "ratings": 0.25, "verification": 0.20}
COMPLAINT_PENALTY = 10
STANDINGS = ("good", "watch", SUSPENDED)


@dataclass(frozen=True)
class Score:
    parts: dict[str, float | None]  # each 0..1, None: no record of it yet
    complaints_upheld: int
    late_of_last_three: int

    @property
    def value(self) -> int | None:
        known = {name: share for name, share in self.parts.items() if share is not None}
        if not known:
            return None
        weight = sum(WEIGHTS[name] for name in known)
        mean = sum(WEIGHTS[name] * share for name, share in known.items()) / weight
        return max(0, min(100, round(100 * mean) - COMPLAINT_PENALTY * self.complaints_upheld))

    @property
    def proposed(self) -> str:
        score = self.value
        if (score is not None and score < 40) or self.late_of_last_three >= 2:
            return SUSPENDED
        if (score is not None and score < 60) or self.late_of_last_three == 1:
            return "watch"
        return "good"


def score_of(session: Session, organisation: Organisation, review_days: int) -> Score:
    evaluated = list(
        session.scalars(
            select(Project)
            .where(
                Project.organisation_id == organisation.id,
                Project.status == ProjectStatus.EVALUATED,
            )
            .order_by(Project.completed_on.desc(), Project.id.desc())
        )
    )
    results = [p.evaluation or {} for p in evaluated]
    ratings = list(
        session.scalars(
            select(ProjectRating.rating)
            .join(Project, Project.id == ProjectRating.project_id)
            .where(Project.organisation_id == organisation.id)
        )
    )
    parts: dict[str, float | None] = {
        "on_time": _share([r.get("days_late", 0) == 0 for r in results]),
        "goals": sum(r.get("goals_met", 0) for r in results) / len(results) if results else None,
        "ratings": (sum(ratings) / len(ratings) - 1) / 4 if ratings else None,
        "verification": _verification(session, organisation, review_days),
    }
    upheld = session.scalar(
        select(func.count()).where(
            Feedback.organisation_id == organisation.id,
            Feedback.kind == FeedbackKind.COMPLAINT,
            Feedback.upheld.is_(True),
        )
    )
    late = sum(1 for r in results[:3] if r.get("days_late", 0) > 0)
    return Score(parts, int(upheld or 0), late)


def _share(flags: list[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def _verification(session: Session, organisation: Organisation, review_days: int) -> float | None:
    prefixes = organisation_prefixes(session, organisation.id)
    if not prefixes:
        return None
    limit = organisation.review_limit_days or review_days
    days = days_between(session, Case.verified_at, Case.submitted_at)
    verified, in_time = session.execute(
        select(func.count(), func.count().filter(days <= limit)).where(
            in_regions(prefixes), Case.verified_at.is_not(None)
        )
    ).one()
    return in_time / verified if verified else None


def apply_standing(
    session: Session,
    organisation: Organisation,
    actor: User,
    standing: str,
    reason: str,
    outbox: Outbox,
) -> None:
    """The operator's decision after review; the organisation's admins are told."""
    if standing not in STANDINGS:
        raise ValueError(standing)
    organisation.standing, organisation.standing_reason = standing, reason
    audit(session, actor.openid, f"organisation.{standing}", "organisation", organisation.id)
    text = msg.STANDING_CHANGED.format(
        name=organisation.name, standing=msg.STANDING_LABELS[standing], reason=reason
    )
    for admin in organisation_admins(session, organisation.id):
        key = f"standing:{organisation.id}:{standing}:{admin.user_id}"
        outbox.notify(admin.user_id, key, text)
    release_closed(session, outbox)  # a suspended organisation's projects take no money
