"""One question of a guided conversation: how it is asked, how the answer is read, and
how the answer is shown back in the summary. Parsers return the slot value or raise
`Reprompt` (a specific re-ask), `Ask` (a follow-up, not an error) or `EndFlow`."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import messages as msg
from conversation.faq import QUESTION
from conversation.state import ConversationState
from domain.cases import added_to_note
from nlu.amounts import BY_PERIOD, COUNT_WORDS, find_amounts, in_foreign_currency, parse_amount
from nlu.entities import amount_said, find_id_number, find_phone, mask_numbers, region_entity
from nlu.lexicon import (
    bare,
    detect_need_type,
    face_meaning,
    is_no,
    is_yes,
    means_any,
    menu_number,
    need_types,
    offered_need_types,
    small_talk,
)
from nlu.regions import (
    MAX_CANDIDATES,
    Resolution,
    is_county_level,
    is_only_a_place,
    places_side_by_side,
    region_index,
    resolve_region,
    within,
)
from nlu.sides import tells_own_story
from nlu.validators import Invalid, validate_mobile
from vocabulary import NEED_LABELS, NEED_ORDER, NEED_SAID_ALONE

Slots = dict[str, Any]
Parser = Callable[[str, ConversationState], Any]


class Reprompt(Exception):
    """The answer cannot be used; `message` says what is expected, with an example."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Ask(Exception):
    """The answer needs a follow-up question (e.g. which of several places)."""

    def __init__(self, question: str, choices: list[str] | None = None, context: str = "") -> None:
        super().__init__(question)
        self.question = question
        self.choices = choices or []
        self.context = context


class EndFlow(Exception):
    """The answer ends the conversation (e.g. consent declined); `outcome` tells the
    flow's `on_end` why."""

    def __init__(self, message: str, outcome: str = "ended") -> None:
        super().__init__(message)
        self.message = message
        self.outcome = outcome


def _always(_slots: Slots) -> bool:
    return True


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    prompt: str | Callable[[Slots], str]
    parse: Parser
    show: Callable[[Any], str] = str
    applies: Callable[[Slots], bool] = _always
    revisitable: bool = True
    # Other slots a free-text answer already fills ("娃上学学费差三千" names need and amount).
    also_fills: Callable[[str], Slots] | None = None
    # Words besides the label that name this answer in a correction ("电话写错了" is 手机号).
    aliases: tuple[str, ...] = ()
    # Reads its answer, given early at another question that it does not fit ("每个月500"
    # at the pledge's need question), when the text says it unmistakably; None otherwise.
    fills_ahead: Callable[[str], Any] | None = None
    # Kept when told along with another question's answer, as the flow's first message would
    # have given it (宕昌县的家里五口人我叫包红梅 at the county question: the size and the name).
    told_along: bool = False
    # What to write, for the question asked back instead of answered (户口本上的号行吗 at the
    # ID question): (words, reply), said before any answer about the platform.
    asked_back: tuple[tuple[re.Pattern[str], str], ...] = ()
    # The answer the question proposes (听起来主要是「教育助学」…对吗？), taken when a later
    # question's answer is given instead: the user went along with it. None: it proposes none.
    proposed: Callable[[Slots], Any] | None = None

    def named_in(self, text: str) -> bool:
        return any(word in text for word in (self.label, *self.aliases))

    def question(self, slots: Slots) -> str:
        return self.prompt(slots) if callable(self.prompt) else self.prompt

    def guidance(self, text: str) -> str | None:
        """What to write, when the text asks it back and gives no number."""
        if re.search(r"\d", text):
            return None
        return next((reply for words, reply in self.asked_back if words.search(text)), None)


# --- parsers shared by both flows ------------------------------------------------------


# Consent must be informed: a question about it (同意是什么意思, 可以吗？, 看不懂) is answered, not
# taken for a yes, unless the agreement comes first (同意，要等多久？).
CONSENT_ASKED = re.compile(
    r"什么|啥|为什么|为啥|怎么|是不是|会不会|要不要|[吗呢么？?]$|看不懂|不懂|不明白|没明白|听不懂"
)
AGREES_FIRST = re.compile(r"^(?:好的?|行|可以|嗯+|那)?[，, ]*(?:我)?同意(?:了)?[，,。！!\s]")
# What takes a yes back, or asks first (好 但是不想给身份证, 行 会不会被别人看到).
DOUBTS = re.compile(r"不|别|没|但|可是|[吗？?]|会不会|能不能|是不是")
DECLINES = re.compile(r"不(?:太|想|能|愿意?)?同意|没同意|不愿意")


def parse_consent(text: str, state: ConversationState) -> bool:
    """Consent is said, not pressed: a menu digit (1, a habit from the menus) is asked
    again, though 1 is a yes elsewhere; asked again, it is said why the word is needed."""
    if is_no(text) or DECLINES.search(text):
        raise EndFlow(msg.CONSENT_DECLINED)
    if bare(text).isdigit():
        raise Reprompt(msg.CONSENT_DIGIT)
    if CONSENT_ASKED.search(text.strip()) and not AGREES_FIRST.match(text.strip()):
        raise Reprompt(msg.CONSENT_EXPLAINED)
    if is_yes(text) or "同意" in text or face_meaning(text) == "ok":  # 👍 agrees
        return True
    first, _, rest = text.strip().partition(" ")
    if rest and is_yes(first) and not DOUBTS.search(rest):  # 中 俺家穷: a yes, then the story
        return True
    raise Reprompt(msg.CONSENT_STILL if state.errors else msg.CONSENT_REPROMPT)


def menu_or_keyword(
    options: tuple[str, ...], detect: Callable[[str], str | None], bad: str
) -> Parser:
    """A parser for a numbered menu that also understands the options' keywords."""

    def parse(text: str, _state: ConversationState) -> str:
        number = menu_number(text, len(options))
        if number is not None:
            return options[number - 1]
        found = detect(text)
        if found is None:
            raise Reprompt(bad)
        return found

    return parse


_LABEL_SAID = re.compile(r"(?:方面|上|这块)?(?:的|的事)?(?:吧|啊)?[。！!]?$")


def _need_named(text: str) -> str | None:
    return detect_need_type(text) or stated_need(text)


# Agreeing first (对的 就是雪灾), to a question the user thought was asked.
_AGREED_FIRST = re.compile(r"^(?:对的?|是的?|嗯+|没错)?[，,\s]*(?:就是|主要是)?")


def stated_need(text: str) -> str | None:
    """A need type said by its menu label alone (医疗, 生活方面), or by a word that names
    one (房屋, 看病, 就是雪灾), at another question."""
    said = _LABEL_SAID.sub("", _AGREED_FIRST.sub("", text.strip()))
    return NEED_SAID_ALONE.get(said)


_need_from_menu = menu_or_keyword(NEED_ORDER, _need_named, msg.BAD_NEED)
# A slot set when the first message named two need types: the likelier, to be confirmed.
NEED_GUESS = "need_guess"
# What a user tells in their own words (a description, more of it later) is kept up to this.
TOLD_MAX_LENGTH = 500


# Not able to say which, or lacking everything ("说不清，反正就是穷，啥都缺"): basic living
# is offered, to be confirmed.
NEEDS_EVERYTHING = re.compile(
    r"说不清|说不上来|不知道(?:选|是|算)哪|[啥什么样]+都缺|都缺|就是穷|太穷|穷得|都需要|哪样都"
)
GENERAL_NEED = "living"
# Still not able to say which, once basic living is offered (家里穷, 反正就是困难, 不清楚):
# what was offered is taken.
STILL_VAGUE = re.compile(
    rf"{NEEDS_EVERYTHING.pattern}|穷|困难|没钱|没有钱|不清楚|不知道|不晓得|说不好|过不下去"
)


# Several needs at once (1和2, 都有, 好几样): one is chosen here, the rest told next.
SEVERAL_NEEDS = re.compile(
    r"^\s*[1-8]\s*(?:和|跟|还有|、|,|，|\s)\s*[1-8]|^(?:都有|都要|都需要|好几样|好几个)[吧啊呀的]*$"
)


def parse_need_type(text: str, state: ConversationState) -> str:
    """The need type from the menu or its keywords; a yes takes the guessed one."""
    guess = state.slots.get(NEED_GUESS)
    if guess and is_yes(text) and menu_number(text, len(NEED_ORDER)) is None:
        return str(guess)
    if SEVERAL_NEEDS.search(text):
        raise Reprompt(msg.ONE_NEED_FIRST)
    try:
        return _need_from_menu(text, state)
    except Reprompt:
        if guess == GENERAL_NEED and STILL_VAGUE.search(text):
            return GENERAL_NEED
        if guess or not NEEDS_EVERYTHING.search(text):
            raise
    state.slots[NEED_GUESS] = GENERAL_NEED
    raise Reprompt(ask_need(state.slots))


def guessed_need(slots: Slots) -> str | None:
    """The need type the need question proposes, when it has one to propose."""
    guess = slots.get(NEED_GUESS)
    return str(guess) if guess else None


def ask_need(slots: Slots) -> str:
    guess = guessed_need(slots)
    return msg.CONFIRM_NEED.format(label=NEED_LABELS[guess]) if guess else msg.ASK_NEED


def details_in_need_answer(text: str) -> Slots:
    """A sentence given as the need type also describes the case, maybe with an amount."""
    if menu_number(text, len(NEED_ORDER)) is not None or len(text) < 8:
        return {}
    told = mask_numbers(text)[:TOLD_MAX_LENGTH]
    return {"description": told, **sum_in_story(text)}


# A figure by the month with no cost named before it (扫大街 一个月两千二): what one earns,
# not what is needed; a cost said so (每个月光药钱就要七八百) is.
_FIGURE = "零一二两三四五六七八九十百千万\\d"
RATE_ONLY = re.compile(
    BY_PERIOD.pattern
    + rf"(?:就|才|只|也就|能|挣|赚|拿|有|工资|收入)*[{_FIGURE}]+(?![{_FIGURE}次回趟顿])"
)


# More of one's own account told at a later question is at least this long...
STORY_MIN_LENGTH = 8
# ...and this long, when it names a need without saying whose (腰椎压缩性骨折 干不了重活;
# not 户主出去干活了, at the name question).
TOLD_NEED_LENGTH = 12


def tells_more_of_story(text: str, rest: str | None = None) -> bool:
    """Whether a text told at a later question of a request is more of the household's
    account: a hardship or a need told as its own, or, since in a request the writer is the
    household, one that names a need at some length and asks nothing. `rest` is the text
    without what it remarks in passing (晚上才能接电话)."""
    rest = text if rest is None else rest
    if len(bare(text)) < STORY_MIN_LENGTH:
        return False
    tells_need = len(bare(rest)) >= TOLD_NEED_LENGTH and bool(need_types(rest))
    return tells_own_story(text) or (tells_need and QUESTION.search(text) is None)


def add_to_story(slots: Slots, name: str, text: str) -> bool:
    """Adds what was said (numbers masked) to the story in `slots[name]`, within its length;
    False when it is there already."""
    kept = slots.get(name)
    said = mask_numbers(text.strip())
    if kept and said in kept:
        return False
    slots[name] = added_to_note(kept, said, TOLD_MAX_LENGTH)
    return True


def sum_in_story(text: str) -> Slots:
    """The amount a story tells (孩子考上高中了 学费差三千), for the amount question; a cost
    told by the month is left to that question."""
    if BY_PERIOD.search(text):
        return {}
    amount = amount_said(text, find_phone(text), find_id_number(text))
    return {"amount": amount} if amount else {}


def parse_pledge_need(text: str, state: ConversationState) -> str:
    """The need a gift is for: a donor's words read as an offer's (几箱苹果 is food)."""
    if means_any(text):
        return "any"
    said = menu_number(text, len(NEED_ORDER)) is None and not is_yes(text)
    if said and not SEVERAL_NEEDS.search(text) and (needs := offered_need_types(text)):
        return needs[0]
    return parse_need_type(text, state)


def show_need(value: str) -> str:
    return "不限" if value == "any" else NEED_LABELS[value]


def stated_money(text: str) -> int | None:
    """A sum said with its unit or magnitude ("50块", "两千"), or too large for a menu's
    number ("每个月500")."""
    return next((yuan for yuan, unit in find_amounts(text) if unit or yuan >= 100), None)


def stated_mobile(text: str) -> str | None:
    with suppress(Invalid):
        return validate_mobile(text)
    return None


def parse_money(bad: str) -> Parser:
    def parse(text: str, _state: ConversationState) -> int:
        if in_foreign_currency(text):  # 一千澳币: no rate is known here
            raise Reprompt(msg.AMOUNT_IN_YUAN)
        amount = parse_amount(text)
        if amount is None:
            raise Reprompt(bad)
        return amount

    return parse


AMOUNT_UNKNOWN = "unknown"  # the household cannot say yet; the social worker sets it


def show_money(value: int | str | None) -> str:
    if value == AMOUNT_UNKNOWN:
        return "还不清楚（社工核实时再定）"
    return "不需要钱款" if value is None else f"{value} 元"


NO_SUM_NEEDED = re.compile(r"不需要|不用|不要钱|跳过|不缺钱|^\s*没有[了啊呀吧的]?\s*$")


def parse_optional_money(text: str, state: ConversationState) -> int | str | None:
    # "好几千", "几万块", "能帮多少是多少": the household cannot say more exactly, or leaves
    # it to others; the social worker will
    if re.search(
        r"不知道|不清楚|说不好|说不准|说不上|说不来|不确定|不晓得|算不清|不好说|没算过"
        # in dialect (唔知要几多钱, 冇数, 晓不得)
        r"|唔知|唔清楚|冇数|没数|心里没底|搞不清|弄不清|晓不得|不造"
        rf"|(?<![十百千万])几[十百千万](?![{COUNT_WORDS}])"  # not 几百棵树
        r"|越多越好|多多益善|多少是多少|多少都[行好可]|随便|看着给|你们看|能给多少|能帮多少|给多少算多少"
        r"|钱不重要|看着办|你们定|没定|看情况|到时候再说|再看看",
        text,
    ):
        return AMOUNT_UNKNOWN
    # 没有 alone is no sum (没有手机, at this question, is something else)
    if NO_SUM_NEEDED.search(text) or text.strip() in ("0", "无"):
        return None
    if re.fullmatch(r"\s*[1-9]\s*", text):  # a menu habit: no household needs 1-9 yuan
        raise Reprompt(msg.AMOUNT_MENU_DIGIT.format(digit=text.strip()))
    return parse_money(msg.BAD_AMOUNT)(text, state)


def validated(validator: Callable[[str], str], reprompts: dict[str, str]) -> Parser:
    """A parser from a validator: its reason codes become the matching re-prompts."""

    def parse(text: str, _state: ConversationState) -> str:
        try:
            return validator(text)
        except Invalid as exc:
            raise Reprompt(reprompts[exc.reason]) from exc

    return parse


parse_phone = validated(validate_mobile, msg.PHONE_REPROMPTS)


def parse_free_text(bad: str, minimum: int, maximum: int = TOLD_MAX_LENGTH) -> Parser:
    """Text told in one's own words, at least `minimum` characters; a greeting or thanks
    (谢谢你们了) tells nothing."""

    def parse(text: str, _state: ConversationState) -> str:
        cleaned = text.strip()
        if len(cleaned) < minimum or small_talk(cleaned) is not None:
            raise Reprompt(bad)
        return cleaned[:maximum]

    return parse


def show_region(code: str) -> str:
    return "不限" if code == "any" else region_index().full_name(code)


def _choose(codes: tuple[str, ...], question: str = msg.CHOOSE_REGION) -> Ask:
    """Ask which of these regions was meant, as a numbered list."""
    index = region_index()
    options = "\n".join(f"{i} {index.full_name(c)}" for i, c in enumerate(codes, start=1))
    return Ask(question.format(options=options), choices=list(codes))


# A city the first message named (俺是四川巴中的): the county question is asked within it.
REGION_WITHIN = "region_within"


# Counties people live in, as examples (not an economic development zone).
NOT_AN_EXAMPLE = re.compile(r"开发区|新区|园区|管理区")


def _ask_county_in(place_code: str) -> Ask:
    """Which county of this city, or which city or county of this province, with a few of
    its divisions as examples."""
    index = region_index()
    cities = index.cities_of.get(place_code)
    below = cities or index.counties_of.get(place_code, ())
    names = [index.by_code[c].name for c in below]
    examples = "、".join([n for n in names if not NOT_AN_EXAMPLE.search(n)][:4]) or "某某县"
    place = index.full_name(place_code)
    question = msg.CHOOSE_CITY if cities else msg.CHOOSE_COUNTY
    return Ask(question.format(place=place, examples=examples), context=place)


def ask_county(slots: Slots) -> str:
    within = slots.get(REGION_WITHIN)
    return _ask_county_in(within).question if within else msg.ASK_REGION


def _resolve_with_context(text: str, state: ConversationState) -> Resolution:
    """Read a reply in the context of the previous question ("通渭" after "定西市哪个县"), or
    of the city the first message named. A reply naming no place at all to the previous
    question (3个, a phone number at "周口市哪个县") may answer another one: that question
    stays."""
    within = state.slots.get(REGION_WITHIN)
    context = state.context or (region_index().full_name(within) if within else "")
    if context:
        combined = resolve_region(context + text)
        if combined.code:
            return combined
        alone = resolve_region(text)
        if alone.code or alone.deepest or alone.candidates:
            return alone
        if combined.deepest:  # the same question, which another answer may come with
            raise Reprompt(_ask_county_in(combined.deepest).question)
        return combined
    return resolve_region(text)


def chosen_option(text: str, state: ConversationState) -> str | None:
    """The option a numbered reply picks, of those the last question offered."""
    if not state.choices:
        return None
    number = menu_number(text, len(state.choices))
    return state.choices[number - 1] if number is not None else None


def parse_county(text: str, state: ConversationState) -> str:
    """A county-level region code; asks which one when the place is ambiguous or too wide."""
    chosen = chosen_option(text, state)
    if chosen is not None and is_county_level(chosen):
        return chosen
    # a city chosen from places of the same name (西安) is asked about in turn
    found = within(chosen) if chosen is not None else _resolve_with_context(text, state)
    if found.code:
        return found.code
    if found.candidates and found.deepest is None:
        raise _choose(found.candidates)  # places of the same name
    if found.deepest is None:
        raise Reprompt(msg.BAD_REGION)
    state.slots[REGION_WITHIN] = found.deepest  # asked within it again after another answer
    if found.candidates and len(found.candidates) <= MAX_CANDIDATES:  # a city's few counties
        place = region_index().full_name(found.deepest)
        raise _choose(
            found.candidates, msg.CHOOSE_COUNTY_IN.format(place=place, options="{options}")
        )
    raise _ask_county_in(found.deepest)  # a city or province: ask for the county by name


def county_named(text: str, entities: dict[str, Any]) -> Slots:
    """The county a message names, as the answer to a `region` step; none for a wider place.
    A flow started by its opener has no entities: the text is read for the place then."""
    region = entities["region"] if "region" in entities else region_entity(text)
    code = region["code"] if region else None
    return {"region": code} if code and is_county_level(code) else {}


def stated_county(text: str) -> str | None:
    """A county said and nothing else (我们是湖南邵阳隆回县的), as an answer given early."""
    return county_named(text, {}).get("region") if is_only_a_place(text) else None


def parse_region_preference(text: str, state: ConversationState) -> str:
    """Any level of region (a donor may prefer a whole province), or 'any'. A place named
    with "anywhere" (甘肃哪里都行) is that place; several (云南贵州都行) are asked to choose."""
    chosen = chosen_option(text, state)
    if chosen is not None:
        return chosen
    if places := places_side_by_side(text):
        raise _choose(places, msg.CHOOSE_ONE_PLACE)
    found = resolve_region(text)
    if found.code or found.deepest:
        return str(found.code or found.deepest)
    if found.candidates:
        raise _choose(found.candidates)
    if means_any(text):
        return "any"
    raise Reprompt(msg.BAD_REGION_PREF)


# Why a phone number is asked, asked back at its question (留电话干嘛).
PHONE_WHY = re.compile(r"干嘛|干什么|为什么|为啥|有什么用|做什么用|必须留|一定要留")


def confirm_answer(text: str) -> bool | None:
    """True to submit, False to change something, None when the reply is neither."""
    if is_yes(text) or text.strip() in ("确认", "提交", "确认提交", "没问题"):
        return True
    if is_no(text):
        return False
    return None
