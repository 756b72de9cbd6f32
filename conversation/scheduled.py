"""Starting a scheduled flow for a user who did not write: the state is set, the first
question goes out through the outbox. Used by the job for due follow-ups, and at once for
a question that should not wait (a social worker's 补充)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from conversation import registry
from conversation.engine import Services
from conversation.state import ConversationState
from storage.models import ScheduledFlow, User, utcnow

Notify = Callable[[int, str, str], object]
# A user's message being handled holds their lock for well under a second; a flow that
# cannot get it in this time waits for a later try, like one for a user in a conversation.
LOCK_WAIT_SECONDS = 2.0


def first_question(
    services: Services, user: User, flow_name: str, slots: dict[str, Any]
) -> str | None:
    """Set the user's state to the flow's first question and return it; None while the
    user is in another conversation or a message of theirs is being handled (the flow waits
    for a later try). The state changes under the user's lock, as a message's turn does."""
    lock = services.store.lock(user.openid, LOCK_WAIT_SECONDS)
    if not lock.acquire():
        return None
    try:
        if services.store.load(user.openid) is not None:
            return None
        flow = registry.flows()[flow_name]
        first = flow.pending(slots)[0]
        state = ConversationState(flow=flow.name, step=first.name, slots=dict(slots))
        services.store.save(user.openid, state, flow.ttl_seconds)
    finally:
        lock.release()
    user.active_flow = flow.name
    return first.question(slots)


def start(services: Services, session: Session, scheduled: ScheduledFlow, notify: Notify) -> bool:
    """Start it now if the user is free; False when it has to wait."""
    question = first_question(services, scheduled.user, scheduled.flow, scheduled.slots)
    if question is None:
        return False
    scheduled.started_at = utcnow()
    flow = registry.flows()[scheduled.flow]
    if flow.on_start is not None:
        flow.on_start(session, scheduled.slots)
    notify(scheduled.user_id, f"flow:{scheduled.key}", question)
    return True
