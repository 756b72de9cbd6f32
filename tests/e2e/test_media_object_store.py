"""Photos kept in an S3-compatible object store (MEDIA_S3_URL: MinIO when installed, else
moto's S3 server, over HTTP), end to end through signed XML: the file lands in the bucket as
ciphertext and nothing on local disk, the covering worker sees it in the console, a store
that is down leaves the photo pending until it is back, and delete-my-data removes it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from minio import Minio

from jobs.media import fetch_media
from nlu.server import free_port
from storage.models import AttachmentStatus
from tests.e2e.test_media import CAMERA, photo, stored
from tests.support.chat import file_case
from tests.support.console import sign_in
from tests.support.s3 import ACCESS_KEY, SECRET_KEY
from tests.support.wechat import WeChatUser


@pytest.fixture
def app(make_app: Callable[..., Flask], s3_url: str, monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.setenv("MEDIA_S3_URL", s3_url)  # the media job reads the environment
    return make_app(media_s3_url=s3_url)


def objects(app: Flask) -> dict[str, bytes]:
    files = app.extensions["zhulian"].services.files
    raw = Minio(files.endpoint, access_key=ACCESS_KEY, secret_key=SECRET_KEY, secure=False)
    found: dict[str, bytes] = {}
    if not raw.bucket_exists(files.bucket):
        return found
    for item in raw.list_objects(files.bucket, recursive=True):
        response = raw.get_object(files.bucket, item.object_name)
        found[item.object_name] = response.read()
        response.close()
        response.release_conn()
    return found


def test_a_photo_goes_to_the_object_store_encrypted_and_is_shown_in_scope(
    app: Flask, household: WeChatUser, dingxi_worker: WeChatUser
) -> None:
    before = set(objects(app))
    number = file_case(household)
    household.send_photo(photo())
    assert fetch_media() == 1
    [attachment] = stored(app)
    new = {name: data for name, data in objects(app).items() if name not in before}
    assert list(new) == [f"{attachment.storage_key[:2]}/{attachment.storage_key}"]
    [data] = new.values()
    assert b"\xff\xd8\xff" not in data and CAMERA.encode() not in data
    assert not any(Path(app.extensions["zhulian"].settings.media_dir).rglob("*"))
    mine = sign_in(app.test_client(), dingxi_worker)
    shown = mine.get(f"/console/attachments/{attachment.id}")
    assert shown.status_code == 200 and shown.data.startswith(b"\xff\xd8\xff")
    assert f"/console/attachments/{attachment.id}" in mine.get(
        f"/console/cases/{int(number[1:])}"
    ).get_data(as_text=True)


def test_a_store_that_is_down_leaves_the_photo_pending_until_it_is_back(
    app: Flask, household: WeChatUser, s3_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    file_case(household)
    household.send_photo(photo())
    monkeypatch.setenv("MEDIA_S3_URL", f"http://a:b@127.0.0.1:{free_port()}/media")
    assert fetch_media() == 0
    [attachment] = stored(app)
    assert attachment.status == AttachmentStatus.PENDING and "object store" in attachment.problem
    monkeypatch.setenv("MEDIA_S3_URL", s3_url)
    assert fetch_media() == 1
    assert stored(app)[0].status == AttachmentStatus.STORED


def test_delete_my_data_removes_the_object(app: Flask, household: WeChatUser) -> None:
    file_case(household)
    household.send_photo(photo())
    fetch_media()
    name = stored(app)[0].storage_key
    assert any(key.endswith(name) for key in objects(app))
    assert "确认删除" in household.say("删除我的信息")
    assert "已删除" in household.say("确定")
    assert not any(key.endswith(name) for key in objects(app))
    assert stored(app)[0].status == AttachmentStatus.ERASED
