"""A social worker's question about a case (补充), asked in the household's chat: the
household's next reply is the answer, and it goes back to the worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

import messages as msg
from conversation.flow import Flow, Triggers
from conversation.steps import Slots, Step, parse_free_text
from domain import cases
from storage.models import CaseQuestion

if TYPE_CHECKING:
    from conversation.engine import Conversation

WEEK = 7 * 24 * 3600


def _record(conversation: Conversation, slots: Slots) -> str:
    question = conversation.session.get(CaseQuestion, slots["question_id"])
    if question is not None and question.answered_at is None:
        events = cases.answer_question(
            conversation.session, question, slots["answer"], conversation.user
        )
        conversation.emit(*events)
    return msg.ANSWER_FORWARDED


FLOW = Flow(
    name="case_answer",
    steps=(
        Step(
            "answer",
            "回答",
            lambda slots: msg.CASE_QUESTION.format(
                number=slots["case"], question=slots["question"]
            ),
            parse_free_text(msg.BAD_ANSWER, minimum=1),
        ),
    ),
    submit=_record,
    triggers=Triggers(scheduled=True),
    confirm=False,
    ttl_seconds=WEEK,
)
