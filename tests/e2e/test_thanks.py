"""The thank-you list: a donor is named only after asking to be (公开致谢 J…), only once the
pledge has given something, never with a phone number; 不公开 and delete-my-data take the
name off. Anonymous by default."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from storage.models import AuditEntry, Pledge
from tests.e2e.test_matching import verified_case_via_chat
from tests.support.chat import run_worker
from tests.support.wechat import WeChatUser


def thanks_page(app: Flask) -> str:
    response = app.test_client().get("/thanks")
    assert response.status_code == 200  # public: no sign-in
    return response.get_data(as_text=True)


def test_only_donors_who_asked_are_thanked_and_only_for_what_was_given(
    app: Flask, household: WeChatUser, donor: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    verified_case_via_chat(household, dingxi_worker)  # 20000 yuan, medical, 通渭县
    named = donor.conversation("我想捐三千", "1", "不限", "李建华", "13800138000", "确认")[-1]
    assert "公开致谢 J000001" in named and "默认不公开" in named
    quiet = donor.other("o_quiet_donor")
    quiet.conversation("我想捐两千", "1", "不限", "王芳", "不留", "确认")  # a name, but no yes
    late = donor.other("o_late_donor")
    late.conversation("我想捐一千", "1", "不限", "匿名", "不留", "确认")
    assert "没有留称呼" in late.say("公开致谢 J000003")  # anonymous: a name is needed
    assert "李建华" in donor.say("公开致谢 J000001")
    assert "没有找到" in quiet.say("公开致谢 J000001")  # not hers
    assert "李建华" not in thanks_page(app)  # nothing given yet
    assert "还没有人" in donor.say("感谢名单")
    run_worker(redis_url)  # the matcher gives all three pledges to the case
    page = thanks_page(app)
    assert "李建华 · 捐款 3000 元 · 医疗" in page  # "1": for medical needs
    assert "王芳" not in page and "13800138000" not in page
    assert "赵大姐" not in page
    assert "赵大姐" in late.say("公开致谢 J000003 赵大姐")  # named now, in her own words
    assert "赵大姐 · 捐款 1000 元" in thanks_page(app)
    listed = donor.say("感谢名单")
    assert "李建华" in listed and "赵大姐" in listed and "王芳" not in listed
    assert "/thanks" in listed
    assert "不会出现" in donor.say("不公开 J000001")
    assert "李建华" not in thanks_page(app)
    with app.extensions["zhulian"].services.db.session() as session:
        actions = list(
            session.scalars(select(AuditEntry.action).where(AuditEntry.target_type == "pledge"))
        )
        assert actions.count("pledge.thanks_listed") == 2 and "pledge.thanks_unlisted" in actions


def test_deleting_ones_data_takes_the_name_off_the_list(
    app: Flask, household: WeChatUser, donor: WeChatUser, dingxi_worker: WeChatUser, redis_url: str
) -> None:
    verified_case_via_chat(household, dingxi_worker)
    donor.conversation("我想捐三千", "1", "不限", "李建华", "不留", "确认")
    donor.say("公开致谢 J000001")
    run_worker(redis_url)
    assert "李建华" in thanks_page(app)
    donor.say("删除我的信息")
    donor.say("确认")
    assert "李建华" not in thanks_page(app)
    with app.extensions["zhulian"].services.db.session() as session:
        pledge = session.scalars(select(Pledge)).one()
        assert (pledge.display_name, pledge.thank_publicly) == (None, False)
