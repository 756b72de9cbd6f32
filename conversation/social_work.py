"""The social worker's phone: binding with an invite, and the review commands
(待核实 查看 核实 驳回 补充 代办 统计 解绑). A worker sees only cases in their regions; a case
elsewhere is answered exactly like a case that does not exist."""

from __future__ import annotations

import re
from datetime import timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

import messages as msg
from conversation import registry
from conversation import scheduled as scheduled_flows
from domain import cases, checkins
from domain.events import Event, Outbox, StaleRecord
from domain.records import settle
from domain.schedule import schedule_flow
from nlu.amounts import parse_amount
from nlu.regions import region_index
from nlu.validators import mask_id_number, mask_name, mask_phone
from storage.models import (
    Case,
    CaseQuestion,
    CaseStatus,
    SocialWorker,
    SocialWorkerRegion,
    User,
    utcnow,
)
from storage.reports import build_report
from storage.repositories import audit, numbered
from storage.social_work import (
    BindError,
    bind,
    cases_in_regions,
    count_waiting,
    covers,
    deactivate,
    organisation_prefixes,
    worker_prefixes,
)
from vocabulary import NEED_LABELS, POVERTY_CAUSES

if TYPE_CHECKING:
    from conversation.engine import Conversation, Services

PENDING_LIST_LIMIT = 10


def bind_command(conversation: Conversation, match: re.Match[str]) -> str:
    """`绑定 <code>` from anyone."""
    try:
        worker = bind(conversation.session, conversation.user, match.group(1).upper())
    except BindError as exc:
        audit(
            conversation.session,
            conversation.openid,
            "social_worker.bind_failed",
            "user",
            conversation.user.id,
            reason=str(exc),
        )
        return msg.BIND_ERRORS[str(exc)]
    bound = msg.BOUND.format(
        org=worker.organisation.name, regions=regions_text(conversation, worker)
    )
    prefixes = worker_prefixes(conversation.session, worker)
    waiting = cases.now_covered(conversation.session, prefixes)
    return bound + (msg.WAITING_WHEN_BOUND.format(count=waiting) if waiting else "")


def worker_regions(conversation: Conversation, worker: SocialWorker) -> list[str]:
    return list(
        conversation.session.scalars(
            select(SocialWorkerRegion.region_code).where(
                SocialWorkerRegion.social_worker_id == worker.id
            )
        )
    )


def regions_text(conversation: Conversation, worker: SocialWorker) -> str:
    """The regions a worker covers, by name (甘肃省定西市通渭县、…)."""
    index = region_index()
    return "、".join(index.full_name(c) for c in worker_regions(conversation, worker))


def _case_label(case: Case) -> str:
    amount = msg.YUAN.format(amount=case.amount_needed) if case.amount_needed else ""
    return f"{NEED_LABELS[case.need_type]}{amount}"


def _days(value: float | None) -> str:
    """A median in days for people: 0 is 0; nothing measured yet is "-"."""
    if value is None:
        return "-"
    return f"{value:g}"


def flags_text(case: Case) -> str:
    return "；".join(f"⚠{flag['reason']}" for flag in case.flags) if case.flags else ""


class Asked(StrEnum):
    SENT = "sent"  # the household has the question now
    WAITS = "waits"  # asked once the household's current conversation ends
    BY_PHONE = "by_phone"  # no WeChat: the worker asks by phone and records the answer


def ask_household(
    services: Services, session: Session, case: Case, asker: User, question: str, outbox: Outbox
) -> Asked:
    """A social worker's question to a case's household (补充), by chat and console alike:
    kept with the case, and put to the household as a short conversation whose answer
    comes back to the case."""
    asked = cases.ask_question(session, case, asker, question)
    if case.user_id is None:
        return Asked.BY_PHONE
    slots = {"question_id": asked.id, "case": case.number, "question": question}
    waiting = schedule_flow(
        session, f"question:{asked.id}", case.user_id, "case_answer", slots, utcnow()
    )
    if waiting is not None:  # asked now unless the household is in another conversation
        started = scheduled_flows.start(services, session, waiting, outbox.notify)
        session.flush()
        if not started:
            return Asked.WAITS
    return Asked.SENT


class WorkerCommands:
    """Commands of one active social worker, inside the conversation's transaction."""

    CASE_ACTIONS = ("查看", "核实", "驳回", "补充", "记录", "金额", "致贫", "回访", "跟进")

    def __init__(self, conversation: Conversation) -> None:
        worker = conversation.worker()
        if worker is None:
            raise ValueError("not an active social worker")
        self.conversation = conversation
        self.session = conversation.session
        self.worker = worker
        self.prefixes = conversation.worker_prefixes()

    def on_case(self, action: str, number: str, rest: str) -> str:
        """A command about one case in the worker's regions (a case elsewhere is answered
        exactly like one that does not exist)."""
        case = self._case(int(number))
        if case is None:
            return msg.NO_SUCH_CASE.format(number=f"Q{int(number):06d}")
        actions = {
            "查看": self.view,
            "核实": self.verify,
            "驳回": self.reject,
            "补充": self.ask,
            "记录": self.record_answer,
            "金额": self.set_amount,
            "致贫": self.set_cause,
            "回访": self.enrol,
            "跟进": self.follow_up,
        }
        return actions[action](case, rest)

    def _case(self, case_id: int) -> Case | None:
        case = numbered(self.session, Case, case_id)
        if case is None or not covers(self.prefixes, case.region_code):
            return None
        return case

    def _audit(self, action: str, case: Case, **detail: str) -> None:
        audit(self.session, self.conversation.openid, action, "case", case.id, **detail)

    def pending(self) -> str:
        cases = cases_in_regions(self.session, self.prefixes, CaseStatus.SUBMITTED)
        if not cases:
            return msg.NO_PENDING
        lines = [msg.PENDING_HEADER]
        for case in cases[:PENDING_LIST_LIMIT]:
            lines.append(
                msg.PENDING_LINE.format(
                    number=case.number,
                    label=_case_label(case),
                    region=region_index().full_name(case.region_code),
                    days=(utcnow() - case.submitted_at).days,
                    flags=f" {flags_text(case)}" if case.flags else "",
                )
            )
        if len(cases) > PENDING_LIST_LIMIT:
            lines.append(msg.PENDING_MORE.format(more=len(cases) - PENDING_LIST_LIMIT))
        return "\n".join(lines)

    def view(self, case: Case, rest: str) -> str:
        full = rest.startswith("全部")
        profile = case.profile
        self._audit("case.viewed_unmasked" if full else "case.viewed", case)
        name, id_number, phone = profile.name or "", profile.id_number or "", profile.phone or ""
        description = case.description if full else cases.masked_description(case)
        note = profile.contact_note
        if not full:
            name = mask_name(name) if name else msg.ERASED
            id_number = mask_id_number(id_number) if id_number else msg.ERASED
            phone = mask_phone(phone) if phone else msg.ERASED
        lines = [
            msg.CASE_VIEW.format(
                number=case.number,
                status=msg.CASE_STATUS[case.status],
                label=_case_label(case),
                size=profile.household_size,
                cause=case.poverty_cause or msg.CAUSE_UNKNOWN,
                region=region_index().full_name(case.region_code),
                description=description,
                name=name,
                id_number=id_number,
                phone=phone,
                contact=msg.CONTACT_NOTE_FOR_WORKER.format(note=note) if note else "",
                submitted=case.submitted_at,
                on_behalf=msg.ON_BEHALF_MARK if case.filed_by_id else "",
            )
        ]
        if case.flags:
            lines.append(msg.CASE_VIEW_FLAGS.format(flags=flags_text(case)))
        for question in self.session.scalars(
            select(CaseQuestion).where(CaseQuestion.case_id == case.id).order_by(CaseQuestion.id)
        ):
            answer = question.answer or msg.NOT_ANSWERED
            lines.append(msg.CASE_VIEW_QUESTION.format(question=question.question, answer=answer))
        return "\n".join(lines)

    def _require(self, case: Case, action: str, *statuses: CaseStatus) -> str | None:
        return None if case.status in statuses else self._wrong_status(case, action)

    @staticmethod
    def _wrong_status(case: Case, action: str) -> str:
        status = msg.CASE_STATUS[case.status]
        return msg.WRONG_STATUS.format(number=case.number, status=status, action=action)

    def verify(self, case: Case, note: str) -> str:
        try:
            events = cases.verify(self.session, case, self.conversation.user, note)
        except StaleRecord:
            return self._wrong_status(case, "核实")
        self.conversation.emit(*events)
        return msg.VERIFIED_OK.format(number=case.number)

    def reject(self, case: Case, reason: str) -> str:
        if not reason:
            return msg.NEED_REASON.format(number=case.number)
        try:
            events = cases.reject(self.session, case, self.conversation.user, reason)
        except StaleRecord:
            return self._wrong_status(case, "驳回")
        self.conversation.emit(*events)
        return msg.REJECTED_OK.format(number=case.number)

    def ask(self, case: Case, question: str) -> str:
        if not question:
            return msg.NEED_QUESTION.format(number=case.number)
        asked = ask_household(
            self.conversation.services,
            self.session,
            case,
            self.conversation.user,
            question,
            self.conversation.outbox,
        )
        if asked == Asked.BY_PHONE:
            phone = mask_phone(case.profile.phone) if case.profile.phone else msg.ERASED
            return msg.PROXY_QUESTION_TASK.format(number=case.number, phone=phone)
        if asked == Asked.WAITS:
            return msg.QUESTION_WAITS.format(number=case.number)
        return msg.QUESTION_SENT.format(number=case.number)

    def record_answer(self, case: Case, answer: str) -> str:
        """The household's answer, asked by phone, to the case's open question."""
        question = self.session.scalar(
            select(CaseQuestion)
            .where(CaseQuestion.case_id == case.id, CaseQuestion.answered_at.is_(None))
            .order_by(CaseQuestion.id.desc())
        )
        if question is None or not answer:
            return msg.NO_OPEN_QUESTION.format(number=case.number)
        cases.answer_question(self.session, question, answer, self.conversation.user)
        return msg.ANSWER_RECORDED.format(number=case.number)

    def set_amount(self, case: Case, text: str) -> str:
        """The amount a case needs, once the social worker has established it."""
        amount = parse_amount(text)
        open_statuses = (CaseStatus.SUBMITTED, CaseStatus.VERIFIED, CaseStatus.PARTLY_MATCHED)
        if (problem := self._require(case, "改金额", *open_statuses)) is not None:
            return problem
        if amount is None or amount < max(case.amount_matched, 1):
            return msg.BAD_AMOUNT_SET.format(number=case.number, matched=case.amount_matched)
        case.amount_needed = amount
        case.flags = [flag for flag in case.flags if flag["code"] != "amount_unknown"]
        self._audit("case.amount_set", case, amount=str(amount))
        if case.status != CaseStatus.SUBMITTED:
            settle(self.session, {case.id}, set())
            self.conversation.emit(Event.MATCHING_NEEDED)
        return msg.AMOUNT_SET.format(number=case.number, amount=amount)

    def set_cause(self, case: Case, cause: str) -> str:
        """The social worker's judgement of the poverty cause (致贫原因) replaces the first
        reading made at submission."""
        if cause not in POVERTY_CAUSES:
            return msg.BAD_CAUSE.format(number=case.number, causes="、".join(POVERTY_CAUSES))
        cases.set_poverty_cause(self.session, case, self.conversation.user, cause)
        return msg.CAUSE_SET.format(number=case.number, cause=cause)

    def enrol(self, case: Case, _rest: str) -> str:
        """Check-ins for a verified household (delivered help schedules them itself)."""
        default = self.conversation.services.settings.checkin_after_days
        days = checkins.checkin_days(self.session, case, default)
        try:
            added = checkins.enrol(self.session, case, days, self.conversation.openid)
        except checkins.NotEnrollable:
            return msg.CHECKINS_NOT_ENROLLABLE.format(number=case.number)
        if not added:
            return msg.CHECKINS_ALREADY.format(number=case.number)
        return msg.CHECKINS_ENROLLED.format(number=case.number, count=added, days=f"{days[0]:g}")

    def follow_up(self, case: Case, _rest: str) -> str:
        """A follow-up case from a check-in that found risk, in one command."""
        opened = checkins.open_followup(self.session, case, self.conversation.user)
        if opened is None:
            return msg.NO_FOLLOWUP.format(number=case.number)
        return msg.FOLLOWUP_OPENED.format(number=opened.number)

    def stats(self) -> str:
        # The organisation's backlog: every region it covers, not only this worker's.
        prefixes = organisation_prefixes(self.session, self.worker.organisation_id)
        days = self.conversation.services.settings.reminder_after_days
        overdue = count_waiting(self.session, prefixes, utcnow() - timedelta(days=days))
        figures = build_report(self.conversation.services.db, prefixes)
        counts = figures["cases_by_status"]
        matched = sum(counts.get(s, 0) for s in ("partly_matched", "matched"))
        return msg.STATS.format(
            needed=figures["yuan_needed"],
            yuan_matched=figures["yuan_matched"],
            yuan_delivered=figures["yuan_delivered"],
            to_verify=_days(figures["median_days_to_verification"]),
            submitted=counts.get("submitted", 0),
            verified=counts.get("verified", 0),
            rejected=counts.get("rejected", 0),
            matched=matched,
            delivered=counts.get("delivered", 0) + counts.get("closed", 0),
            days=days,
            overdue=overdue,
        )

    def coverage(self) -> str:
        """Where the worker works: the organisation and the regions covered."""
        regions = regions_text(self.conversation, self.worker)
        return msg.WORKER_COVERS.format(org=self.worker.organisation.name, regions=regions)

    def unbind(self) -> str:
        deactivate(self.session, self.worker, self.conversation.openid)
        self.conversation.saved.clear()
        self.conversation.user.active_flow = None
        return msg.UNBOUND

    def file_on_behalf(self) -> str:
        flow = registry.flow_for_worker_command("代办")
        return self.conversation.start(flow) if flow else msg.WORKER_HELP
