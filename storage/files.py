"""Where attachments live: one small interface, encrypted at rest with the data key. A
local directory by default; every file is written whole (a temporary file, then a rename)
and never served by a public URL."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Protocol

from storage.crypto import cipher


class FileStore(Protocol):
    def put(self, data: bytes) -> str:
        """Store the bytes encrypted; the key to find them again."""

    def get(self, key: str) -> bytes:
        """The bytes, decrypted (KeyError when there is no such file)."""

    def delete(self, key: str) -> None:
        """Remove the file (no error when it is gone already)."""


class LocalFileStore:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        if not key.isalnum():
            raise KeyError(key)
        return self.root / key[:2] / key

    def put(self, data: bytes) -> str:
        key = secrets.token_hex(20)
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
