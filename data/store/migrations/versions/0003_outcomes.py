"""Catalogue dates on initiatives (status_date, verified_on).

Revision ID: 0003_outcomes
Revises: 0002_login_attempts
Create Date: 2026-12-02

The lead chains this revision after ``0002_login_attempts`` when the branches merge.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_outcomes"
down_revision: str | Sequence[str] | None = "0002_login_attempts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("initiatives") as batch:
        batch.add_column(sa.Column("status_date", sa.String(10), nullable=False, server_default=""))
        batch.add_column(sa.Column("verified_on", sa.String(10), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("initiatives") as batch:
        batch.drop_column("verified_on")
        batch.drop_column("status_date")
