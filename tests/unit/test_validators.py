from datetime import date

import pytest

from nlu.validators import (
    Invalid,
    find_household_size,
    id_check_char,
    mask_id_number,
    mask_name,
    mask_phone,
    parse_household_size,
    validate_id_number,
    validate_mobile,
)


def with_check(first17: str) -> str:
    return first17 + id_check_char(first17)


def test_public_gb11643_example_is_valid() -> None:
    assert validate_id_number("11010519491231002X") == "11010519491231002X"


@pytest.mark.parametrize(
    "raw",
    [
        "11010519491231002x",
        " 110105 19491231 002X ",
        "１１０１０５１９４９１２３１００２Ｘ",
        "我的身份证号是11010519491231002X",
        "11010519491231002X 这是我老伴的",
        "一一零一零五一九四九一二三一零零二叉",  # read aloud, 叉 for X
        "11010519491231002X 13800138000",
        "11010519491231002X12",  # a disability certificate's number: category 1, grade 2
        "残疾证号 11010519491231002X 43",
    ],
)
def test_id_number_is_normalised(raw: str) -> None:
    from nlu.text import normalise_text

    assert validate_id_number(normalise_text(raw)) == "11010519491231002X"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("110105194912310021", "id_checksum"),
        ("1101051949123100", "id_format"),
        ("11010519491231002Y", "id_format"),
        ("abc", "id_format"),
        ("11010519491231002X85", "id_format"),  # no disability category 8
        (with_check("11010519490231002"), "id_birth_date"),  # 31 February
        (with_check("11010521991231002"), "id_birth_date"),  # born in the future
        (with_check("11010518001231002"), "id_birth_date"),  # older than 120
        (with_check("99010519491231002"), "id_region"),  # no province 99
        (with_check("62990019491231002"), "id_region"),  # no city 6299
    ],
)
def test_invalid_id_numbers_say_why(raw: str, reason: str) -> None:
    with pytest.raises(Invalid) as caught:
        validate_id_number(raw, today=date(2026, 11, 23))
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    "first17",
    [
        "11010319800101003",  # 崇文区, merged into 东城区 in 2010
        "52242219520315002",  # 大方县 of 毕节地区, a city since 2011 (520521)
        "52222919601001002",  # 松桃县 of 铜仁地区, a city since 2011
        "34260119700101002",  # 巢湖市, a prefecture until 2011
    ],
)
def test_codes_that_existed_once_are_accepted(first17: str) -> None:
    """ID cards keep the address code they were issued with, however the map changed."""
    number = with_check(first17)
    assert validate_id_number(number) == number


@pytest.mark.parametrize(
    "raw",
    [
        "13800138000",
        "138 0013 8000",
        "+86 138-0013-8000",
        "(+86)13800138000",
        "8613800138000",
        "13800138000 这是我儿子的",
        "我儿子的电话13800138000",
    ],
)
def test_mobile_numbers_are_normalised(raw: str) -> None:
    assert validate_mobile(raw) == "13800138000"


@pytest.mark.parametrize(
    "raw", ["12345678901", "010-12345678", "1380013800", "138001380001", "电话"]
)
def test_invalid_mobile_numbers_are_refused(raw: str) -> None:
    with pytest.raises(Invalid):
        validate_mobile(raw)


@pytest.mark.parametrize("raw", ["0851-85551234", "我没有手机，座机行吗 0851-85551234"])
def test_a_landline_is_told_apart(raw: str) -> None:
    with pytest.raises(Invalid) as caught:
        validate_mobile(raw)
    assert caught.value.reason == "phone_landline"


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("5", 5),
        ("5口人", 5),
        ("五口", 5),
        ("俺家4个人", 4),
        ("就我一个", 1),
        ("十二口人", 12),
        ("俩人", 2),
        ("三代同堂七个人", 7),  # the number of people, not of generations
        ("我和老伴", 2),
        ("俺跟孙子", 2),
        ("我们娘仨", 3),
        ("就我和老伴两个", 2),  # not 就我 (alone)
        ("就俺俩", 2),
        ("家里就我跟孙子", 2),
        ("就我一个人带俩娃", 3),
        ("俺跟两个孙子", 3),
        ("我自己和两个娃", 3),  # not 我自己 (alone)
        ("我自己带两个孩子", 3),
        # counted groups, all told, and members one after another
        ("两个大人三个小孩", 5),
        ("夫妻俩加两个孩子", 4),
        ("老的小的一共七个", 7),
        ("爷爷奶奶爸爸妈妈和我", 5),
    ],
)
def test_household_size(text: str, size: int) -> None:
    assert parse_household_size(text) == size


@pytest.mark.parametrize("text", ["0", "五十", "很多", "🙂"])
def test_household_size_out_of_range_or_unreadable(text: str) -> None:
    with pytest.raises(Invalid):
        parse_household_size(text)


@pytest.mark.parametrize("text", ["我家三代人", "三代同堂", "四世同堂"])
def test_generations_are_no_household_size(text: str) -> None:
    with pytest.raises(Invalid) as raised:
        parse_household_size(text)
    assert raised.value.reason == "household_size_generations"
    assert parse_household_size(text + "，一共七口人") == 7


def test_masks_keep_only_what_identifies_nothing() -> None:
    assert mask_id_number("11010519491231002X") == "1101**********002X"
    assert mask_phone("13800138000") == "138****8000"
    assert mask_name("王秀英") == "王**"


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("家里五口人，就我一个人挣钱", 5),
        ("俺家4个人，只有我能干活", 4),
        ("就我一个", 1),
        ("只有我自己", 1),
        ("家里一共六口人", 6),
        ("就俺跟孙女两个人", 2),
        ("就我跟老伴俩", 2),
        ("我们一家五个", 5),
        # everyone named, one by one or counted
        ("我跟老伴还有俩孙子", 4),
        ("我和老伴带着两个孙子", 4),
        ("我、老伴、儿子、儿媳", 4),
        ("家里有我、我妈和两个孩子", 4),
        ("老两口和一个孙女", 3),
        ("一家子三个人", 3),
        # one member counted without a number, and who they live with said after
        ("老两口带个孙子", 3),
        ("我们老两口 还有个孙子跟着我们", 3),  # not 2, nor 5 for each 我 in the text
        ("我和老伴还有儿子和我们一起住", 3),
    ],
)
def test_household_size_is_the_family_stated(text: str, size: int) -> None:
    assert parse_household_size(text) == size


@pytest.mark.parametrize(
    "raw",
    [
        "一三九一二三四五六七八",
        "幺三九 一二三四 五六七八",
        "139-1234-5678",
        # read out in groups inside a sentence
        "电话是一三九 一二三四 五六七八",
        "手机一三九-一二三四-五六七八 谢谢",
    ],
)
def test_mobile_said_in_chinese_digits(raw: str) -> None:
    assert validate_mobile(raw) == "13912345678"


def test_a_family_counted_in_a_sentence_is_its_size_but_not_its_children() -> None:
    assert find_household_size("我们一家六个，住在山上") == 6
    assert find_household_size("一家四个孩子都在上学") is None
    assert find_household_size("我家又多了一口人 添了个孙子") is None  # how many came
    # a couple inside a story is not the household (their child makes three); alone it is
    assert find_household_size("要去昆明做康复训练 我们两口子在工地打零工") is None
    assert parse_household_size("我们两口子") == parse_household_size("老两口") == 2
    assert find_household_size("两口子") == find_household_size("家里就我们老两口") == 2


def test_a_whole_answer_listing_the_household_is_its_size() -> None:
    assert find_household_size("我自己和两个娃") == 3
    assert find_household_size("我跟老伴还有俩孙子") == 4
    assert find_household_size("我想帮我和两个娃申请") is None
    assert find_household_size("家里就我们两个人靠低保过日子") == 2
    assert find_household_size("老两口带三个孙子") == 5  # not the 两口 of 老两口


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("俺和孙子两个人", 2),
        ("就俺两个老的", 2),
        ("我们三个", 3),
        ("就我们两个老的", 2),
        ("家里有我 娃他爹 还有两个娃", 4),  # the children's father is one of them
    ],
)
def test_a_whole_answer_counting_who_lives_there_is_its_size(text: str, size: int) -> None:
    assert find_household_size(text) == parse_household_size(text) == size


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("屋里头四个人 我 老婆 两个娃", 4),
        ("家里头五个人", 5),
        ("屋头三个人", 3),
        ("就俺老两口", 2),  # had been 3
        ("我和老伴两口子 还有孙子", 3),  # the couple named twice (had been 5)
        ("老两口带三个孙子", 5),
        ("五个人 两个老人 我们两口子 一个娃", 5),  # the size first, then who
        ("屋里就剩我自己一个", 1),
    ],
)
def test_sizes_said_in_dialect_and_a_couple_named_twice(text: str, size: int) -> None:
    assert find_household_size(text) == size


def test_two_counted_after_me_alone_are_two() -> None:
    assert parse_household_size("就俺两个老的") == 2  # not 就俺 (alone)
    assert parse_household_size("就俺一个") == 1
    assert find_household_size("我和老公两个人在外打工 家里还有三个孩子") is None
    assert find_household_size("我们两个人都病了") is None  # two of the family, maybe


def test_a_run_of_family_words_is_read_in_one_pass() -> None:
    """妈妈妈妈… can be split into members in exponentially many ways; the list is read left
    to right, so this returns at once (a pattern that tried every split would not)."""
    assert find_household_size("妈" * 60 + "啊") is None
    assert find_household_size("爷爷奶奶爸爸妈妈和我") == 5
