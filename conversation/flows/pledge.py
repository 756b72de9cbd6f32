"""捐助: a donor pledges money, goods or a service, for a need and a place or for any,
and leaves a way to be reached. The matcher looks for a case once it is written."""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import messages as msg
from conversation.flow import Flow, Triggers
from conversation.flows.help import NAME_PREFIX, says_no_phone
from conversation.state import ConversationState
from conversation.steps import (
    PHONE_WHY,
    Reprompt,
    Slots,
    Step,
    menu_or_keyword,
    parse_free_text,
    parse_money,
    parse_pledge_need,
    parse_region_preference,
    show_money,
    show_need,
    show_region,
    stated_mobile,
    stated_money,
    stated_need,
    validated,
)
from domain.events import Event
from nlu.entities import mask_numbers, region_entity
from nlu.lexicon import (
    detect_kind,
    detect_need_type,
    is_acknowledgement,
    is_no,
    is_yes,
    means_anonymous,
)
from nlu.regions import is_only_a_place, places_side_by_side
from nlu.validators import mask_phone, validate_mobile
from storage.models import utcnow
from storage.repositories import PledgeDraft, submit_pledge
from vocabulary import KIND_KEYWORDS, KIND_LABELS, NEED_LABELS

if TYPE_CHECKING:
    from conversation.engine import Conversation


KIND_ORDER = ("money", "goods", "service")


_kind_said = menu_or_keyword(KIND_ORDER, detect_kind, msg.BAD_KIND)


def _parse_kind(text: str, state: ConversationState) -> str:
    """A numbered choice or a kind's word; a sum said instead (每年五千) is money, and the sum
    is kept."""
    try:
        return _kind_said(text, state)
    except Reprompt:
        if (amount := stated_money(text)) is None:
            raise
    state.slots["amount"] = amount
    if RECURRING.search(text):
        state.slots["recurring"] = True
    return "money"


def _ask_item(slots: Slots) -> str:
    return msg.ASK_SERVICE if slots.get("kind") == "service" else msg.ASK_ITEM


# A count or a sum given where the name is asked ("30台", "两千", "每天二三十个"): not a name.
QUANTITY = re.compile(
    r"[\d一二两三四五六七八九十百千万]+\s*(?:台|个|件|箱|袋|本|套|斤|床|元|块|万|千)?"
)
HOW_MANY = re.compile(
    r"每(?:天|月|周|年|个月|星期|次)|[\d二两三四五六七八九十百千万]\s*(?:台|个|件|箱|袋|本|套|斤|床|元|块|份)"
    r"(?:左右|上下|的样子)?$"
)


# Leaving the name to us is no name (随便, 不用写); how it is said around a name (就叫我老王吧).
NO_NAME_WANTED = re.compile(
    r"^(?:那|那就|就)?(?:我?叫我?|称呼)?(?:随便叫?|随意|都行|都可以|不限|无所谓|不重要|不用写?|不写|不留|你们定|你们看着办"
    r"|(?:写|叫|称呼)?(?:啥|什么)都(?:行|可以)|怎么(?:叫|称呼|写)都(?:行|可以))(?:名字|名)?[吧了的啦]?$"
)
# An organisation giving its name ("我们公司叫星辰科技", "单位名称是…").
ORGANISATION_CALLED = re.compile(
    r"^(?:我们|我司|咱们?)(?:公司|单位|企业|团队|机构|协会|店|厂|学校)?(?:的)?(?:名字|名称|全称)?"
    r"(?:叫|是)|^(?:公司|单位|企业|团队|机构)(?:的)?(?:(?:名字|名称|全称)(?:叫|是)?|叫|是|(?=[:：]))"
    r"[:：]?\s*"
)
CALL_ME = re.compile(
    r"^(?:就)?(?:叫我|称呼我|写成?|就写)(?:我的)?(?:网名|昵称|微信名)?(?:是|叫)?"
    r"|(?:就行|就好|就可以)?[吧呀啊哈]*(?:[，,。\s]*(?:谢谢|多谢|感谢)[！!。]*)?$"
)
ASKS_WHAT = re.compile(r"[吗呢么？?]$|什么意思|啥意思|是什么|写什么|写啥")


def _parse_display_name(text: str, state: ConversationState) -> str:
    """What to be called; more about what is given, said here instead (20件羽绒服 全新的), is
    added to it and the name asked again."""
    if _detail_added(text, state):
        raise Reprompt(msg.ITEM_DETAIL_NOTED + msg.ASK_DISPLAY_NAME)
    return _display_name(text)


def _display_name(text: str) -> str:
    said = text.strip(" 。，,！!")
    if means_anonymous(said) or NO_NAME_WANTED.fullmatch(said):
        return ""
    if ASKS_WHAT.search(said):
        raise Reprompt(msg.DISPLAY_NAME_WHAT)
    name = NAME_PREFIX.sub("", CALL_ME.sub("", ORGANISATION_CALLED.sub("", said))).strip()
    if not 1 <= len(name) <= 20:
        raise Reprompt(msg.BAD_DISPLAY_NAME)
    if QUANTITY.fullmatch(name) or HOW_MANY.search(name) or is_only_a_place(name):
        raise Reprompt(msg.NOT_A_DISPLAY_NAME)
    if _names_a_need(name) or KIND_SAID.fullmatch(name):  # 医疗, 工作岗位: answers given late
        raise Reprompt(msg.NOT_A_DISPLAY_NAME)
    if is_yes(name) or is_acknowledgement(name):  # 好的, 嗯, 知道了: agreeing, not a name
        raise Reprompt(msg.NOT_A_DISPLAY_NAME)
    return name


# What is given, said as the answer to how it is given (钱, 物资, 工作岗位): no one's name.
KIND_SAID = re.compile(
    r"(?:捐|给|提供)?(?:钱|钱款|现金|捐款|资金|物资|物品|东西|实物|服务|工作|岗位|技术)+"
)


def _names_a_need(name: str) -> bool:
    """A need's label or the start of one (医疗, 教育, 基本生活), no one's name."""
    return any(label.startswith(name) for label in NEED_LABELS.values()) and len(name) >= 2


ANONYMOUS_SAID_LENGTH = 8


def _anonymous_said(text: str) -> str | None:
    """匿名 said at another question ("" is the anonymous name), or what to be called said
    in so many words (叫我李姐); None otherwise."""
    said = text.strip(" 。，,！!")
    short = len(said) <= ANONYMOUS_SAID_LENGTH
    if short and means_anonymous(said):
        return ""  # not 不留 (a phone), not 随便
    if CALLED_SAID.match(said):
        with suppress(Reprompt):
            return _display_name(said)
    return None


# What to be called, said in so many words (叫我李姐, 称呼我王女士).
CALLED_SAID = re.compile(r"^(?:就)?(?:叫我|称呼我)(?!们)")


OFFER_PREFIX = re.compile(
    r"^(我|俺|我们)?(想|要|愿意|可以|打算|能)?(捐赠|捐献|捐|提供|送)(点|些|一些)?"
    r"|^有没?有人(?:收|要)"  # 有没有人收旧衣服
)
# Asked rather than said (能捐几袋面粉吗): the question's ending is no part of the item.
QUESTION_ENDING = re.compile(r"[吗呢吧嘛么？?]+$")
# ...or asked, then more said (能捐一些课外书吗 都是我家孩子看过的): the question's word goes.
ASKED_MIDWAY = re.compile(r"[吗呢嘛][？?]?(?:[\s，,。]+|[？?])")
GREETING_FIRST = re.compile(r"^(?:你好|您好|你们好|哈喽|在吗|请问)[啊呀，,！!。\s]*")


# Words that offer something without saying what ("我想捐点东西"): the item is asked.
NOTHING_NAMED = re.compile(r"(?:一些|一点|点|些)?(?:东西|物资|物品|实物|捐物|服务|力气)[吧啊呀]?")
# Asking what is wanted rather than saying what is offered ("你们缺什么", "不知道捐啥好").
ASKS_WHAT_TO_GIVE = re.compile(
    r"缺(?:什么|啥)|需要(?:什么|啥)|捐(?:什么|啥)好|不知道(?:捐|送|给)"
    r"|^(?:都行|都可以|随便|什么都行|啥都行|你们定|看你们需要|看需要)[吧的呀啊]?$"
)


# Something given without saying what, at the end of a longer sentence (想给养老院的老人送点东西).
VAGUE_GIFT = re.compile(
    r"(?:送|捐|给|拿)(?:点|些|一些|一点|一批)?(?:东西|物资|物品|实物)[吧啊呀]?$"
)


def offered_item(text: str) -> str | None:
    """What a donor's sentence offers, without "我想捐" ("我想捐20床棉被" → "20床棉被"); a
    phone or ID number in it is kept masked (the contact step keeps the number)."""
    said = GREETING_FIRST.sub("", text.strip())
    item = QUESTION_ENDING.sub("", OFFER_PREFIX.sub("", said).strip("，。,. "))
    item = mask_numbers(ASKED_MIDWAY.sub("，", item))
    if VAGUE_GIFT.search(item):
        return None
    named = len(item) >= 2 or item in KIND_KEYWORDS["goods"]  # 书, 油: one character says it
    return item[:200] if named and not NOTHING_NAMED.fullmatch(item) else None


_described_item = parse_free_text(msg.BAD_ITEM, minimum=2, maximum=200)


def _parse_item(text: str, state: ConversationState) -> str:
    if ASKS_WHAT_TO_GIVE.search(text):
        raise Reprompt(msg.ITEMS_OFTEN_NEEDED)
    if is_only_a_place(text):  # 贵州: where to help, said early (kept as such), not the gift
        raise Reprompt(_ask_item(state.slots))
    if NOTHING_NAMED.fullmatch(text.strip(" 。，,！!")):
        raise Reprompt(_ask_item(state.slots))
    return _described_item(text, state)


def _item_named(text: str) -> Slots:
    """Goods or a service named at the kind or the need question (衣服, 一些书和衣服): what
    is given, too, and the need it names."""
    if detect_kind(text) not in ("goods", "service") or (item := offered_item(text)) is None:
        return {}
    need = detect_need_type(text)
    return {"item": item, **({"need_type": need} if need else {})}


# More about what is given, said after it: how many (大概二十台轮椅五十副拐杖) or when (周末都有空).
ITEM_DETAIL = re.compile(
    r"[\d一二两三四五六七八九十百千万几]+\s*(?:来|多|余)?\s*(?:台|件|箱|袋|本|套|斤|床|副|双|辆|条|桶|包|吨|张|把)"
    r"|周末|晚上|白天|有空|有时间|每周|每个?月|一个月|平时|工作日|节假日|寒假|暑假|随时"
    r"|[一两二三四五六七八九十几]次"
    # what a job offered comes with (我们厂招普工 包吃住 月薪四千五)
    r"|包吃|包住|月薪|工资|底薪|薪资|待遇|名额|招[^，。\s]{0,4}(?:工|人)"
    # part of it taken back (不对 只要方便面 矿泉水不捐了)
    r"|只(?:要|捐|送|给)[^，。\s]{1,8}|[^，。\s]{1,8}不(?:捐|送|要)了"
)


def _parse_region_pref(text: str, state: ConversationState) -> str:
    """Where to help (我在北京 想给甘肃的: Gansu, not where the donor is); more about what is
    given, said here instead, is added to it and the place asked again."""
    rest = DONOR_PLACE.sub("，", text)
    if rest != text and region_entity(rest) is not None:
        text = rest
    try:
        return parse_region_preference(text, state)
    except Reprompt:
        if not _detail_added(text, state):
            raise
        raise Reprompt(msg.ITEM_DETAIL_NOTED + msg.ASK_REGION_PREF) from None


def _place_alone(text: str) -> str | None:
    """A place said alone, unmistakably (贵州, 甘肃定西), at another question: where to help."""
    found = region_entity(text) if is_only_a_place(text) else None
    return str(found["code"]) if found else None


def _detail_added(text: str, state: ConversationState) -> bool:
    """More about what is given, said at a later question (大概有两百多件, 周末有空): added to
    the item. Whether it was."""
    item = state.slots.get("item")
    if not item or ITEM_DETAIL.search(text) is None:
        return False
    state.slots["item"] = f"{item}（{text.strip(' 。，,')}）"[:200]
    return True


def _ask_contact(slots: Slots) -> str:
    return msg.ASK_CONTACT_MONEY if slots.get("kind") == "money" else msg.ASK_CONTACT_IN_KIND


# No number left, said with the rest (捐一千 甘肃 教育 匿名 不留电话).
NO_PHONE_LEFT = re.compile(r"不留(?:电话|手机|号码|联系方式)|(?:电话|手机号?)不留")


def _parse_contact(text: str, state: ConversationState) -> str:
    """A phone number; a money donor may decline (then "" is stored: reached by chat)."""
    declined = re.search(r"不留|不用|不需要|不方便|不想留|算了|微信|公众号|这里联系", text)
    no_phone = says_no_phone(text)
    if is_no(text) or declined or no_phone:
        if state.slots.get("kind") == "money":
            return ""
        raise Reprompt(msg.CONTACT_REQUIRED_NO_PHONE if no_phone else msg.CONTACT_REQUIRED)
    if state.slots.get("kind") == "money":  # told again that no number will do (确认, 对)
        return _parse_money_donor_phone(text, state)
    return _parse_donor_phone(text, state)


_parse_donor_phone = validated(validate_mobile, msg.DONOR_PHONE_REPROMPTS)
_parse_money_donor_phone = validated(
    validate_mobile, {**msg.DONOR_PHONE_REPROMPTS, "phone_format": msg.PHONE_OR_NONE}
)


def _show_contact(phone: str) -> str:
    return mask_phone(phone) if phone else "不留（在公众号里联系）"


# Giving again and again (每个月500, 长期的): a pledge is one sum, and the donor is told so.
RECURRING = re.compile(r"每个?月|按月|月捐|长期|每年|每季度|定期|每学期")


def _parse_amount(text: str, state: ConversationState) -> int:
    amount = _money(text, state)
    if RECURRING.search(text):
        state.slots["recurring"] = True
    return amount


_money = parse_money(msg.BAD_PLEDGE_AMOUNT)


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
    done = msg.PLEDGE_SUBMITTED.format(number=pledge.number)
    if slots.get("recurring") and draft.amount:
        done += msg.RECURRING_NOTE.format(amount=draft.amount)
    if slots.get("also_money") and slots["kind"] != "money":
        done += msg.ALSO_MONEY_NOTE.format(amount=slots["also_money"])
    return done


# Where a donor is, not where they want to help (我们是深圳的一家公司, 我在上海).
HOMETOWN = re.compile(r"老家|家乡|家那边|我们那")
DONOR_PLACE = re.compile(
    r"(?:我|我们|俺|咱们?)(?P<verb>是|在|来自)[^，。,\s]{2,8}?(?:的|人|(?=[，,\s]))(?:一家|一个)?"
)


def _where_to_help(text: str, entities: dict[str, Any]) -> str | None:
    """The place a donor's first message wants to help: none when it names several side by
    side (云南、贵州: asked to choose) or only where the donor is."""
    if DONOR_PLACE.search(text) is None:
        if places_side_by_side(text):
            return None
        return str(entities["region"]["code"]) if entities.get("region") else None
    rest = DONOR_PLACE.sub("，", text)  # 我是上海的 想帮帮甘肃的孩子: 甘肃
    if places_side_by_side(rest):
        return None
    found = region_entity(rest)
    # 我是甘肃人，想帮帮老家的孩子: home is where one comes from (not 我在北京: where one is)
    comes_from = any(said.group("verb") != "在" for said in DONOR_PLACE.finditer(text))
    if found is None and HOMETOWN.search(text) and comes_from:
        found = entities.get("region")
    return str(found["code"]) if found else None


# Where and for what left open in the first message: to those most in need, or to us
# (捐500给最困难的, 你们定), or the place said to be any (不限地区).
LEFT_TO_US = re.compile(r"最(?:困难|需要|穷)的|你们定|你们看着办|你们安排")
ANY_PLACE = re.compile(
    r"不限地区|地区不限|不限地方|地方不限|哪里都行|哪都行|全国都行|哪[里儿]?(?:最|更)?(?:需要|困难|穷)"
)


def _need_answer_details(text: str) -> Slots:
    """What the need answer says besides: goods or a service named (see `_item_named`), and
    the place, left open (哪里最需要就给哪里) or named (我是上海的 想帮帮甘肃的孩子)."""
    if ANY_PLACE.search(text):
        place = {"region_pref": "any"}
    elif (code := _where_to_help(text, {"region": region_entity(text)})) is not None:
        place = {"region_pref": code}
    else:
        place = {}
    return {**_item_named(text), **place}


# Whether a donor must give their real name (写真名吗): a name to be called by is enough.
REAL_NAME_ASKED = re.compile(r"真名|真实姓名|实名|全名|要写名字|写名字吗")


# A donor saying who they are (…，我叫陈明 电话136…): the name thanks would be given under.
SIGNED = re.compile(
    r"(?:我叫|本人叫|我的名字是|我的名字叫)([\u4e00-\u9fa5]{2,4}?)(?=$|[，,。！!\s]|电话|手机|联系)"
)


# The pay of a job offered (月薪五千, 日结一百二): no money given.
WAGE = re.compile(
    r"(?:月薪|年薪|工资|薪资|薪水|底薪|日结|时薪|待遇|收入)[^，。\s]{0,3}?"
    r"[0-9零一二两三四五六七八九十百千万]+(?:块|元)?钱?(?:左右|以上|多)?"
)


def prefill(text: str, entities: dict[str, Any]) -> Slots:
    """What a donor's first message already says: the kind and amount or item, the need
    it is for ("给甘肃的娃上学") and the place."""
    slots: Slots = {}
    # The kind is read again here: a first message the bot asked about (help or giving?)
    # was read without one.
    kind = entities.get("resource_kind") or detect_kind(text)
    if kind in ("goods", "service"):
        slots["kind"] = kind
        if item := offered_item(text):
            slots["item"] = item
        if money := stated_money(WAGE.sub("，", text)):  # 拿出十万块钱…另外还有一批电脑
            slots["also_money"] = money
    elif kind == "money" or entities.get("amount_yuan"):
        slots["kind"] = "money"  # 捐款, 想捐点钱: the amount is asked next
        if amount := entities.get("amount_yuan"):
            slots["amount"] = amount
            if RECURRING.search(text):
                slots["recurring"] = True
    left_to_us = LEFT_TO_US.search(text) is not None
    if need := entities.get("need_type") or detect_need_type(text):
        slots["need_type"] = need
    elif left_to_us:
        slots["need_type"] = "any"
    if (region := _where_to_help(text, entities)) is not None:
        slots["region_pref"] = region
    elif left_to_us or ANY_PLACE.search(text):
        slots["region_pref"] = "any"
    if means_anonymous(text):  # a donor in a hurry says it all at once (…，匿名，电话138…)
        slots["display_name"] = ""
    elif signed := SIGNED.search(text):
        slots["display_name"] = signed.group(1)
    if phone := stated_mobile(text):
        slots["contact"] = phone
    elif slots.get("kind") == "money" and NO_PHONE_LEFT.search(text):
        slots["contact"] = ""  # …，匿名，不留电话: reached in the chat
    return slots


FLOW = Flow(
    name="pledge",
    steps=(
        Step(
            "kind",
            "捐助方式",
            msg.ASK_KIND,
            _parse_kind,
            KIND_LABELS.__getitem__,
            also_fills=_item_named,
        ),
        Step(
            "need_type",
            "帮助方向",
            msg.ASK_PLEDGE_NEED,
            parse_pledge_need,
            show_need,
            also_fills=_need_answer_details,
            fills_ahead=stated_need,
        ),
        Step(
            "amount",
            "金额",
            msg.ASK_PLEDGE_AMOUNT,
            _parse_amount,
            show_money,
            applies=lambda slots: slots.get("kind") == "money",
            aliases=("钱数", "多少钱", "数目"),
            fills_ahead=stated_money,
        ),
        Step(
            "item",
            "捐助内容",
            _ask_item,
            _parse_item,
            applies=lambda slots: slots.get("kind") in ("goods", "service"),
            aliases=("内容",),
        ),
        Step(
            "region_pref",
            "地区",
            msg.ASK_REGION_PREF,
            _parse_region_pref,
            show_region,
            aliases=("地方",),
            fills_ahead=_place_alone,
        ),
        Step(
            "display_name",
            "称呼",
            msg.ASK_DISPLAY_NAME,
            _parse_display_name,
            lambda name: name or "匿名",
            aliases=("名字",),
            fills_ahead=_anonymous_said,
            asked_back=((REAL_NAME_ASKED, msg.DONOR_NAME_HOW),),
        ),
        Step(
            "contact",
            "联系电话",
            _ask_contact,
            _parse_contact,
            _show_contact,
            aliases=("电话", "手机"),
            fills_ahead=stated_mobile,
            told_along=True,
            asked_back=((PHONE_WHY, msg.DONOR_PHONE_WHY),),
        ),
    ),
    submit=_submit_pledge,
    triggers=Triggers(
        intents=("offer_donation",),
        keywords=("帮助别人", "帮别人", "帮助他人"),  # the which-side question's words, copied
        menu="pledge",
        prefill=prefill,
    ),
)
