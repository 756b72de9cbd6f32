"""Amounts of money as people write them, to integer yuan: "两万", "1.5万", "三千五",
"5000块", "2w", "三千多", "大概两千左右"."""

from __future__ import annotations

import re

import cn2an

from vocabulary import FAMILY_MEMBERS

COUNT_WORDS = "口人岁年月日号天个次位亩头只斤袋床件份箱台辆套双本张间名户棵株匹条桶瓶盒吨"
# "奶奶八十多了", "俺七十三了", "我今年六十九": an age, when a number below this is followed by
# 了 or 多, or comes after 今年.
_AGE_LIMIT = 120
_AGE_AFTER = re.compile(r"多?了|多岁")
_AGE_BEFORE = ("今年", "年纪", "年龄", "岁数")
# "老娘七十八", "奶奶都八十五": a family member's age, said right after them.
_AGE_OF = re.compile(
    "(?:" + "|".join(sorted(FAMILY_MEMBERS, key=len, reverse=True)) + r")(?:今年|都|已经|快)?\s*$"
)
# "考了580分", "数学98分": a mark in an exam.
_SCORE_BEFORE = re.compile(r"(?:考|考试|成绩|分数|数学|语文|英语|总分|打了|得了)[^，。,]{0,4}$")
# "一块钱一斤", "十五块一头", "一斤才卖三块": a price by the unit of goods, not a sum of money
# (个 is left out: 三千一个 may be so much for each child).
_GOODS_UNIT = r"(?:一|每)(?:斤|公斤|千克|两|亩|头|只|棵|株|箱|袋|件|瓶|包|盒|吨|条|捆|筐)"
_PRICE_AFTER = re.compile(rf"(?:[一二三四五六七八九]毛?|钱|左右|多)?\s*{_GOODS_UNIT}")
_PRICE_BEFORE = re.compile(rf"{_GOODS_UNIT}(?:才|只|就|能|也就)?(?:卖|收|给|值)?(?:个|了)?$")
# "两百多只", "十来头": a count said roughly is a count too.
_ROUGHLY = "多来几余"
_TOKEN = re.compile(
    r"(?P<num>(?:[0-9][0-9,]*(?:\.[0-9]+)?|[零〇一二两俩三四五六七八九十拾百佰千仟点壹贰叁肆伍陆柒捌玖])+"
    r"(?:[万萬千仟百佰]+[0-9零〇一二两俩三四五六七八九壹贰叁肆伍陆柒捌玖]?)*)"
    r"\s*(?P<unit>[wWkK万千](?![0-9])|块钱|块|元|圆|rmb|RMB)?"
)
MAX_AMOUNT = 100_000_000
# "138-0013-8000", "1101 0519 4912 3100 2X": a phone or ID number written in groups. Three
# groups or more, or ten digits in all; "2000-3000" (a range) stays money.
_GROUPED_DIGITS = re.compile(r"(?<![0-9])[0-9]+(?:[\s-]+[0-9]+)+[Xx]?")


def _to_number(token: str) -> float:
    token = token.replace(",", "").replace("俩", "两").replace("萬", "万")
    if re.fullmatch(r"[0-9.]+", token):
        return float(token)
    return float(cn2an.cn2an(token, "smart"))


def _plausible_chinese_number(num: str, text: str) -> bool:
    """A Chinese numeral without a unit is money only with a magnitude ("两千", "十万"), or
    when it is the whole answer ("五百")."""
    if num[0].isdigit():
        return True
    if len(num) >= 2 and re.search("[十拾百佰千仟万萬亿]", num):
        return True
    return text.strip(" 。!！吧啊呀元块") == num


def _unless_identifier(match: re.Match[str]) -> str:
    groups = re.findall("[0-9]+", match.group())
    is_identifier = len(groups) >= 3 or sum(map(len, groups)) >= 10
    return " " * len(match.group()) if is_identifier else match.group()


# "两三千", "七八百", "一两万": a rough range; the upper end is what a household would need.
_RANGE = re.compile(r"[一二两三四五六七八九]([二两三四五六七八九])(?=[十百千万])")
# "2000-3000", "两千到三千", "3000~5000块": a range written out, read as its upper end too.
_NUMERAL = r"[0-9零〇一二两俩三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]"
_SPAN = re.compile(rf"{_NUMERAL}+\s*(?:[-~～—至到])\s*(?={_NUMERAL})")
# Rough sums said the spoken way, as the sum: "十来万", "百把块" (about), "万把块" (about ten
# thousand), "二十多万", "十几万" (more than), "1w5", "2k5" (15,000 and 2,500).
_SPOKEN = (
    (re.compile(r"(?<![0-9一二两三四五六七八九十])([万千百])把"), r"一\1"),
    (re.compile(r"(?<=[0-9十百千万])[来把多几](?=[万千百块元])"), ""),
    (re.compile(r"([0-9])[wW]([0-9])"), r"\1万\2"),
    (re.compile(r"([0-9])[kK]([0-9])"), r"\1千\2"),
    # "两千五一个月": the period's 一 is no digit of the sum
    (
        re.compile(r"(?<=[万千百][一二两三四五六七八九])(?=一个?(?:月|年|天|周|星期|礼拜|学期))"),
        " ",
    ),
)


# A sum in another currency (一千澳币, 500美金, 两百刀): amounts here are yuan, and no rate is
# known here, so such a sum is no amount.
FOREIGN_CURRENCY = re.compile(
    rf"{_NUMERAL}+\s*(?:多|来)?\s*(?:块|个)?\s*"
    r"(?:美元|美金|刀|澳币|澳元|加币|加元|港币|港元|港纸|欧元|英镑|日元|日币|新币|新加坡元|新台币|台币"
    r"|韩元|韩币|卢布|马币|令吉|泰铢|dollars?|usd|aud|cad|hkd|eur|gbp|jpy)",
    re.IGNORECASE,
)


def in_foreign_currency(text: str) -> bool:
    return FOREIGN_CURRENCY.search(text) is not None


def find_amounts(text: str) -> list[tuple[int, bool]]:
    """Every amount in the text as (yuan, has_money_unit), in order of appearance; none
    when it is in another currency."""
    if in_foreign_currency(text):
        return []
    for pattern, spoken in _SPOKEN:
        text = pattern.sub(spoken, text)
    text = _GROUPED_DIGITS.sub(_unless_identifier, _RANGE.sub(r"\1", text))
    text = _SPAN.sub("", text)
    found: list[tuple[int, bool]] = []
    for match in _TOKEN.finditer(text):
        num, unit = match.group("num"), match.group("unit") or ""
        if (
            match.start() > 0
            and text[match.start() - 1].isascii()
            and text[match.start() - 1].isalpha()
        ):
            continue  # part of a case or pledge number such as Q000012
        if re.fullmatch(r"\d{7,}", num) and not unit:
            continue  # a phone or ID number, not money
        following = text[match.end() : match.end() + 1]
        if following and following in _ROUGHLY:
            following = text[match.end() + 1 : match.end() + 2]
        if text[max(0, match.start() - 3) : match.start()] == "百分之" or following in ("%", "％"):
            continue  # 百分之三十, 70%: a share, not money
        if not unit and following and following in COUNT_WORDS:
            continue  # "5口人", "3岁", "2袋": a count, not money
        if _PRICE_AFTER.match(text, match.end()) or _PRICE_BEFORE.search(text[: match.start()]):
            continue  # "一块钱一斤": a price by the unit
        if not unit and following == "分" and _SCORE_BEFORE.search(text[: match.start()]):
            continue  # "高考考了580分": a mark, not money (五千分两次交 is money)
        if not unit and not _plausible_chinese_number(num, text):
            continue  # "一下", "四川", "十分感谢": words, not money
        try:
            value = _to_number(num)
        except ValueError:
            continue
        before = text[: match.start()]
        aged = _AGE_AFTER.match(text, match.end()) or before.endswith(_AGE_BEFORE)
        aged = aged or _AGE_OF.search(before) is not None
        if not unit and value < _AGE_LIMIT and aged:
            continue
        if unit in ("w", "W", "万"):
            value *= 10_000
        elif unit in ("k", "K", "千"):
            value *= 1_000
        yuan = round(value)
        if 0 < yuan <= MAX_AMOUNT:
            found.append((yuan, bool(unit) or bool(re.search("[万千百]", num))))
    return found


# "资助5个学生，每人3000", "两个娃每人学费三千": so many people, a sum for each.
_HEADS = re.compile(
    r"([0-9]+|[一二两三四五六七八九十]+)\s*[个名位户家]?(?:贫困|困难|留守|特困)?"
    r"(?:学生|孩子|娃|儿童|家庭|户|老人|人)"
)
_EACH = re.compile(r"每(?:个|一)?(?:人|户|家|名|位|学生|孩子|娃)|每个(?![月星礼季年])")


# What is still needed (要四五十万, 还差三千, 缺两千), against what was spent or borrowed before;
# before that, a total against its parts (每次三千多 六次就是两万).
_NEEDED = re.compile(rf"(?:要|差|缺)(?={_NUMERAL})")
_SHORT = re.compile(rf"(?:差|缺)(?={_NUMERAL})")  # what is short comes before what it all costs
_TOTAL = re.compile(
    rf"(?:一共|总共|加起来|合计|总计|算下来|[次回个月年]下来|[次回]就是)(?:要|得|是|需要)?(?={_NUMERAL})"
)


# What a cost is for, each with its sum (学费一年五千 住宿一千二): the sums add up, unless one
# is by the month, week or day.
_COST_ITEM = re.compile(
    r"(?:学杂费|学费|住宿费?|生活费|书本费|书费|路费|伙食费|车费|房租|医药费|药费|手术费|住院费"
    rf"|检查费)(?:一年|一学期|每年|每学期)?(?:要|是|得|需要|差)?(?={_NUMERAL})"
)
# A sum by the month, week or day (一个月药钱得一千多): what a cost runs to, not what is needed.
BY_PERIOD = re.compile(r"[每一](?:个)?(?:月|周|星期|礼拜|天)")


def _itemised(text: str) -> int | None:
    items = list(_COST_ITEM.finditer(text))
    if len(items) < 2 or BY_PERIOD.search(text):
        return None
    sums = [find_amounts(text[item.end() :])[:1] for item in items]
    return sum(found[0][0] for found in sums) if all(sums) else None


def parse_amount(text: str) -> int | None:
    """The amount a reply names, preferring one written with a unit, and of several the one
    still needed (借了十几万…还要四五十万), or the costs it lists added up (学费五千 住宿一千二),
    times the people it is for when it is said for each of them; None if there is none, or
    if it is in another currency."""
    amounts = find_amounts(text)
    if not amounts:
        return None
    if (total := _itemised(text)) is not None:
        return min(total, MAX_AMOUNT)
    with_unit = [yuan for yuan, has_unit in amounts if has_unit]
    amount = with_unit[0] if with_unit else amounts[0][0]
    if len(with_unit) > 1:
        amount = _the_one_needed(text, amount)
    each, heads = _EACH.search(text), _HEADS.search(text)
    if each is None or heads is None or heads.start() > each.start():
        return amount
    return min(amount * _to_int(heads.group(1)), MAX_AMOUNT)


def _the_one_needed(text: str, first: int) -> int:
    """Of several sums, the one short (还差一万五), else the total (一共两万), else the one
    needed (还要四五十万); the first when none is marked."""
    for marker in (_SHORT, _TOTAL, _NEEDED):
        if (found := marker.search(text)) is not None:
            return next((y for y, unit in find_amounts(text[found.end() :]) if unit), first)
    return first


def _to_int(numeral: str) -> int:
    return int(numeral) if numeral.isdigit() else int(cn2an.cn2an(numeral, "smart"))
