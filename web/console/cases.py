"""The queue (cases to verify, matches to confirm, in one's scope) and a case's page:
masked details, "show in full" with a reason (audited), flags, history, and the actions
verify, reject, ask the household, set the poverty cause."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

import messages as msg
from conversation.social_work import Asked, ask_household
from domain import attachments, cases, checkins
from domain.events import Event, Outbox
from domain.staff import Staff
from domain.survey import survey
from nlu.regions import region_index
from nlu.validators import mask_id_number, mask_name, mask_phone
from storage.history import case_checkins, case_history
from storage.models import (
    Attachment,
    Case,
    Match,
    Organisation,
    User,
    utcnow,
)
from storage.queue import case_page, waiting_matches
from storage.repositories import audit
from vocabulary import NEED_LABELS
from web.console.actions import Done, Kind, act, refused
from web.console.auth import acting, staff
from web.console.files import stored_file
from web.console.filters import RECORD_NUMBER, case_filter, int_arg
from web.console.forms import (
    CauseForm,
    EmptyForm,
    NoteForm,
    QuestionForm,
    ReasonForm,
    UnmaskForm,
)
from web.runtime import runtime

bp = Blueprint("console_cases", __name__, url_prefix="/console")
# The queue's status filter after its default (waiting for verification).
STATUS_OPTIONS = [("all", "全部")] + [
    (k, v) for k, v in msg.CASE_STATUS_FOR_STAFF.items() if k != "submitted"
]


@dataclass(frozen=True)
class Masked:
    name: str
    id_number: str
    phone: str
    address: str


def review_limit_days(db: Session, who: Staff) -> int:
    """After this many days a waiting case or match is overdue (the organisation's limit)."""
    default = runtime().settings.reminder_after_days
    if who.organisation_id is None:
        return default
    organisation = db.get(Organisation, who.organisation_id)
    limit = organisation.review_limit_days if organisation else None
    return limit or default


def waited_days(since: datetime) -> int:
    return (utcnow() - since).days


@bp.get("/")
@login_required
def home() -> ResponseReturnValue:
    return redirect(url_for(".queue"))


@bp.get("/queue")
@login_required
def queue() -> ResponseReturnValue:
    who = staff()
    if not who.may_act:
        return redirect(url_for("console_stats.statistics"))
    found = RECORD_NUMBER.match(request.args.get("q", ""))
    if found and (found.group(1) or "").upper() == "M":
        return redirect(url_for("console_matches.match", match_id=int(found.group(2))))
    wanted = case_filter(int(found.group(2)) if found else None)
    size = runtime().settings.console_page_size
    with runtime().services.db.session() as db:
        scope = who.case_scope()
        page = case_page(db, scope, wanted, int_arg("page", 1, 1) or 1, size)
        proposals = waiting_matches(db, scope, 1, size)
        limit = review_limit_days(db, who)
    return render_template(
        "console/queue.html",
        page=page,
        proposals=proposals,
        wanted=wanted,
        limit=limit,
        args=request.args,
        regions=region_index(),
        need_labels=NEED_LABELS,
        status_labels=msg.CASE_STATUS_FOR_STAFF,
        status_options=STATUS_OPTIONS,
        waited_days=waited_days,
    )


ON_PAGE = Masked(msg.ERASED, msg.ERASED, msg.ERASED, msg.CONSOLE_NOT_GIVEN)


def masked(case: Case, full: bool, absent: Masked = ON_PAGE, hidden: str = "") -> Masked:
    """The household's personal fields, in full or masked (the address hidden as
    `hidden`); `absent` says what shows for a field that is empty or erased."""
    profile = case.profile
    name, id_number = profile.name or "", profile.id_number or ""
    phone, address = profile.phone or "", profile.address or ""
    if full:
        return Masked(name, id_number, phone, address)
    return Masked(
        mask_name(name) if name else absent.name,
        mask_id_number(id_number) if id_number else absent.id_number,
        mask_phone(phone) if phone else absent.phone,
        hidden if address else absent.address,
    )


def _scoped_case(db: Session, case_id: int) -> Case:
    """The case, or 404 exactly as for a case that does not exist when out of scope."""
    case = db.get(Case, case_id)
    if case is None or not staff().sees(case.region_code) or not staff().may_act:
        abort(404)
    return case


def _case_page(case_id: int, full: bool, reason: str = "") -> ResponseReturnValue:
    who = staff()
    with runtime().services.db.session() as db:
        case = _scoped_case(db, case_id)
        action = "case.viewed_unmasked" if full else "case.viewed"
        detail = {"reason": reason, "via": "console"} if full else {"via": "console"}
        audit(db, who.actor, action, "case", case.id, **detail)
        page = render_template(
            "console/case.html",
            case=case,
            person=masked(case, full, hidden=msg.CONSOLE_HIDDEN),
            description=case.description if full else cases.masked_description(case),
            full=full,
            history=case_history(db, case.id),
            photos=attachments.of_case(db, case.id),
            checkins=[
                (c, json.loads(c.answers) if c.answers else {}) for c in case_checkins(db, case.id)
            ],
            survey=survey(),
            checkin_labels=msg.CHECKIN_STATUS,
            photo_labels=msg.PHOTO_STATUS,
            risk_labels=msg.RISK_LABELS,
            matches=list(
                db.scalars(
                    select(Match)
                    .where(Match.case_id == case.id)
                    .options(joinedload(Match.pledge))
                    .order_by(Match.id)
                )
            ),
            region=region_index().full_name(case.region_code),
            need_labels=NEED_LABELS,
            status_labels=msg.CASE_STATUS_FOR_STAFF,
            match_status_labels=msg.MATCH_STATUS,
            history_labels=msg.HISTORY_LABELS,
            overdue=waited_days(case.submitted_at) >= review_limit_days(db, who),
            forms={
                "verify": NoteForm(),
                "reject": ReasonForm(),
                "ask": QuestionForm(),
                "cause": CauseForm(cause=case.poverty_cause),
                "unmask": UnmaskForm(),
            },
        )
    return page


@bp.get("/cases/<int:case_id>")
@login_required
def case(case_id: int) -> ResponseReturnValue:
    return _case_page(case_id, full=False)


@bp.post("/cases/<int:case_id>/full")
@login_required
@acting
def case_full(case_id: int) -> ResponseReturnValue:
    form = UnmaskForm()
    if not form.validate_on_submit():
        flash(msg.CONSOLE_NEED_REASON, "warning")
        return redirect(url_for(".case", case_id=case_id))
    return _case_page(case_id, full=True, reason=form.reason.data.strip())


CASES: Kind[Case] = Kind(_scoped_case, msg.CASE_STATUS_FOR_STAFF, "console_cases.case", "case_id")


@bp.post("/cases/<int:case_id>/verify")
@login_required
@acting
def verify(case_id: int) -> ResponseReturnValue:
    form = NoteForm()
    if not form.validate_on_submit():
        return refused(form, CASES, case_id)
    note = (form.note.data or "").strip()
    return act(
        CASES, case_id, "verified", lambda db, actor, case: cases.verify(db, case, actor, note)
    )


@bp.post("/cases/<int:case_id>/reject")
@login_required
@acting
def reject(case_id: int) -> ResponseReturnValue:
    form = ReasonForm()
    if not form.validate_on_submit():
        return refused(form, CASES, case_id)
    reason = form.reason.data.strip()
    return act(
        CASES, case_id, "rejected", lambda db, actor, case: cases.reject(db, case, actor, reason)
    )


@bp.post("/cases/<int:case_id>/cause")
@login_required
@acting
def cause(case_id: int) -> ResponseReturnValue:
    form = CauseForm()
    if not form.validate_on_submit():
        return refused(form, CASES, case_id)
    chosen = form.cause.data

    def change(db: Session, actor: User, case: Case) -> set[Event]:
        cases.set_poverty_cause(db, case, actor, chosen)
        return set()

    return act(CASES, case_id, "cause", change, cause=chosen)


ASKED = {Asked.SENT: "asked", Asked.WAITS: "asked_waits", Asked.BY_PHONE: "asked_phone"}


@bp.post("/cases/<int:case_id>/ask")
@login_required
@acting
def ask(case_id: int) -> ResponseReturnValue:
    """The question goes out through the chat; the answer comes back to the history."""
    form = QuestionForm()
    if not form.validate_on_submit():
        return refused(form, CASES, case_id)
    question = form.question.data.strip()

    def change(db: Session, actor: User, case: Case) -> Done:
        outbox = Outbox(db)
        asked = ask_household(runtime().services, db, case, actor, question, outbox)
        said = msg.CONSOLE_DONE[ASKED[asked]].format(number=case.number)
        return Done(outbox.events, (said, "success"))

    return act(CASES, case_id, "asked", change)


@bp.post("/cases/<int:case_id>/checkins")
@login_required
@acting
def enrol(case_id: int) -> ResponseReturnValue:
    """Check-ins for a verified household, as `回访 Q…` in the chat."""
    if not EmptyForm().validate_on_submit():
        abort(400)
    default = runtime().settings.checkin_after_days

    def change(db: Session, actor: User, case: Case) -> Done:
        try:
            added = checkins.enrol(db, case, checkins.checkin_days(db, case, default), actor.openid)
        except checkins.NotEnrollable:
            return Done(said=(msg.CHECKINS_NOT_ENROLLABLE.format(number=case.number), "warning"))
        if not added:
            return Done(said=(msg.CHECKINS_ALREADY.format(number=case.number), "warning"))
        text = msg.CONSOLE_CHECKINS_ENROLLED.format(number=case.number, count=added)
        return Done(said=(text, "success"))

    return act(CASES, case_id, "enrolled", change)


@bp.post("/cases/<int:case_id>/followup")
@login_required
@acting
def follow_up(case_id: int) -> ResponseReturnValue:
    """A follow-up case from a check-in that found risk, as `跟进 Q…` in the chat."""
    if not EmptyForm().validate_on_submit():
        abort(400)

    def change(db: Session, actor: User, case: Case) -> Done:
        opened = checkins.open_followup(db, case, actor)
        if opened is None:
            return Done(said=(msg.NO_FOLLOWUP.format(number=case.number), "warning"))
        then = url_for(".case", case_id=opened.id)
        return Done(said=(msg.FOLLOWUP_OPENED.format(number=opened.number), "success"), then=then)

    return act(CASES, case_id, "followed_up", change)


@bp.get("/attachments/<int:attachment_id>")
@login_required
def attachment(attachment_id: int) -> ResponseReturnValue:
    """A photo, to those who may see its case only; every view is audited. Never cached,
    never at a public address."""
    with runtime().services.db.session() as db:
        found = db.get(Attachment, attachment_id)
        if found is None or found.case_id is None or found.storage_key is None:
            abort(404)
        _scoped_case(db, found.case_id)
        audit(db, staff().actor, "attachment.viewed", "case", found.case_id, attachment=found.id)
        key, content_type = found.storage_key, found.content_type
    return stored_file(key, content_type)
