"""Photos from households, end to end through signed XML and the stand-in's media API: kept
with the case, cleaned of EXIF, encrypted on disk, shown in the console only to those who
may see the case (each view audited); a disguised file, an oversized one and an expired
token handled; delete-my-data removes the files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from PIL import Image
from sqlalchemy import select

from jobs.media import fetch_media
from storage.models import Attachment, AttachmentStatus, AuditEntry
from tests.support.chat import HOUSEHOLD_ANSWERS, file_case, money_match_proposed, run_worker
from tests.support.console import sign_in
from tests.support.wechat import StandIn, WeChatUser

CAMERA = "ZhulianTestCamera"
AMR = b"#!AMR\n" + bytes(range(256)) * 8  # an AMR voice file's header and some frames


def photo(width: int = 64, height: int = 48) -> bytes:
    """A JPEG as a phone makes it, with EXIF naming the camera."""
    image = Image.new("RGB", (width, height), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = CAMERA  # Make
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def stored(app: Flask) -> list[Attachment]:
    with app.extensions["zhulian"].services.db.session() as db:
        return list(db.scalars(select(Attachment).order_by(Attachment.id)))


def files_on_disk(app: Flask) -> list[Path]:
    root = Path(app.extensions["zhulian"].settings.media_dir)
    return [p for p in root.rglob("*") if p.is_file()]


def test_a_photo_is_attached_encrypted_and_shown_only_in_scope(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, zhaotong_worker: WeChatUser
) -> None:
    original = photo()
    assert CAMERA.encode() in original
    assert "照片收到了" in household.send_photo(original)  # no case yet: not kept
    assert stored(app) == []
    number = file_case(household)
    assert number in household.send_photo(original)
    assert fetch_media() == 1
    [attachment] = stored(app)
    assert attachment.status == AttachmentStatus.STORED and attachment.content_type == "image/jpeg"
    [on_disk] = files_on_disk(app)
    raw = on_disk.read_bytes()
    assert b"\xff\xd8\xff" not in raw and CAMERA.encode() not in raw  # nothing in clear
    mine = sign_in(app.test_client(), dingxi_worker)
    page = mine.get(f"/console/cases/{int(number[1:])}").get_data(as_text=True)
    assert f"/console/attachments/{attachment.id}" in page
    shown = mine.get(f"/console/attachments/{attachment.id}")
    assert shown.status_code == 200 and shown.mimetype == "image/jpeg"
    assert shown.headers["Cache-Control"] == "no-store"
    assert CAMERA.encode() not in shown.data  # EXIF gone
    assert Image.open(io.BytesIO(shown.data)).size == (64, 48)
    theirs = sign_in(app.test_client(), zhaotong_worker)
    assert theirs.get(f"/console/attachments/{attachment.id}").status_code == 404
    assert theirs.get("/console/attachments/999").status_code == 404
    with app.extensions["zhulian"].services.db.session() as db:
        views = db.scalars(select(AuditEntry).where(AuditEntry.action == "attachment.viewed"))
        assert [v.actor for v in views] == [dingxi_worker.openid]


def test_a_photo_during_intake_waits_for_the_case_and_goes_with_it(
    app: Flask, household: WeChatUser
) -> None:
    household.say("我想求助")
    before = household.send_photo(photo())
    assert "请先回复“同意”" in before and "同意" in before  # nothing kept before consent
    assert stored(app) == []
    household.say("同意")
    household.say("1")
    during = household.send_photo(photo())
    assert "提交后会放进这次的求助里" in during and "情况" in during  # the question again
    replies = household.conversation(*HOUSEHOLD_ANSWERS[2:], "确认")
    number = replies[-1].split("编号是 ")[1][:7]
    assert "您发的 1 张照片已经放进这次求助了" in replies[-1]  # not asked to send photos again
    assert fetch_media() == 1
    [attachment] = stored(app)
    assert attachment.case_id == int(number[1:]) and attachment.status == AttachmentStatus.STORED
    assert len(files_on_disk(app)) == 1


def test_photos_of_an_intake_cancelled_are_erased(app: Flask, household: WeChatUser) -> None:
    household.conversation("我想求助", "同意", "1")
    household.send_photo(photo())
    assert fetch_media() == 1
    assert len(files_on_disk(app)) == 1
    household.say("取消")
    assert [a.status for a in stored(app)] == [AttachmentStatus.ERASED]
    assert files_on_disk(app) == []


def test_a_disguised_file_and_an_oversized_photo_are_not_kept(
    app: Flask, household: WeChatUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    file_case(household)
    household.send_photo(b"MZ\x90\x00 not a picture at all" * 50, "image/jpeg")
    monkeypatch.setenv("MEDIA_MAX_BYTES", "2000")
    household.send_photo(photo(1200, 900))
    assert fetch_media() == 0
    assert [(a.status, a.problem) for a in stored(app)] == [
        (AttachmentStatus.REJECTED, "not_image"),
        (AttachmentStatus.REJECTED, "too_big"),
    ]
    assert files_on_disk(app) == []


def test_an_expired_token_is_refreshed_and_the_photo_fetched(
    app: Flask, household: WeChatUser, standin: StandIn
) -> None:
    file_case(household)
    household.send_photo(photo())
    standin.inject("media", errcode=40001)
    assert fetch_media() == 1
    assert stored(app)[0].status == AttachmentStatus.STORED


def test_a_photo_wechat_cannot_give_stays_pending_and_is_tried_again(
    app: Flask, household: WeChatUser, standin: StandIn
) -> None:
    file_case(household)
    household.send_photo(photo())
    standin.inject("media", errcode=-1)  # WeChat busy
    assert fetch_media() == 0
    assert stored(app)[0].status == AttachmentStatus.PENDING
    assert fetch_media() == 1  # the next sweep gets it


def test_delete_my_data_removes_the_files(
    app: Flask, household: WeChatUser, client: FlaskClient
) -> None:
    file_case(household)
    household.send_photo(photo())
    fetch_media()
    assert len(files_on_disk(app)) == 1
    assert "确认删除" in household.say("删除我的信息")
    assert "已删除" in household.say("确定")
    assert files_on_disk(app) == []
    assert stored(app)[0].status == AttachmentStatus.ERASED


def test_a_voice_message_without_a_transcript_asks_to_type_and_is_kept(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser, runner: FlaskCliRunner
) -> None:
    number = file_case(household)
    heard = household.send_voice(AMR, recognition="俺家娃的学费还差两千")
    assert "语音收到了" not in heard  # a transcript is read like typed text
    reply = household.send_voice(AMR)
    assert "打字" in reply and "转文字" in reply
    assert fetch_media() == 1
    voices = [a for a in stored(app) if a.kind == "voice"]
    assert [(v.status, v.content_type, v.case_id) for v in voices] == [
        (AttachmentStatus.STORED, "audio/amr", int(number[1:]))
    ]
    console = sign_in(app.test_client(), dingxi_worker)
    assert "<audio" in console.get(f"/console/cases/{int(number[1:])}").get_data(as_text=True)
    played = console.get(f"/console/attachments/{voices[0].id}")
    assert played.status_code == 200 and played.data == AMR
    report = runner.invoke(args=["data", "report"])
    assert '"voice_without_transcript_by_day"' in report.output
    assert ": 1" in report.output.split("voice_without_transcript_by_day")[1]


def test_the_custom_menu_is_published_and_its_buttons_start_flows(
    app: Flask, household: WeChatUser, runner: FlaskCliRunner, standin: StandIn
) -> None:
    result = runner.invoke(args=["wechat", "menu"])
    assert result.exit_code == 0, result.output
    with standin.state.lock:
        menu = standin.state.menu
    assert menu is not None
    more = menu["button"][2]["sub_button"]
    assert [b["type"] for b in more][2:] == ["pic_photo_or_album", "location_select"]
    first = household.caller.send_event(household.openid, "CLICK", "help")
    assert first.reply and "同意" in first.reply  # the help flow's consent question
    status = household.caller.send_event(household.openid, "CLICK", "status")
    assert status.reply and "还没有求助" in status.reply
    assert household.caller.send_event(household.openid, "CLICK", "nonsense").reply is None


def test_a_workers_photo_after_delivery_is_its_proof_and_the_donor_hears_of_it(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    redis_url: str,
) -> None:
    assert "请先回复“送达" in dingxi_worker.send_photo(photo())  # nothing delivered yet
    match = money_match_proposed(household, donor, dingxi_worker, redis_url)
    dingxi_worker.say(f"确认 {match}")
    dingxi_worker.say(f"送达 {match} 钱已转到家庭账户")
    assert match in dingxi_worker.send_photo(photo())
    assert fetch_media() == 1
    [proof] = [a for a in stored(app) if a.kind == "proof"]
    assert proof.match_id == int(match[1:]) and proof.status == AttachmentStatus.STORED
    told = [m for m in donor.pushed() if "送达凭证" in str(m.get("content"))]
    assert len(told) == 1 and all(m.get("msgtype") in ("text", None) for m in donor.pushed())
    console = sign_in(app.test_client(), dingxi_worker)
    page = console.get(f"/console/matches/{int(match[1:])}").get_data(as_text=True)
    assert f"/console/attachments/{proof.id}" in page
    # The household deletes its data: the proof of delivery to it goes too.
    assert "确认删除" in household.say("删除我的信息")
    household.say("确定")
    assert files_on_disk(app) == []


def test_a_proof_uploaded_in_the_console_is_kept_clean_and_the_donor_hears_of_it(
    app: Flask,
    household: WeChatUser,
    donor: WeChatUser,
    dingxi_worker: WeChatUser,
    zhaotong_worker: WeChatUser,
    redis_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    match = money_match_proposed(household, donor, dingxi_worker, redis_url)
    path = f"/console/matches/{int(match[1:])}"
    console = sign_in(app.test_client(), dingxi_worker)
    dingxi_worker.say(f"确认 {match}")
    console.get(path)
    early = console.post(f"{path}/proof", {"photo": (io.BytesIO(photo()), "proof.jpg")})
    assert "不能这样操作" in console.get(early.location).get_data(as_text=True)  # not delivered
    dingxi_worker.say(f"送达 {match} 米面已送到家")
    assert 'id="proof"' in console.get(path).get_data(as_text=True)
    fake = console.post(f"{path}/proof", {"photo": (io.BytesIO(b"%PDF-1.4 " * 99), "a.jpg")})
    assert "这不是照片" in console.get(fake.location).get_data(as_text=True)
    big = app.extensions["zhulian"].settings.media_max_bytes + 200 * 1024
    body = b"--x\r\n" + b"\xff" * big  # its length is enough: nothing of it is read
    multipart = "multipart/form-data; boundary=x"
    huge = console.client.post(f"{path}/proof", data=body, content_type=multipart)
    assert huge.status_code == 413 and "文件太大" in huge.get_data(as_text=True)
    forged = console.client.post(f"{path}/proof", data={"photo": (io.BytesIO(photo()), "p.jpg")})
    assert forged.status_code == 400
    assert [a for a in stored(app) if a.kind == "proof"] == []  # nothing kept so far
    theirs = sign_in(app.test_client(), zhaotong_worker)
    theirs.get("/console/queue")
    outside = theirs.post(f"{path}/proof", {"photo": (io.BytesIO(photo()), "p.jpg")})
    assert outside.status_code == 404
    done = console.post(f"{path}/proof", {"photo": (io.BytesIO(photo()), "proof.jpg")})
    assert "送达照片已记在" in console.get(done.location).get_data(as_text=True)
    [proof] = [a for a in stored(app) if a.kind == "proof"]
    assert proof.match_id == int(match[1:]) and proof.status == AttachmentStatus.STORED
    shown = console.get(f"/console/attachments/{proof.id}")
    assert shown.status_code == 200 and CAMERA.encode() not in shown.data
    run_worker(redis_url)
    told = [m for m in donor.pushed() if "送达凭证" in str(m.get("content"))]
    assert len(told) == 1


def test_a_location_fills_the_county_at_the_region_question(
    app: Flask, household: WeChatUser
) -> None:
    household.say("我想求助")
    asks_region = household.conversation("同意", "1", "孩子他爸住院做手术，家里拿不出钱", "两万")
    assert "哪" in asks_region[-1]  # the region question
    reply = household.send_location(35.2108, 105.2421, "")  # 通渭县城, no label
    assert "甘肃省定西市通渭县" in reply and "几口人" in reply
    # At the start: where we think they are, to confirm.
    other = household.other("o_located")
    assert "云南省昭通市昭阳区，对吗" in other.send_location(27.34, 103.72, "昭阳区政府附近")
    assert "没能对上" in other.send_location(48.85, 2.35, "Paris")


def test_the_menus_photo_and_location_buttons_are_answered_once(
    app: Flask, household: WeChatUser
) -> None:
    """发照片 sends an event (SendPicsInfo), then the photos; 发位置 sends an event
    (SendLocationInfo), then the same place as a message: one answer each time."""
    number = file_case(household)
    event, *photos = household.send_photos_from_menu(photo(), photo())
    assert event is None and all(number in (reply or "") for reply in photos)
    assert fetch_media() == 2
    first, again = household.send_location_from_menu(35.21, 105.24, "甘肃省定西市通渭县")
    assert first is not None and "通渭县" in first and again is None


def test_the_label_wins_over_the_nearest_seat(household: WeChatUser) -> None:
    """A point nearer 通渭's seat but labelled in 陇西县 (WeChat knows the border)."""
    assert "陇西县" in household.send_location(35.2, 105.0, "甘肃省定西市陇西县某村")


def test_with_two_open_cases_the_household_says_which_one(
    app: Flask, household: WeChatUser
) -> None:
    first = file_case(household)
    second = file_case(household, id_number="621121198001010017")
    question = household.send_photo(photo())
    assert "哪一件" in question and first in question and second in question
    assert "回复数字" in household.say("嗯")  # asked again
    assert first in household.say("2")  # the latest first: 2 is the earlier case
    assert fetch_media() == 1
    assert [a.case_id for a in stored(app)] == [int(first[1:])]
