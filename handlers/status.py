"""进度: the user's cases and pledges with their statuses."""

from __future__ import annotations

from sqlalchemy.orm import Session

from handlers import messages as msg
from nlu.lexicon import KIND_LABELS, NEED_LABELS
from storage.models import User
from storage.repositories import user_records


def status_text(session: Session, user: User) -> str:
    cases, pledges = user_records(session, user)
    if not cases and not pledges:
        return msg.NO_RECORDS
    lines = [msg.STATUS_HEADER]
    for case in cases:
        amount = f" {case.amount_needed} 元" if case.amount_needed else ""
        lines.append(
            f"求助 {case.number}｜{NEED_LABELS[case.need_type]}{amount}｜"
            f"{msg.CASE_STATUS[case.status]}"
        )
    for pledge in pledges:
        what = f"{pledge.amount} 元" if pledge.amount else KIND_LABELS[pledge.kind]
        lines.append(f"认捐 {pledge.number}｜{what}｜{msg.PLEDGE_STATUS[pledge.status]}")
    return "\n".join(lines)
