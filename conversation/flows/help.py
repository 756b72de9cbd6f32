"""求助: a household asks for help. Consent, then what is needed, where, who; the case is
written at confirmation, checked, and the covering social workers are told."""

from __future__ import annotations

import re
from contextlib import suppress
from typing import TYPE_CHECKING, Any

import messages as msg
from conversation.flow import Flow, Remark, Triggers
from conversation.state import ConversationState
from conversation.steps import (
    AMOUNT_UNKNOWN,
    NEED_GUESS,
    PHONE_WHY,
    RATE_ONLY,
    REGION_WITHIN,
    TOLD_MAX_LENGTH,
    TOLD_NEED_LENGTH,
    Ask,
    Reprompt,
    Slots,
    Step,
    add_to_story,
    ask_county,
    ask_need,
    chosen_option,
    confirm_answer,
    details_in_need_answer,
    guessed_need,
    parse_consent,
    parse_county,
    parse_free_text,
    parse_need_type,
    parse_optional_money,
    parse_phone,
    show_money,
    show_need,
    show_region,
    stated_county,
    stated_mobile,
    stated_money,
    stated_need,
    sum_in_story,
    tells_more_of_story,
    validated,
)
from domain import attachments
from domain.cases import poverty_cause_of, urgency_of
from domain.checks import run_checks
from nlu.entities import find_id_number, find_phone, mask_numbers
from nlu.lexicon import FAMILY, bare, need_types
from nlu.regions import is_county_level, is_only_a_place, region_index
from nlu.sides import HARDSHIP
from nlu.text import compact
from nlu.validators import (
    Invalid,
    find_household_size,
    mask_id_number,
    mask_phone,
    parse_household_size,
    spoken_runs,
    validate_id_number,
    validate_mobile,
)
from storage.models import Case
from storage.repositories import CaseDraft, audit, submit_case
from storage.social_work import covering_workers
from vocabulary import NEED_LABELS

if TYPE_CHECKING:
    from conversation.engine import Conversation


# Asked back at a question instead of answered (在外打工的算不算, 写哪里, 户口本上的号行吗,
# 要写多少合适): what to write is said, and the question stays (Step.asked_back).
WHO_COUNTS = re.compile(r"算不算|算吗|算不|要不要算|包不包括|包括吗|算进去吗|算在内吗")
WHICH_PLACE = re.compile(r"写哪|填哪|写老家还是|老家还是现在|写现在住的")
FROM_HUKOU = re.compile(
    r"户口[本簿][^，。]{0,8}(?:行吗|行不行|可以吗|可不可以|能用吗|能不能用|也行吗|算吗)"
)
HOW_MUCH_TO_ASK = re.compile(
    r"写多少|填多少|多少合适|要多少合适|能申请多少|最多[能可]?以?(?:申请|要)多少"
    # what the thing costs, asked back (助听器大概要多少钱啊)
    r"|(?:大概|一般)?(?:要|得|需要)多少钱[啊呀呢吗？?]*$"
)


def _parse_household(text: str, _state: ConversationState) -> int:
    try:
        return parse_household_size(text)
    except Invalid as exc:
        generations = exc.reason == "household_size_generations"
        raise Reprompt(msg.GENERATIONS_HOW_MANY if generations else msg.BAD_HOUSEHOLD_SIZE) from exc


NAME_PREFIX = re.compile(
    r"^(我叫|我是|俺叫|俺是|叫|名字是|姓名是?|名字|户主是?|(?:我|俺)?姓.[\s，,]*叫)[:：\s]*"
)
# Around a household's name: who it is (户主叫, 我老伴叫), a remark in brackets, a particle.
_WHOSE = (
    r"(?:他|她)?(?:户主|求助人|当家的)?(?:的)?(?:名字|姓名)?(?:是|叫)?"
    rf"(?:我|俺)?(?:家)?(?:{FAMILY})?"
    r"(?:的)?(?:名字|姓名)?(?:是|叫)?"
)
AROUND_NAME = re.compile(
    rf"^{_WHOSE}[:：\s]*|[（(][^）)]*[）)]|(?:就行|就好|就可以)?[吧啊呀哦的嘛呢哈啦咯]*$"
)
# Only a family name (我姓王), or what one is called, not the name (老王, 阿强): asked again.
NOT_A_FULL_NAME = re.compile(r"^(?:我|俺)?姓[\u4e00-\u9fa5]$|^[老阿][\u4e00-\u9fa5]$")
# "我叫李明，户主是我爸李大山": of several clauses, the one that names the head of household;
# one that only says so (李四 是户主) points to the name before it.
HEAD_OF_HOUSEHOLD = re.compile(r"户主|当家的")
ONLY_THE_HEAD = re.compile(r"^(?:我|俺|他|她)?(?:就)?是(?:户主|当家的)[吧啊呀的]*$")
WONT_SAY = re.compile(
    r"不想说|不告诉|不能说|保密|不方便|不想留|不想写|不想填|先不填|不填|不想给|不愿意|跳过"
)


def wont_say(text: str) -> bool:
    """Declining to give a number, with none given (不想给身份证, 不想给电话)."""
    return WONT_SAY.search(text) is not None and not re.search(r"\d{6}", text)


# A question, not a name ("这个写谁的名字呢", "要写全名吗").
# Asking whose name to write (申请人写孩子还是写我, 写谁的名字).
WHOSE_NAME_ASKED = re.compile(
    r"写(?:谁|孩子|我|户主|家长|大人|老人|他|她)[^，。]{0,6}(?:还是|吗|呢|[？?])|谁的名字|写谁"
)
ASKS = re.compile(r"[吗呢么？?]$|什么|怎么|为什么|为啥|能不能|可不可以|是不是|要不要|谁的")


# An ID or mobile number written with the name ("王秀英 11010519491231002X"), kept for its own
# question when it is valid (and said so when it came without the name).
WRITTEN_WITH_NAME = (
    ("id_number", "身份证号", re.compile(r"\d{17}[\dXx]"), validate_id_number, mask_id_number),
    ("phone", "手机号", re.compile(r"1\d{10}"), validate_mobile, mask_phone),
)
NUMBER_LABELS = re.compile(r"身份证号?码?(?:是)?|(?:手机|电话)号?码?(?:是)?|[，,。；;:：]")
# A name said outright, as the whole message ("我叫符海生", "名字是王秀英"): unmistakable at
# any question.
NAME_SAID = re.compile(
    r"(?:[我俺]叫|[我俺]的名字(?:是|叫)|名字(?:是|叫)|姓名[是:：]?|户主(?:是|叫))\s*"
    r"([\u4e00-\u9fa5·]{2,5})[。！!]?"
)


def _stated_name(text: str) -> str | None:
    found = NAME_SAID.fullmatch(text.strip())
    return found.group(1) if found else None


# A name said at the start of a story (我叫李秀英今年六十八了，住在…), or after where one is
# from (我是四川凉山昭觉县的我叫阿力家里五口人): two or three characters before what people go
# on to say.
NAME_IN_STORY = re.compile(
    r"(?:^|[，,。\s的])(?:你好|您好)?[，,\s]*(?:[我俺]叫|[我俺]的名字叫|户主叫)(?![他她它你我了])"
    r"([\u4e00-\u9fa5]{2,3}?)(?=[，,。\s]|今年|住在|家住|是|来自|家里|老家|在)"
)


# …or at its end (…你们能不能帮帮我们啊我叫杨秀琼).
NAME_ENDS_STORY = re.compile(
    r"(?:[我俺]叫|[我俺]的名字(?:是|叫)|户主叫)(?![他她它你我了])([\u4e00-\u9fa5]{2,3})[。！!啊呀]*$"
)


# …or the applicant named, with who they are (申请人是我老伴 他叫王有福, 户主是我爸 叫李大山).
APPLICANT_NAMED = re.compile(
    r"^(?:申请人|求助人|户主)(?:是|写)[^，。\s]{0,6}[，,。\s]*(?:他|她)?叫([\u4e00-\u9fa5]{2,3})[。！!啊呀]*$"
)


def _name_in_story(text: str) -> str | None:
    said = text.strip()
    found = NAME_IN_STORY.search(said) or NAME_ENDS_STORY.search(said)
    found = found or APPLICANT_NAMED.match(said)
    return found.group(1) if found else None


HOW_TO_TELL_MAX = 16  # a longer text tells something, whatever else it asks
# Not knowing what to tell, or how much ("不知道写啥", "要写多详细"): no description yet.
HOW_TO_TELL = re.compile(
    r"不知道(?:写|说|填)(?:啥|什么|些什么)|(?:写|说|填)(?:啥|什么)[呢啊呀]?[？?]?$"
    r"|怎么(?:写|说|填)|多详细|写多少|写多长"
)
_described = parse_free_text(msg.BAD_DESCRIPTION, minimum=4)


def _parse_description(text: str, state: ConversationState) -> str:
    if HOW_TO_TELL.search(text) and len(text) < HOW_TO_TELL_MAX:
        raise Reprompt(msg.DESCRIPTION_HOW)
    if is_only_a_place(text):  # 我们这是陕西汉中勉县: where, not what happened (noted ahead)
        raise Reprompt(msg.PLACE_NOT_STORY)
    if _stated_name(text) or _only_a_number(text):  # 我叫何德贵, an ID number: who, not what
        raise Reprompt(msg.ASK_DESCRIPTION)  # happened (noted ahead)
    if _only_asks(text):  # 什么时候有人联系我: a question, not what happened
        raise Reprompt(msg.ASK_DESCRIPTION)
    return mask_numbers(_described(text, state))


ASKED = re.compile(
    r"[吗呢？?][啊呀]?$|^(?:请问)?(?:什么时候|啥时候|怎么|为什么|为啥|能不能|可不可以|多久)"
)


def _only_asks(text: str) -> bool:
    """A question that tells nothing of the household (什么时候有人联系我)."""
    return ASKED.search(text.strip()) is not None and not (
        need_types(text) or HARDSHIP.search(text)
    )


# What a number said alone may have around it (身份证号是…, 电话 …), or words about it
# (我换手机号了 新号是…).
NUMBER_WORDS = 6
NUMBER_SAID = 14


def _only_a_number(text: str) -> bool:
    """An ID or a phone number, or a sum, and little else (451026197008152034, 电话13977612345,
    3000): who, or how much, not what happened."""
    if SUM_ALONE.fullmatch(text.strip()):
        return True
    rest = re.sub(r"[\dXx\s，,。.:：-]", "", text)
    numbered = find_id_number(text) is not None or find_phone(text) is not None
    about_it = NUMBER_TOLD.search(rest) is not None and not need_types(rest)  # 我换手机号了
    return numbered and (len(rest) <= NUMBER_WORDS or (about_it and len(rest) <= NUMBER_SAID))


# Words about the number itself, said with it (换号了, 新号是, 身份证号码是).
NUMBER_TOLD = re.compile(r"手机|电话|号码|新号|身份证|换号")


SUM_ALONE = re.compile(
    r"(?:大概|差不多|要|需要|还差)?[\d一二两三四五六七八九十百千万]{2,}\s*(?:块钱?|元)?(?:左右|的样子)?"
)


# Not knowing which county (不知道啊, 说不清是哪个县): where it is written is told.
COUNTY_NOT_KNOWN = re.compile(
    r"(?:我|俺)?(?:也)?(?:不知道|不清楚|不晓得|说不清|记不清|搞不清|不懂)(?:是)?(?:哪个县|啥县|什么县)?"
    r"[啊呀哦呢吧]?"
)


def _parse_region(text: str, state: ConversationState) -> str:
    if COUNTY_NOT_KNOWN.fullmatch(bare(text)):
        raise Reprompt(msg.COUNTY_UNKNOWN + ask_county(state.slots))
    return parse_county(text, state)


_validated_id = validated(validate_id_number, msg.ID_REPROMPTS)
# Not having the number at hand, or not managing to type it (俺不会弄, 看不清, 不识字).
NO_ID_AT_HAND = re.compile(
    r"不知道|记不[住得清]|不记得|忘了|找不[到着]|丢了|没带|没有身份证|没办"
    r"|不会|[弄搞]不来|不懂|看不[清懂见]|眼睛不好|不识字"
    # kept by someone else, or not at hand (身份证我现在没有 在我妈那)
    r"|身份证[^，。\d]{0,6}(?:没有|不在|没在)|在[^，。\d]{1,5}那[里儿边]?$|不在(?:身边|手上|跟前|家)"
)


# No household registration, so no ID number at all (我是黑户, 孩子没上户口).
NO_HUKOU = re.compile(r"黑户|没(?:有)?(?:上|落)?户口|没(?:上|落)户|户口没(?:上|落)")


def _parse_id_number(text: str, state: ConversationState) -> str:
    """The ID number; who cannot find it is told where it is written, and who can help;
    who has none, without a household registration, that a social worker files it with
    them; who would rather not give it, why it is asked."""
    if NO_HUKOU.search(text) and not re.search(r"\d{6}", text):
        raise Reprompt(msg.NO_HUKOU)
    if NO_ID_AT_HAND.search(text) and not re.search(r"\d{6}", text):
        raise Reprompt(msg.ID_WHERE_TO_FIND)
    if wont_say(text):  # 不想给身份证: why it is asked
        raise Reprompt(msg.FAQ["why_id"])
    return _validated_id(text, state)


# Things wanted instead of money, said at the amount question (能给点米面油就行).
THINGS_INSTEAD = re.compile(
    r"(?:给|要|送)(?:点|些|一些|一点)?[^，。\d]{1,10}(?:就行|就好|就可以|就够)"
)


def _parse_amount(text: str, state: ConversationState) -> int | str | None:
    """The sum needed; things wanted instead (能给点米面油就行) are no sum, and are added to
    the description for the social worker, as is more of the story told with the sum
    (大三 助学贷款两万 毕业找不到工作怕还不上)."""
    if stated_money(text) is None and THINGS_INSTEAD.search(text) and need_types(text):
        add_to_story(state.slots, "description", text)
        return None
    amount = parse_optional_money(text, state)
    if len(bare(text)) >= TOLD_NEED_LENGTH and tells_more_of_story(text):
        add_to_story(state.slots, "description", text)
    return amount


NO_PHONE = re.compile(
    r"(?:没(?:有|得)?|冇|莫得|木有|么得)(?:手机|电话)|不会用手机|手机(?:坏了|丢了)|不用手机"
    # said at the phone question (手机是他的 我没有)
    r"|(?:^|[，,\s])(?:我|俺)(?:自己)?(?:没有|没得|冇|莫得|木有)[啊呀的]?$"
)


def says_no_phone(text: str) -> bool:
    """Having no phone of one's own, said without giving a number (我没有手机)."""
    digits = compact(spoken_runs(text))  # 一三九 八五二一 四七六三 is a number
    return NO_PHONE.search(text) is not None and not re.search(r"\d{7}", digits)


# Agreeing after all, with nothing under way (那好吧 同意, once 不同意 had ended the request):
# the request again, its consent asked with what it means.
AGREES_AFTER_ALL = re.compile(r"^(?:那|那就)?(?:好吧|好的|行吧|行|好|嗯)?(?:我)?同意(?:了|吧|啦)?$")

_ME = r"(?:我|俺|本人)(?:是)?(?:个)?"
_WHEN = r"(?:白天|晚上|上午|下午|中午|早上|周末|[\d一二三四五六七八九十]+点)"
# How the household would be reached, said at any question (我耳朵听不见 有事给我发短信,
# 白天干活 晚上才能接电话, 我只会说彝语): kept for the social worker who will call.
CONTACT_NOTE = Remark(
    "contact_note",
    "联系须知",
    re.compile(
        rf"{_ME}(?:聋哑人?|聋子|哑巴|耳朵(?:聋|背|不好|听不见)|听不见|听不清|听力不好|不会说话|说不了话)"
        r"|(?:给我|跟我|和我|找我)(?:发|打)?(?:短信|信息|文字|微信)|(?:发|打)(?:短信|文字)(?:给我|联系)"
        r"|(?:短信|文字|微信)(?:联系)?(?:就行|就好|就可以)"
        r"|只能打字|(?:别|不要|不用)打(?:我)?(?:的)?电话|不方便接电话|(?:接不了|接不到|不能接|没法接)电话"
        r"|电话[^，。]{0,4}(?:接不了|接不到|听不见|听不清)"
        rf"|{_WHEN}[^，。]{{0,6}}(?:(?:才能|才可以|才有空|才方便|有空|方便)[^，。]{{0,2}}(?:接|打|联系|回)"
        r"|(?:以后|之后)再?(?:打|联系))"
        r"|不会(?:说|讲)普通话|听不懂普通话|只会(?:说|讲)[\u4e00-\u9fa5]{1,4}(?:话|语)"
    ),
)


def _parse_phone(text: str, state: ConversationState) -> str:
    """A number to reach the household by: without a phone of one's own, a relative's, a
    neighbour's or a village cadre's will do."""
    if says_no_phone(text):
        raise Reprompt(msg.NO_PHONE_OF_ONES_OWN)
    if wont_say(text):  # 不想给电话: why it is asked
        raise Reprompt(msg.FAQ["why_id"] + "\n" + msg.ASK_PHONE)
    return parse_phone(text, state)


def _parse_name(text: str, state: ConversationState) -> str:
    if (chosen := chosen_option(text, state)) is not None:
        return chosen  # of the names said one by one
    if state.context and MINE_CHOSEN.fullmatch(bare(text)):
        return state.context  # 写我的: of those names, the writer's own
    if confirm_answer(text) is not None:  # 确认, 好的: no name (确认 had been taken as one)
        raise Reprompt(msg.BAD_NAME)
    kept = ""
    for slot, label, pattern, validator, mask in WRITTEN_WITH_NAME:
        if (found := pattern.search(text)) is None:
            continue
        with suppress(Invalid):
            state.slots.setdefault(slot, validator(found.group()))
            kept += msg.NOTED_AHEAD.format(label=label, value=mask(state.slots[slot]))
        text = NUMBER_LABELS.sub(" ", text[: found.start()] + " " + text[found.end() :])
    if kept and not text.strip():  # 11010519491231002X at the name question: kept, name asked
        raise Reprompt(kept + msg.ASK_NAME)
    if WONT_SAY.search(text) or ASKS.search(text.strip()):
        raise Reprompt(msg.NAME_WHY)
    if SUM_ONLY.fullmatch(text.strip()):  # 两万: a sum, said again (李三千 is a name)
        raise Reprompt(msg.BAD_NAME)
    if SIZE_FIRST.match(text):  # 三口 不算他: the household's size, said again
        raise Reprompt(msg.BAD_NAME)
    clauses = [clause for clause in re.split(r"[，,。；;\s]", text) if clause.strip()]
    head = next((i for i, c in enumerate(clauses) if HEAD_OF_HOUSEHOLD.search(c)), None)
    names = _names_told(clauses)
    if head is None and len(names) > 1:
        options = "\n".join(f"{i} {name}" for i, name in enumerate(names, start=1))
        own = next((_name_in(c) for c in clauses if OWN_NAME.search(c)), None)
        raise Ask(msg.WHICH_NAME_IS_HEAD.format(options=options), names, own or "")
    # 户主是我老头子，叫李根生: the name may follow the clause that says whose it is
    tried = [text] if head is None else [clauses[head], "".join(clauses[head : head + 2])]
    if head and ONLY_THE_HEAD.match(clauses[head]):
        tried = [clauses[head - 1]]
    if head is None and len(names) == 1:  # 我是他妈 我叫谭秀兰: the one name said as such
        tried = [names[0]]
    name = next((named for said in tried if (named := _name_in(said)) is not None), None)
    if name is None and head is None:  # 写我吧 朱正明: the one clause that can be a name
        name = _only_name_among(clauses)
    if NOT_A_FULL_NAME.match(name or text.strip(" 。，,！!")):
        raise Reprompt(msg.FULL_NAME_PLEASE)
    if name is None or PRONOUN.search(name):  # 写我 is no name
        raise Reprompt(msg.BAD_NAME)
    return name


# A clause that says whose name follows (我老公叫张大山, 我的名字是李小花).
NAMES_ONE = re.compile(r"叫|名字|姓名")


def _names_told(clauses: list[str]) -> list[str]:
    """The names said one by one (我老公叫张大山 我叫李小花), each once."""
    names = (_name_in(clause) for clause in clauses if NAMES_ONE.search(clause))
    return list(dict.fromkeys(name for name in names if name is not None))


# One's own name said as such (我叫马秀珍), and that one chosen of several (写我的, 我自己).
OWN_NAME = re.compile(r"(?:我|俺|本人)(?:叫|是)")
MINE_CHOSEN = re.compile(
    r"(?:写|填|是|就|用)?(?:我|俺|本人)(?:自己|本人)?(?:的)?(?:名字)?[吧啊呀]?"
)
PRONOUN = re.compile(r"[我俺你他她您]")
# The household's size said first (三口, 五个人 我和老伴…): no name.
SIZE_FIRST = re.compile(
    r"\s*(?:家里|俺家|我家|一共|总共)?[0-9一二两三四五六七八九十俩仨]+\s*(?:口人|口|个人)(?:$|[，,。\s])"
)
# A sum and nothing else (两万, 要三千五吧): no name.
SUM_ONLY = re.compile(
    r"[要需差还大概约就]*[0-9零一二两三四五六七八九十百千万\.点多]+[块元钱]?(?:左右)?[吧啊呀的]?"
)
# Words no name holds, in a sentence given where the name is asked (身份证在他兜里我找找);
# names longer than LONG_NAME are minority names written out, which have none of them.
NOT_IN_A_NAME = re.compile(r"[我俺你他她们了的吗呢在]|身份证|电话|号码|一下|找找|等等|稍等")
LONG_NAME = 4


def _only_name_among(clauses: list[str]) -> str | None:
    """The name among clauses of which only one can be one (写我吧 朱正明)."""
    found = [_name_in(c) for c in clauses if not NOT_IN_A_NAME.search(c) and not ASKS.search(c)]
    named = [name for name in found if name is not None and confirm_answer(name) is None]
    return named[0] if len(named) == 1 else None


def _name_in(text: str) -> str | None:
    name = NAME_PREFIX.sub("", text.strip()).strip("。，,:： ")
    name = AROUND_NAME.sub("", name).strip("。，,:： ")
    name = re.sub(r"(?<=[\u4e00-\u9fa5])\s+(?=[\u4e00-\u9fa5])", "", name)  # 王 秀 英
    if not re.fullmatch(r"[\u4e00-\u9fa5·•A-Za-z ]{2,20}", name):
        return None
    return None if len(name) > LONG_NAME and NOT_IN_A_NAME.search(name) else name


def submit_help(conversation: Conversation, slots: Slots, on_behalf: bool = False) -> str:
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
        contact_note=slots.get(CONTACT_NOTE.name),
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
    if slots.get("photos"):
        attachments.attach_held(session, user, slots["photos"], case)
    _tell_covering_workers(conversation, case)
    if on_behalf:
        return msg.ON_BEHALF_SUBMITTED.format(number=case.number)
    count = len(slots.get("photos") or ())
    photos = msg.PHOTOS_KEPT.format(count=count) if count else msg.PHOTOS_INVITED
    return msg.HELP_SUBMITTED.format(number=case.number, photos=photos)


def _photos_discarded(conversation: Conversation, slots: Slots, _outcome: str) -> None:
    """Cancelled or left before submitting: the photos sent meanwhile go too."""
    if slots.get("photos"):
        services = conversation.services
        attachments.discard_held(
            conversation.session, conversation.user, slots["photos"], services.files
        )


def _tell_covering_workers(conversation: Conversation, case: Case) -> None:
    flags = "".join(f"\n⚠{flag['reason']}" for flag in case.flags)
    amount = f" {case.amount_needed} 元" if case.amount_needed else ""
    contact = case.profile.contact_note
    text = msg.NEW_CASE_FOR_WORKER.format(
        number=case.number,
        need=NEED_LABELS[case.need_type],
        amount=amount,
        region=region_index().full_name(case.region_code),
        size=case.profile.household_size,
        flags=flags + (msg.CONTACT_NOTE_FOR_WORKER.format(note=contact) if contact else ""),
    )
    for worker in covering_workers(conversation.session, case.region_code):
        if worker.user_id != conversation.user.id:  # not the worker who filed it (代办)
            key = f"case-submitted:{case.id}:{worker.id}"
            conversation.notify(worker.user_id, key, text, case.console_path)


def prefill(text: str, entities: dict[str, Any]) -> Slots:
    """What the first message already says: the need (and the sentence as description,
    its numbers masked), the amount, a county, the household size, the name it begins
    with, an ID or a mobile number. When two need types fit, the likelier one is offered
    for confirmation instead of being taken."""
    slots: Slots = {}
    needs = entities.get("need_types") or []
    if needs and len(text) >= 8:
        slots["description"] = mask_numbers(text)[:TOLD_MAX_LENGTH]
    if len(needs) == 1:
        slots["need_type"] = needs[0]
    elif needs:  # two types fit: the need question offers the likelier one
        slots[NEED_GUESS] = needs[0]
    if entities.get("amount_yuan") and not RATE_ONLY.search(text):
        slots["amount"] = entities["amount_yuan"]
    region = entities.get("region")
    if region and is_county_level(region["code"]):
        slots["region"] = region["code"]
    elif region:  # 俺是四川巴中的, 我是海南的: the county is asked within the city or province
        slots[REGION_WITHIN] = region["code"]
    if entities.get("household_size"):
        slots["household_size"] = entities["household_size"]
    if name := _name_in_story(text):
        slots["name"] = name
    if id_number := entities.get("id_number"):  # said at once; consent is asked first anyway
        slots["id_number"] = id_number
    if phone := stated_mobile(text):
        slots["phone"] = phone
    return slots


FLOW = Flow(
    name="help",
    story="description",
    steps=(
        Step("consent", "同意", msg.CONSENT, parse_consent, revisitable=False),
        Step(
            "need_type",
            "求助类别",
            ask_need,
            parse_need_type,
            show_need,
            also_fills=details_in_need_answer,
            aliases=("类别", "哪方面"),
            fills_ahead=stated_need,
            proposed=guessed_need,
        ),
        Step(
            "description",
            "情况说明",
            msg.ASK_DESCRIPTION,
            _parse_description,
            also_fills=sum_in_story,
            aliases=("情况", "说明"),
        ),
        Step(
            "amount",
            "需要金额",
            msg.ASK_AMOUNT,
            _parse_amount,
            show_money,
            aliases=("金额", "钱数", "多少钱"),
            fills_ahead=stated_money,
            asked_back=((HOW_MUCH_TO_ASK, msg.AMOUNT_HOW),),
        ),
        Step(
            "region",
            "所在地区",
            ask_county,
            _parse_region,
            show_region,
            aliases=("地区", "地址", "住址", "县"),
            fills_ahead=stated_county,
            told_along=True,
            asked_back=((WHICH_PLACE, msg.REGION_HOW),),
        ),
        Step(
            "household_size",
            "家庭人口",
            msg.ASK_HOUSEHOLD_SIZE,
            _parse_household,
            "{} 口人".format,
            aliases=("人口", "口人", "几口"),
            fills_ahead=find_household_size,
            told_along=True,
            asked_back=((WHO_COUNTS, msg.WHO_COUNTS),),
        ),
        Step(
            "name",
            "姓名",
            msg.ASK_NAME,
            _parse_name,
            aliases=("名字",),
            fills_ahead=_stated_name,
            told_along=True,
            asked_back=((WHOSE_NAME_ASKED, msg.WHOSE_NAME),),
        ),
        Step(
            "id_number",
            "身份证号",
            msg.ASK_ID_NUMBER,
            _parse_id_number,
            mask_id_number,
            aliases=("身份证",),
            fills_ahead=find_id_number,
            told_along=True,
            asked_back=((FROM_HUKOU, msg.ID_FROM_HUKOU),),
        ),
        Step(
            "phone",
            "手机号",
            msg.ASK_PHONE,
            _parse_phone,
            mask_phone,
            aliases=("电话", "手机"),
            fills_ahead=stated_mobile,
            told_along=True,
            asked_back=((PHONE_WHY, msg.FAQ["why_id"] + "\n" + msg.ASK_PHONE),),
        ),
    ),
    submit=submit_help,
    triggers=Triggers(intents=("seek_help",), menu="help", says=AGREES_AFTER_ALL, prefill=prefill),
    remarks=(CONTACT_NOTE,),
    records_consent=True,
    keeps_photos=True,
    on_end=_photos_discarded,
)
