"""What worked (助人脱贫经验) in the console: lessons written from an evaluated project or a
delivered or closed case, and found again by cause, need type, region and words. Every
signed-in staff member may read them (they hold no personal data); those who may act write
them about records they can see."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required

import messages as msg
from domain import lessons
from domain.lessons import Draft
from domain.organisations import Refused
from nlu.regions import region_index, resolve_region
from storage.models import Case, Project, User
from vocabulary import NEED_LABELS, POVERTY_CAUSES
from web.console.auth import acting, staff
from web.console.forms import LessonForm
from web.runtime import runtime

bp = Blueprint("console_lessons", __name__, url_prefix="/console/lessons")


@bp.get("")
@login_required
def lesson_list() -> ResponseReturnValue:
    args = request.args
    place = args.get("region", "").strip()
    resolved = resolve_region(place) if place else None
    code = (resolved.code or resolved.deepest) if resolved else None
    if place and code is None:
        flash(msg.CONSOLE_REGION_UNKNOWN.format(region=place), "warning")
    with runtime().services.db.session() as db:
        found = lessons.search(
            db,
            cause=args.get("cause") or None,
            need_type=args.get("need") or None,
            region_prefix=code.rstrip("0") if code else None,
            words=args.get("q", ""),
        )
        return render_template(
            "console/lessons.html",
            lessons=found,
            causes=POVERTY_CAUSES,
            need_labels=NEED_LABELS,
            names=region_index(),
            args=args,
        )


@bp.route("/new", methods=["GET", "POST"])
@login_required
@acting
def new() -> ResponseReturnValue:
    """From ?project=<id> (its organisation) or ?case=<id> (in the writer's scope)."""
    form = LessonForm()
    project_id, case_id = request.args.get("project", type=int), request.args.get("case", type=int)
    who = staff()
    try:
        with runtime().services.db.session() as db:
            project = db.get(Project, project_id) if project_id else None
            if project is not None and not (
                who.everything or who.organisation_id == project.organisation_id
            ):
                project = None
            case = db.get(Case, case_id) if case_id else None
            if case is not None and not who.sees(case.region_code):
                case = None
            if project is not None:
                about = f"项目 {project.number} {project.title}"
            elif case is not None:
                about = f"求助 {case.number}"
            else:
                abort(404)
            if not form.validate_on_submit():
                return _form(form, about, 400 if form.is_submitted() else 200)
            draft = Draft(
                form.title.data, form.poverty_cause.data, form.what_was_done.data, form.result.data
            )
            author = db.get(User, who.user_id)
            if author is None:
                abort(403)
            lessons.write(db, author, who.organisation_id, draft, project=project, case=case)
    except Refused as refused:  # raised inside: the transaction rolled back, nothing kept
        flash(str(refused), "warning")
        return _form(form, about, 400)
    flash(msg.LESSON_SAVED, "success")
    return redirect(url_for(".lesson_list"))


def _form(form: LessonForm, about: str, status: int) -> ResponseReturnValue:
    return render_template("console/lesson_form.html", form=form, about=about), status
