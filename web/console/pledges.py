"""Pledges: a list (in scope: pledges with a match in one's regions; operators see all)
and a pledge's page with its matches; the donor is always masked here."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import login_required

import messages as msg
from nlu.validators import mask_name, mask_phone
from storage.models import PledgeStatus
from storage.queue import pledge_page, scoped_pledge
from storage.repositories import audit
from vocabulary import KIND_LABELS, NEED_LABELS
from web.console.auth import staff
from web.console.filters import int_arg
from web.runtime import runtime

bp = Blueprint("console_pledges", __name__, url_prefix="/console")


@bp.get("/pledges")
@login_required
def pledges() -> ResponseReturnValue:
    who = staff()
    if not who.may_act:
        abort(404)
    raw = request.args.get("status", "")
    status = PledgeStatus(raw) if raw in {s.value for s in PledgeStatus} else None
    size = runtime().settings.console_page_size
    with runtime().services.db.session() as db:
        page = pledge_page(db, who.record_scope(), status, int_arg("page", 1, 1) or 1, size)
    return render_template(
        "console/pledges.html",
        page=page,
        args=request.args,
        status_labels=msg.PLEDGE_STATUS,
        kind_labels=KIND_LABELS,
        need_labels=NEED_LABELS,
    )


@bp.get("/pledges/<int:pledge_id>")
@login_required
def pledge(pledge_id: int) -> ResponseReturnValue:
    who = staff()
    with runtime().services.db.session() as db:
        found = scoped_pledge(db, who.record_scope(), pledge_id) if who.may_act else None
        if found is None:
            abort(404)
        record, matches = found
        audit(db, who.actor, "pledge.viewed", "pledge", record.id, via="console")
        return render_template(
            "console/pledge.html",
            pledge=record,
            matches=matches,
            donor=mask_name(record.display_name) if record.display_name else msg.ANONYMOUS,
            phone=mask_phone(record.contact_phone) if record.contact_phone else msg.NO_CONTACT,
            status_labels=msg.PLEDGE_STATUS,
            match_status_labels=msg.MATCH_STATUS,
            kind_labels=KIND_LABELS,
            need_labels=NEED_LABELS,
        )
