"""The thank-you list (感谢名单): donors who gave a name and said yes to being named, for what
their pledge has been given to (money allocated to households or projects, goods or a service
matched; a declined match takes it back off), newest first. Anonymous by default: a pledge
is listed only on its donor's yes, never with a phone number, and delete-my-data takes it
off (the name is erased)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from storage.models import Pledge, PledgeStatus, ResourceKind
from storage.repositories import audit
from vocabulary import KIND_LABELS, NEED_LABELS

# A pledge that gave something: part or all of its money allocated, or its goods matched.
GAVE = (PledgeStatus.PARTLY_ALLOCATED, PledgeStatus.ALLOCATED, PledgeStatus.FULFILLED)
ANY_NEED = "不限方向"


@dataclass(frozen=True)
class Thanked:
    name: str
    gave: str  # 捐款 2000 元 / 物资 / 服务
    towards: str  # the project, or the need type
    month: str  # 2026年12月


def _thanked(pledge: Pledge) -> Thanked:
    if pledge.kind == ResourceKind.MONEY:
        gave = f"捐款 {pledge.amount_allocated} 元"
    else:
        gave = KIND_LABELS[pledge.kind.value]
    if pledge.project is not None:
        towards = f"项目“{pledge.project.title}”"
    else:
        towards = NEED_LABELS[pledge.need_type.value] if pledge.need_type else ANY_NEED
    month = f"{pledge.created_at.year}年{pledge.created_at.month}月"
    return Thanked(pledge.display_name or "", gave, towards, month)


def thank_you_list(session: Session, limit: int = 100) -> list[Thanked]:
    """The donors to thank publicly, newest first."""
    listed = session.scalars(
        select(Pledge)
        .where(
            Pledge.thank_publicly.is_(True),
            Pledge.display_name.is_not(None),
            Pledge.status.in_(GAVE),
        )
        .options(selectinload(Pledge.project))
        .order_by(Pledge.id.desc())
        .limit(limit)
    )
    return [_thanked(pledge) for pledge in listed]


def set_thanks(
    session: Session, pledge: Pledge, listed: bool, name: str | None, actor: str
) -> None:
    """The donor's word on being named (with the name to use, when one is given now)."""
    if name:
        pledge.display_name = name
    pledge.thank_publicly = listed and bool(pledge.display_name)
    audit(
        session,
        actor,
        "pledge.thanks_listed" if listed else "pledge.thanks_unlisted",
        "pledge",
        pledge.id,
    )
