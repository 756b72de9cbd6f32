"""a tamper-evident chain over the audit log: content and chain hashes, an erased flag;
existing entries are chained in id order

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 19:40:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from storage.audit_chain import GENESIS, content_hash, link_hash
from storage.models import UTCDateTime

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_audit = sa.table(
    "audit_log",
    sa.column("id", sa.Integer),
    sa.column("at", UTCDateTime()),
    sa.column("actor", sa.String),
    sa.column("action", sa.String),
    sa.column("target_type", sa.String),
    sa.column("target_id", sa.Integer),
    sa.column("detail", sa.JSON),
    sa.column("content_hash", sa.String),
    sa.column("chain_hash", sa.String),
)


class _Row:
    def __init__(self, row: Any, content: str) -> None:
        self.id, self.at, self.action = row.id, row.at, row.action
        self.target_type, self.target_id = row.target_type, row.target_id
        self.content_hash = content


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("content_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("chain_hash", sa.String(length=64), nullable=True))
        batch.add_column(
            sa.Column("erased", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    connection = op.get_bind()
    previous = GENESIS
    for row in connection.execute(sa.select(_audit).order_by(_audit.c.id)).all():
        entry = _Row(row, content_hash(row.actor, row.detail or {}))
        previous = link_hash(previous, entry)
        connection.execute(
            _audit.update()
            .where(_audit.c.id == row.id)
            .values(content_hash=entry.content_hash, chain_hash=previous)
        )


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("erased")
        batch.drop_column("chain_hash")
        batch.drop_column("content_hash")
