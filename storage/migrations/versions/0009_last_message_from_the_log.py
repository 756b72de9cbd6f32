"""when a user last wrote is read from the inbound log: users.last_message_at goes (one
write fewer per message)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("last_message_at")


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("last_message_at", sa.DateTime(timezone=True), nullable=True))
