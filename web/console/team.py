"""An organisation admin's team page: the organisation's social workers with their regions,
an invite for a new one (the same one-time code `flask social-worker invite` prints), and
deactivation. Operators manage every organisation's workers."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required
from sqlalchemy import select

import messages as msg
from nlu.regions import region_index
from storage.models import Organisation, SocialWorker
from storage.social_work import create_invite, deactivate, organisation_regions, team
from web.console.auth import acting, staff
from web.console.forms import EmptyForm
from web.runtime import runtime

bp = Blueprint("console_team", __name__, url_prefix="/console/team")


def _managed() -> int | None:
    """The organisation this person manages (None: an operator, every organisation)."""
    who = staff()
    if not who.manages_team:
        abort(404)
    return None if who.everything else who.organisation_id


def _organisation(organisation_id: int) -> Organisation:
    """An organisation this person manages, or 404."""
    managed = _managed()
    if managed is not None and managed != organisation_id:
        abort(404)
    with runtime().services.db.session() as db:
        found = db.get(Organisation, organisation_id)
    if found is None:
        abort(404)
    return found


@bp.get("", endpoint="team")
@login_required
def team_view() -> ResponseReturnValue:
    managed = _managed()
    with runtime().services.db.session() as db:
        query = select(Organisation).order_by(Organisation.name)
        if managed is not None:
            query = query.where(Organisation.id == managed)
        organisations = [(org, organisation_regions(db, org.id)) for org in db.scalars(query)]
        members = team(db, managed)
    return render_template(
        "console/team.html",
        organisations=organisations,
        members=members,
        names=region_index(),
        me=staff(),
        form=EmptyForm(),
        code=None,
    )


@bp.post("/<int:organisation_id>/invite")
@login_required
@acting
def invite(organisation_id: int) -> ResponseReturnValue:
    organisation = _organisation(organisation_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    with runtime().services.db.session() as db:
        covered = set(organisation_regions(db, organisation.id))
        regions = [code for code in request.form.getlist("region") if code in covered]
        if not regions:
            flash(msg.CONSOLE_INVITE_NEEDS_REGION, "warning")
            return redirect(url_for(".team"))
        code = create_invite(
            db,
            organisation.name,
            regions,
            runtime().settings.invite_ttl_hours,
            staff().actor,
            is_admin=request.form.get("admin") == "1",
        )
    hours = runtime().settings.invite_ttl_hours
    flash(msg.CONSOLE_INVITE_CREATED.format(code=code, hours=hours), "success")
    return redirect(url_for(".team"))


@bp.post("/workers/<int:worker_id>/deactivate")
@login_required
@acting
def deactivate_worker(worker_id: int) -> ResponseReturnValue:
    if not EmptyForm().validate_on_submit():
        abort(400)
    with runtime().services.db.session() as db:
        worker = db.get(SocialWorker, worker_id)
        if worker is None:
            abort(404)
        _organisation(worker.organisation_id)
        if worker.user_id == staff().user_id:
            flash(msg.CONSOLE_NOT_YOURSELF, "warning")
            return redirect(url_for(".team"))
        if worker.active:
            deactivate(db, worker, staff().actor)
            runtime().services.store.clear(worker.user.openid)
    flash(msg.CONSOLE_WORKER_DEACTIVATED.format(number=worker_id), "success")
    return redirect(url_for(".team"))
