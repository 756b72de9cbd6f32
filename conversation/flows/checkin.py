"""The check-in conversation (回访), built from the survey file: one step per question, in
its order, answered by number or in words. "过几天再说" postpones the round, "不想答" stops
it, a command or "人工" leaves it (the job reminds once later). Scheduled by the delivery
(`domain.checkins`); started by the scheduled-flows job."""

from __future__ import annotations

from typing import TYPE_CHECKING

import messages as msg
from conversation.flow import Flow, Triggers
from conversation.state import ConversationState
from conversation.steps import EndFlow, Reprompt, Slots, Step
from domain import checkins
from domain.survey import Question, Risk, survey

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from conversation.engine import Conversation

TWO_WEEKS = 14 * 24 * 3600


def _prompt(question: Question, number: int, total: int) -> str:
    asked = question.prompt(number, total)
    return f"{survey().intro.format(count=total)}\n{asked}" if number == 1 else asked


def _step(question: Question, number: int, total: int) -> Step:
    def parse(text: str, _state: ConversationState) -> str:
        if survey().postpones(text):
            raise EndFlow(msg.CHECKIN_POSTPONED, outcome="postponed")
        if survey().stops(text):
            raise EndFlow(msg.CHECKIN_STOPPED, outcome="stopped")
        value = question.read(text)
        if value is None:
            raise Reprompt(msg.CHECKIN_REPROMPT.format(question=question.prompt(number, total)))
        return value

    return Step(
        question.id,
        question.label,
        lambda _slots: _prompt(question, number, total),
        parse,
        revisitable=False,
    )


def _record(conversation: Conversation, slots: Slots) -> str:
    answers = {q.id: str(slots[q.id]) for q in survey().questions if q.id in slots}
    assessed = checkins.complete(
        conversation.session, slots["checkin_id"], answers, conversation.outbox
    )
    return msg.CHECKIN_THANKS_AT_RISK if assessed.level == Risk.AT_RISK else msg.CHECKIN_THANKS


def _asked(session: Session, slots: Slots) -> None:
    checkins.asked(session, slots["checkin_id"])


def _ended(conversation: Conversation, slots: Slots, outcome: str) -> None:
    if outcome == "postponed":
        days = conversation.services.settings.checkin_postpone_days
        checkins.postpone(conversation.session, slots["checkin_id"], days)
    elif outcome in ("stopped", "cancelled"):
        checkins.stop(conversation.session, slots["checkin_id"])


QUESTIONS = survey().questions
FLOW = Flow(
    name=checkins.FLOW,
    steps=tuple(_step(q, i, len(QUESTIONS)) for i, q in enumerate(QUESTIONS, start=1)),
    submit=_record,
    triggers=Triggers(scheduled=True),
    confirm=False,
    interruptible=True,
    leaves_on_unclear=False,
    ttl_seconds=TWO_WEEKS,
    on_start=_asked,
    on_end=_ended,
)
