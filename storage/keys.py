"""Key rotation: after prepending a new key to `DATA_ENCRYPTION_KEY`, re-encrypt every
personal field with it; the old key can be removed once this has run."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import attributes

from storage.db import Database
from storage.models import Base, EncryptedText

BATCH = 500


def _encrypted_columns() -> dict[type[Base], list[str]]:
    found: dict[type[Base], list[str]] = {}
    for mapper in Base.registry.mappers:
        names = [c.key for c in mapper.columns if isinstance(c.type, EncryptedText)]
        if names:
            found[mapper.class_] = names
    return found


def reencrypt_all(database: Database) -> dict[str, int]:
    """Rewrite every encrypted value (decrypted with any key, encrypted with the first)."""
    counts: dict[str, int] = {}
    for model, columns in _encrypted_columns().items():
        last_id, total = 0, 0
        while True:
            with database.session() as session:
                key = model.__table__.c.id
                rows = list(
                    session.scalars(select(model).where(key > last_id).order_by(key).limit(BATCH))
                )
                for row in rows:
                    for column in columns:
                        if getattr(row, column) is not None:
                            attributes.flag_modified(row, column)
                total += len(rows)
            if len(rows) < BATCH:
                break
            last_id = getattr(rows[-1], "id")  # noqa: B009 - every encrypted table has an id
        counts[model.__tablename__] = total
    return counts
