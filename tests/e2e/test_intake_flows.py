"""Whole conversations through signed XML: a household to a case number, a donor to a
pledge number, status, and every detour a real user takes."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from sqlalchemy import select, text
from sqlalchemy.orm import selectinload

import messages as msg
from storage.models import AuditEntry, Case, CaseStatus, HouseholdProfile, Pledge, User
from tests.support.chat import HOUSEHOLD_ANSWERS, pushed_texts, run_worker
from tests.support.wechat import WeChatUser


def cases(app: Flask) -> list[Case]:
    with app.extensions["zhulian"].services.db.session() as session:
        query = select(Case).options(selectinload(Case.profile)).order_by(Case.id)
        return list(session.scalars(query))


def test_household_from_first_message_to_case_number(app: Flask, household: WeChatUser) -> None:
    assert "同意" in household.say("我想求助")
    replies = household.conversation(*HOUSEHOLD_ANSWERS)
    summary = replies[-1]
    assert "1101**********002X" in summary and "138****8000" in summary
    assert "甘肃省定西市通渭县" in summary and "20000 元" in summary
    assert "11010519491231002X" not in summary
    done = household.say("确认")
    assert "Q000001" in done

    [case] = cases(app)
    assert case.need_type == "medical" and case.amount_needed == 20000
    assert case.region_code == "621121" and case.status == CaseStatus.SUBMITTED
    assert case.urgency == 3  # 住院, 手术
    assert case.profile.name == "王秀英" and case.profile.household_size == 5
    assert case.profile.id_number == "11010519491231002X"
    with app.extensions["zhulian"].services.db.session() as session:
        user = session.scalar(select(User).where(User.openid == household.openid))
        assert user is not None and user.consent_version and user.active_flow is None
        actions = set(session.scalars(select(AuditEntry.action)))
    assert {"consent.given", "case.submitted"} <= actions


def test_personal_data_is_encrypted_at_rest(app: Flask, household: WeChatUser) -> None:
    household.say("我想求助")
    household.conversation(*HOUSEHOLD_ANSWERS, "确认")
    engine = app.extensions["zhulian"].services.db.engine
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT name, id_number, phone, id_number_hash FROM household_profiles")
        ).one()
        logged = connection.execute(text("SELECT content FROM inbound_messages")).scalars().all()
    for raw in ("王秀英", "11010519491231002X", "13800138000"):
        assert all(raw not in str(value) for value in row)
        assert all(raw not in str(value) for value in logged)
    assert len(row.id_number_hash) == 64
    if engine.dialect.name == "sqlite":
        database_file = Path(engine.url.database or "")
        for path in database_file.parent.glob(database_file.name + "*"):
            content = path.read_bytes()
            for raw in ("王秀英", "11010519491231002X", "13800138000"):
                assert raw.encode() not in content, path


def test_invalid_id_and_phone_get_specific_reprompts(app: Flask, household: WeChatUser) -> None:
    household.say("我想求助")
    household.conversation(*HOUSEHOLD_ANSWERS[:7])
    assert "校验" in household.say("110105194912310021")
    assert "18 位" in household.say("1101051949")
    failed_thrice = household.say("11010519491331002X")
    assert "人工" in failed_thrice  # three failures: a person is offered
    assert "手机号" in household.say("11010519491231002X")
    assert "11 位" in household.say("12345")
    assert "请核对" in household.say("138-0013-8000")


def test_ambiguous_region_asks_with_candidates(app: Flask, household: WeChatUser) -> None:
    household.say("我想求助")
    household.conversation(*HOUSEHOLD_ANSWERS[:4])
    question = household.say("朝阳区")
    assert "北京市朝阳区" in question and "吉林省长春市朝阳区" in question
    options = [line for line in question.splitlines() if line[:1].isdigit()]
    beijing = next(line.split()[0] for line in options if "北京市朝阳区" in line)
    assert "几口人" in household.say(beijing)
    household.conversation(*HOUSEHOLD_ANSWERS[5:], "确认")
    assert cases(app)[0].region_code == "110105"


def test_region_named_by_city_then_county(app: Flask, household: WeChatUser) -> None:
    household.say("我想求助")
    household.conversation(*HOUSEHOLD_ANSWERS[:4])
    question = household.say("凉山")
    assert "凉山彝族自治州哪个县" in question
    assert "几口人" in household.say("昭觉")
    household.conversation(*HOUSEHOLD_ANSWERS[5:], "确认")
    assert cases(app)[0].region_code == "513431"


def test_region_that_does_not_exist(household: WeChatUser) -> None:
    household.say("我想求助")
    household.conversation(*HOUSEHOLD_ANSWERS[:4])
    assert "没找到" in household.say("火星基地")


def test_cancel_midway_keeps_nothing(app: Flask, household: WeChatUser) -> None:
    household.say("我想求助")
    household.conversation(*HOUSEHOLD_ANSWERS[:6])
    assert "已取消" in household.say("取消")
    assert cases(app) == []
    with app.extensions["zhulian"].services.db.session() as session:
        assert session.scalar(select(HouseholdProfile)) is None
    assert "没有进行中" in household.say("取消")


def test_change_a_field_before_confirming(app: Flask, household: WeChatUser) -> None:
    household.say("我想求助")
    household.conversation(*HOUSEHOLD_ANSWERS)
    menu = household.say("修改")
    line = next(line for line in menu.splitlines() if "手机号" in line)
    assert "手机号" in household.say(line.split()[0])
    summary = household.say("13912345678")
    assert "139****5678" in summary
    household.say("确认")
    assert cases(app)[0].profile.phone == "13912345678"


def test_go_back_a_step(household: WeChatUser) -> None:
    household.say("我想求助")
    household.conversation(*HOUSEHOLD_ANSWERS[:3])
    assert "情况" in household.say("返回")  # from the amount back to the description
    assert "哪方面" in household.say("返回")
    assert "情况" in household.say("2")
    assert "多少钱" in household.say("孩子上学的学费不够")


def test_consent_declined_stops_before_personal_questions(
    app: Flask, household: WeChatUser
) -> None:
    household.say("我想求助")
    assert "不会登记" in household.say("不同意")
    with app.extensions["zhulian"].services.db.session() as session:
        user = session.scalar(select(User).where(User.openid == household.openid))
        assert user is not None and user.consent_version is None


def test_entities_in_the_first_message_prefill_the_flow(app: Flask, household: WeChatUser) -> None:
    household.say("我想求助")
    household.say("同意")
    household.say("取消")
    # Consent is on record now; need, amount and place come from one sentence.
    reply = household.say("娃考上大学了学费还差五千块，俺家在云南昭通镇雄县")
    assert "几口人" in reply
    household.conversation("4", "李四", "11010519491231002X", "13800138000", "确认")
    [case] = cases(app)
    assert (case.need_type, case.amount_needed, case.region_code) == ("education", 5000, "530627")


def test_donor_pledges_money(app: Flask, donor: WeChatUser) -> None:
    assert "帮助哪方面" in donor.say("我想捐两万")
    assert "哪里" in donor.say("2")
    assert "称呼" in donor.say("甘肃")
    assert "手机号" in donor.say("匿名")
    summary = donor.say("不留")
    assert "20000 元" in summary and "甘肃省" in summary and "匿名" in summary
    assert "J000001" in donor.say("确认")
    with app.extensions["zhulian"].services.db.session() as session:
        pledge = session.scalars(select(Pledge)).one()
    assert (pledge.kind, pledge.need_type, pledge.amount, pledge.region_pref) == (
        "money",
        "education",
        20000,
        "620000",
    )
    assert pledge.display_name is None


def test_donor_pledges_goods_by_menu(app: Flask, donor: WeChatUser) -> None:
    assert "捐什么" in donor.say("2")  # top menu: 我要捐助
    assert "哪方面" in donor.say("2")  # goods
    donor.conversation("不限", "棉被 20 床", "不限")
    assert "手机号" in donor.say("爱心人士小陈")
    assert "要留一个手机号" in donor.say("不留")  # goods cannot be delivered without one
    assert "139****5678" in donor.say("一三九 一二三四 五六七八")  # said in Chinese digits
    assert "J000001" in donor.say("确认")
    with app.extensions["zhulian"].services.db.session() as session:
        pledge = session.scalars(select(Pledge)).one()
    assert (pledge.kind, pledge.need_type, pledge.amount) == ("goods", None, None)
    assert pledge.item_description == "棉被 20 床" and pledge.display_name == "爱心人士小陈"
    assert pledge.contact_phone == "13912345678"


def test_status_lists_cases_and_pledges(household: WeChatUser) -> None:
    assert "还没有" in household.say("进度")
    household.say("我想求助")
    household.conversation(*HOUSEHOLD_ANSWERS, "确认")
    household.conversation("我想捐两千", "不限", "不限", "匿名", "不留", "确认")
    status = household.say("进度")
    assert "Q000001" in status and "等待社工核实" in status
    assert "J000001" in status and "2000 元" in status and "等待配对" in status


def test_status_midway_continues_the_flow(household: WeChatUser) -> None:
    household.say("我想求助")
    household.conversation(*HOUSEHOLD_ANSWERS[:4])
    reply = household.say("进度")
    assert "还没有" in reply and "哪个县" in reply


def test_subscribe_gets_the_welcome(household: WeChatUser) -> None:
    delivery = household.subscribe()
    assert delivery.status == 200 and delivery.reply and "欢迎" in delivery.reply


def test_following_again_midway_is_welcomed_back_to_the_question(household: WeChatUser) -> None:
    household.conversation("我想求助", "同意")
    reply = household.subscribe().reply or ""
    assert reply.startswith(msg.WELCOME) and reply.endswith(msg.ASK_NEED)
    assert household.say("1") == msg.ASK_DESCRIPTION  # the request goes on


def test_gibberish_and_emoji_get_the_menu(household: WeChatUser) -> None:
    replies = [household.say(gibberish) for gibberish in ("asdfgh", "qwerty", "。。。")]
    assert all("回复数字" in reply for reply in replies)
    assert "人工" not in replies[0].split("4 找社工（人工）")[-1]
    assert "请社工帮您" in replies[2]  # the third miss in a row offers a person


def test_a_sentence_answering_the_need_question_fills_more(household: WeChatUser) -> None:
    household.say("我想求助")
    household.say("同意")
    assert "哪个县" in household.say("娃考上高中了学费还差三千块")
    household.conversation("镇雄", "4", "李四", "11010519491231002X", "13800138000")
    edit_menu = household.say("修改")
    assert "3000 元" in edit_menu and "学费还差三千块" in edit_menu


def test_questions_about_the_platform_are_answered(household: WeChatUser) -> None:
    assert "不收任何费用" in household.say("申请这个要花钱吗")
    assert "加密" in household.say("我的身份证号会不会泄露出去")


def test_how_to_reach_a_household_is_kept_whatever_question_it_is_said_at(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    """听不见, 发短信, 晚上才能接电话: noted, shown at the summary, kept (encrypted) with the
    household and told to the social worker who will call; the question goes on."""
    reply = household.say("我耳朵听不见 有事给我发短信")
    assert "会转告社工" in reply and reply.endswith(msg.CONSENT)
    assert household.say("同意").startswith(msg.ASK_NEED[:8])  # the remark names no need
    household.conversation(*HOUSEHOLD_ANSWERS[1:4])  # need, description, amount
    reply = household.say("白天在地里干活 晚上才能接电话")  # at the county question
    assert reply.startswith(msg.REMARK_NOTED.format(said="晚上才能接电话"))
    summary = household.conversation(*HOUSEHOLD_ANSWERS[4:])[-1]
    assert "联系须知：我耳朵听不见，有事给我发短信；晚上才能接电话" in summary
    household.say("确认")

    [case] = cases(app)
    assert case.profile.contact_note == "我耳朵听不见，有事给我发短信；晚上才能接电话"
    assert case.description == HOUSEHOLD_ANSWERS[2]
    run_worker(redis_url)
    notice = next(t for t in pushed_texts(dingxi_worker) if "新求助" in t)
    assert "联系须知：我耳朵听不见" in notice
    assert "联系须知：我耳朵听不见" in dingxi_worker.say("查看 Q000001")


def test_a_relatives_deafness_is_a_need_not_how_to_reach_the_household(
    household: WeChatUser,
) -> None:
    reply = household.say("我儿子是聋哑人 想送他去特教学校")
    assert reply == msg.CONSENT  # no remark: the son's deafness is what the request is about
