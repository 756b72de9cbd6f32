"""The matcher in the running system: proposals through the chat and the outbox, the match
lifecycle, and never over-allocating (overlapping runs, a retried job, a killed worker)."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner
from redis import Redis
from rq import Queue
from sqlalchemy import func, select, update

import messages as msg
from config.queues import MATCHER_QUEUE, RUN_MATCHER
from config.settings import PROJECT_ROOT, Settings
from domain.matches import decline
from jobs.conversations import start_due_flows
from jobs.matching import LEASE_KEY, match_once, run_matcher
from jobs.reminders import expire_pledges
from storage.db import Database
from storage.models import (
    Case,
    CaseStatus,
    HouseholdProfile,
    Match,
    MatchStatus,
    NeedType,
    Pledge,
    PledgeStatus,
    ResourceKind,
    ScheduledFlow,
    User,
    utcnow,
)
from tests.support.chat import file_case, money_match_proposed, pushed_texts, run_worker
from tests.support.wechat import WeChatUser

TONGWEI = "621121"


def verified_case_via_chat(household: WeChatUser, worker: WeChatUser) -> str:
    number = file_case(household)  # 20000 yuan, medical, 通渭县
    assert "已核实" in worker.say(f"核实 {number}")
    return number


def seed(database: Database, cases: int, pledges: int) -> None:
    """Verified cases and open pledges written directly (for the concurrency tests)."""
    with database.session() as session:
        user = User(openid="o_seed")
        session.add(user)
        session.flush()
        profile = HouseholdProfile(user_id=user.id, region_code=TONGWEI, household_size=3)
        session.add(profile)
        session.flush()
        for i in range(cases):
            session.add(
                Case(
                    user_id=user.id,
                    profile_id=profile.id,
                    need_type=NeedType.MEDICAL,
                    description="x",
                    amount_needed=1000 + (i % 7) * 300,
                    region_code=TONGWEI,
                    urgency=1 + i % 3,
                    status=CaseStatus.VERIFIED,
                )
            )
        for i in range(pledges):
            session.add(
                Pledge(
                    donor_id=user.id,
                    kind=ResourceKind.MONEY,
                    need_type=None if i % 2 else NeedType.MEDICAL,
                    amount=800 + (i % 5) * 500,
                    region_pref=None if i % 3 else TONGWEI,
                )
            )


def assert_never_over_allocated(database: Database) -> None:
    with database.session() as session:
        booked = dict(
            session.execute(
                select(Match.pledge_id, func.sum(Match.amount))
                .where(Match.status != MatchStatus.DECLINED)
                .group_by(Match.pledge_id)
            ).all()
        )
        for pledge in session.scalars(select(Pledge)):
            assert pledge.amount_allocated == booked.get(pledge.id, 0)
            assert pledge.amount_allocated <= (pledge.amount or 0)
        received = dict(
            session.execute(
                select(Match.case_id, func.sum(Match.amount))
                .where(Match.status != MatchStatus.DECLINED)
                .group_by(Match.case_id)
            ).all()
        )
        for case in session.scalars(select(Case)):
            assert case.amount_matched == received.get(case.id, 0)
            assert case.amount_matched <= (case.amount_needed or 0)


def test_proposal_confirm_deliver_rate(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    redis_url: str,
    dingxi_worker: WeChatUser,
) -> None:
    case_number = verified_case_via_chat(household, dingxi_worker)
    donor.conversation("我想捐五千", "1", "甘肃定西通渭县", "匿名", "不留", "确认")
    run_worker(redis_url)  # the pledge triggered the matcher; the outbox tells the worker
    proposal = next(m["content"] for m in dingxi_worker.pushed() if "配对建议" in m["content"])
    assert case_number in proposal and "5000 元" in proposal and "同县" in proposal
    match = proposal.split("配对建议 ")[1][:7]
    assert "已确认" in dingxi_worker.say(f"确认 {match}")
    run_worker(redis_url)
    to_donor = [m["content"] for m in donor.pushed()]
    assert any("甘肃省定西市" in t and "5000 元" in t for t in to_donor)
    assert not any("通渭" in t or "王秀英" in t for t in to_donor)  # city level, no identity
    assert any("找到帮助（5000 元）" in m["content"] for m in household.pushed())
    assert "已记录送达" in dingxi_worker.say(f"送达 {match} 已买好药送到家")
    run_worker(redis_url)
    assert any("已买好药送到家" in m["content"] for m in donor.pushed())
    assert start_due_flows() == 0  # not due yet
    make_ratings_due(app)
    assert start_due_flows() == 1
    assert start_due_flows() == 0  # asked once
    assert any("1 到 5 分" in m["content"] for m in household.pushed())
    household.standin.state.user_wrote(household.openid)
    assert "谢谢您的评价" in household.say("5分 药收到了，谢谢好心人")
    with app.extensions["zhulian"].services.db.session() as session:
        row = session.scalars(select(Match)).one()
        case = session.scalars(select(Case)).one()
    assert (row.status, row.rating, row.feedback) == (MatchStatus.CLOSED, 5, "药收到了，谢谢好心人")
    assert (case.status, case.amount_matched) == (CaseStatus.PARTLY_MATCHED, 5000)


def make_ratings_due(app: Flask) -> None:
    with app.extensions["zhulian"].services.db.session() as session:
        session.execute(update(ScheduledFlow).values(due_at=utcnow() - timedelta(minutes=1)))


def rating_asked(
    app: Flask, household: WeChatUser, donor: WeChatUser, worker: WeChatUser, redis_url: str
) -> None:
    """A money match proposed, confirmed and delivered, and its rating question asked."""
    number = money_match_proposed(household, donor, worker, redis_url)
    worker.say(f"确认 {number}")
    worker.say(f"送达 {number} 已送到")
    make_ratings_due(app)
    assert start_due_flows() == 1


def test_menu_number_during_a_rating_question_is_not_a_rating(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    redis_url: str,
    dingxi_worker: WeChatUser,
) -> None:
    rating_asked(app, household, donor, dingxi_worker, redis_url)
    assert "请回复数字选择" in household.say("菜单")  # leaves the rating question
    assert "哪方面" in household.say("1")  # 我要求助, not a rating of 1
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Match)).one().rating is None


def test_decline_restores_amounts_and_is_not_proposed_again(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    redis_url: str,
    dingxi_worker: WeChatUser,
) -> None:
    match = money_match_proposed(household, donor, dingxi_worker, redis_url)
    assert "写上原因" in dingxi_worker.say(f"拒绝 {match}")
    assert "退回认捐" in dingxi_worker.say(f"拒绝 {match} 家属已经筹到钱了")
    run_worker(redis_url)  # the matcher runs again and must not propose the pair again
    with app.extensions["zhulian"].services.db.session() as session:
        matches = list(session.scalars(select(Match)))
        pledge = session.scalars(select(Pledge)).one()
        case = session.scalars(select(Case)).one()
    assert [m.status for m in matches] == [MatchStatus.DECLINED]
    assert (pledge.amount_allocated, pledge.status) == (0, PledgeStatus.OPEN)
    assert (case.amount_matched, case.status) == (0, CaseStatus.VERIFIED)


def test_donor_cancels_what_is_not_allocated(app: Flask, donor: WeChatUser) -> None:
    donor.conversation("我想捐五千", "1", "不限", "匿名", "不留", "确认")
    assert "5000 元" in donor.say("取消认捐 J000001")
    assert "没有找到" in donor.other("o_someone_else").say("取消认捐 J000001")
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Pledge)).one().status == PledgeStatus.CANCELLED


def test_donor_changes_the_sum_of_an_open_pledge(app: Flask, donor: WeChatUser) -> None:
    donor.conversation("我想捐五千", "1", "不限", "匿名", "不留", "确认")
    assert donor.say("我想把金额改成三千") == msg.PLEDGE_AMOUNT_CHANGED.format(
        pledge="J000001", amount=3000
    )
    assert "没有找到" in donor.say("J000002 金额改成3000")
    assert "可以改金额" in donor.other("o_someone_else").say("认捐金额改成3000")
    assert "可以改金额" in donor.other("o_someone_else").say("我的认捐能改成两千吗")
    assert donor.say("我想把捐款改成捐物资") == msg.PLEDGE_KIND_FIXED  # the way stays
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Pledge)).one().amount == 3000


def test_a_sum_below_what_is_promised_is_refused(
    app: Flask, household: WeChatUser, donor: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    case = file_case(household)  # 20000 needed
    dingxi_worker.say(f"核实 {case}")
    donor.conversation("我想捐三万", "1", "不限", "匿名", "不留", "确认")
    run_worker(redis_url)  # 20000 of the 30000 promised to the case
    assert "不能少于 20000 元" in donor.say("把捐款改成一万")
    assert "改成 25000 元" in donor.say("把捐款改成两万五")
    with app.extensions["zhulian"].services.db.session() as session:
        pledge = session.scalars(select(Pledge)).one()
    assert (pledge.amount, pledge.amount_allocated) == (25000, 20000)


def test_pledges_expire_with_a_reminder_first(app: Flask, donor: WeChatUser) -> None:
    donor.conversation("我想捐五千", "1", "不限", "匿名", "不留", "确认")
    database = app.extensions["zhulian"].services.db
    with database.session() as session:
        session.execute(update(Pledge).values(expires_at=utcnow() + timedelta(days=3)))
    assert expire_pledges() == 1  # the reminder
    assert expire_pledges() == 0
    with database.session() as session:
        session.execute(update(Pledge).values(expires_at=utcnow() - timedelta(minutes=1)))
    assert expire_pledges() == 1
    with database.session() as session:
        assert session.scalars(select(Pledge)).one().status == PledgeStatus.EXPIRED
    assert run_matcher() == 0  # an expired pledge is never matched


def test_overlapping_runs_never_over_allocate(app: Flask) -> None:
    database = app.extensions["zhulian"].services.db
    seed(database, cases=60, pledges=40)
    results: list[int] = []
    errors: list[BaseException] = []

    def run(key: str) -> None:
        try:
            results.append(match_once(database, key))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(f"overlap-{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and sum(results) > 0
    assert_never_over_allocated(database)


def test_a_retried_job_does_nothing(app: Flask) -> None:
    database = app.extensions["zhulian"].services.db
    seed(database, cases=10, pledges=10)
    first = match_once(database, "job-1")
    with database.session() as session:
        session.execute(update(Case).values(amount_needed=Case.amount_needed + 500))
    assert first > 0 and match_once(database, "job-1") == 0
    assert_never_over_allocated(database)


def test_a_burst_of_matcher_jobs_is_folded_into_one_run(
    app: Flask, redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Jobs queued before a run began planning are covered by it and skip."""
    caplog.set_level(logging.INFO, logger="jobs.matching")
    database = app.extensions["zhulian"].services.db
    seed(database, cases=5, pledges=5)
    with Redis.from_url(redis_url) as connection:
        queue = Queue(MATCHER_QUEUE, connection=connection)
        jobs = [queue.enqueue(RUN_MATCHER, f"burst-{i}") for i in range(4)]
        run_worker(redis_url)
        written = [job.latest_result().return_value for job in jobs]  # type: ignore[union-attr]
    assert written[0] > 0 and written[1:] == [0, 0, 0]
    assert caplog.text.count("covered it; skipping") == 3


def test_changes_made_while_a_run_is_queued_queue_no_second_run(
    donor: WeChatUser, redis_url: str
) -> None:
    pledge = ("我想捐五千", "1", "不限", "匿名", "不留", "确认")
    with Redis.from_url(redis_url) as connection:
        queued = Queue(MATCHER_QUEUE, connection=connection)
        donor.conversation(*pledge)
        donor.other("o_donor_2").conversation(*pledge)
        assert queued.count == 1  # the queued run will see both pledges
        run_worker(redis_url)
        donor.other("o_donor_3").conversation(*pledge)
        assert queued.count == 1  # once a run began, a new change queues a new one


def test_a_killed_worker_leaves_consistent_state(app: Flask, settings: Settings) -> None:
    database = app.extensions["zhulian"].services.db
    seed(database, cases=1500, pledges=1500)
    code = "from jobs.matching import run_matcher; run_matcher('killed-run')"
    worker = subprocess.Popen([sys.executable, "-c", code], cwd=PROJECT_ROOT, env=os.environ.copy())
    with Redis.from_url(settings.redis_url) as redis:
        deadline = time.monotonic() + 60
        while not redis.exists(LEASE_KEY) and time.monotonic() < deadline:
            time.sleep(0.02)  # wait until the run holds the lease: it is planning or writing
    time.sleep(0.3)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    assert_never_over_allocated(database)
    with Redis.from_url(settings.redis_url) as redis:
        redis.delete(LEASE_KEY)  # what the lease's expiry does, without waiting for it
    run_matcher("killed-run")  # RQ's retry of the same job: done once, never twice
    run_matcher("another-run")
    assert_never_over_allocated(database)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Match)) > 0


def test_operator_report_and_worker_stats(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    redis_url: str,
    dingxi_worker: WeChatUser,
    runner: FlaskCliRunner,
) -> None:
    import json

    match = money_match_proposed(household, donor, dingxi_worker, redis_url)
    dingxi_worker.say(f"确认 {match}")
    dingxi_worker.say(f"送达 {match} 已送到")
    result = runner.invoke(args=["data", "report"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["cases_by_need_type"] == {"medical": 1}
    assert report["cases_by_province"] == {"620000": 1}
    assert report["cases_by_poverty_cause"] == {"因病": 1}  # 住院做手术
    assert (report["yuan_needed"], report["yuan_pledged"]) == (20000, 5000)
    assert (report["yuan_matched"], report["yuan_delivered"]) == (5000, 5000)
    assert report["median_days_to_verification"] is not None
    assert report["donor_feedback_sent"] == 1
    stats = dingxi_worker.say("统计")
    assert "已配对 5000 元" in stats and "已送达 5000 元" in stats


def test_goods_are_matched_whole_to_one_case(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    redis_url: str,
    dingxi_worker: WeChatUser,
) -> None:
    verified_case_via_chat(household, dingxi_worker)
    donor.conversation("2", "2", "不限", "棉被 20 床", "甘肃", "小陈", "13912345678", "确认")
    run_worker(redis_url)
    proposal = next(m["content"] for m in dingxi_worker.pushed() if "配对建议" in m["content"])
    assert "棉被 20 床" in proposal and "同省" in proposal
    match = proposal.split("配对建议 ")[1][:7]
    dingxi_worker.say(f"确认 {match}")
    run_worker(redis_url)
    assert any("棉被 20 床" in m["content"] for m in donor.pushed())
    with app.extensions["zhulian"].services.db.session() as session:
        row = session.scalars(select(Match)).one()
        pledge = session.scalars(select(Pledge)).one()
        case = session.scalars(select(Case)).one()
    assert row.amount is None and pledge.status == PledgeStatus.ALLOCATED
    assert case.amount_matched == 0  # money still needed: goods do not count as yuan
    assert run_matcher() == 0  # the goods pledge is not offered twice


def test_decline_while_a_matcher_run_books_loses_nothing(app: Flask) -> None:
    """A worker declines a 5000 match while a matcher run books 3000 more onto the same
    case. The decline gives back only its own 5000: a read-modify-write of the loaded amount
    would write 0 and lose the matcher's 3000."""
    database = app.extensions["zhulian"].services.db
    seed(database, cases=1, pledges=1)  # one case, one pledge: one proposal
    assert match_once(database, "first") == 1
    with database.session() as session:
        pledge = session.scalars(select(Pledge)).one()
        case = session.scalars(select(Case)).one()
        session.add(
            Pledge(
                donor_id=pledge.donor_id,
                kind=ResourceKind.MONEY,
                amount=min(3000, (case.amount_needed or 0) - case.amount_matched),
            )
        )
    with database.session() as declining:
        match = declining.scalars(select(Match)).one()
        first_amount = match.amount or 0
        before = match.case.amount_matched  # loaded, as a handler would have it
        assert match_once(database, "second") == 1  # commits while the decline is open
        worker = declining.scalars(select(User)).first()
        assert worker is not None
        decline(declining, match, worker, "家属已经筹到钱了")
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        booked = sum(
            m.amount or 0
            for m in session.scalars(select(Match).where(Match.status != MatchStatus.DECLINED))
        )
    assert before == first_amount and booked > 0
    assert case.amount_matched == booked  # the run's booking survived the decline


def test_the_donor_saying_it_is_paid_and_the_household_that_it_came_reach_the_worker(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    redis_url: str,
    dingxi_worker: WeChatUser,
) -> None:
    """我已经转过去了 and 钱收到了 while a confirmed match waits for delivery: the workers
    hear each once, and only their 送达 moves the match. Before a match is confirmed, the
    same words are read as before."""
    assert donor.say("我已经转过去了") != msg.HANDED_OVER_NOTED_DONOR  # nothing to hand over
    match = money_match_proposed(household, donor, dingxi_worker, redis_url)
    assert household.say("钱收到了") != msg.HANDED_OVER_NOTED_HOUSEHOLD  # not confirmed yet
    assert "已确认" in dingxi_worker.say(f"确认 {match}")
    assert donor.say("我已经转过去了") == msg.HANDED_OVER_NOTED_DONOR
    assert donor.say("转好了") == msg.HANDED_OVER_NOTED_DONOR
    assert donor.say("钱转了吗") != msg.HANDED_OVER_NOTED_DONOR  # a question
    assert household.say("收到了，谢谢你们！") != msg.HANDED_OVER_NOTED_HOUSEHOLD  # a notice's
    assert household.say("钱收到了，谢谢你们！") == msg.HANDED_OVER_NOTED_HOUSEHOLD
    assert household.say("谢谢你们 钱已经收到了") == msg.HANDED_OVER_NOTED_HOUSEHOLD  # thanks first
    run_worker(redis_url)
    told = [t for t in pushed_texts(dingxi_worker) if f"送达 {match}" in t]
    assert len(told) == 2  # once from each side
    assert "捐助人说" in told[0] and "家庭说" in told[1]
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalars(select(Match)).one().status == MatchStatus.CONFIRMED


def test_how_the_help_was_said_in_words_is_kept_and_the_score_asked(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    redis_url: str,
    dingxi_worker: WeChatUser,
) -> None:
    """挺好的 谢谢好心人 at the rating question had left it for a plain 不客气, the rating lost;
    the words are kept as the feedback and only the household's own number is the score."""
    rating_asked(app, household, donor, dingxi_worker, redis_url)
    assert household.say("挺好的 谢谢好心人") == msg.RATING_SCORE_PLEASE
    assert household.say("5") == msg.FOLLOWUP_THANKS
    with app.extensions["zhulian"].services.db.session() as session:
        row = session.scalars(select(Match)).one()
    assert (row.rating, row.feedback) == (5, "挺好的 谢谢好心人")
