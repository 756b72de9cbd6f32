"""Projects in the console: an organisation's admin writes and edits a draft and sends it
for review; operators approve it (open for funding), send it back with a note, or cancel it.
An organisation sees its own projects only (another's is 404, as a record that does not
exist); operators see all; viewers none. Thin views over `domain.projects`."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import login_required
from sqlalchemy.orm import Session

import messages as msg
from domain import projects
from domain.events import Outbox, StaleRecord
from domain.organisations import Refused
from domain.projects import Plan
from domain.staff import Access
from nlu.regions import region_index
from storage.models import Attachment, Project, ProjectStatus, ProjectUpdate, User
from storage.repositories import audit
from vocabulary import NEED_LABELS
from web.console.auth import acting, staff
from web.console.files import stored_file
from web.console.forms import CompletionForm, EmptyForm, ProjectForm, ReasonForm, UpdateForm
from web.runtime import runtime

bp = Blueprint("console_projects", __name__, url_prefix="/console/projects")


def _organisation_seen() -> int | None:
    """The organisation whose projects this person sees (None: an operator, all)."""
    who = staff()
    if who.everything:
        return None
    if who.access == Access.VIEWER or who.organisation_id is None:
        abort(404)
    return who.organisation_id


def _project(db: Session, project_id: int) -> Project:
    seen = _organisation_seen()
    found = db.get(Project, project_id)
    if found is None or (seen is not None and found.organisation_id != seen):
        abort(404)
    return found


def _admin_of(project: Project | None) -> int:
    """The organisation this admin writes projects for (404 for anyone else)."""
    who = staff()
    if who.access != Access.ADMIN or who.organisation_id is None:
        abort(404)
    if project is not None and project.organisation_id != who.organisation_id:
        abort(404)
    return who.organisation_id


@bp.get("")
@login_required
def project_list() -> ResponseReturnValue:
    with runtime().services.db.session() as db:
        found = projects.of_organisation(db, _organisation_seen())
        return render_template(
            "console/projects.html",
            projects=found,
            labels=msg.PROJECT_STATUS,
            may_write=staff().access == Access.ADMIN,
        )


@bp.get("/<int:project_id>")
@login_required
def project(project_id: int) -> ResponseReturnValue:
    with runtime().services.db.session() as db:
        found = _project(db, project_id)
        who = staff()
        return render_template(
            "console/project.html",
            project=found,
            labels=msg.PROJECT_STATUS,
            need_labels=NEED_LABELS,
            places=[region_index().full_name(code) for code in found.region_codes],
            writes=who.access == Access.ADMIN and who.organisation_id == found.organisation_id,
            reviews=who.everything,
            updates=projects.updates(db, found.id),
            updatable=found.status in projects.UPDATABLE,
            goal_labels=msg.GOAL_RESULT_LABELS,
            forms={
                "progress": UpdateForm(),
                "complete": CompletionForm(),
                "evaluate": EmptyForm(),
                "submit": EmptyForm(),
                "approve": EmptyForm(),
                "back": ReasonForm(),
                "cancel": ReasonForm(),
            },
        )


@bp.route("/new", methods=["GET", "POST"])
@login_required
@acting
def new() -> ResponseReturnValue:
    organisation_id = _admin_of(None)
    return _write(
        ProjectForm(), lambda db, actor, plan: projects.save_draft(db, organisation_id, actor, plan)
    )


@bp.route("/<int:project_id>/edit", methods=["GET", "POST"])
@login_required
@acting
def edit(project_id: int) -> ResponseReturnValue:
    with runtime().services.db.session() as db:
        found = _project(db, project_id)
        _admin_of(found)
        if found.status != ProjectStatus.DRAFT:
            flash(
                msg.CONSOLE_WRONG_STATUS.format(
                    number=found.number, status=msg.PROJECT_STATUS[found.status]
                ),
                "warning",
            )
            return redirect(url_for(".project", project_id=project_id))
        form = ProjectForm(obj=_as_form(found))
        organisation_id = found.organisation_id

    def change(db: Session, actor: User, plan: Plan) -> Project:
        return projects.save_draft(db, organisation_id, actor, plan, _project(db, project_id))

    return _write(form, change)


def _as_form(project: Project) -> SimpleNamespace:
    return SimpleNamespace(
        title=project.title,
        need_type=project.need_type.value,
        places="、".join(region_index().full_name(code) for code in project.region_codes),
        people_served=project.people_served,
        budget="\n".join(f"{line['item']} {line['yuan']}" for line in project.budget_lines),
        starts_on=project.starts_on,
        ends_on=project.ends_on,
        goals="\n".join(project.goals),
    )


def _write(
    form: ProjectForm, change: Callable[[Session, User, Plan], Project]
) -> ResponseReturnValue:
    """The form, or the draft saved and its page."""
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "warning")
        return render_template(
            "console/project_form.html", form=form
        ), 400 if form.is_submitted() else 200
    plan = Plan(
        form.title.data,
        form.need_type.data,
        form.places.data,
        form.people_served.data,
        form.budget.data,
        form.starts_on.data,
        form.ends_on.data,
        form.goals.data,
    )
    try:
        with runtime().services.db.session() as db:
            actor = db.get(User, staff().user_id)
            if actor is None:
                abort(403)
            saved = change(db, actor, plan)
            project_id, number = saved.id, saved.number
    except Refused as refused:
        flash(str(refused), "warning")
        return render_template("console/project_form.html", form=form), 400
    except StaleRecord as stale:
        flash(msg.CONSOLE_WRONG_STATUS.format(number=str(stale), status="已提交"), "warning")
        return redirect(url_for(".project_list"))
    flash(msg.CONSOLE_PROJECT_DONE["drafted"].format(number=number), "success")
    return redirect(url_for(".project", project_id=project_id))


Step = Callable[[Session, Project, User, Outbox], None]


def _step(
    project_id: int, done: str, step: Step, who_may: Callable[[Project], bool]
) -> ResponseReturnValue:
    """One status move in one transaction; the people it concerns told by chat after."""
    page = url_for(".project", project_id=project_id)
    try:
        with runtime().services.db.session() as db:
            found = _project(db, project_id)
            if not who_may(found):
                abort(404)
            actor = db.get(User, staff().user_id)
            if actor is None:
                abort(403)
            outbox = Outbox(db)
            step(db, found, actor, outbox)
            number, events = found.number, outbox.events
    except (StaleRecord, Refused) as refused:
        text = str(refused) if isinstance(refused, Refused) else msg.PROJECT_STATUS_CHANGED
        flash(text, "warning")
        return redirect(page)
    runtime().dispatcher.follow_ups.enqueue(frozenset(events), f"project:{done}:{number}")
    flash(msg.CONSOLE_PROJECT_DONE[done].format(number=number), "success")
    return redirect(page)


def _writer(project: Project) -> bool:
    who = staff()
    return who.access == Access.ADMIN and who.organisation_id == project.organisation_id


def _operator(_project: Project) -> bool:
    return staff().everything


@bp.post("/<int:project_id>/submit")
@login_required
@acting
def submit(project_id: int) -> ResponseReturnValue:
    if not EmptyForm().validate_on_submit():
        abort(400)
    return _step(project_id, "submitted", projects.submit_for_review, _writer)


@bp.post("/<int:project_id>/approve")
@login_required
@acting
def approve(project_id: int) -> ResponseReturnValue:
    if not EmptyForm().validate_on_submit():
        abort(400)
    return _step(project_id, "approved", projects.approve, _operator)


@bp.post("/<int:project_id>/back")
@login_required
@acting
def send_back(project_id: int) -> ResponseReturnValue:
    form = ReasonForm()
    if not form.validate_on_submit():
        flash(msg.CONSOLE_NEED_REASON_TEXT, "warning")
        return redirect(url_for(".project", project_id=project_id))
    note = form.reason.data.strip()
    return _step(
        project_id,
        "sent_back",
        lambda db, p, actor, box: projects.send_back(db, p, actor, note, box),
        _operator,
    )


@bp.post("/<int:project_id>/cancel")
@login_required
@acting
def cancel(project_id: int) -> ResponseReturnValue:
    form = ReasonForm()
    if not form.validate_on_submit():
        flash(msg.CONSOLE_NEED_REASON_TEXT, "warning")
        return redirect(url_for(".project", project_id=project_id))
    reason = form.reason.data.strip()
    return _step(
        project_id,
        "cancelled",
        lambda db, p, actor, box: projects.cancel(db, p, actor, reason, box),
        lambda p: _operator(p) or _writer(p),
    )


@bp.post("/<int:project_id>/updates")
@login_required
@acting
def post_update(project_id: int) -> ResponseReturnValue:
    """Progress, with photos; the funding donors hear of it in the next digest."""
    form = UpdateForm()
    page = url_for(".project", project_id=project_id)
    if not form.validate_on_submit():
        flash(msg.PROJECT_UPDATE_EMPTY, "warning")
        return redirect(page)
    limit = runtime().settings.media_max_bytes
    photos = [upload.read(limit + 1) for upload in form.photos.data or [] if upload]
    try:
        with runtime().services.db.session() as db:
            found = _project(db, project_id)
            if not _writer(found):
                abort(404)
            actor = db.get(User, staff().user_id)
            if actor is None:
                abort(403)
            text = form.text.data
            projects.post_update(db, found, actor, text, photos, runtime().services.files, limit)
    except (Refused, StaleRecord) as refused:
        flash(
            str(refused) if isinstance(refused, Refused) else msg.PROJECT_STATUS_CHANGED, "warning"
        )
        return redirect(page)
    flash(msg.CONSOLE_PROJECT_DONE["update_posted"], "success")
    return redirect(page)


@bp.get("/<int:project_id>/photos/<int:photo_id>")
@login_required
def photo(project_id: int, photo_id: int) -> ResponseReturnValue:
    """A progress photo, to those who see the project; each view audited, never cached."""
    with runtime().services.db.session() as db:
        _project(db, project_id)
        found = db.get(Attachment, photo_id)
        update = (
            db.get(ProjectUpdate, found.project_update_id)
            if found and found.project_update_id
            else None
        )
        if (
            found is None
            or update is None
            or update.project_id != project_id
            or not found.storage_key
        ):
            abort(404)
        audit(db, staff().actor, "project.photo_viewed", "project", project_id, photo=photo_id)
        key, content_type = found.storage_key, found.content_type
    return stored_file(key, content_type)


@bp.post("/<int:project_id>/complete")
@login_required
@acting
def complete(project_id: int) -> ResponseReturnValue:
    """The final report against the goals; the households served are asked to rate it."""
    form = CompletionForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash(str(errors[0]), "warning")
        return redirect(url_for(".project", project_id=project_id))
    results = list(zip(request.form.getlist("goal"), request.form.getlist("note"), strict=False))
    spent, report, households = form.spent.data, form.report.data, form.households.data or ""

    def step(db: Session, found: Project, actor: User, _outbox: Outbox) -> None:
        projects.complete(db, found, actor, results, spent, report, households)

    return _step(project_id, "completed", step, _writer)


@bp.post("/<int:project_id>/evaluate")
@login_required
@acting
def evaluate(project_id: int) -> ResponseReturnValue:
    if not EmptyForm().validate_on_submit():
        abort(400)
    return _step(project_id, "evaluated", projects.evaluate, _operator)
