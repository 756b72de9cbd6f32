"""audit entries are sealed into the chain after they commit: their place in it (`seq`);
entries chained so far keep their links, in id order

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24 23:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.create_unique_constraint("uq_audit_log_seq", ["seq"])
    ids = op.get_bind().execute(
        sa.text("SELECT id FROM audit_log WHERE chain_hash IS NOT NULL ORDER BY id")
    )
    update = sa.text("UPDATE audit_log SET seq = :seq WHERE id = :id")
    for seq, (entry,) in enumerate(ids.fetchall(), start=1):
        op.get_bind().execute(update, {"seq": seq, "id": entry})


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_constraint("uq_audit_log_seq", type_="unique")
        batch.drop_column("seq")
