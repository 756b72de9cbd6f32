"""Organisations applying to implement projects: the application form a one-time link from
the chat opens (no console account needed), and the operators' pages to vet applications —
approve, reject with a reason, ask for more — over `domain.organisations`."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required
from flask_wtf import FlaskForm
from sqlalchemy import select
from sqlalchemy.orm import Session

import messages as msg
from domain import feedback, organisations, projects, standing
from domain.events import Event, Outbox
from domain.organisations import Details, Refused
from domain.staff import Access
from nlu.regions import region_index
from nlu.validators import mask_name, mask_phone
from storage.models import Attachment, Feedback, Organisation, OrganisationApplication, User
from storage.repositories import audit
from storage.social_work import organisation_regions
from vocabulary import NEED_LABELS
from web.console.auth import acting, staff
from web.console.files import stored_file
from web.console.forms import (
    ApplicationForm,
    ComplaintForm,
    NoteForm,
    ReasonForm,
    StandingForm,
)
from web.runtime import runtime

bp = Blueprint("console_organisations", __name__, url_prefix="/console")
NOTIFIED = frozenset({Event.NOTIFICATIONS_WRITTEN})

# --- the application form (the applicant, by a link from the chat) --------------------


@bp.route("/apply/<token>", methods=["GET", "POST"])
def apply(token: str) -> ResponseReturnValue:
    services, limit = runtime().services, runtime().settings.media_max_bytes
    note: str | None = None
    try:
        with services.db.session() as db:
            link = organisations.open_link(db, token)
            if link is None:
                text = msg.APPLICATION_LINK_USED
                return render_template("console/error.html", title="链接不能用了", text=text), 404
            earlier = db.get(OrganisationApplication, link.application_id or 0)
            note = earlier.review_note if earlier else None
            form = ApplicationForm(obj=_as_form(earlier))
            if not form.validate_on_submit():
                return _form_page(form, note, 400 if form.is_submitted() else 200)
            documents = [upload.read(limit + 1) for upload in form.documents.data or [] if upload]
            details = Details(
                form.name.data,
                form.credit_code.data,
                form.contact_name.data,
                form.contact_phone.data,
                form.places.data,
                list(form.fields.data),
                form.about.data,
            )
            application = organisations.submit(db, link, details, documents, services.files, limit)
            number = application.number
    except Refused as refused:  # raised inside: the transaction rolled back, nothing kept
        flash(str(refused), "warning")
        return _form_page(form, note, 400)
    runtime().dispatcher.follow_ups.enqueue(NOTIFIED, f"application:{number}")
    text = msg.APPLICATION_SUBMITTED.format(number=number)
    return render_template("console/error.html", title="申请已提交", text=text)


def _as_form(application: OrganisationApplication | None) -> SimpleNamespace | None:
    """An application's answers, to complete it after a request for more."""
    if application is None:
        return None
    places = "、".join(region_index().full_name(code) for code in application.region_codes)
    return SimpleNamespace(
        name=application.name,
        credit_code=application.credit_code,
        contact_name=application.contact_name,
        contact_phone=application.contact_phone,
        places=places,
        fields=application.fields,
        about=application.about,
    )


def _form_page(form: ApplicationForm, note: str | None, status: int) -> ResponseReturnValue:
    for errors in form.errors.values():
        for error in errors:
            flash(str(error), "warning")
    return render_template("console/apply.html", form=form, note=note), status


# --- vetting (operators) ---------------------------------------------------------------


def _operator() -> None:
    """Applications are the operators' to see; to anyone else they do not exist."""
    if not staff().everything:
        abort(404)


def _application(db: Session, application_id: int) -> OrganisationApplication:
    _operator()
    found = db.get(OrganisationApplication, application_id)
    if found is None:
        abort(404)
    return found


@bp.get("/applications")
@login_required
def applications() -> ResponseReturnValue:
    _operator()
    with runtime().services.db.session() as db:
        found = list(
            db.scalars(select(OrganisationApplication).order_by(OrganisationApplication.id.desc()))
        )
        return render_template(
            "console/applications.html", applications=found, labels=msg.APPLICATION_STATUS
        )


@bp.get("/applications/<int:application_id>")
@login_required
def application(application_id: int) -> ResponseReturnValue:
    with runtime().services.db.session() as db:
        found = _application(db, application_id)
        audit(db, staff().actor, "application.viewed", "application", found.id)
        return render_template(
            "console/application.html",
            application=found,
            contact=(mask_name(found.contact_name), mask_phone(found.contact_phone)),
            places=[region_index().full_name(code) for code in found.region_codes],
            fields=[NEED_LABELS[field] for field in found.fields],
            documents=organisations.documents(db, found.id),
            labels=msg.APPLICATION_STATUS,
            forms={"approve": NoteForm(), "reject": ReasonForm(), "more": ReasonForm()},
        )


@bp.get("/applications/<int:application_id>/documents/<int:document_id>")
@login_required
def document(application_id: int, document_id: int) -> ResponseReturnValue:
    """A document, to operators only; every view audited, never cached."""
    with runtime().services.db.session() as db:
        _application(db, application_id)
        found = db.get(Attachment, document_id)
        if found is None or found.application_id != application_id or not found.storage_key:
            abort(404)
        audit(db, staff().actor, "application.document_viewed", "application", application_id)
        key, content_type = found.storage_key, found.content_type
    return stored_file(key, content_type)


Decision = Callable[[Session, OrganisationApplication, User], str]


def _decide(application_id: int, form_ok: bool, decision: Decision) -> ResponseReturnValue:
    """One decision in one transaction; the applicant is told by chat after it commits."""
    page = url_for(".application", application_id=application_id)
    if not form_ok:
        flash(msg.CONSOLE_NEED_REASON_TEXT, "warning")
        return redirect(page)
    try:
        with runtime().services.db.session() as db:
            found = _application(db, application_id)
            actor = db.get(User, staff().user_id)
            if actor is None:
                abort(403)
            said = decision(db, found, actor)
    except Refused as refused:  # raised inside: the transaction rolled back
        flash(str(refused), "warning")
        return redirect(page)
    runtime().dispatcher.follow_ups.enqueue(NOTIFIED, f"application-decided:{application_id}")
    flash(said, "success")
    return redirect(page)


@bp.post("/applications/<int:application_id>/approve")
@login_required
@acting
def approve(application_id: int) -> ResponseReturnValue:
    def decision(db: Session, found: OrganisationApplication, actor: User) -> str:
        organisations.approve(db, found, actor)
        return msg.CONSOLE_APPLICATION_DONE["approved"].format(number=found.number)

    return _decide(application_id, NoteForm().validate_on_submit(), decision)


@bp.post("/applications/<int:application_id>/reject")
@login_required
@acting
def reject(application_id: int) -> ResponseReturnValue:
    form = ReasonForm()

    def decision(db: Session, found: OrganisationApplication, actor: User) -> str:
        organisations.reject(db, found, actor, form.reason.data.strip())
        return msg.CONSOLE_APPLICATION_DONE["rejected"].format(number=found.number)

    return _decide(application_id, form.validate_on_submit(), decision)


@bp.post("/applications/<int:application_id>/more")
@login_required
@acting
def ask_for_more(application_id: int) -> ResponseReturnValue:
    form = ReasonForm()
    base_url = runtime().settings.base_url

    def decision(db: Session, found: OrganisationApplication, actor: User) -> str:
        organisations.ask_for_more(db, found, actor, form.reason.data.strip(), base_url)
        return msg.CONSOLE_APPLICATION_DONE["more_needed"].format(number=found.number)

    return _decide(application_id, form.validate_on_submit(), decision)


# --- an organisation's record: score, standing, projects --------------------------------


def _organisation(db: Session, organisation_id: int) -> Organisation:
    """Operators see every organisation's record; an admin sees its own; others nothing."""
    who = staff()
    mine = who.access == Access.ADMIN and who.organisation_id == organisation_id
    found = db.get(Organisation, organisation_id) if who.everything or mine else None
    if found is None:
        abort(404)
    return found


@bp.get("/organisations/<int:organisation_id>")
@login_required
def organisation(organisation_id: int) -> ResponseReturnValue:
    settings = runtime().settings
    with runtime().services.db.session() as db:
        found = _organisation(db, organisation_id)
        score = standing.score_of(db, found, settings.reminder_after_days)
        return render_template(
            "console/organisation.html",
            organisation=found,
            places=[region_index().full_name(c) for c in organisation_regions(db, found.id)],
            score=score,
            part_labels=msg.SCORE_PARTS,
            standing_labels=msg.STANDING_LABELS,
            projects=projects.of_organisation(db, found.id),
            project_labels=msg.PROJECT_STATUS,
            form=StandingForm(standing=score.proposed),
            reviews=staff().everything,
            complaints=feedback.complaints_about(db, found.id) if staff().everything else [],
            complaint_form=ComplaintForm(),
            finding_labels=msg.COMPLAINT_FINDINGS,
            region_name=region_index().full_name,
        )


def _refused(form: FlaskForm, page: str, sentence: str) -> ResponseReturnValue | None:
    """An operator's decision on an organisation's page: anyone else gets 404, a form that
    does not validate goes back to the page with the sentence; None when it may go on."""
    _operator()
    if form.validate_on_submit():
        return None
    flash(sentence, "warning")
    return redirect(page)


@bp.post("/organisations/<int:organisation_id>/complaints/<int:feedback_id>")
@login_required
@acting
def decide_complaint(organisation_id: int, feedback_id: int) -> ResponseReturnValue:
    """An operator's finding on a complaint about this organisation (it counts in the score
    when upheld); it may be changed later."""
    form = ComplaintForm()
    page = url_for(".organisation", organisation_id=organisation_id)
    if refused := _refused(form, page, msg.CONSOLE_COMPLAINT_CHOOSE):
        return refused
    with runtime().services.db.session() as db:
        found = db.get(Feedback, feedback_id)
        if found is None or found.organisation_id != organisation_id:
            abort(404)
        upheld = form.decision.data == "upheld"
        feedback.decide_complaint(db, found, upheld, f"operator:{staff().user_id}")
        number = found.number
    finding = msg.COMPLAINT_FINDINGS["upheld" if upheld else "not_upheld"]
    flash(msg.CONSOLE_COMPLAINT_DONE.format(number=number, finding=finding), "success")
    return redirect(page)


@bp.post("/organisations/<int:organisation_id>/standing")
@login_required
@acting
def set_standing(organisation_id: int) -> ResponseReturnValue:
    """An operator's decision after review (the rule's proposal is preselected)."""
    form = StandingForm()
    page = url_for(".organisation", organisation_id=organisation_id)
    if refused := _refused(form, page, msg.CONSOLE_NEED_REASON_TEXT):
        return refused
    with runtime().services.db.session() as db:
        found = _organisation(db, organisation_id)
        actor = db.get(User, staff().user_id)
        if actor is None:
            abort(403)
        outbox = Outbox(db)
        standing.apply_standing(
            db, found, actor, form.standing.data, form.reason.data.strip(), outbox
        )
        name, events = found.name, outbox.events
    runtime().dispatcher.follow_ups.enqueue(frozenset(events), f"standing:{organisation_id}")
    label = msg.STANDING_LABELS[form.standing.data]
    flash(msg.CONSOLE_STANDING_DONE.format(name=name, standing=label), "success")
    return redirect(page)
