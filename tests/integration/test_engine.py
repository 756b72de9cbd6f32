"""The conversation engine on its own: flows driven turn by turn against SQLite in memory, a
real Redis database and the keyword interpreter (no Rasa, no webhook): back, edit, cancel,
three failures, a scheduled start, and the registry that finds the flows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

import compose
import messages as msg
from config.settings import Settings
from conversation import registry
from conversation.engine import Conversation, Services
from conversation.scheduled import first_question
from conversation.state import user_lock
from nlu.text import normalise_text
from storage.models import (
    Base,
    Case,
    CaseStatus,
    HouseholdProfile,
    Match,
    MatchRun,
    MatchStatus,
    NeedType,
    Pledge,
    PledgeStatus,
    ResourceKind,
    User,
)
from tests.support.chat import HOUSEHOLD_ANSWERS
from tests.support.config import TEST_KEY

UNREACHABLE_NLU = "http://127.0.0.1:9"  # refused at once: the keyword interpreter answers


@pytest.fixture
def services(redis_url: str) -> Iterator[Services]:
    built = compose.build(
        Settings(
            env="test",
            database_url="sqlite://",
            redis_url=redis_url,
            nlu_url=UNREACHABLE_NLU,
            nlu_timeout_seconds=0.2,
            data_encryption_key=TEST_KEY,
        )
    )
    Base.metadata.create_all(built.db.engine)
    yield built
    compose.close(built)


def say(services: Services, text: str, openid: str = "o_engine") -> str:
    with services.db.session() as session:
        conversation = Conversation(services, session, openid)
        reply = conversation.outcome(conversation.reply_to_text(normalise_text(text))).reply
    assert reply is not None
    return reply


def test_back_returns_to_the_previous_question(services: Services) -> None:
    assert "同意" in say(services, "我想求助")  # keyword interpreter: seek_help
    assert "哪方面" in say(services, "同意")
    assert "情况" in say(services, "1")
    assert "哪方面" in say(services, "返回")
    assert "情况" in say(services, "医疗")


def test_edit_changes_one_answer_and_returns_to_the_summary(services: Services) -> None:
    say(services, "我想求助")
    for answer in HOUSEHOLD_ANSWERS:
        reply = say(services, answer)
    assert "请核对" in reply and "5 口人" in reply
    edit_menu = say(services, "修改")
    number = next(
        line.split()[0] for line in edit_menu.splitlines() if line.split()[1:2] == ["家庭人口：5"]
    )
    assert "几口人" in say(services, number)
    summary = say(services, "三口人")
    assert "3 口人" in summary and "请核对" in summary


def test_cancel_keeps_nothing(services: Services) -> None:
    say(services, "我想求助")
    say(services, "同意")
    assert msg.CANCELLED == say(services, "算了，不弄了")
    assert services.store.load("o_engine") is None
    assert msg.NOTHING_UNDER_WAY + msg.MENU == say(services, "取消")


def test_giving_up_in_one_breath_at_a_question_cancels(services: Services) -> None:
    say(services, "我想求助")
    for answer in HOUSEHOLD_ANSWERS[:4]:
        say(services, answer)  # now at the region question
    assert msg.CANCELLED == say(services, "算了不弄了")
    assert services.store.load("o_engine") is None


def test_third_failure_offers_a_person(services: Services) -> None:
    say(services, "我想求助")
    for answer in HOUSEHOLD_ANSWERS[:5]:
        say(services, answer)  # now at the household size question
    replies = [say(services, "很多") for _ in range(3)]
    assert all(msg.BAD_HOUSEHOLD_SIZE in reply for reply in replies)
    assert msg.OFFER_PERSON not in replies[1] and msg.OFFER_PERSON in replies[2]


def _delivered_match(services: Services) -> tuple[int, int]:
    with services.db.session() as session:
        household = User(openid="o_rated")
        session.add(household)
        session.flush()
        profile = HouseholdProfile(user_id=household.id, region_code="621121", household_size=3)
        session.add(profile)
        session.flush()
        case = Case(
            user_id=household.id,
            profile_id=profile.id,
            need_type=NeedType.LIVING,
            description="棉被",
            region_code="621121",
            status=CaseStatus.DELIVERED,
        )
        pledge = Pledge(
            donor_id=household.id,
            kind=ResourceKind.GOODS,
            item_description="棉被",
            status=PledgeStatus.FULFILLED,
        )
        run = MatchRun(run_key="engine-test")
        session.add_all([case, pledge, run])
        session.flush()
        match = Match(
            case_id=case.id,
            pledge_id=pledge.id,
            run_id=run.id,
            reason="同县",
            status=MatchStatus.DELIVERED,
        )
        session.add(match)
        session.flush()
        return household.id, match.id


def test_a_scheduled_flow_asks_first_and_reads_the_answer(services: Services) -> None:
    household_id, match_id = _delivered_match(services)
    with services.db.session() as session:
        household = session.get(User, household_id)
        assert household is not None
        question = first_question(
            services, household, "rating", {"match_id": match_id, "case": "Q000001"}
        )
    assert question is not None and "1 到 5 分" in question
    assert msg.FOLLOWUP_THANKS == say(services, "4分 棉被很暖和", openid="o_rated")
    with services.db.session() as session:
        match = session.scalars(select(Match)).one()
    assert (match.rating, match.feedback, match.status) == (4, "棉被很暖和", MatchStatus.CLOSED)


def test_a_scheduled_flow_waits_while_the_user_is_in_another(services: Services) -> None:
    household_id, match_id = _delivered_match(services)
    say(services, "我想求助", openid="o_rated")
    with services.db.session() as session:
        household = session.get(User, household_id)
        assert household is not None
        slots = {"match_id": match_id, "case": "Q000001"}
        assert first_question(services, household, "rating", slots) is None


def test_a_scheduled_flow_waits_while_a_message_of_the_user_is_handled(
    services: Services,
) -> None:
    """A message's turn holds the user's lock: the flow neither overwrites what the turn
    saves nor is overwritten by it; it starts once the lock is given back."""
    household_id, match_id = _delivered_match(services)
    slots = {"match_id": match_id, "case": "Q000001"}
    turn = services.store.lock("o_rated", 1)
    assert turn.acquire()
    with services.db.session() as session:
        household = session.get(User, household_id)
        assert household is not None
        assert first_question(services, household, "rating", slots) is None
        assert services.store.load("o_rated") is None
        turn.release()
        assert first_question(services, household, "rating", slots) is not None
    saved = services.store.load("o_rated")
    assert saved is not None and saved.flow == "rating"
    assert services.redis.get(user_lock("o_rated")) is None


def test_the_registry_finds_every_flow_and_command() -> None:
    flows = registry.flows()
    assert {"help", "help_on_behalf", "pledge", "handoff", "delete", "rating", "complaint"} <= set(
        flows
    )
    assert registry.flow_for_intent("seek_help") is flows["help"]
    assert registry.flow_for_menu("pledge") is flows["pledge"]
    assert registry.flow_for_keyword("我要投诉") is flows["complaint"]
    assert registry.flow_for_worker_command("代办") is flows["help_on_behalf"]
    priorities = [command.priority for command in registry.commands()]
    assert priorities == sorted(priorities, reverse=True) and len(priorities) > 10
