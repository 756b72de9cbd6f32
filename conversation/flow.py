"""What a guided conversation is, as data: its steps, what starts it (triggers), what it
does with the answers (submit), and how the engine treats it. A flow file in
`conversation/flows/` declares one `FLOW`; the engine finds it and never names it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import messages as msg
from conversation.steps import Slots, Step

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from conversation.engine import Conversation

Prefill = Callable[[str, dict[str, Any]], Slots]
# Filler between an opener and what follows it ("补充一下，…", "我要投诉：…").
_AFTER_OPENER = r"[一下点几句]*[，,：:。！!\s]*"


def told_after(openers: tuple[str, ...], text: str, minimum: int) -> str | None:
    """What follows the opener a message begins with ("我要投诉，社工态度很差" → "社工态度很
    差"), when it is at least `minimum` characters; None otherwise."""
    opening = re.match(rf"(?:{'|'.join(map(re.escape, openers))}){_AFTER_OPENER}", text.strip())
    told = text.strip()[opening.end() :].strip() if opening else ""
    return told if len(told) >= minimum else None


def _nothing(_text: str, _entities: dict[str, Any]) -> Slots:
    return {}


@dataclass(frozen=True)
class Triggers:
    """What starts a flow. `intents`: an NLU intent (with `prefill` reading the first
    message); `keywords`: an exact reply ("删除我的信息"), or `openers`: words a message
    begins with, the rest of it kept by `prefill` ("我要投诉，社工态度很差"), or `says`: what
    it says in other words, found anywhere in it ("社工态度不好 说话很凶"), only from someone
    it has something to do for unless `says_always` (then its `needs` answers); `menu`: a
    top-menu item's key; `scheduled`: started for a given user by a job (a follow-up that
    expects an answer); `worker_command`: a social worker's command (代办). A flow with none
    is started by other code through `Conversation.start`."""

    intents: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    openers: tuple[str, ...] = ()
    says: re.Pattern[str] | None = None
    says_always: bool = False
    menu: str | None = None
    scheduled: bool = False
    worker_command: str | None = None
    prefill: Prefill = _nothing


# Where a message divides into what it says one by one (听不见 有事给我发短信).
_CLAUSES = re.compile(r"[，,。；;！!？?\s]+")


@dataclass(frozen=True)
class Remark:
    """What those who handle the record should know, said in passing at any question
    (听不见，有事发短信; 晚上才能接电话): the clauses that say it are kept in `slots[name]`,
    in the user's words, and shown at the summary under `label`; the question goes on."""

    name: str
    label: str
    says: re.Pattern[str]

    def found(self, text: str) -> str | None:
        clauses = [c for c in _CLAUSES.split(text) if c and self.says.search(c)]
        return "，".join(clauses) or None

    def left_out(self, text: str) -> str:
        """The text without the words that make the remark (我是聋哑人会做手工活想找个地方
        上班: what is left asks for work)."""
        return self.says.sub("，", text).strip("，")


@dataclass(frozen=True)
class Flow:
    name: str
    steps: tuple[Step, ...]
    submit: Callable[[Conversation, Slots], str]
    triggers: Triggers = field(default_factory=Triggers)
    # What is kept whatever question it is said at (see `Remark`).
    remarks: tuple[Remark, ...] = ()
    # The slot holding the user's own account (a help request's description): more of it,
    # told at a later question, is added to it and the question asked again.
    story: str | None = None
    # Show the answers for confirmation before submitting (False: submit when answered).
    confirm: bool = True
    # The consent step records the user's consent, and is skipped once it was given.
    records_consent: bool = False
    # A flow the user did not start (a follow-up question): a command or another request
    # leaves it instead of being read as its answer.
    interruptible: bool = False
    # For such a flow: an unclear reply leaves it (True), or is asked again (False: a
    # survey whose answers are short words and numbers; commands still leave it).
    leaves_on_unclear: bool = True
    # Photos sent while it runs (after consent) are kept, fetched at once, and their ids
    # handed to its submit in slots["photos"]; the question is asked again. Its `on_end`
    # discards them when it ends without a submit.
    keeps_photos: bool = False
    # What must be there before it starts: a reply saying why not, or None to start (a
    # supplement needs an open request to add to).
    needs: Callable[[Conversation], str | None] | None = None
    # What the user's own records already answer (the county of their latest request), for
    # the steps the first message did not answer; shown for confirmation like any answer.
    known: Callable[[Conversation], Slots] | None = None
    # How long the state waits for an answer (None: CONVERSATION_TTL_SECONDS).
    ttl_seconds: int | None = None
    # Started by a job: what else that start records (the check-in was asked).
    on_start: Callable[[Session, Slots], None] | None = None
    # Ended before its submit (a step's `EndFlow(outcome=...)`, or "取消": "cancelled").
    on_end: Callable[[Conversation, Slots, str], None] | None = None
    # What "取消" is answered with (a deletion called off keeps everything, nothing was filled).
    cancelled: str = msg.CANCELLED

    def step(self, name: str) -> Step:
        return next(s for s in self.steps if s.name == name)

    def pending(self, slots: Slots) -> list[Step]:
        return [s for s in self.steps if s.applies(slots) and s.name not in slots]

    def answered(self, slots: Slots) -> list[Step]:
        return [s for s in self.steps if s.applies(slots) and s.name in slots]

    def editable(self, slots: Slots) -> list[Step]:
        """Answered questions a user may go back to or change (not the consent)."""
        return [s for s in self.answered(slots) if s.revisitable]

    def without_remarks(self, text: str) -> str:
        """The text without what it remarks in passing (我耳朵听不见, 晚上才能接电话)."""
        for remark in self.remarks:
            text = remark.left_out(text)
        return text

    def summary(self, slots: Slots) -> str:
        lines = [f"{step.label}：{step.show(slots[step.name])}" for step in self.editable(slots)]
        lines += [f"{r.label}：{slots[r.name]}" for r in self.remarks if r.name in slots]
        return "请核对：\n" + "\n".join(lines) + msg.CONFIRM_FOOTER
