"""Projects of implementing organisations (issue #16): an approved organisation's admin
writes one in the console (title, need type, places, people served, the budget by its main
lines, start and end, measurable goals) and sends it for review; an operator approves it
(open for funding), sends it back with a note (a draft again), or cancels it. Status moves
draft → under review → open for funding → funded → in progress → completed → evaluated,
or cancelled; every move is guarded (exactly this row, still in the expected status) and
audited. The organisation's admins hear of each decision by chat. Progress updates (text
and photos) go to the donors who funded the project, grouped: one message per donor and
project at most every `PROJECT_DIGEST_HOURS`, naming how many updates and the latest.
A pledge naming a project that stops taking money (filled, cancelled, its organisation
suspended) is closed for what it has not given, and its donor told (`release_closed`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import messages as msg
from domain import attachments, pledges
from domain.events import Outbox, StaleRecord, guarded_update
from domain.images import NotAcceptable, clean_image
from domain.organisations import Refused, region_codes
from domain.schedule import schedule_flow
from nlu.amounts import parse_amount
from storage.files import FileStore
from storage.models import (
    Attachment,
    Case,
    NeedType,
    Organisation,
    Pledge,
    PledgeStatus,
    Project,
    ProjectDigest,
    ProjectFunding,
    ProjectRating,
    ProjectStatus,
    ProjectUpdate,
    User,
    utcnow,
)
from storage.repositories import audit, numbered
from storage.social_work import active_operators, organisation_admins

MAX_PEOPLE = 1_000_000
MAX_BUDGET_YUAN = 100_000_000
LINE = re.compile(r"^(?P<item>.+?)[\s:：,，]+(?P<amount>[^\s:：,，]+)$")


@dataclass(frozen=True)
class Plan:
    """What the organisation writes on the project form."""

    title: str
    need_type: str
    places: str
    people_served: int
    budget: str  # one line per item: 教材 3000
    starts_on: date
    ends_on: date
    goals: str  # one goal per line


def budget_lines(text: str) -> list[dict[str, object]]:
    """`教材 3000` / `场地租金：两千` per line → [{"item", "yuan"}], every amount in yuan."""
    lines = []
    for raw in filter(None, (line.strip() for line in text.splitlines())):
        found = LINE.match(raw)
        yuan = parse_amount(found.group("amount")) if found else None
        if found is None or yuan is None:
            raise Refused(msg.PROJECT_BAD_BUDGET_LINE.format(line=raw))
        lines.append({"item": found.group("item").strip()[:60], "yuan": yuan})
    if not lines:
        raise Refused(msg.PROJECT_NO_BUDGET)
    return lines


def _checked(plan: Plan) -> dict[str, object]:
    if plan.need_type not in NeedType.__members__.values():
        raise Refused(msg.PROJECT_NO_NEED_TYPE)
    if not 1 <= plan.people_served <= MAX_PEOPLE:
        raise Refused(msg.PROJECT_BAD_PEOPLE)
    if plan.ends_on < plan.starts_on:
        raise Refused(msg.PROJECT_ENDS_BEFORE_START)
    lines = budget_lines(plan.budget)
    total = sum(int(str(line["yuan"])) for line in lines)
    if total > MAX_BUDGET_YUAN:
        raise Refused(msg.PROJECT_BUDGET_TOO_BIG)
    goals = [goal.strip() for goal in plan.goals.splitlines() if goal.strip()]
    if not goals:
        raise Refused(msg.PROJECT_NO_GOALS)
    return {
        "title": plan.title.strip()[:120],
        "need_type": NeedType(plan.need_type),
        "region_codes": region_codes(plan.places),
        "people_served": plan.people_served,
        "budget_lines": lines,
        "budget_yuan": total,
        "starts_on": plan.starts_on,
        "ends_on": plan.ends_on,
        "goals": goals,
    }


def save_draft(
    session: Session, organisation_id: int, actor: User, plan: Plan, project: Project | None = None
) -> Project:
    """A new draft, or the draft `project` rewritten (only while it is a draft)."""
    values = _checked(plan)
    if project is None:
        project = Project(organisation_id=organisation_id, **values)
        session.add(project)
        session.flush()
        audit(session, actor.openid, "project.drafted", "project", project.id)
        return project
    guarded_update(session, project, [Project.status == ProjectStatus.DRAFT], **values)
    audit(session, actor.openid, "project.edited", "project", project.id)
    return project


def _move(
    session: Session, project: Project, expected: ProjectStatus, actor: User, **values: object
) -> None:
    guarded_update(session, project, [Project.status == expected], **values)
    audit(session, actor.openid, f"project.{project.status.value}", "project", project.id)


def submit_for_review(session: Session, project: Project, actor: User, outbox: Outbox) -> None:
    if project.organisation.standing == SUSPENDED:
        raise Refused(msg.PROJECT_ORGANISATION_SUSPENDED)
    _move(
        session,
        project,
        ProjectStatus.DRAFT,
        actor,
        status=ProjectStatus.UNDER_REVIEW,
        submitted_at=utcnow(),
    )
    text = msg.PROJECT_FOR_OPERATORS.format(
        number=project.number, title=project.title, organisation=project.organisation.name
    )
    for operator in active_operators(session):
        key = f"project-review:{project.id}:{project.submitted_at:%s}:{operator.id}"
        outbox.notify(operator.user_id, key, text, project.console_path)


def approve(session: Session, project: Project, actor: User, outbox: Outbox) -> None:
    """Open for funding."""
    _move(
        session,
        project,
        ProjectStatus.UNDER_REVIEW,
        actor,
        status=ProjectStatus.OPEN,
        approved_at=utcnow(),
        review_note=None,
    )
    _tell_admins(session, project, msg.PROJECT_APPROVED.format(number=project.number), outbox)


def send_back(session: Session, project: Project, actor: User, note: str, outbox: Outbox) -> None:
    _move(
        session,
        project,
        ProjectStatus.UNDER_REVIEW,
        actor,
        status=ProjectStatus.DRAFT,
        review_note=note,
    )
    text = msg.PROJECT_SENT_BACK.format(number=project.number, note=note)
    _tell_admins(session, project, text, outbox)


def cancel(session: Session, project: Project, actor: User, reason: str, outbox: Outbox) -> None:
    """Cancelled before funding (a funded project is closed through its evaluation)."""
    for status in (ProjectStatus.DRAFT, ProjectStatus.UNDER_REVIEW, ProjectStatus.OPEN):
        if project.status == status:
            _move(
                session, project, status, actor, status=ProjectStatus.CANCELLED, review_note=reason
            )
            text = msg.PROJECT_CANCELLED.format(number=project.number, reason=reason)
            _tell_admins(session, project, text, outbox)
            release_closed(session, outbox)
            return
    raise Refused(msg.PROJECT_NOT_CANCELLABLE.format(number=project.number))


def _tell_admins(session: Session, project: Project, text: str, outbox: Outbox) -> None:
    for admin in organisation_admins(session, project.organisation_id):
        key = f"project:{project.id}:{project.status.value}:{utcnow():%s}:{admin.user_id}"
        outbox.notify(admin.user_id, key, text, project.console_path)


def of_organisation(session: Session, organisation_id: int | None) -> list[Project]:
    """An organisation's projects (None: every project), newest first."""
    query = select(Project).order_by(Project.id.desc())
    if organisation_id is not None:
        query = query.where(Project.organisation_id == organisation_id)
    return list(session.scalars(query))


UPDATABLE = (ProjectStatus.OPEN, ProjectStatus.FUNDED, ProjectStatus.IN_PROGRESS)
MAX_UPDATE_PHOTOS = 5


def post_update(
    session: Session,
    project: Project,
    actor: User,
    text: str,
    photos: list[bytes],
    files: FileStore,
    max_bytes: int,
) -> ProjectUpdate:
    """Progress, with photos cleaned and kept like a household's; the first update of a
    funded project means it is under way (in progress)."""
    if project.status not in UPDATABLE:
        raise Refused(msg.PROJECT_NOT_UPDATABLE.format(number=project.number))
    if not text.strip():
        raise Refused(msg.PROJECT_UPDATE_EMPTY)
    if len(photos) > MAX_UPDATE_PHOTOS:
        raise Refused(msg.APPLICATION_TOO_MANY_DOCUMENTS.format(limit=MAX_UPDATE_PHOTOS))
    try:
        cleaned = [clean_image(photo, max_bytes) for photo in photos]
    except NotAcceptable as exc:
        raise Refused(msg.APPLICATION_BAD_DOCUMENT) from exc
    if project.status == ProjectStatus.FUNDED:
        _move(session, project, ProjectStatus.FUNDED, actor, status=ProjectStatus.IN_PROGRESS)
    update = ProjectUpdate(project_id=project.id, user_id=actor.id, text=text.strip()[:2000])
    session.add(update)
    session.flush()
    for photo in cleaned:
        attachments.uploaded(
            session, actor.id, "progress", photo, files, project_update_id=update.id
        )
    audit(session, actor.openid, "project.update_posted", "project", project.id, update=update.id)
    return update


def updates(session: Session, project_id: int) -> list[tuple[ProjectUpdate, list[Attachment]]]:
    """A project's updates, newest first, each with its photos."""
    found = session.scalars(
        select(ProjectUpdate)
        .where(ProjectUpdate.project_id == project_id)
        .order_by(ProjectUpdate.id.desc())
    )
    return [
        (
            update,
            list(
                session.scalars(select(Attachment).where(Attachment.project_update_id == update.id))
            ),
        )
        for update in found
    ]


def send_digests(session: Session, outbox: Outbox, every: timedelta, now: datetime) -> int:
    """Each donor who funded a project hears of its new updates in one message, at most once
    per `every`; returns how many messages were written."""
    sent = 0
    funders = session.execute(
        select(ProjectFunding.project_id, Pledge.donor_id)
        .join(Pledge, Pledge.id == ProjectFunding.pledge_id)
        .distinct()
    )
    for project_id, donor_id in funders:
        digest = session.scalar(
            select(ProjectDigest).where(
                ProjectDigest.project_id == project_id, ProjectDigest.donor_id == donor_id
            )
        )
        if digest is not None and digest.sent_at > now - every:
            continue
        since = digest.last_update_id if digest else 0
        new = list(
            session.scalars(
                select(ProjectUpdate)
                .where(ProjectUpdate.project_id == project_id, ProjectUpdate.id > since)
                .order_by(ProjectUpdate.id)
            )
        )
        if not new:
            continue
        project = session.get(Project, project_id)
        if project is None:
            continue
        text = msg.PROJECT_DIGEST.format(
            number=project.number, title=project.title, count=len(new), latest=new[-1].text[:80]
        )
        outbox.notify(donor_id, f"project-digest:{project_id}:{donor_id}:{new[-1].id}", text)
        if digest is None:
            digest = ProjectDigest(project_id=project_id, donor_id=donor_id, last_update_id=0)
            session.add(digest)
        digest.last_update_id, digest.sent_at = new[-1].id, now
        sent += 1
    return sent


GOAL_RESULTS = {"met": 1.0, "partly": 0.5, "not": 0.0}
CASE_NUMBER = re.compile(r"[Qq]\s*0*(\d{1,9})")


def complete(
    session: Session,
    project: Project,
    actor: User,
    results: list[tuple[str, str]],
    spent_yuan: int,
    report: str,
    households: str,
) -> int:
    """The final report against the goals (each met, partly or not, with a note); the
    project is completed, and the households it served (their case numbers, Q000012) are
    asked by chat to rate it. Returns how many households were asked."""
    if len(results) != len(project.goals) or any(r not in GOAL_RESULTS for r, _ in results):
        raise Refused(msg.PROJECT_GOAL_RESULTS)
    if spent_yuan < 0 or spent_yuan > MAX_BUDGET_YUAN:
        raise Refused(msg.PROJECT_BAD_SPENT)
    served = _served_households(session, households)
    _move(
        session,
        project,
        ProjectStatus.IN_PROGRESS,
        actor,
        status=ProjectStatus.COMPLETED,
        completed_on=utcnow().date(),
        spent_yuan=spent_yuan,
        goal_results=[
            {"goal": goal, "result": result, "note": note.strip()[:200]}
            for goal, (result, note) in zip(project.goals, results, strict=True)
        ],
        final_report=report.strip()[:4000],
    )
    for user_id in served:
        slots = {"project_id": project.id, "project": f"{project.number}“{project.title}”"}
        key = f"project-rating:{project.id}:{user_id}"
        schedule_flow(session, key, user_id, "project_rating", slots, utcnow())
    return len(served)


def _served_households(session: Session, households: str) -> set[int]:
    """The users behind the case numbers given (a number that is no case is refused)."""
    users: set[int] = set()
    for number in CASE_NUMBER.findall(households):
        case = numbered(session, Case, int(number))
        if case is None:
            raise Refused(msg.PROJECT_UNKNOWN_CASE.format(number=f"Q{int(number):06d}"))
        if case.user_id is not None:  # a household filed for by a worker has no WeChat
            users.add(case.user_id)
    return users


def rate(session: Session, user: User, project_id: int, rating: int, feedback: str | None) -> None:
    """A served household's rating (the first one counts)."""
    if session.scalar(
        select(ProjectRating.id).where(
            ProjectRating.project_id == project_id, ProjectRating.user_id == user.id
        )
    ):
        return
    session.add(
        ProjectRating(project_id=project_id, user_id=user.id, rating=rating, feedback=feedback)
    )
    audit(session, user.openid, "project.rated", "project", project_id, rating=rating)


def evaluation_of(session: Session, project: Project) -> dict[str, Any]:
    """Goals met (met 1, partly ½, not 0, averaged), the beneficiaries' mean rating, on time
    or how many days late, and money spent against the budget."""
    results = project.goal_results or []
    goals_met = sum(GOAL_RESULTS[r["result"]] for r in results) / len(results) if results else 0.0
    ratings = list(
        session.scalars(select(ProjectRating.rating).where(ProjectRating.project_id == project.id))
    )
    completed = project.completed_on or utcnow().date()
    return {
        "goals_met": round(goals_met, 2),
        "rating": round(sum(ratings) / len(ratings), 2) if ratings else None,
        "ratings": len(ratings),
        "days_late": max((completed - project.ends_on).days, 0),
        "spent_yuan": project.spent_yuan or 0,
        "budget_yuan": project.budget_yuan,
        "spent_share": round((project.spent_yuan or 0) / project.budget_yuan, 2),
    }


def evaluate(session: Session, project: Project, actor: User, outbox: Outbox) -> None:
    """The evaluation, recorded with the project (after the households had time to rate)."""
    values = evaluation_of(session, project)
    _move(
        session,
        project,
        ProjectStatus.COMPLETED,
        actor,
        status=ProjectStatus.EVALUATED,
        evaluation=values,
    )
    text = msg.PROJECT_EVALUATED.format(number=project.number)
    _tell_admins(session, project, text, outbox)


SUSPENDED = "suspended"  # an organisation's standing in which its projects get no money


def fundable(project: Project) -> bool:
    """Open for funding, and its organisation not suspended."""
    return project.status == ProjectStatus.OPEN and project.organisation.standing != SUSPENDED


def fundable_projects(session: Session) -> list[Project]:
    """The projects money may go to now, newest first (the matcher's and 支持项目's)."""
    return list(
        session.scalars(
            select(Project)
            .join(Organisation, Organisation.id == Project.organisation_id)
            .where(Project.status == ProjectStatus.OPEN, Organisation.standing != SUSPENDED)
            .order_by(Project.id.desc())
        )
    )


def release_closed(session: Session, outbox: Outbox) -> int:
    """Pledges that named a project which no longer takes money (funded, cancelled, its
    organisation suspended): what is not allocated is released, as when the donor cancels,
    and the donor is told and pointed to other projects; returns how many were released.
    The money is never moved to another need without the donor's word."""
    waiting = session.execute(
        select(Pledge, Project)
        .join(Project, Project.id == Pledge.project_id)
        .where(Pledge.status.in_(pledges.OPEN))
        .order_by(Pledge.id)
    )
    released = 0
    for pledge, project in list(waiting):
        if fundable(project):
            continue
        try:
            left = pledges.close(session, pledge, PledgeStatus.EXPIRED, "system")
        except StaleRecord:
            continue  # cancelled or allocated meanwhile
        text = msg.PROJECT_PLEDGE_RELEASED.format(
            pledge=pledge.number, project=project.number, left=left
        )
        outbox.notify(pledge.donor_id, f"project-closed:{pledge.id}", text)
        released += 1
    return released
