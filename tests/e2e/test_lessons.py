"""What worked (助人脱贫经验), end to end: a social worker writes up a delivered case as a
lesson in the console (no personal data), it is found by cause, need type, region and words,
and the bot answers "有没有…的经验" with the most relevant ones."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from storage.models import Lesson
from tests.support.chat import file_case, proposal_for, run_worker
from tests.support.console import sign_in
from tests.support.wechat import WeChatUser

CATTLE = {
    "title": "合作社托管养牛，三户人均增收四千",
    "poverty_cause": "缺技术",
    "what_was_done": "联系县里的养牛合作社托管两头母牛，社工每月上门，兽医免费防疫。",
    "result": "一年后出栏三头牛犊，家里还上了医药费的欠款。",
}
SCHOOL = {
    "title": "助学金加学校减免，娃读完了高中",
    "poverty_cause": "因学",
    "what_was_done": "申请了国家助学金，社工和学校沟通减免住宿费。",
    "result": "孩子考上了师范专科。",
}


def test_a_delivered_case_is_written_up_found_and_quoted_by_the_bot(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    zhaotong_worker: WeChatUser,
    redis_url: str,
) -> None:
    case = file_case(household)  # 20,000 yuan
    dingxi_worker.say(f"核实 {case}")
    donor.conversation("我想捐两万", "不限", "不限", "匿名", "不留", "确认")
    run_worker(redis_url)
    match = proposal_for(dingxi_worker)
    assert "没有相关的脱贫经验" in household.say("有没有养牛脱贫的经验")  # none yet
    dingxi_worker.say(f"确认 {match}")
    dingxi_worker.say(f"送达 {match} 已转账")
    console = sign_in(app.test_client(), dingxi_worker)
    path = "/console/lessons/new?case=1"
    assert 'id="write-lesson"' in console.get("/console/cases/1").get_data(as_text=True)
    console.get(path)
    leaked = console.post(path, CATTLE | {"result": "联系电话13912345678"})
    assert leaked.status_code == 400 and "不要写手机号" in leaked.get_data(as_text=True)
    assert console.post(path, CATTLE).status_code == 302
    console.get(path)
    assert console.post(path, SCHOOL).status_code == 302
    theirs = sign_in(app.test_client(), zhaotong_worker)
    assert theirs.get(path).status_code == 404  # not their region's case
    found = console.get("/console/lessons", cause="缺技术").get_data(as_text=True)
    assert "合作社托管养牛" in found and "助学金" not in found
    near = console.get("/console/lessons", region="定西", q="娃读高中").get_data(as_text=True)
    assert "助学金" in near and "合作社托管养牛" not in near  # no words in common
    assert "没有找到地区" in console.get("/console/lessons", region="火星").get_data(as_text=True)
    answer = donor.say("有没有养牛脱贫的经验")
    assert "合作社托管养牛" in answer and "助学金" not in answer  # only what is relevant
    assert "13912345678" not in answer and "王秀英" not in answer
    with app.extensions["zhulian"].services.db.session() as db:
        assert len(list(db.scalars(select(Lesson)))) == 2
    assert "养牛" not in household.say("我有养牛经验想找个活干")  # asking for work, not lessons
