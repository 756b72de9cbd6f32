"""The attachment stores behind one interface, each against the real thing: a local
directory, and an S3-compatible server over HTTP (MinIO when installed, else moto's). Only
ciphertext is at rest; a missing file is a KeyError; a store that cannot be reached is an
OSError the media job retries on."""

from __future__ import annotations

from pathlib import Path

import pytest
from minio import Minio

from nlu.server import free_port
from storage import crypto
from storage.files import FileStore, LocalFileStore, S3FileStore, StoreUnavailable, file_store
from tests.support.config import TEST_KEY
from tests.support.s3 import ACCESS_KEY, SECRET_KEY

PLAIN = b"\xff\xd8\xff\xe0 a hospital bill, 2,000 yuan " * 50


@pytest.fixture(params=["local", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> FileStore:
    crypto.configure(TEST_KEY)
    if request.param == "local":
        return LocalFileStore(tmp_path / "media")
    return S3FileStore(request.getfixturevalue("s3_url"))


def _at_rest(store: FileStore, key: str) -> bytes:
    """The bytes as the store keeps them, read around it."""
    if isinstance(store, LocalFileStore):
        return (store.root / key[:2] / key).read_bytes()
    assert isinstance(store, S3FileStore)
    raw = Minio(store.endpoint, access_key=ACCESS_KEY, secret_key=SECRET_KEY, secure=False)
    response = raw.get_object(store.bucket, f"{key[:2]}/{key}")
    try:
        return response.read()
    finally:
        response.close()
        response.release_conn()


def test_a_file_comes_back_as_it_went_in_and_only_ciphertext_is_kept(store: FileStore) -> None:
    key = store.put(PLAIN)
    assert store.get(key) == PLAIN
    kept = _at_rest(store, key)
    assert b"hospital" not in kept and b"\xff\xd8\xff" not in kept
    assert store.put(PLAIN) != key  # every file its own key


def test_a_missing_or_forged_key_is_a_key_error(store: FileStore) -> None:
    store.put(b"x")
    with pytest.raises(KeyError):
        store.get("0" * 40)
    with pytest.raises(KeyError):
        store.get("../../etc/passwd")


def test_deleting_twice_is_no_error(store: FileStore) -> None:
    key = store.put(PLAIN)
    store.delete(key)
    store.delete(key)
    with pytest.raises(KeyError):
        store.get(key)


def test_an_unreachable_object_store_is_an_os_error() -> None:
    crypto.configure(TEST_KEY)
    down = S3FileStore(f"http://a:b@127.0.0.1:{free_port()}/media", timeout=1)
    with pytest.raises(StoreUnavailable) as caught:
        down.put(PLAIN)
    assert isinstance(caught.value, OSError)


def test_the_settings_choose_the_store(tmp_path: Path, s3_url: str) -> None:
    assert isinstance(file_store(str(tmp_path)), LocalFileStore)
    assert isinstance(file_store(str(tmp_path), s3_url), S3FileStore)
    with pytest.raises(ValueError, match="ACCESS_KEY"):
        S3FileStore("s3://nobody")
