"""Places the way people say them, over the whole GB/T 2260 table: every prefecture-level
division and 300 counties (every tenth), each in three phrasings, resolve to their code."""

from __future__ import annotations

import pytest

from nlu.entities import region_entity
from nlu.regions import Region, is_only_a_place, region_index, resolve_region

INDEX = region_index()
# Not the placeholders for counties a province governs directly (省直辖县级行政区划).
CITIES = sorted(
    (r for r in INDEX.by_code.values() if r.level == "city" and "直辖" not in r.name),
    key=lambda r: r.code,
)
COUNTIES = sorted((r for r in INDEX.by_code.values() if r.level == "county"), key=lambda r: r.code)[
    ::10
][:300]


def _names(region: Region) -> tuple[str, str, str]:
    chain = INDEX.chain(region.code)
    city = chain["city"] or ""
    return chain["province"] or "", "" if "直辖" in city else city, chain["county"] or ""


def _city_phrasings(city: Region) -> list[str]:
    province, name, _ = _names(city)
    return [f"我是{province}{name}的，家里孩子上学有困难", f"老家{province}{name}", f"在{name}住"]


def _county_phrasings(county: Region) -> list[str]:
    province, city, name = _names(county)
    return [
        f"我家在{province}{name}，房子漏雨",
        f"老家是{city}{name}的" if city else f"老家是{province}{name}的",
        f"我们在{province}{city}{name}种地",
    ]


def _resolved(text: str) -> str | None:
    found = region_entity(text)
    return found["code"] if found else None


def test_every_prefecture_level_division_in_three_phrasings() -> None:
    wrong = [
        (text, _resolved(text))
        for city in CITIES
        for text in _city_phrasings(city)
        if _resolved(text) != city.code
    ]
    assert len(CITIES) > 300
    assert wrong == []


def test_three_hundred_counties_in_three_phrasings() -> None:
    wrong = [
        (text, _resolved(text))
        for county in COUNTIES
        for text in _county_phrasings(county)
        if _resolved(text) != county.code
    ]
    assert len(COUNTIES) == 300
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("在广东打工，老家在湖南邵阳，我妈病了", "430500"),
        ("我在北京上班，想帮老家四川广元的孩子", "510800"),
        ("我是襄樊的", "420600"),  # renamed 襄阳 in 2010
        ("凉山的娃没得钱读书", "513400"),
        ("黔东南那边", "522600"),
        ("我们是恩施山里的", "422800"),
        ("玉树这边下大雪了", "632700"),
        ("我家在镇雄", "530627"),  # a county on its own
        ("我是甘肃定西的，在兰州打工", "621100"),  # the home marker's own clause
        ("给大凉山的娃娃们捐点书", "513400"),
        ("俺们子长这边", "610681"),  # a short county name after a word that leads to it
        ("陕西延安子长", "610681"),  # ... or right after another place
        ("想给甘肃的孩子捐学费", "620000"),  # a province's short name anywhere
        ("甘肃省定西市通渭县城关镇东关村", "621121"),  # a township is not 城关区
        ("定西市安定区凤翔镇", "621102"),  # ... nor 凤翔 in Shaanxi
        ("我是通渭乡下的", "621121"),  # the countryside is no township
        # where someone works is not home
        ("我是东莞的，在深圳打工", "441900"),
        ("我在深圳打工老家是广西河池都安的", "451228"),
        ("老家在湖南邵阳 现在在东莞打工 家里老人病了", "430500"),  # 在 before the home
        ("陕西汉中镇巴", "610728"),  # 镇 that begins a county is no township marker
        # a province's name is the province, not a county or city elsewhere that shares it
        ("我是海南的渔民", "460000"),  # not 乌海's 海南区
        ("俺是河南的", "410000"),  # not 青海's 河南县
        ("老家吉林", "220000"),  # not 吉林市
        ("青海海南州", "632500"),  # ... unless another place says otherwise
        ("青海河南县", "632324"),
        # a city with no counties is as deep as an address goes
        ("我家在东莞", "441900"),
        ("儋州", "460400"),
        ("俺是济源的", "419001"),
    ],
)
def test_places_inside_sentences(text: str, code: str) -> None:
    assert _resolved(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("地里的花椒一颗都没结 汉源的", "511823"),  # after a space: a word of its own
        ("甘肃 定西", "621100"),  # names side by side, joined up
    ],
)
def test_a_short_name_after_a_space_stands_alone(text: str, code: str) -> None:
    assert _resolved(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "孩子长大了想上大学",  # 子长市
        "屋头老汉中风了躺在床上",  # 汉中市
        "屋头老汉 中风了 躺在床上",
        "我叫王秀英",  # 秀英区
        "好人一生平安",  # 平安区
        "俺家交不起合作医疗的钱了",  # 合作市
        "我们合作社可以包销土鸡蛋",
        "今年上高中了学费没着落",  # 上高县
        "在东莞打工的时候手被机器压断了现在回老家了",  # a workplace, not home
    ],
)
def test_no_place_inside_everyday_words(text: str) -> None:
    assert _resolved(text) is None


def test_a_city_without_counties_resolves_to_itself() -> None:
    for text in ("东莞", "儋州", "嘉峪关"):
        assert resolve_region(text).code is not None, text
    assert resolve_region("定西").code is None  # a city with counties: which one is asked


def test_a_citys_name_shared_with_counties_elsewhere_offers_the_city_first() -> None:
    assert resolve_region("西安").candidates == ("610100", "220403", "231005")  # not only 西安区
    assert resolve_region("中山").candidates == ("442000", "210202")  # had been 大连's 中山区
    assert resolve_region("吉林辽源西安区").code == "220403"
    assert resolve_region("甘肃定西安定区").code == "621102"


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("甘肃定西", True),
        ("四川", True),
        ("定西市那边的", True),
        ("黄山", False),  # one short name alone may be a person's
        ("成都爱心人士", False),
        ("张家口老李", False),
        ("我们是湖南邵阳隆回县的", True),  # framed as one's own
        ("我们家住在定西市", True),
        ("我是李明", False),
        ("重庆市酉阳县", True),  # 酉阳 is 酉阳土家族苗族自治县
        ("县里", False),
    ],
)
def test_a_text_that_says_only_a_place(text: str, only: bool) -> None:
    assert is_only_a_place(text) is only


@pytest.mark.parametrize(
    ("text", "deepest"),
    [
        ("我们家三个娃 男人在广东工地摔伤了", None),  # where he works, not where they live
        ("我闺女在郑州上大学 生活费不够", None),
        ("我在北京住院 老家甘肃定西", "621100"),
        ("在广东东莞打工，老家在湖南邵阳", "430500"),
        ("在新疆喀什疏附县孩子上学远", "653121"),  # home, then the child at school
        ("我们在昆明打工 老家是镇雄的", "530627"),
        ("我们是赣南的脐橙种植户 黄龙病把树全毁了", "360700"),  # 黄龙病 is a disease
    ],
)
def test_where_someone_works_or_studies_away_is_not_home(text: str, deepest: str | None) -> None:
    assert resolve_region(text).deepest == deepest
