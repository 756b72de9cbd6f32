"""A match's page: why the matcher proposed it, what it gives, and the actions confirm,
decline (with a reason) and record delivery (with a note), over `domain.matches`."""

from __future__ import annotations

from flask import Blueprint, abort, flash, render_template
from flask.typing import ResponseReturnValue
from flask_login import login_required
from sqlalchemy.orm import Session

import messages as msg
from domain import attachments, matches
from domain.events import Event
from domain.images import NotAcceptable
from nlu.regions import region_index
from nlu.validators import mask_name
from storage.models import Match, Organisation, User
from storage.queue import scoped_match
from storage.repositories import audit
from vocabulary import KIND_LABELS, NEED_LABELS
from web.console.actions import Kind, act, refused
from web.console.auth import acting, staff
from web.console.forms import NoteForm, ProofForm, ReasonForm
from web.runtime import runtime

bp = Blueprint("console_matches", __name__, url_prefix="/console")


def _scoped(db: Session, match_id: int) -> Match:
    """The match, or 404 exactly as for one that does not exist when out of scope."""
    who = staff()
    match = scoped_match(db, who.case_scope(), match_id) if who.may_act else None
    if match is None:
        abort(404)
    return match


@bp.get("/matches/<int:match_id>")
@login_required
def match(match_id: int) -> ResponseReturnValue:
    with runtime().services.db.session() as db:
        found = _scoped(db, match_id)
        audit(db, staff().actor, "match.viewed", "match", found.id, via="console")
        return render_template(
            "console/match.html",
            match=found,
            case=found.case,
            pledge=found.pledge,
            region=region_index().full_name(found.case.region_code),
            need_labels=NEED_LABELS,
            kind_labels=KIND_LABELS,
            status_labels=msg.MATCH_STATUS,
            donor=mask_name(found.pledge.display_name)
            if found.pledge.display_name
            else msg.ANONYMOUS,
            delivery=msg.WORKER_DELIVERY[found.pledge.kind].format(match=found.number),
            forms={
                "confirm": NoteForm(),
                "decline": ReasonForm(),
                "deliver": NoteForm(),
                "proof": ProofForm(),
            },
            proofs=attachments.of_match(db, found.id),
        )


def _organisation(db: Session) -> Organisation | None:
    organisation_id = staff().organisation_id
    return db.get(Organisation, organisation_id) if organisation_id is not None else None


MATCHES: Kind[Match] = Kind(_scoped, msg.MATCH_STATUS, "console_matches.match", "match_id")


@bp.post("/matches/<int:match_id>/confirm")
@login_required
@acting
def confirm(match_id: int) -> ResponseReturnValue:
    form = NoteForm()
    if not form.validate_on_submit():
        return refused(form, MATCHES, match_id)

    def change(db: Session, actor: User, match: Match) -> set[Event]:
        return matches.confirm(db, match, actor, _organisation(db))

    return act(MATCHES, match_id, "confirmed", change)


@bp.post("/matches/<int:match_id>/decline")
@login_required
@acting
def decline(match_id: int) -> ResponseReturnValue:
    form = ReasonForm()
    if not form.validate_on_submit():
        return refused(form, MATCHES, match_id)
    reason = form.reason.data.strip()
    return act(
        MATCHES,
        match_id,
        "declined",
        lambda db, actor, match: matches.decline(db, match, actor, reason),
    )


@bp.post("/matches/<int:match_id>/deliver")
@login_required
@acting
def deliver(match_id: int) -> ResponseReturnValue:
    form = NoteForm()
    if not form.validate_on_submit():
        return refused(form, MATCHES, match_id)
    note = (form.note.data or "").strip()
    followups = matches.followups(runtime().settings)
    return act(
        MATCHES,
        match_id,
        "delivered",
        lambda db, actor, match: matches.deliver(db, match, actor, note, followups),
    )


@bp.post("/matches/<int:match_id>/proof")
@login_required
@acting
def proof(match_id: int) -> ResponseReturnValue:
    """A photo of the delivery, kept like a household's (no EXIF, encrypted); the donor hears
    that proof was recorded, never sees it."""
    form = ProofForm()
    if not form.validate_on_submit():
        return refused(form, MATCHES, match_id)
    settings, files = runtime().settings, runtime().services.files
    data = form.photo.data.read(settings.media_max_bytes + 1)
    try:
        return act(
            MATCHES,
            match_id,
            "proof_uploaded",
            lambda db, actor, match: attachments.upload_proof(
                db, actor, match, data, settings.media_max_bytes, files
            ),
        )
    except NotAcceptable as exc:
        limit = settings.media_max_bytes // (1024 * 1024)
        flash(msg.CONSOLE_PHOTO_REFUSED[str(exc)].format(limit=limit), "warning")
    except OSError:
        flash(msg.CONSOLE_STORE_DOWN, "warning")
    return MATCHES.page(match_id)
