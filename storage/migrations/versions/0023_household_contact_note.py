"""household_profiles: how the household would be reached, in its own words

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 13:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("household_profiles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("household_profiles", schema=None) as batch_op:
        batch_op.drop_column("contact_note")
