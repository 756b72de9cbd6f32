"""Organisations applying to implement projects (issue #16, first part), end to end: `机构入驻`
in the chat gives a one-time link; the form checks the 统一社会信用代码's check character and
the places; documents are kept encrypted; an operator is told, vets it in the console
(approve, reject with a reason, ask for more), and the applicant hears each decision by
chat. Bad input is refused with a clear message and keeps nothing."""

from __future__ import annotations

import io
from typing import Any

from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import select

from storage.models import (
    ApplicationStatus,
    Attachment,
    AuditEntry,
    Organisation,
    OrganisationApplication,
    OrganisationRegion,
    SocialWorker,
)
from tests.e2e.test_media import CAMERA, photo
from tests.support.chat import pushed_texts, run_worker
from tests.support.console import ConsoleClient, sign_in
from tests.support.wechat import WeChatUser

VALID_CODE = "52620000MJX0123457"  # check character 7 (GB 32100)
WRONG_CHECK = "52620000MJX0123458"


def form(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": "定西市阳光社会工作服务中心",
        "credit_code": VALID_CODE,
        "contact_name": "马志强",
        "contact_phone": "13912345678",
        "places": "甘肃定西、临夏州",
        "fields": ["medical", "education"],
        "about": "在定西做了五年困境儿童助学和大病家庭陪伴服务。",
        "documents": [(io.BytesIO(photo()), "certificate.jpg")],
    }
    return values | changes


def application_link(applicant: WeChatUser) -> str:
    reply = applicant.say("机构入驻")
    url = next(word for word in reply.split() if "/console/apply/" in word)
    return url[url.index("/console/") :]


def apply(client: FlaskClient, path: str, values: dict[str, Any]) -> Any:
    """Open the form (for its CSRF token) and send it."""
    page = ConsoleClient(client)
    assert page.get(path).status_code == 200
    return page.post(path, values)


def applications(app: Flask) -> list[OrganisationApplication]:
    with app.extensions["zhulian"].services.db.session() as db:
        return list(db.scalars(select(OrganisationApplication)))


def operator(household: WeChatUser, runner: FlaskCliRunner) -> WeChatUser:
    runner.invoke(args=["operator", "add", "--openid", "o_operator", "--name", "运营小周"])
    return household.other("o_operator")


def test_an_organisation_applies_is_approved_and_its_applicant_becomes_admin(
    app: Flask, household: WeChatUser, runner: FlaskCliRunner, redis_url: str
) -> None:
    staff = operator(household, runner)
    applicant = household.other("o_applicant")
    sent = apply(app.test_client(), application_link(applicant), form())
    assert sent.status_code == 200 and "申请 A000001 已提交" in sent.get_data(as_text=True)
    assert "回到工作台" not in sent.get_data(as_text=True)  # the applicant has no console
    [application] = applications(app)
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.region_codes == ["621100", "622900"]
    run_worker(redis_url)
    assert any("A000001" in text for text in pushed_texts(staff))
    console = sign_in(app.test_client(), staff)
    assert "A000001" in console.get("/console/applications").get_data(as_text=True)
    page = console.get(f"/console/applications/{application.id}").get_data(as_text=True)
    assert "马**" in page and "139****5678" in page and "13912345678" not in page
    [document] = _documents(app)
    shown = console.get(f"/console/applications/{application.id}/documents/{document.id}")
    assert shown.status_code == 200 and CAMERA.encode() not in shown.data
    assert console.post(f"/console/applications/{application.id}/approve").status_code == 302
    with app.extensions["zhulian"].services.db.session() as db:
        organisation = db.scalar(select(Organisation).where(Organisation.name.like("定西市阳光%")))
        assert organisation is not None
        regions = db.scalars(
            select(OrganisationRegion.region_code).where(
                OrganisationRegion.organisation_id == organisation.id
            )
        )
        assert sorted(regions) == ["621100", "622900"]
        admin = db.scalar(
            select(SocialWorker).where(SocialWorker.organisation_id == organisation.id)
        )
        assert admin is not None and admin.is_admin and admin.user.openid == "o_applicant"
        actions = set(
            db.scalars(select(AuditEntry.action).where(AuditEntry.target_type == "application"))
        )
    assert {
        "application.submitted",
        "application.approved",
        "application.document_viewed",
    } <= actions
    run_worker(redis_url)
    assert any("入驻申请通过了" in text for text in pushed_texts(applicant))
    assert "/console/link/" in applicant.say("登录")  # now an organisation admin


def test_bad_input_is_refused_clearly_and_keeps_nothing(
    app: Flask, household: WeChatUser, client: FlaskClient
) -> None:
    path = application_link(household.other("o_applicant"))
    cases = [
        (form(credit_code=WRONG_CHECK), "统一社会信用代码不对"),
        (form(credit_code="1234"), "统一社会信用代码不对"),
        (form(places="火星、月球县"), "没有找到地区“火星”"),
        (form(contact_phone="12345"), "联系电话不对"),
        (form(fields=[]), "请至少选一个服务领域"),
        (form(documents=[(io.BytesIO(b"%PDF-1.4 not a photo" * 50), "c.jpg")]), "不是照片"),
    ]
    for values, says in cases:
        refused = apply(app.test_client(), path, values)
        assert refused.status_code == 400 and says in refused.get_data(as_text=True), says
    forged = client.post(path, data=form())  # no CSRF token
    assert forged.status_code == 400
    assert applications(app) == [] and _documents(app) == []
    assert apply(app.test_client(), path, form()).status_code == 200  # the link still works
    assert ConsoleClient(app.test_client()).get(path).status_code == 404  # used up
    assert client.get("/console/apply/not-a-token").status_code == 404


def test_more_is_asked_the_applicant_completes_it_then_it_is_rejected_with_a_reason(
    app: Flask,
    household: WeChatUser,
    runner: FlaskCliRunner,
    dingxi_worker: WeChatUser,
    redis_url: str,
) -> None:
    staff = operator(household, runner)
    applicant = household.other("o_applicant")
    apply(app.test_client(), application_link(applicant), form(documents=[]))
    [application] = applications(app)
    worker = sign_in(app.test_client(), dingxi_worker)
    assert worker.get("/console/applications").status_code == 404  # operators only
    assert worker.get(f"/console/applications/{application.id}").status_code == 404
    console = sign_in(app.test_client(), staff)
    console.get(f"/console/applications/{application.id}")
    path = f"/console/applications/{application.id}"
    console.post(f"{path}/more", {"reason": "请上传登记证书照片"})
    run_worker(redis_url)
    asked = next(text for text in pushed_texts(applicant) if "还需要补充" in text)
    assert "请上传登记证书照片" in asked
    again = asked[asked.index("/console/apply/") :].split()[0]
    page = ConsoleClient(app.test_client()).get(again).get_data(as_text=True)
    assert "请上传登记证书照片" in page and "定西市阳光社会工作服务中心" in page  # prefilled
    assert apply(app.test_client(), again, form(about="补充：附登记证书。")).status_code == 200
    [application] = applications(app)
    assert application.status == ApplicationStatus.SUBMITTED and len(_documents(app)) == 1
    console.get(path)
    console.post(f"{path}/reject", {"reason": "服务地区与登记地不符"})
    run_worker(redis_url)
    assert any("服务地区与登记地不符" in text for text in pushed_texts(applicant))
    assert applications(app)[0].status == ApplicationStatus.REJECTED
    console.get(path)
    late = console.post(f"{path}/approve")  # decided already
    assert "不在待审核状态" in console.get(late.location).get_data(as_text=True)


def _documents(app: Flask) -> list[Attachment]:
    with app.extensions["zhulian"].services.db.session() as db:
        return list(db.scalars(select(Attachment).where(Attachment.application_id.is_not(None))))


def test_delete_my_data_erases_the_applicants_contact_and_documents(
    app: Flask, household: WeChatUser
) -> None:
    applicant = household.other("o_applicant")
    apply(app.test_client(), application_link(applicant), form())
    assert "确认删除" in applicant.say("删除我的信息")
    assert "已删除" in applicant.say("确定")
    [application] = applications(app)
    assert (application.contact_name, application.contact_phone) == ("（已删除）", "（已删除）")
    assert [d.storage_key for d in _documents(app)] == [None]
