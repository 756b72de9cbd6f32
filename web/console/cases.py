"""The queue (cases to verify, matches to confirm, in one's scope) and a case's page:
masked details, "show in full" with a reason (audited), flags, history, and the actions
verify, reject, ask the household, set the poverty cause."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required
from sqlalchemy.orm import Session

import messages as msg
from conversation.social_work import Asked, ask_household
from domain import cases
from domain.events import Event, Outbox
from domain.staff import Staff
from nlu.regions import region_index
from nlu.validators import mask_id_number, mask_name, mask_phone
from storage.history import case_history
from storage.models import (
    Case,
    Match,
    Organisation,
    User,
    utcnow,
)
from storage.queue import case_page, waiting_matches
from storage.repositories import audit
from vocabulary import NEED_LABELS
from web.console.actions import perform, wrong_status_text
from web.console.auth import acting, staff
from web.console.filters import RECORD_NUMBER, case_filter, int_arg
from web.console.forms import CauseForm, NoteForm, QuestionForm, ReasonForm, UnmaskForm
from web.runtime import runtime

bp = Blueprint("console_cases", __name__, url_prefix="/console")


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
        status_labels=msg.CASE_STATUS,
        waited_days=waited_days,
    )


def _masked(case: Case, full: bool) -> Masked:
    profile = case.profile
    name, id_number = profile.name or "", profile.id_number or ""
    phone, address = profile.phone or "", profile.address or ""
    if full:
        return Masked(name, id_number, phone, address)
    return Masked(
        mask_name(name) if name else msg.ERASED,
        mask_id_number(id_number) if id_number else msg.ERASED,
        mask_phone(phone) if phone else msg.ERASED,
        msg.CONSOLE_HIDDEN if address else msg.CONSOLE_NOT_GIVEN,
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
            person=_masked(case, full),
            full=full,
            history=case_history(db, case.id),
            matches=db.query(Match).filter(Match.case_id == case.id).order_by(Match.id).all(),
            region=region_index().full_name(case.region_code),
            need_labels=NEED_LABELS,
            status_labels=msg.CASE_STATUS,
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


def _on_case(case_id: int, act: str, done: str, change: object) -> ResponseReturnValue:
    """Run a case action after the scope check; back to the case page."""
    number = f"Q{case_id:06d}"
    with runtime().services.db.session() as db:
        _scoped_case(db, case_id)

    def current_status() -> str:
        with runtime().services.db.session() as db:
            status = _scoped_case(db, case_id).status
        return wrong_status_text(number, msg.CASE_STATUS[status])

    perform(change, f"{act}:{case_id}", done, current_status)  # type: ignore[arg-type]
    return redirect(url_for(".case", case_id=case_id))


def _invalid(
    form: NoteForm | ReasonForm | QuestionForm | CauseForm, case_id: int
) -> ResponseReturnValue:
    for errors in form.errors.values():
        for error in errors:
            flash(str(error), "warning")
    return redirect(url_for(".case", case_id=case_id))


@bp.post("/cases/<int:case_id>/verify")
@login_required
@acting
def verify(case_id: int) -> ResponseReturnValue:
    form = NoteForm()
    if not form.validate_on_submit():
        return _invalid(form, case_id)
    note = (form.note.data or "").strip()

    def change(db: Session, actor: User) -> set[Event]:
        return cases.verify(db, _scoped_case(db, case_id), actor, note)

    done = msg.CONSOLE_DONE["verified"].format(number=f"Q{case_id:06d}")
    return _on_case(case_id, "verify", done, change)


@bp.post("/cases/<int:case_id>/reject")
@login_required
@acting
def reject(case_id: int) -> ResponseReturnValue:
    form = ReasonForm()
    if not form.validate_on_submit():
        return _invalid(form, case_id)
    reason = form.reason.data.strip()

    def change(db: Session, actor: User) -> set[Event]:
        return cases.reject(db, _scoped_case(db, case_id), actor, reason)

    done = msg.CONSOLE_DONE["rejected"].format(number=f"Q{case_id:06d}")
    return _on_case(case_id, "reject", done, change)


@bp.post("/cases/<int:case_id>/cause")
@login_required
@acting
def cause(case_id: int) -> ResponseReturnValue:
    form = CauseForm()
    if not form.validate_on_submit():
        return _invalid(form, case_id)
    chosen = form.cause.data

    def change(db: Session, actor: User) -> set[Event]:
        cases.set_poverty_cause(db, _scoped_case(db, case_id), actor, chosen)
        return set()

    done = msg.CONSOLE_DONE["cause"].format(number=f"Q{case_id:06d}", cause=chosen)
    return _on_case(case_id, "cause", done, change)


@bp.post("/cases/<int:case_id>/ask")
@login_required
@acting
def ask(case_id: int) -> ResponseReturnValue:
    form = QuestionForm()
    if not form.validate_on_submit():
        return _invalid(form, case_id)
    question = form.question.data.strip()
    outcome: list[Asked] = []

    def change(db: Session, actor: User) -> set[Event]:
        outbox = Outbox(db)
        case = _scoped_case(db, case_id)
        outcome.append(ask_household(runtime().services, db, case, actor, question, outbox))
        return outbox.events

    number = f"Q{case_id:06d}"
    result = _on_case(case_id, "ask", "", change)
    key = {Asked.SENT: "asked", Asked.WAITS: "asked_waits", Asked.BY_PHONE: "asked_phone"}
    if outcome:
        flash(msg.CONSOLE_DONE[key[outcome[0]]].format(number=number), "success")
    return result
