"""What an organisation's application is checked for before anyone reads it: the
统一社会信用代码's check character (GB 32100) and places that exist."""

import pytest

from domain.organisations import Refused, checked_credit_code, region_codes


@pytest.mark.parametrize(
    "raw", ["91110000600037341L", " 9111 0000 6000 3734 1l ", "51621100501234567A"]
)
def test_valid_credit_codes_are_kept_compact_and_upper_case(raw: str) -> None:
    assert checked_credit_code(raw) == "".join(raw.split()).upper()


@pytest.mark.parametrize(
    "raw", ["91110000600037341M", "9111000060003734", "9111000060003734IO", "", "统一社会信用代码"]
)
def test_wrong_check_character_length_or_letters_are_refused(raw: str) -> None:
    with pytest.raises(Refused, match="统一社会信用代码不对"):
        checked_credit_code(raw)


def test_places_at_any_level_resolve_and_unknown_ones_are_named() -> None:
    assert region_codes("甘肃定西、临夏州，通渭县 定西") == ["621100", "622900", "621121"]
    with pytest.raises(Refused, match="没有找到地区“火星”"):
        region_codes("甘肃, 火星")
    with pytest.raises(Refused, match="请写上机构服务的地区"):
        region_codes(" 、 ")
