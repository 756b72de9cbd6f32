"""`查看 J…` and `查看 M…` for social workers: a pledge or a match in their regions, with
the donor's contact masked (`全部` shows it in full, audited like every view)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

import messages as msg
from nlu.regions import region_index
from nlu.validators import mask_name, mask_phone
from storage.models import Match, Pledge, ResourceKind
from storage.repositories import audit
from storage.social_work import covers
from vocabulary import KIND_LABELS, NEED_LABELS

if TYPE_CHECKING:
    from conversation.engine import Conversation


def _donor_line(pledge: Pledge, full: bool) -> str:
    name = pledge.display_name or "匿名"
    phone = pledge.contact_phone or ""
    if not full:
        name = mask_name(name) if pledge.display_name else name
        phone = mask_phone(phone) if phone else ""
    return msg.DONOR_LINE.format(name=name, phone=phone or msg.NO_CONTACT)


def _what(pledge: Pledge) -> str:
    if pledge.kind == ResourceKind.MONEY:
        return f"{pledge.amount} 元（已配对 {pledge.amount_allocated} 元）"
    return f"{KIND_LABELS[pledge.kind]}：{pledge.item_description}"


class RecordViewer:
    """Pledges and matches as one social worker may see them."""

    def __init__(self, conversation: Conversation, prefixes: list[str]) -> None:
        self.conversation = conversation
        self.session = conversation.session
        self.prefixes = prefixes

    def _audit(self, action: str, target: str, target_id: int) -> None:
        audit(self.session, self.conversation.openid, action, target, target_id)

    def _matches_in_scope(self, pledge: Pledge) -> list[Match]:
        matches = self.session.scalars(
            select(Match).where(Match.pledge_id == pledge.id).order_by(Match.id)
        )
        return [m for m in matches if covers(self.prefixes, m.case.region_code)]

    def pledge(self, pledge_id: int, full: bool) -> str:
        """A pledge is in scope when one of its matches lies in the worker's regions."""
        pledge = self.session.get(Pledge, pledge_id)
        matches = self._matches_in_scope(pledge) if pledge is not None else []
        if pledge is None or not matches:
            return msg.NO_SUCH_PLEDGE_FOR_WORKER.format(pledge=f"J{pledge_id:06d}")
        self._audit("pledge.viewed_unmasked" if full else "pledge.viewed", "pledge", pledge.id)
        need = NEED_LABELS[pledge.need_type] if pledge.need_type else "不限"
        region = region_index().full_name(pledge.region_pref) if pledge.region_pref else "不限"
        lines = [
            f"认捐 {pledge.number}｜{msg.PLEDGE_STATUS[pledge.status]}",
            f"内容：{_what(pledge)}｜方向：{need}｜地区：{region}",
            _donor_line(pledge, full),
            *(
                f"配对 {m.number} → 求助 {m.case.number}｜{m.what}｜{msg.MATCH_STATUS[m.status]}"
                for m in matches
            ),
        ]
        return "\n".join(lines)

    def match(self, match_id: int, full: bool) -> str:
        match = self.session.get(Match, match_id)
        if match is None or not covers(self.prefixes, match.case.region_code):
            return msg.NO_SUCH_MATCH.format(match=f"M{match_id:06d}")
        self._audit("match.viewed_unmasked" if full else "match.viewed", "match", match.id)
        case, pledge = match.case, match.pledge
        lines = [
            f"配对 {match.number}｜{msg.MATCH_STATUS[match.status]}",
            f"认捐 {pledge.number} 的 {match.what} → 求助 {case.number}"
            f"（{NEED_LABELS[case.need_type]}，{region_index().full_name(case.region_code)}）",
            f"理由：{match.reason}",
            msg.WORKER_DELIVERY[pledge.kind].format(match=match.number),
            _donor_line(pledge, full),
        ]
        if match.delivery_note:
            lines.append(f"送达备注：{match.delivery_note}")
        return "\n".join(lines)
