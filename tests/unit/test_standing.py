"""The organisation score's formula and the standing its rule proposes (domain.standing)."""

import pytest

from domain.standing import Score


def test_no_record_is_no_score_and_good_standing() -> None:
    empty = Score({"on_time": None, "goals": None, "ratings": None, "verification": None}, 0, 0)
    assert empty.value is None and empty.proposed == "good"


def test_the_score_is_the_weighted_mean_of_the_parts_on_record_less_complaints() -> None:
    parts = {"on_time": 1.0, "goals": 0.75, "ratings": 0.75, "verification": None}
    assert Score(parts, 0, 0).value == round(100 * (0.25 + 0.225 + 0.1875) / 0.8)  # 83
    assert Score(parts, 2, 0).value == 63  # two complaints upheld
    assert Score({**parts, "on_time": 0.0}, 9, 1).value == 0  # never below 0


@pytest.mark.parametrize(
    ("on_time", "complaints", "late", "proposed"),
    [
        (1.0, 0, 0, "good"),
        (1.0, 3, 0, "watch"),
        (1.0, 0, 1, "watch"),
        (0.0, 3, 1, "suspended"),
        (1.0, 0, 2, "suspended"),
    ],
)
def test_the_rule_proposes_a_standing(
    on_time: float, complaints: int, late: int, proposed: str
) -> None:
    parts = {"on_time": on_time, "goals": 0.75, "ratings": 0.75, "verification": None}
    assert Score(parts, complaints, late).proposed == proposed
