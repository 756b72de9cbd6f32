"""Encryption at rest for personal fields, and keyed hashes for duplicate detection.

`DATA_ENCRYPTION_KEY` holds one or more Fernet keys separated by commas: the first
encrypts, all of them decrypt (so a key can be rotated without downtime: prepend the new
key). The keyed hash is derived from the last (oldest) key so it stays stable across a
rotation.
"""

from __future__ import annotations

import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


class FieldCipher:
    """Encrypts and decrypts short text fields; derives a stable keyed hash."""

    def __init__(self, keys: str) -> None:
        key_list = [k.strip() for k in keys.split(",") if k.strip()]
        if not key_list:
            raise ValueError("DATA_ENCRYPTION_KEY is empty")
        try:
            self._fernet = MultiFernet([Fernet(k.encode()) for k in key_list])
        except ValueError as exc:
            raise ValueError("DATA_ENCRYPTION_KEY must hold url-safe base64 Fernet keys") from exc
        self._hash_key = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"zhulian-keyed-hash"
        ).derive(key_list[-1].encode())

    def encrypt(self, plain: str) -> str:
        return self._fernet.encrypt(plain.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken as exc:
            raise ValueError("cannot decrypt a stored field with the configured keys") from exc

    def encrypt_bytes(self, plain: bytes) -> bytes:
        return self._fernet.encrypt(plain)

    def decrypt_bytes(self, token: bytes) -> bytes:
        try:
            return self._fernet.decrypt(token)
        except InvalidToken as exc:
            raise ValueError("cannot decrypt a stored file with the configured keys") from exc

    def keyed_hash(self, value: str) -> str:
        """HMAC-SHA256 of a normalised value: equal inputs give equal hashes, nothing leaks."""
        return hmac.new(self._hash_key, value.strip().upper().encode(), hashlib.sha256).hexdigest()


_cipher: FieldCipher | None = None


def configure(keys: str) -> FieldCipher:
    """Install the process-wide cipher (called by the app factory and the worker)."""
    global _cipher
    _cipher = FieldCipher(keys)
    return _cipher


def cipher() -> FieldCipher:
    if _cipher is None:
        raise RuntimeError("storage.crypto.configure() has not been called")
    return _cipher


def generate_key() -> str:
    return Fernet.generate_key().decode("ascii")
