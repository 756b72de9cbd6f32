"""Organisations applying to implement projects: the application form a one-time link from
the chat opens (no console account needed), and the operators' pages to vet applications —
approve, reject with a reason, ask for more — over `domain.organisations`."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required
from sqlalchemy import select
from sqlalchemy.orm import Session

import messages as msg
from domain import organisations
from domain.events import Event
from domain.organisations import Details, Refused
from nlu.regions import region_index
from nlu.validators import mask_name, mask_phone
from storage.models import Attachment, OrganisationApplication, User
from storage.repositories import audit
from vocabulary import NEED_LABELS
from web.console.auth import acting, staff
from web.console.forms import ApplicationForm, NoteForm, ReasonForm
from web.runtime import runtime

bp = Blueprint("console_organisations", __name__, url_prefix="/console")
NOTIFIED = frozenset({Event.NOTIFICATIONS_WRITTEN})

# --- the application form (the applicant, by a link from the chat) --------------------


@bp.route("/apply/<token>", methods=["GET", "POST"])
def apply(token: str) -> ResponseReturnValue:
    services, limit = runtime().services, runtime().settings.media_max_bytes
    with services.db.session() as db:
        link = organisations.open_link(db, token)
        if link is None:
            text = msg.APPLICATION_LINK_USED
            return render_template("console/error.html", title="链接不能用了", text=text), 404
        earlier = db.get(OrganisationApplication, link.application_id or 0)
        form = ApplicationForm(obj=_as_form(earlier))
        if not form.validate_on_submit():
            return _form_page(form, earlier, 400 if form.is_submitted() else 200)
        documents = [upload.read(limit + 1) for upload in form.documents.data or [] if upload]
        try:
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
        except Refused as refused:
            db.rollback()
            flash(str(refused), "warning")
            return _form_page(form, earlier, 400)
        number = application.number
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


def _form_page(
    form: ApplicationForm, earlier: OrganisationApplication | None, status: int
) -> ResponseReturnValue:
    for errors in form.errors.values():
        for error in errors:
            flash(str(error), "warning")
    note = earlier.review_note if earlier else None
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
        key, content_type = found.storage_key, found.content_type or "application/octet-stream"
    try:
        body = runtime().services.files.get(key)
    except KeyError:
        abort(404)
    headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
    return Response(body, mimetype=content_type, headers=headers)


Decision = Callable[[Session, OrganisationApplication, User], str]


def _decide(application_id: int, form_ok: bool, decision: Decision) -> ResponseReturnValue:
    """One decision in one transaction; the applicant is told by chat after it commits."""
    page = url_for(".application", application_id=application_id)
    if not form_ok:
        flash(msg.CONSOLE_NEED_REASON_TEXT, "warning")
        return redirect(page)
    with runtime().services.db.session() as db:
        found = _application(db, application_id)
        actor = db.get(User, staff().user_id)
        if actor is None:
            abort(403)
        try:
            said = decision(db, found, actor)
        except Refused as refused:
            db.rollback()
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
