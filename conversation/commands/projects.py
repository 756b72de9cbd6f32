"""`支持项目`: the projects open for funding, those where the donor gave before first, and a
pledge for one of them (`支持 P000001 两千` names it at once)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import select

import messages as msg
from conversation import registry
from conversation.commands import Command
from domain.projects import fundable, fundable_projects
from matcher.allocate import area_of
from nlu.amounts import parse_amount
from nlu.regions import region_index
from storage.models import Pledge, Project
from storage.repositories import numbered

if TYPE_CHECKING:
    from conversation.engine import Conversation

LISTED = 5


def _open_projects(conversation: Conversation) -> list[Project]:
    """Open projects, those inside the region of the donor's latest pledge first."""
    session = conversation.session
    latest = session.scalar(
        select(Pledge.region_pref)
        .where(Pledge.donor_id == conversation.user.id, Pledge.region_pref.is_not(None))
        .order_by(Pledge.id.desc())
    )
    found = fundable_projects(session)
    prefix = (latest or "").rstrip("0")[:6]
    return sorted(found, key=lambda p: not area_of(p.region_codes).startswith(prefix))[:LISTED]


def list_projects(conversation: Conversation, _found: re.Match[str]) -> str:
    projects = _open_projects(conversation)
    if not projects:
        return msg.NO_OPEN_PROJECTS
    lines = [
        msg.PROJECT_LINE.format(
            index=i,
            number=p.number,
            title=p.title,
            place=region_index().full_name(area_of(p.region_codes)) or "多省",
            people=p.people_served,
            funded=p.funded_yuan,
            budget=p.budget_yuan,
        )
        for i, p in enumerate(projects, start=1)
    ]
    listed = [[p.id, f"{p.number} {p.title}"] for p in projects]
    flow = registry.flows()["project_pledge"]
    return (
        msg.OPEN_PROJECTS.format(lines="\n".join(lines))
        + "\n"
        + conversation.start(flow, {"listed": listed, "kind": "money"})
    )


def support_project(conversation: Conversation, found: re.Match[str]) -> str:
    project = numbered(conversation.session, Project, int(found.group(1)))
    if project is None or not fundable(project):
        return msg.PROJECT_NOT_OPEN.format(number=f"P{int(found.group(1)):06d}")
    named = {"id": project.id, "name": f"{project.number} {project.title}"}
    slots: dict[str, object] = {"project": named, "kind": "money"}  # money: a phone is optional
    if (amount := parse_amount(found.group(2) or "")) is not None:
        slots["amount"] = amount
    return conversation.start(registry.flows()["project_pledge"], slots)


COMMANDS = (
    Command(
        "支持项目",
        re.compile(r"^(支持项目|捐项目|项目列表|有哪些项目)$"),
        list_projects,
        priority=80,
    ),
    Command(
        "支持 P…",
        re.compile(r"^(?:支持|捐)\s*[Pp]\s*0*(\d{1,9})\s*(.*)$"),
        support_project,
        priority=80,
    ),
)
