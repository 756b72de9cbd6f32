import pytest

from domain.cases import poverty_cause_of, urgency_of


@pytest.mark.parametrize(
    ("need", "description", "cause"),
    [
        ("medical", "老伴透析好几年", "因病"),
        ("living", "我腿残疾干不了活", "因残"),
        ("education", "娃考上高中学费不够", "因学"),
        ("housing", "地震把房子震裂了", "因灾"),
        ("production", "想养牛没有本钱", "缺资金"),
        ("housing", "房子漏雨", None),
    ],
)
def test_poverty_cause_first_reading(need: str, description: str, cause: str | None) -> None:
    assert poverty_cause_of(need, description) == cause


@pytest.mark.parametrize(
    ("need", "description", "urgency"),
    [
        ("medical", "孩子住院急需手术", 3),
        ("disaster", "房子被冲了", 3),
        ("education", "学费差两千", 2),
        ("production", "想养几头羊", 1),
    ],
)
def test_urgency(need: str, description: str, urgency: int) -> None:
    assert urgency_of(need, description) == urgency
