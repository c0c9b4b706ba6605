"""Outcome records of initiatives; catalogue dates on initiatives (status_date,
verified_on).

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
    op.create_table(
        "outcomes",
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("initiative_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("indicator_fr", sa.Text(), nullable=False, server_default=""),
        sa.Column("value", sa.String(40), nullable=False, server_default=""),
        sa.Column("unit", sa.String(80), nullable=False, server_default=""),
        sa.Column("period_start", sa.String(10), nullable=False, server_default=""),
        sa.Column("period_end", sa.String(10), nullable=False),
        sa.Column("baseline", sa.String(40), nullable=False, server_default=""),
        sa.Column("baseline_period", sa.String(10), nullable=False, server_default=""),
        sa.Column("measured_by", sa.String(16), nullable=False),
        sa.Column("measurer", sa.Text(), nullable=False, server_default=""),
        sa.Column("method", sa.Text(), nullable=False, server_default=""),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("summary_fr", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("pk", name="pk_outcomes"),
        sa.ForeignKeyConstraint(
            ["initiative_pk"], ["initiatives.pk"], name="fk_outcomes_initiative_pk_initiatives"
        ),
        sa.UniqueConstraint("initiative_pk", "position", name="uq_outcomes_initiative_position"),
        sa.CheckConstraint(
            "measured_by IN ('carrier', 'press', 'third_party')", name="ck_outcomes_measured_by"
        ),
    )
    op.create_index("ix_outcomes_initiative_pk", "outcomes", ["initiative_pk"])


def downgrade() -> None:
    op.drop_index("ix_outcomes_initiative_pk", table_name="outcomes")
    op.drop_table("outcomes")
    with op.batch_alter_table("initiatives") as batch:
        batch.drop_column("verified_on")
        batch.drop_column("status_date")
