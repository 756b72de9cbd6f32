"""pledges: a donor's consent to appear on the thank-you list

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03 09:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("pledges", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("thank_publicly", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("pledges", schema=None) as batch_op:
        batch_op.drop_column("thank_publicly")
