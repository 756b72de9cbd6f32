"""进度: the user's cases and pledges with their statuses; a pledge also shows where each
part of it stands (proposed, confirmed, delivered), never who the household is."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

import messages as msg
from domain.attachments import open_cases
from domain.cases import WITHDRAWABLE
from domain.pledges import OPEN
from domain.records import LIVE_MATCHES
from nlu.entities import RECORD_NUMBER
from storage.models import Match, Pledge, User
from storage.repositories import user_records
from vocabulary import KIND_LABELS, NEED_LABELS


def pledge_line(pledge: Pledge) -> str:
    """认捐 J000012｜2000 元｜等待配对"""
    what = (
        msg.YUAN.format(amount=pledge.amount).strip() if pledge.amount else KIND_LABELS[pledge.kind]
    )
    status = msg.PLEDGE_STATUS[pledge.status]
    return msg.STATUS_PLEDGE_LINE.format(number=pledge.number, what=what, status=status)


def _pledge_lines(session: Session, pledge: Pledge) -> list[str]:
    lines = [pledge_line(pledge)]
    matches = session.scalars(
        select(Match)
        .where(Match.pledge_id == pledge.id, Match.status.in_(LIVE_MATCHES))
        .order_by(Match.id)
    )
    for match in matches:
        need = NEED_LABELS[match.case.need_type]
        stage = msg.DONOR_MATCH_STAGE[match.status]
        lines.append(msg.STATUS_MATCH_LINE.format(what=match.what, need=need, stage=stage))
    return lines


def status_text(session: Session, user: User, asked: str = "") -> str:
    """The user's records and where they stand; a number asked about that is none of
    theirs is said to be not found first (another user's record is never shown)."""
    cases, pledges = user_records(session, user)
    found = RECORD_NUMBER.search(asked)  # Q000001 怎么样了
    number = f"{found.group(0)[0].upper()}{found.group(1)}" if found else None
    theirs = {case.number for case in cases} | {pledge.number for pledge in pledges}
    unknown = number is not None and number not in theirs
    prefix = msg.NOT_AMONG_YOURS.format(number=number) if unknown else ""
    if not cases and not pledges:
        return prefix + msg.NO_RECORDS
    lines = [prefix + msg.STATUS_HEADER]
    for case in cases:
        amount = msg.YUAN.format(amount=case.amount_needed) if case.amount_needed else ""
        lines.append(
            msg.STATUS_CASE_LINE.format(
                number=case.number,
                need=NEED_LABELS[case.need_type],
                amount=amount,
                status=msg.CASE_STATUS[case.status],
            )
        )
    for pledge in pledges:
        lines.extend(_pledge_lines(session, pledge))
    return "\n".join(lines)


def open_pledges(session: Session, user: User) -> list[Pledge]:
    """The sender's pledges not wholly matched yet: those that can still be called off or
    changed."""
    return [pledge for pledge in user_records(session, user)[1] if pledge.status in OPEN]


def nothing_to_cancel(session: Session, user: User) -> str:
    """取消 with nothing under way; with a request open, how to withdraw it, and with a
    pledge open, how to call it off, if that was meant (不需要帮助了, 算了还是不捐了)."""
    found = open_cases(session, user, WITHDRAWABLE)
    hint = msg.WITHDRAW_HINT.format(number=found[0].number) if found else ""
    pledges = open_pledges(session, user)
    hint += msg.CANCEL_PLEDGE_HINT.format(number=pledges[0].number) if pledges else ""
    return msg.NOTHING_UNDER_WAY + hint + msg.MENU
