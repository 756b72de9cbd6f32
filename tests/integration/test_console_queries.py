"""The console's SQL on both databases: the queue's filters, sort and pages, and the
statistics (grouped counts, the funnel, amounts, medians in days)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import true

from storage import crypto
from storage.db import Database
from storage.models import (
    Case,
    CaseStatus,
    Checkin,
    CheckinStatus,
    HouseholdProfile,
    Match,
    MatchRun,
    MatchStatus,
    NeedType,
    Pledge,
    ResourceKind,
    User,
    utcnow,
)
from storage.queue import CaseFilter, case_page
from storage.social_work import in_regions
from storage.statistics import Range, checkin_statistics, statistics
from tests.support.config import TEST_KEY

TONGWEI, ZHAOYANG = "621121", "530602"


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    crypto.configure(TEST_KEY)
    db = Database()
    db.configure(database_url)
    yield db
    db.dispose()


def _seed(db: Database) -> None:
    """Six cases in 通渭县 submitted 1..6 days ago (the odd ones flagged, two verified after
    1 and 3 days, one matched and delivered), and one in 昭阳区."""
    now = utcnow()
    with db.session() as session:
        user = User(openid="o_seed")
        session.add(user)
        session.flush()
        profile = HouseholdProfile(user_id=user.id, region_code=TONGWEI, household_size=3)
        session.add(profile)
        session.flush()
        for day in range(1, 7):
            submitted = now - timedelta(days=day)
            verified = {2: 1, 4: 3}.get(day)
            session.add(
                Case(
                    user_id=user.id,
                    profile_id=profile.id,
                    need_type=NeedType.MEDICAL if day % 2 else NeedType.EDUCATION,
                    description="x",
                    amount_needed=1000 * day,
                    region_code=TONGWEI,
                    status=CaseStatus.VERIFIED if verified else CaseStatus.SUBMITTED,
                    submitted_at=submitted,
                    verified_at=submitted + timedelta(days=verified) if verified else None,
                    flags=[{"code": "age", "reason": "r"}] if day % 2 else [],
                    poverty_cause="因病" if day % 2 else None,
                )
            )
        session.add(
            Case(
                user_id=user.id,
                profile_id=profile.id,
                need_type=NeedType.HOUSING,
                description="x",
                amount_needed=500,
                region_code=ZHAOYANG,
                submitted_at=now - timedelta(days=1),
            )
        )
        pledge = Pledge(donor_id=user.id, kind=ResourceKind.MONEY, amount=3000)
        run = MatchRun(run_key="r")
        session.add_all([pledge, run])
        session.flush()
        session.add(
            Match(
                case_id=2,
                pledge_id=pledge.id,
                run_id=run.id,
                amount=1500,
                status=MatchStatus.DELIVERED,
                reason="r",
                created_at=now - timedelta(days=1),
                delivered_at=now,
            )
        )


def test_queue_filters_sort_and_pages(database: Database) -> None:
    _seed(database)
    tongwei = in_regions(["621121"])
    with database.session() as session:
        waiting = case_page(session, tongwei, CaseFilter(), 1, 3)
        assert (waiting.total, waiting.pages) == (4, 2)
        assert [c.id for c in waiting.rows] == [6, 5, 3]  # waited longest first
        assert [c.id for c in case_page(session, tongwei, CaseFilter(), 2, 3).rows] == [1]
        flagged = CaseFilter(statuses=(), flagged=True, sort="newest")
        assert [c.id for c in case_page(session, tongwei, flagged, 1, 10).rows] == [1, 3, 5]
        old = CaseFilter(statuses=(), min_days=4, need_type=NeedType.EDUCATION)
        assert [c.id for c in case_page(session, tongwei, old, 1, 10).rows] == [6, 4]
        by_number = CaseFilter(case_id=7)
        assert case_page(session, tongwei, by_number, 1, 10).total == 0  # out of scope
        assert case_page(session, true(), by_number, 1, 10).total == 1
        richest = CaseFilter(statuses=(), sort="amount")
        assert case_page(session, tongwei, richest, 1, 1).rows[0].id == 6


def test_statistics_in_scope(database: Database) -> None:
    _seed(database)
    span = Range(utcnow() - timedelta(days=30), utcnow())
    figures = statistics(database, in_regions(["621121"]), span, whole_platform=False)
    everything = statistics(database, true(), span, whole_platform=True)
    recent = statistics(
        database, true(), Range(utcnow() - timedelta(days=2, hours=1), utcnow()), True
    )
    assert figures["cases"] == 6 and everything["cases"] == 7
    assert figures["by_need_type"] == {"medical": 3, "education": 3}
    assert figures["by_poverty_cause"] == {"因病": 3, "unknown": 3}
    assert figures["by_province"] == {"62": 6} and everything["by_province"]["53"] == 1
    assert figures["funnel"] == {"submitted": 6, "verified": 2, "matched": 0, "delivered": 0}
    assert figures["yuan_needed"] == 21000 and figures["yuan_pledged"] is None
    assert everything["yuan_pledged"] == 3000
    assert (figures["yuan_matched"], figures["yuan_delivered"]) == (1500, 1500)
    assert figures["median_days_to_verification"] == 2.0  # 1 and 3 days
    assert figures["median_days_to_match"] == 1.0  # case 2: submitted 2 days ago, matched 1
    assert figures["median_days_to_delivery"] == 2.0
    assert recent["cases"] == 3  # submitted in the last two days


def test_check_in_statistics_by_latest_round_and_caught_early(database: Database) -> None:
    _seed(database)
    rounds = [  # (case, round, status, risk)
        (1, 1, CheckinStatus.COMPLETED, "at_risk"),
        (1, 2, CheckinStatus.COMPLETED, "stable"),  # caught early
        (2, 1, CheckinStatus.COMPLETED, "watch"),
        (3, 1, CheckinStatus.COMPLETED, "stable"),
        (3, 2, CheckinStatus.MISSED, None),  # not answered: round 1 still counts
        (4, 1, CheckinStatus.COMPLETED, "at_risk"),
        (7, 1, CheckinStatus.COMPLETED, "at_risk"),  # 昭阳区: out of the scope below
    ]
    with database.session() as session:
        for case_id, number, status, risk in rounds:
            session.add(
                Checkin(
                    case_id=case_id,
                    user_id=1,
                    round=number,
                    status=status,
                    risk=risk,
                    due_at=utcnow(),
                    finished_at=utcnow() - timedelta(days=number),
                )
            )
    with database.session() as session:
        span = Range(utcnow() - timedelta(days=30), utcnow())
        found = checkin_statistics(session, in_regions(["621121"]), span)
        recent = checkin_statistics(
            session, true(), Range(utcnow() - timedelta(hours=36), utcnow())
        )
    assert found["households"] == 4
    assert found["by_risk"] == {"stable": 2, "watch": 1, "at_risk": 1}
    assert found["by_province"] == {"62": {"stable": 2, "watch": 1, "at_risk": 1}}
    assert found["by_poverty_cause"]["因病"] == {"stable": 2}  # cases 1 and 3
    assert found["caught_early"] == 1
    assert recent["by_risk"] == {"at_risk": 3, "watch": 1, "stable": 1}  # round 1s only
