"""支持项目: a money pledge for one open project of an implementing organisation. Which
project (a number from the list `支持项目` showed, or its P-number), how much, how to thank
the donor and how to reach them; the matcher gives the money to that project only."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import messages as msg
from conversation.flow import Flow, Triggers
from conversation.flows.pledge import FLOW as PLEDGE_FLOW
from conversation.state import ConversationState
from conversation.steps import Reprompt, Slots, Step, parse_money, show_money
from domain.events import Event
from domain.projects import fundable
from storage.models import Project, utcnow
from storage.repositories import PledgeDraft, numbered, submit_pledge

if TYPE_CHECKING:
    from conversation.engine import Conversation

NUMBER = re.compile(r"^[Pp]\s*0*(\d{1,9})$")


def _parse_project(text: str, state: ConversationState) -> dict[str, Any]:
    listed: list[list[Any]] = state.slots.get("listed", [])
    answer = text.strip()
    if answer.isdigit() and 1 <= int(answer) <= len(listed):
        project_id, name = listed[int(answer) - 1]
        return {"id": project_id, "name": name}
    if found := NUMBER.match(answer):
        project_id = int(found.group(1))
        name = next((n for i, n in listed if i == project_id), f"P{project_id:06d}")
        return {"id": project_id, "name": name}
    raise Reprompt(msg.ASK_PROJECT)


def _submit(conversation: Conversation, slots: Slots) -> str:
    project = numbered(conversation.session, Project, slots["project"]["id"])
    if project is None or not fundable(project):
        return msg.PROJECT_NOT_OPEN.format(number=slots["project"]["name"].split()[0])
    draft = PledgeDraft(
        kind="money",
        need_type=project.need_type.value,
        amount=slots["amount"],
        item_description=None,
        region_pref=None,
        display_name=slots["display_name"] or None,
        contact_phone=slots["contact"] or None,
        project_id=project.id,
    )
    pledge = submit_pledge(conversation.session, conversation.user, draft)
    pledge.expires_at = utcnow() + timedelta(days=conversation.services.settings.pledge_ttl_days)
    conversation.emit(Event.MATCHING_NEEDED)
    return msg.PROJECT_PLEDGE_SUBMITTED.format(number=pledge.number, project=project.number)


def _pledge_step(name: str) -> Step:
    return next(step for step in PLEDGE_FLOW.steps if step.name == name)


FLOW = Flow(
    name="project_pledge",
    steps=(
        Step("project", "支持项目", msg.ASK_PROJECT, _parse_project, lambda p: p["name"]),
        Step(
            "amount", "金额", msg.ASK_PLEDGE_AMOUNT, parse_money(msg.BAD_PLEDGE_AMOUNT), show_money
        ),
        _pledge_step("display_name"),
        _pledge_step("contact"),
    ),
    submit=_submit,
    triggers=Triggers(),
)
