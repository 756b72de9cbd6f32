"""A record number too long for any record (Q99999999999999999999), typed in the chat or in
a console address, is answered as a record that does not exist; it had failed the turn
(系统正忙, resend) or the page, in PostgreSQL and SQLite alike."""

from __future__ import annotations

from flask import Flask

import messages as msg
from tests.support.console import sign_in
from tests.support.wechat import WeChatUser

TOO_LONG = "99999999999999999999"


def test_a_number_too_long_for_any_record_is_not_found_in_the_chat(
    household: WeChatUser, donor: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    assert donor.say(f"取消认捐 J{TOO_LONG}") == msg.NO_SUCH_PLEDGE.format(pledge=f"J{TOO_LONG}")
    assert household.say(f"撤回求助 Q{TOO_LONG}") == msg.NO_OWN_CASE.format(number=f"Q{TOO_LONG}")
    worker_asks = {
        f"查看 Q{TOO_LONG}": msg.NO_SUCH_CASE.format(number=f"Q{TOO_LONG}"),
        f"核实 Q{TOO_LONG}": msg.NO_SUCH_CASE.format(number=f"Q{TOO_LONG}"),
        f"确认 M{TOO_LONG}": msg.NO_SUCH_MATCH.format(match=f"M{TOO_LONG}"),
        f"接手 H{TOO_LONG}": msg.NO_SUCH_HANDOFF.format(number=f"H{TOO_LONG}"),
    }
    for said, answer in worker_asks.items():
        assert dingxi_worker.say(said) == answer, said


def test_a_number_too_long_for_any_record_is_no_page(app: Flask, dingxi_worker: WeChatUser) -> None:
    console = sign_in(app.test_client(), dingxi_worker)
    assert console.get("/console/cases/1").status_code == 404  # none yet
    assert console.get(f"/console/cases/{TOO_LONG}").status_code == 404
    assert console.get(f"/console/matches/{TOO_LONG}").status_code == 404
