"""The public thank-you list (`/thanks`): no sign-in, no personal data but the names donors
chose and agreed to show (domain.thanks)."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue

from domain.thanks import thank_you_list
from web.runtime import runtime

bp = Blueprint("thanks", __name__)


@bp.get("/thanks")
def thanks() -> ResponseReturnValue:
    with runtime().services.db.session() as db:
        rows = thank_you_list(db)
    return render_template("console/thanks.html", rows=rows)
