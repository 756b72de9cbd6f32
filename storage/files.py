"""Where attachments live: one small interface, encrypted at rest with the data key, never
served by a public URL. A local directory by default (every file written whole: a temporary
file, then a rename); an S3-compatible object store (MinIO, or any S3) for deployments with
several web servers, named by one URL: `http://ACCESS_KEY:SECRET_KEY@host:9000/bucket`."""

from __future__ import annotations

import io
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

import urllib3
from minio import Minio
from minio.error import MinioException, S3Error

from storage.crypto import cipher


class FileStore(Protocol):
    def put(self, data: bytes) -> str:
        """Store the bytes encrypted; the key to find them again."""

    def get(self, key: str) -> bytes:
        """The bytes, decrypted (KeyError when there is no such file)."""

    def delete(self, key: str) -> None:
        """Remove the file (no error when it is gone already)."""


def new_key() -> str:
    return secrets.token_hex(20)


class LocalFileStore:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        if not key.isalnum():
            raise KeyError(key)
        return self.root / key[:2] / key

    def put(self, data: bytes) -> str:
        key = new_key()
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(cipher().encrypt_bytes(data))
        os.replace(partial, path)
        return key

    def get(self, key: str) -> bytes:
        path = self._path(key)
        if not path.exists():
            raise KeyError(key)
        return cipher().decrypt_bytes(path.read_bytes())

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)


class StoreUnavailable(OSError):
    """The object store could not be reached, or refused the request."""


@contextmanager
def _reaching_store() -> Iterator[None]:
    try:
        yield
    except S3Error as exc:
        if exc.code in ("NoSuchKey", "NoSuchBucket"):
            raise KeyError(exc.code) from exc
        raise StoreUnavailable(f"object store: {exc.code}") from exc
    except (MinioException, urllib3.exceptions.HTTPError) as exc:
        raise StoreUnavailable(f"object store: {exc}") from exc


class S3FileStore:
    """Objects `<key[:2]>/<key>` in one bucket, made on first use; only ciphertext leaves the
    process. The bucket must not be public: files are read back through the console only.
    A store that cannot be reached raises StoreUnavailable (an OSError, like a full disk)."""

    def __init__(self, url: str, timeout: float = 10.0) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname or not parts.path.strip("/"):
            raise ValueError("an S3 store URL is http(s)://ACCESS_KEY:SECRET_KEY@host:port/bucket")
        self.bucket = parts.path.strip("/")
        self.endpoint = f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname
        self.client = Minio(
            self.endpoint,
            access_key=unquote(parts.username or ""),
            secret_key=unquote(parts.password or ""),
            secure=parts.scheme == "https",
            http_client=urllib3.PoolManager(
                timeout=urllib3.Timeout(connect=timeout, read=timeout),
                retries=urllib3.Retry(
                    total=2, backoff_factor=0.2, status_forcelist=(502, 503, 504)
                ),
            ),
        )
        self._bucket_ready = False

    @staticmethod
    def _name(key: str) -> str:
        if not key.isalnum():
            raise KeyError(key)
        return f"{key[:2]}/{key}"

    def put(self, data: bytes) -> str:
        key = new_key()
        sealed = cipher().encrypt_bytes(data)
        with _reaching_store():
            if not self._bucket_ready and not self.client.bucket_exists(self.bucket):
                self.client.make_bucket(self.bucket)
            self._bucket_ready = True
            self.client.put_object(self.bucket, self._name(key), io.BytesIO(sealed), len(sealed))
        return key

    def get(self, key: str) -> bytes:
        name = self._name(key)
        with _reaching_store():
            response = self.client.get_object(self.bucket, name)
            try:
                sealed = response.read()
            finally:
                response.close()
                response.release_conn()
        return cipher().decrypt_bytes(sealed)

    def delete(self, key: str) -> None:
        name = self._name(key)
        try:
            with _reaching_store():
                self.client.remove_object(self.bucket, name)
        except KeyError:
            pass  # no bucket yet: nothing to delete


def file_store(local_dir: str, s3_url: str = "") -> FileStore:
    """The store the settings name: the S3 URL when one is set, else the local directory."""
    return S3FileStore(s3_url) if s3_url else LocalFileStore(local_dir)
