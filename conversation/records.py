"""`查看 J…` and `查看 M…` for social workers: a pledge or a match in their regions, with
the donor's contact masked (`全部` shows it in full, audited like every view)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

import messages as msg
from nlu.regions import region_index
from nlu.validators import mask_name, mask_phone
from storage.models import Match, Pledge, ResourceKind
from storage.repositories import audit, numbered
from storage.social_work import covers
from vocabulary import KIND_LABELS, NEED_LABELS

if TYPE_CHECKING:
    from conversation.engine import Conversation


def _donor_line(pledge: Pledge, full: bool) -> str:
    name = pledge.display_name or msg.ANONYMOUS
    phone = pledge.contact_phone or ""
    if not full:
        name = mask_name(name) if pledge.display_name else name
        phone = mask_phone(phone) if phone else ""
    return msg.DONOR_LINE.format(name=name, phone=phone or msg.NO_CONTACT)


def _what(pledge: Pledge) -> str:
    if pledge.kind == ResourceKind.MONEY:
        return msg.PLEDGE_MONEY.format(amount=pledge.amount, allocated=pledge.amount_allocated)
    return msg.PLEDGE_IN_KIND.format(kind=KIND_LABELS[pledge.kind], item=pledge.item_description)


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
        pledge = numbered(self.session, Pledge, pledge_id)
        matches = self._matches_in_scope(pledge) if pledge is not None else []
        if pledge is None or not matches:
            return msg.NO_SUCH_PLEDGE_FOR_WORKER.format(pledge=f"J{pledge_id:06d}")
        self._audit("pledge.viewed_unmasked" if full else "pledge.viewed", "pledge", pledge.id)
        need = NEED_LABELS[pledge.need_type] if pledge.need_type else msg.ANY
        region = region_index().full_name(pledge.region_pref) if pledge.region_pref else msg.ANY
        lines = [
            msg.PLEDGE_VIEW.format(
                number=pledge.number,
                status=msg.PLEDGE_STATUS[pledge.status],
                what=_what(pledge),
                need=need,
                region=region,
                donor=_donor_line(pledge, full),
            ),
            *(
                msg.PLEDGE_VIEW_MATCH.format(
                    match=m.number,
                    case=m.case.number,
                    what=m.what,
                    status=msg.MATCH_STATUS[m.status],
                )
                for m in matches
            ),
        ]
        return "\n".join(lines)

    def match(self, match_id: int, full: bool) -> str:
        match = numbered(self.session, Match, match_id)
        if match is None or not covers(self.prefixes, match.case.region_code):
            return msg.NO_SUCH_MATCH.format(match=f"M{match_id:06d}")
        self._audit("match.viewed_unmasked" if full else "match.viewed", "match", match.id)
        case, pledge = match.case, match.pledge
        view = msg.MATCH_VIEW.format(
            number=match.number,
            status=msg.MATCH_STATUS[match.status],
            pledge=pledge.number,
            what=match.what,
            case=case.number,
            need=NEED_LABELS[case.need_type],
            region=region_index().full_name(case.region_code),
            reason=match.reason,
            delivery=msg.WORKER_DELIVERY[pledge.kind].format(match=match.number),
            donor=_donor_line(pledge, full),
        )
        if match.delivery_note:
            view += "\n" + msg.MATCH_VIEW_NOTE.format(note=match.delivery_note)
        return view
