"""Validators for what households type: resident ID numbers (GB 11643), mainland mobile
numbers and household sizes. Each returns the normalised value or raises `Invalid` with a
reason code the handlers turn into a specific re-prompt."""

from __future__ import annotations

import re
from datetime import date

import cn2an
import phonenumbers

from nlu.lexicon import FAMILY
from nlu.regions import is_known_id_prefix
from nlu.text import compact

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
MAX_AGE_YEARS = 120
MAX_HOUSEHOLD_SIZE = 30


class Invalid(ValueError):
    """An answer that cannot be accepted; `reason` names why (for the re-prompt)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


# Digits said the way people read numbers aloud: 一三九…, 幺 for 1, 洞 for 0, 叉 for X.
_SPOKEN_DIGITS = str.maketrans("零〇洞幺一二两三四五六七八九叉", "00011223456789X")
_SPOKEN_NUMBER = re.compile(r"[\d零〇洞幺一二两三四五六七八九xX叉\s\-_·•]+")
# An ID number inside a sentence ("我的身份证号是…", "…这是我老伴的").
_ID_IN_TEXT = re.compile(r"(?<![0-9])[0-9]{17}[0-9X](?![0-9X])")
# A disability certificate's number (残疾人证号): the holder's ID number, then the
# disability's category (1-7) and grade (1-4).
_DISABILITY_CARD = re.compile(r"([0-9]{17}[0-9X])[1-7][1-4]")


# Seven or more Chinese digits inside a sentence, in a row or in groups
# (我电话一三九八七六五四三二一, 电话是一三九 三三五六 七八二一): a number read out digit by digit.
_SPOKEN_RUN = re.compile(r"[零〇洞幺一二三四五六七八九](?:[\s\-]?[零〇洞幺一二三四五六七八九]){6,}")


def spoken_runs(text: str) -> str:
    """The text with every number read out digit by digit written in ASCII digits."""
    return _SPOKEN_RUN.sub(lambda found: found.group().translate(_SPOKEN_DIGITS), text)


def spoken_digits(raw: str) -> str:
    """A number written in Chinese digits, one by one, as ASCII digits, alone or read out
    inside a sentence; other text as is."""
    text = raw.strip()
    return text.translate(_SPOKEN_DIGITS) if _SPOKEN_NUMBER.fullmatch(text) else spoken_runs(text)


def validate_id_number(raw: str, today: date | None = None) -> str:
    """An 18-character resident ID number with a valid check digit, birth date and region;
    a disability certificate's number gives the ID number it begins with."""
    said = spoken_digits(raw).upper()
    value = compact(said)
    # written whole beside other numbers, else in groups ("110105 19491231 002X")
    found = _ID_IN_TEXT.findall(said) or _ID_IN_TEXT.findall(value)
    if len(found) == 1:
        value = found[0]
    elif card := _DISABILITY_CARD.fullmatch(value):
        value = card.group(1)
    if not re.fullmatch(r"\d{17}[\dX]", value):
        raise Invalid("id_format")
    if id_check_char(value[:17]) != value[17]:
        raise Invalid("id_checksum")
    try:
        birth = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError as exc:
        raise Invalid("id_birth_date") from exc
    today = today or date.today()
    if birth > today or today.year - birth.year > MAX_AGE_YEARS:
        raise Invalid("id_birth_date")
    if not is_known_id_prefix(value[:6]):
        raise Invalid("id_region")
    return value


def id_birth_date(id_number: str) -> date:
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


_MOBILE_TYPES = (
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
)


def validate_mobile(raw: str) -> str:
    """A mainland China mobile number, returned as 11 digits; the one number in a sentence
    ("13800138000 这是我儿子的") counts too, and a landline is told apart."""
    text = spoken_digits(raw)
    found = [match.number for match in phonenumbers.PhoneNumberMatcher(text, "CN")]
    mobiles = [n for n in found if phonenumbers.number_type(n) in _MOBILE_TYPES]
    if len(mobiles) == 1:
        parsed = mobiles[0]
    elif found and not mobiles:
        raise Invalid("phone_landline")
    else:
        try:
            parsed = phonenumbers.parse(compact(text).replace("(", "").replace(")", ""), "CN")
        except phonenumbers.NumberParseException as exc:
            raise Invalid("phone_format") from exc
    national = str(parsed.national_number)
    if parsed.country_code != 86 or not re.fullmatch(r"1[3-9]\d{9}", national):
        raise Invalid("phone_format")
    if phonenumbers.number_type(parsed) not in _MOBILE_TYPES:
        raise Invalid("phone_unassigned")
    return national


_SIZE_NUM = "[0-9零一二两俩仨三四五六七八九十]+"
_CHILDREN = ("娃", "孩子", "小孩", "孙子", "孙女", "儿子", "女儿", "闺女", "老人")
_HOME = r"(?:家(?:里头?|中)?|屋(?:里头?|头)|俺家|我家)"
# The size said first, then who (五个人 两个老人 我们两口子 一个娃): the size.
_SIZE_THEN_WHO = re.compile(rf"\s*({_HOME}?{_SIZE_NUM}\s*(?:口人|口|个人))[\s，,:：]+")
_SIZE_ALONE = re.compile(rf"\s*{_HOME}?{_SIZE_NUM}\s*(口人|口|个人|人)\s*")
_SIZE_IN_SENTENCE = re.compile(
    # not how many came or went (又多了一口人)
    # nor a couple (我们两口子在工地打零工, 老两口), who may have children too
    rf"(?<!多了)(?<!添了)(?<!少了)(?<!老){_SIZE_NUM}\s*口(?!子)|{_HOME}(?:就|只|只有|有|是|共|一共)?(?:我们|俺们|咱们)?"
    rf"{_SIZE_NUM}\s*个人|(?:就|只有)(?:我们|俺们|咱们){_SIZE_NUM}\s*个人"
    rf"|就(?:我|俺)(?:和|跟)[^，。]{{1,4}}(?:{_SIZE_NUM}\s*个人|俩)"
    rf"|一家(?:子)?(?:就|有|共|一共)?{_SIZE_NUM}\s*个(?:人)?(?![^，。]{{0,3}}(?:{'|'.join(_CHILDREN)}))"
    # all told (老的小的一共七个), not some of them (一共三个孩子)
    rf"|(?:一共|总共|加起来)(?:是|有)?{_SIZE_NUM}\s*(?:个人|个|人)"
    rf"(?![^，。]{{0,3}}(?:{'|'.join(_CHILDREN)}))"
)
# The number just before 口 or 个人 in a stated size (not the 一 of 一共), or 俩 (就我和闺女俩).
_STATED_NUMBER = re.compile(rf"({_SIZE_NUM})\s*(?:口|个人|个|人)$|(俩)$")
# A number of people, before a bare number (三代同堂七个人 is seven); 娘仨 is three.
_SIZE_OF_PEOPLE = re.compile(rf"({_SIZE_NUM})\s*(?:口|个人|人|位)|(俩|仨)$")
_SIZE = re.compile(r"([0-9零〇一二两俩仨三四五六七八九十]+)\s*(口|个|人|位)?")
# Just me and one other (我和老伴, 家里就俺跟孙子): two.
_ME_AND_ONE = re.compile(
    r"(?:家里|屋里|俺家|我家)?(?:就|只有)?(?:我|俺)(?:和|跟)[^，。和跟、0-9一二两三四五六七八九十]{1,4}"
)
# Me and some others counted (我一个人带俩娃, 俺跟三个孙子, 我自己和两个娃): one more than the
# count.
_ME_WITH = re.compile(
    rf"(?:我|俺)(?:一个人|自己)?(?:带着?|和|跟)({_SIZE_NUM}|俩|仨)个?(?:{'|'.join(_CHILDREN)})"
)
# Only me (就我一个, 我自己); not 就我和老伴, 就俺俩 or 就俺两个老的.
_ME_ALONE = re.compile(
    r"(就|只有|只)(我|俺)(?![和跟们俩仨两二三四五六七八九十2-9])(一个|自己)?|一个人|我自己|独居"
)
# A whole answer that counts who lives there (俺和孙子两个人, 就俺两个老的, 我们三个).
_COUNTED = re.compile(
    rf"(?:家里|屋里|俺家|我家)?(?:就|只有|一共|就剩|只剩)?(?:(?:我|俺)(?:和|跟)[^，。和跟0-9]{{1,4}}?"
    rf"|(?:我们|俺们|咱们|我|俺)(?:自己)?(?:就|一共)?){_SIZE_NUM}\s*个(?:人|老的|老人|大人)?[了啊呀吧]?"
)


# Everyone named, one by one or counted (我跟老伴还有俩孙子, 我、老伴、儿子、儿媳, 两个大人三个
# 小孩, 爷爷奶奶爸爸妈妈和我): the sum.
_COUPLES = ("老两口", "两口子", "夫妻俩", "夫妻两个", "两夫妻")
_COUPLE_ALONE = re.compile(
    rf"(?:家里|屋里|俺家|我家)?(?:就|只有)?(?:我们|俺们|咱们|俺|我|咱)?(?:{'|'.join(_COUPLES)})俩?"
)
_MEMBER = re.compile(
    rf"(?:({_SIZE_NUM}|俩|仨)\s*个?|个)?(?:(?:我们|俺们|咱们)?(?:{'|'.join(_COUPLES)})"
    rf"|(?:[我俺](?:的|家)?)?(?:{FAMILY}|大人|老人|小孩)|[我俺]自己|我|俺|自己|本人)"
)
_LIST_LEAD = re.compile(r"(?:家里|屋里|俺家|我家)?(?:我们|俺们|咱们)?(?:有|是|就|只有)?")
_JOINER = re.compile(r"(?:[和跟与及同、，,\s]|还有|带着?|加上?|以及|外加)*")
# Said after the last member (老两口还有个孙子跟着我们, …和我们一起住).
_LIST_TAIL = re.compile(r"\s*(?:跟着?|和|同)(?:我们|俺们|咱们)(?:一起)?(?:住|过|生活)?[的呢]?")


def _members(text: str) -> list[re.Match[str]]:
    """The members of the household a whole answer names one after another, read left to
    right; none when it is anything else. A scan, not one pattern: members may follow each
    other with nothing between (爷爷奶奶), and a pattern free to split 妈妈妈妈… either way
    backtracks exponentially."""
    lead = _LIST_LEAD.match(text)
    position, members = (lead.end() if lead else 0), []
    while position < len(text):
        member = _MEMBER.match(text, position)
        if member is None or member.end() == position:
            return []
        members.append(member)
        if _LIST_TAIL.fullmatch(text, member.end()):
            break
        joined = _JOINER.match(text, member.end())
        position = joined.end() if joined else member.end()
    return members


def _is_list(text: str) -> bool:
    """Whether a whole answer is only members of the household, two or more."""
    return len(_members(text)) >= 2


# Oneself or one's spouse, named in a list beside the couple they make (我和老伴两口子).
_SELF_OR_SPOUSE = re.compile(
    r"[我俺](?:的|家)?(?:老伴|老公|老婆|媳妇|丈夫|男人|爱人)?|老伴|老公|老婆|媳妇|丈夫|爱人"
)


def _listed_size(text: str) -> int | None:
    """The number of people a list of the household names, or None when it is no list (two
    members at least)."""
    members = _members(text.strip(" 。！!"))
    if len(members) < 2:
        return None
    size = sum(
        _count(m.group(1)) if m.group(1) else 2 if m.group(0).endswith(_COUPLES) else 1
        for m in members
    )
    # 我和老伴两口子: the couple is the two named before, not two more
    named_couple = any(m.group(0).endswith(_COUPLES) for m in members)
    spouses = sum(1 for m in members if _SELF_OR_SPOUSE.fullmatch(m.group(0)))
    return size - min(spouses, 2) if named_couple else size


# A sum of money (两万, 五千块), which counts no people unless they are named too.
_A_SUM = re.compile(r"[0-9零一二两三四五六七八九十][百千万]|块|元")
_OF_PEOPLE = re.compile(r"口|人|个|位")
# Generations are no count (三代同堂, 我家三代人, 四世同堂).
_GENERATIONS = re.compile(r"[一二两三四五]代(?:人|同堂)?|[三四五]世同堂")


def parse_household_size(text: str) -> int:
    """'5口人', '五口', '俺家4个人', '就我一个' → an integer from 1 to 30. A stated family
    size wins over "就我一个人…" said of something else ("家里五口人，就我一个人挣钱");
    generations (三代同堂) are no size."""
    if _A_SUM.search(text) and not _OF_PEOPLE.search(text):  # 两万: a sum, not two people
        raise Invalid("household_size_format")
    without_generations = _GENERATIONS.sub("", text)
    if without_generations != text and not re.search(_SIZE_NUM, without_generations):
        raise Invalid("household_size_generations")
    text = without_generations
    if (listed := _listed_size(text)) is not None:
        return listed
    stated = _SIZE_IN_SENTENCE.search(text)
    if stated is None and (others := _ME_WITH.search(text)) is not None:
        return 1 + _count(others.group(1))
    if stated is None and _ME_ALONE.search(text):
        return 1
    if stated is None and _ME_AND_ONE.fullmatch(text.strip(" 。！!")):
        return 2
    if stated is not None:
        match = _STATED_NUMBER.search(stated.group(0))
    else:
        match = _SIZE_OF_PEOPLE.search(text) or _SIZE.search(text)
    if match is None:
        raise Invalid("household_size_format")
    size = _count(match.group(1) or match.group(2))
    if not 1 <= size <= MAX_HOUSEHOLD_SIZE:
        raise Invalid("household_size_range")
    return size


def _count(token: str) -> int:
    token = token.replace("俩", "两").replace("仨", "三")
    try:
        return int(token) if token.isdigit() else int(cn2an.cn2an(token, "smart"))
    except ValueError as exc:
        raise Invalid("household_size_format") from exc


def find_household_size(text: str) -> int | None:
    """A household size a sentence states ("家里四口人", "四个人"), if any: only 口 counts,
    or 个人 said of the family or as the whole answer, or a whole answer that lists who
    lives there (我自己和两个娃, 我跟老伴还有俩孙子). "我一个人带三个娃" inside a longer story
    states none."""
    whole = text.strip(" 。！!")
    if _COUPLE_ALONE.fullmatch(whole):  # 两口子, 家里就我们老两口
        return 2
    # 老两口带三个孙子: not 两口
    if (first := _SIZE_THEN_WHO.match(whole)) and _is_list(whole[first.end() :]):
        stated: str | None = first.group(1)  # 五个人 两个老人 我们两口子 一个娃
    elif _is_list(whole) or _ME_WITH.fullmatch(whole) or _COUNTED.fullmatch(whole):
        stated = whole
    else:
        match = _SIZE_ALONE.fullmatch(text) or _SIZE_IN_SENTENCE.search(text)
        stated = match.group(0) if match else None
    if stated is None:
        return None
    try:
        return parse_household_size(stated)
    except Invalid:
        return None


def mask_id_number(id_number: str) -> str:
    """1101**********002X: region prefix and last four kept."""
    return id_number[:4] + "*" * (len(id_number) - 8) + id_number[-4:]


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:]


def mask_name(name: str) -> str:
    """张* / 欧阳** : the family name (first character) stays."""
    return name[:1] + "*" * (len(name) - 1) if len(name) > 1 else "*"
