"""The filtered case list as a spreadsheet (.xlsx, openpyxl) or .csv: masked for everyone
with console access in their scope; unmasked only for operators, with a reason, audited."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from flask import Blueprint, Response, abort, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import joinedload

import messages as msg
from nlu.regions import region_index
from storage.models import Case, Checkin, utcnow
from storage.queue import CASE_SORTS
from storage.repositories import audit
from vocabulary import NEED_LABELS
from web.console.auth import staff
from web.console.cases import Masked, masked
from web.console.filters import case_filter
from web.console.forms import UnmaskForm
from web.runtime import runtime

bp = Blueprint("console_export", __name__, url_prefix="/console/export")
MAX_ROWS = 50_000
HEADERS = [
    "编号", "状态", "类型", "需要金额", "已配对金额", "地区", "致贫原因", "家庭人口",
    "提交日期", "核实日期", "姓名", "身份证号", "电话", "住址", "提醒",
]  # fmt: skip
TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


BLANK = Masked("", "", "", "")


def _person(case: Case, full: bool) -> list[str]:
    person = masked(case, full, absent=BLANK)
    return [person.name, person.id_number, person.phone, person.address]


def _rows(full: bool) -> Iterator[list[object]]:
    """The cases the queue's filters select in the person's scope (any status when no
    status is asked for), at most MAX_ROWS."""
    wanted = case_filter(None)
    regions = region_index()
    query = (
        select(Case)
        .where(staff().case_scope(), *wanted.conditions(utcnow()))
        .options(joinedload(Case.profile))
        .order_by(*CASE_SORTS[wanted.sort])
        .limit(MAX_ROWS)
    )
    with runtime().services.db.session() as db:
        for case in db.scalars(query):
            yield [
                case.number,
                msg.CASE_STATUS_FOR_STAFF[case.status],
                NEED_LABELS[case.need_type],
                case.amount_needed,
                case.amount_matched,
                regions.full_name(case.region_code),
                case.poverty_cause or "",
                case.profile.household_size,
                case.submitted_at.date().isoformat(),
                case.verified_at.date().isoformat() if case.verified_at else "",
                *_person(case, full),
                "；".join(flag["reason"] for flag in case.flags),
            ]


def _xlsx(headers: list[str], rows: Iterator[list[object]], title: str) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv(headers: list[str], rows: Iterator[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM: Excel reads it as UTF-8


def _file(fmt: str, full: bool) -> Response:
    return _download(fmt, HEADERS, _rows(full), f"cases{'-full' if full else ''}", "求助")


def _download(
    fmt: str, headers: list[str], rows: Iterator[list[object]], what: str, title: str
) -> Response:
    body = _xlsx(headers, rows, title) if fmt == "xlsx" else _csv(headers, rows)
    name = f"zhulian-{what}-{utcnow():%Y%m%d}.{fmt}"
    return Response(
        body,
        mimetype=TYPES[fmt],
        headers={"Content-Disposition": f"attachment; filename={name}"},
    )


@bp.get("/cases.<fmt>")
@login_required
def cases(fmt: str) -> ResponseReturnValue:
    if fmt not in TYPES:
        abort(404)
    with runtime().services.db.session() as db:
        audit(
            db,
            staff().actor,
            "cases.exported",
            "case",
            None,
            format=fmt,
            query=request.query_string.decode()[:200],
        )
    return _file(fmt, full=False)


@bp.post("/cases-full.<fmt>")
@login_required
def cases_full(fmt: str) -> ResponseReturnValue:
    """An unmasked export: operators only, with a reason, audited."""
    if fmt not in TYPES or not staff().may_unmask:
        abort(404 if fmt not in TYPES else 403)
    form = UnmaskForm()
    if not form.validate_on_submit():
        flash(msg.CONSOLE_NEED_REASON, "warning")
        return redirect(f"{url_for('console_cases.queue')}?{request.query_string.decode()}")
    with runtime().services.db.session() as db:
        audit(
            db,
            staff().actor,
            "cases.exported_unmasked",
            "case",
            None,
            format=fmt,
            reason=form.reason.data.strip(),
            query=request.query_string.decode()[:200],
        )
    return _file(fmt, full=True)


CHECKIN_HEADERS = ["求助编号", "地区", "致贫原因", "第几次", "状态", "风险", "原因", "日期"]


def _checkin_rows() -> Iterator[list[object]]:
    """Every check-in of the cases in scope: no names, numbers or answers, only the
    round, its outcome and the reasons."""
    regions = region_index()
    query = (
        select(Checkin, Case)
        .join(Case, Case.id == Checkin.case_id)
        .where(staff().case_scope())
        .order_by(Checkin.case_id, Checkin.round)
        .limit(MAX_ROWS)
    )
    with runtime().services.db.session() as db:
        for checkin, case in db.execute(query):
            yield [
                case.number,
                regions.full_name(case.region_code),
                case.poverty_cause or "",
                checkin.round,
                msg.CHECKIN_STATUS[checkin.status],
                msg.RISK_LABELS.get(checkin.risk or "", ""),
                "、".join(checkin.reasons),
                (checkin.finished_at or checkin.due_at).date().isoformat(),
            ]


@bp.get("/checkins.<fmt>")
@login_required
def checkins(fmt: str) -> ResponseReturnValue:
    if fmt not in TYPES:
        abort(404)
    with runtime().services.db.session() as db:
        audit(db, staff().actor, "checkins.exported", "case", None, format=fmt)
    return _download(fmt, CHECKIN_HEADERS, _checkin_rows(), "checkins", "回访")
