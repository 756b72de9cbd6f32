"""The guided conversations: help intake (求助), filing for a household without WeChat
(代办), pledge intake (捐助), and the one question a request for a person may need."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING

import messages as msg
from conversation import handoff as person
from conversation.checks import run_checks
from conversation.state import ConversationState
from conversation.steps import (
    AMOUNT_UNKNOWN,
    Reprompt,
    Slots,
    Step,
    details_in_need_answer,
    menu_or_keyword,
    parse_consent,
    parse_county,
    parse_free_text,
    parse_money,
    parse_need_type,
    parse_optional_money,
    parse_phone,
    parse_pledge_need,
    parse_region_preference,
    show_money,
    show_need,
    show_region,
    validated,
)
from domain.cases import poverty_cause_of, urgency_of
from domain.events import Event
from nlu.lexicon import detect_kind, is_no, means_anonymous
from nlu.regions import region_index
from nlu.validators import (
    Invalid,
    mask_id_number,
    mask_phone,
    parse_household_size,
    validate_id_number,
)
from storage.models import Case, utcnow
from storage.repositories import CaseDraft, PledgeDraft, audit, submit_case, submit_pledge
from storage.social_work import covering_workers
from vocabulary import KIND_LABELS, NEED_LABELS

if TYPE_CHECKING:
    from conversation.engine import Conversation


@dataclass(frozen=True)
class Flow:
    name: str
    steps: tuple[Step, ...]
    submit: Callable[[Conversation, Slots], str]
    # Show the answers for confirmation before submitting (False: submit when answered).
    confirm: bool = True

    def step(self, name: str) -> Step:
        return next(s for s in self.steps if s.name == name)

    def pending(self, slots: Slots) -> list[Step]:
        return [s for s in self.steps if s.applies(slots) and s.name not in slots]

    def answered(self, slots: Slots) -> list[Step]:
        return [s for s in self.steps if s.applies(slots) and s.name in slots]

    def editable(self, slots: Slots) -> list[Step]:
        """Answered questions a user may go back to or change (not the consent)."""
        return [s for s in self.answered(slots) if s.revisitable]

    def summary(self, slots: Slots) -> str:
        lines = [f"{step.label}：{step.show(slots[step.name])}" for step in self.editable(slots)]
        return "请核对：\n" + "\n".join(lines) + msg.CONFIRM_FOOTER


# --- help intake -----------------------------------------------------------------------


def _parse_household(text: str, _state: ConversationState) -> int:
    try:
        return parse_household_size(text)
    except Invalid as exc:
        raise Reprompt(msg.BAD_HOUSEHOLD_SIZE) from exc


NAME_PREFIX = re.compile(r"^(我叫|我是|叫|名字是|姓名是?|名字|户主是?)[:：\s]*")


def _parse_name(text: str, _state: ConversationState) -> str:
    name = NAME_PREFIX.sub("", text.strip()).strip("。，, ")
    if not re.fullmatch(r"[\u4e00-\u9fa5·•A-Za-z ]{2,20}", name):
        raise Reprompt(msg.BAD_NAME)
    return name


def _submit_help(conversation: Conversation, slots: Slots, on_behalf: bool = False) -> str:
    """Write the case, run the automated checks and tell the covering social workers. A case
    filed on behalf (代办) belongs to the household's record, not to the worker's WeChat."""
    session, user = conversation.session, conversation.user
    amount_unknown = slots["amount"] == AMOUNT_UNKNOWN
    draft = CaseDraft(
        need_type=slots["need_type"],
        description=slots["description"],
        amount_needed=None if amount_unknown else slots["amount"],
        region_code=slots["region"],
        household_size=slots["household_size"],
        name=slots["name"],
        id_number=slots["id_number"],
        phone=slots["phone"],
        urgency=urgency_of(slots["need_type"], slots["description"]),
    )
    case = submit_case(session, user, draft, on_behalf=on_behalf)
    case.poverty_cause = poverty_cause_of(draft.need_type, draft.description)
    if on_behalf:
        audit(session, user.openid, "case.filed_on_behalf", "case", case.id)
    case.flags = run_checks(session, case, conversation.services.settings)
    if amount_unknown:
        case.flags = [*case.flags, {"code": "amount_unknown", "reason": msg.AMOUNT_UNKNOWN_FLAG}]
    if any(flag["code"] == "uncovered" for flag in case.flags):
        audit(session, "system", "case.uncovered", "case", case.id, region=case.region_code)
    _tell_covering_workers(conversation, case)
    done = msg.ON_BEHALF_SUBMITTED if on_behalf else msg.HELP_SUBMITTED
    return done.format(number=case.number)


def _tell_covering_workers(conversation: Conversation, case: Case) -> None:
    flags = "".join(f"\n⚠{flag['reason']}" for flag in case.flags)
    amount = f" {case.amount_needed} 元" if case.amount_needed else ""
    text = msg.NEW_CASE_FOR_WORKER.format(
        number=case.number,
        need=NEED_LABELS[case.need_type],
        amount=amount,
        region=region_index().full_name(case.region_code),
        size=case.profile.household_size,
        flags=flags,
    )
    for worker in covering_workers(conversation.session, case.region_code):
        if worker.user_id != conversation.user.id:  # not the worker who filed it (代办)
            conversation.notify(worker.user_id, f"case-submitted:{case.id}:{worker.id}", text)


HELP_FLOW = Flow(
    name="help",
    steps=(
        Step("consent", "同意", msg.CONSENT, parse_consent, revisitable=False),
        Step(
            "need_type",
            "求助类别",
            msg.ASK_NEED,
            parse_need_type,
            show_need,
            also_fills=details_in_need_answer,
        ),
        Step(
            "description",
            "情况说明",
            msg.ASK_DESCRIPTION,
            parse_free_text(msg.BAD_DESCRIPTION, minimum=4),
        ),
        Step("amount", "需要金额", msg.ASK_AMOUNT, parse_optional_money, show_money),
        Step("region", "所在地区", msg.ASK_REGION, parse_county, show_region),
        Step(
            "household_size", "家庭人口", msg.ASK_HOUSEHOLD_SIZE, _parse_household, "{} 口人".format
        ),
        Step("name", "姓名", msg.ASK_NAME, _parse_name),
        Step(
            "id_number",
            "身份证号",
            msg.ASK_ID_NUMBER,
            validated(validate_id_number, msg.ID_REPROMPTS),
            mask_id_number,
        ),
        Step("phone", "手机号", msg.ASK_PHONE, parse_phone, mask_phone),
    ),
    submit=_submit_help,
)


# --- pledge intake ---------------------------------------------------------------------

KIND_ORDER = ("money", "goods", "service")


_parse_kind = menu_or_keyword(KIND_ORDER, detect_kind, msg.BAD_KIND)


def _ask_item(slots: Slots) -> str:
    return msg.ASK_SERVICE if slots.get("kind") == "service" else msg.ASK_ITEM


def _parse_display_name(text: str, _state: ConversationState) -> str:
    if means_anonymous(text):
        return ""
    name = NAME_PREFIX.sub("", text.strip())
    if not 1 <= len(name) <= 20:
        raise Reprompt(msg.BAD_DISPLAY_NAME)
    return name


OFFER_PREFIX = re.compile(
    r"^(我|俺|我们)?(想|要|愿意|可以|打算|能)?(捐赠|捐献|捐|提供|送)(点|些|一些)?"
)


def offered_item(text: str) -> str | None:
    """What a donor's sentence offers, without "我想捐" ("我想捐20床棉被" → "20床棉被")."""
    item = OFFER_PREFIX.sub("", text.strip()).strip("，。,. ")
    return item[:200] if len(item) >= 2 else None


def _ask_contact(slots: Slots) -> str:
    return msg.ASK_CONTACT_MONEY if slots.get("kind") == "money" else msg.ASK_CONTACT_IN_KIND


def _parse_contact(text: str, state: ConversationState) -> str:
    """A phone number; a money donor may decline (then "" is stored: reached by chat)."""
    if is_no(text) or re.search(r"不留|不用|不需要|不方便|不想留|算了", text):
        if state.slots.get("kind") == "money":
            return ""
        raise Reprompt(msg.CONTACT_REQUIRED)
    return parse_phone(text, state)


def _show_contact(phone: str) -> str:
    return mask_phone(phone) if phone else "不留（在公众号里联系）"


def _submit_pledge(conversation: Conversation, slots: Slots) -> str:
    draft = PledgeDraft(
        kind=slots["kind"],
        need_type=None if slots["need_type"] == "any" else slots["need_type"],
        amount=slots["amount"] if slots["kind"] == "money" else None,
        item_description=slots["item"] if slots["kind"] != "money" else None,
        region_pref=None if slots["region_pref"] == "any" else slots["region_pref"],
        display_name=slots["display_name"] or None,
        contact_phone=slots["contact"] or None,
    )
    pledge = submit_pledge(conversation.session, conversation.user, draft)
    pledge.expires_at = utcnow() + timedelta(days=conversation.services.settings.pledge_ttl_days)
    conversation.emit(Event.MATCHING_NEEDED)
    return msg.PLEDGE_SUBMITTED.format(number=pledge.number)


PLEDGE_FLOW = Flow(
    name="pledge",
    steps=(
        Step("kind", "捐助方式", msg.ASK_KIND, _parse_kind, KIND_LABELS.__getitem__),
        Step("need_type", "帮助方向", msg.ASK_PLEDGE_NEED, parse_pledge_need, show_need),
        Step(
            "amount",
            "金额",
            msg.ASK_PLEDGE_AMOUNT,
            parse_money(msg.BAD_PLEDGE_AMOUNT),
            show_money,
            applies=lambda slots: slots.get("kind") == "money",
        ),
        Step(
            "item",
            "捐助内容",
            _ask_item,
            parse_free_text(msg.BAD_ITEM, minimum=2, maximum=200),
            applies=lambda slots: slots.get("kind") in ("goods", "service"),
        ),
        Step("region_pref", "地区", msg.ASK_REGION_PREF, parse_region_preference, show_region),
        Step(
            "display_name",
            "称呼",
            msg.ASK_DISPLAY_NAME,
            _parse_display_name,
            lambda name: name or "匿名",
        ),
        Step("contact", "联系电话", _ask_contact, _parse_contact, _show_contact),
    ),
    submit=_submit_pledge,
)

# 代办: the same questions, asked of the social worker about the household.
HELP_ON_BEHALF_FLOW = replace(
    HELP_FLOW,
    name="help_on_behalf",
    steps=tuple(
        replace(step, prompt=msg.ON_BEHALF_PROMPTS.get(step.name, step.prompt))
        for step in HELP_FLOW.steps
    ),
    submit=partial(_submit_help, on_behalf=True),
)

HANDOFF_FLOW = Flow(
    name="handoff",
    steps=(Step("region", "所在地区", msg.ASK_HANDOFF_REGION, parse_county, show_region),),
    submit=lambda conversation, slots: person.ask_person(conversation, slots["region"]),
    confirm=False,
)

FLOWS: dict[str, Flow] = {
    flow.name: flow for flow in (HELP_FLOW, PLEDGE_FLOW, HELP_ON_BEHALF_FLOW, HANDOFF_FLOW)
}
