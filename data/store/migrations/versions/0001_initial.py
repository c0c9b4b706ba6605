"""Initiatives, audit log and store metadata.

Revision ID: 0001_initial
Revises:
Create Date: 2025-11-24
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "initiatives",
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("slug", sa.String(120), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("lever", sa.String(64), nullable=False),
        sa.Column("year_started", sa.Integer(), nullable=True),
        sa.Column("carrying_actor", sa.Text(), nullable=False, server_default=""),
        sa.Column("actor_type", sa.String(32), nullable=False, server_default=""),
        sa.Column("status", sa.String(16), nullable=False, server_default=""),
        sa.Column("description_fr", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False, server_default=""),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("commune", sa.Text(), nullable=False, server_default=""),
        sa.Column("commune_code", sa.String(5), nullable=False, server_default=""),
        sa.Column("departement_code", sa.String(3), nullable=False, server_default=""),
        sa.Column("region_code", sa.String(2), nullable=False),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("case_study", sa.String(120), nullable=False, server_default=""),
        sa.Column("contact_email", sa.String(254), nullable=True),
        sa.Column("submission_token", sa.String(64), nullable=True),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("duplicate_flags", sa.Text(), nullable=False, server_default=""),
        sa.Column("reject_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("moderated_by", sa.String(120), nullable=True),
        sa.Column("moderated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("pk", name="pk_initiatives"),
        sa.UniqueConstraint("slug", name="uq_initiatives_slug"),
        sa.UniqueConstraint("submission_token", name="uq_initiatives_submission_token"),
        sa.CheckConstraint(
            "state IN ('pending', 'published', 'rejected')", name="ck_initiatives_state"
        ),
        sa.CheckConstraint(
            "origin IN ('seed', 'proposal', 'import')", name="ck_initiatives_origin"
        ),
        sa.CheckConstraint(
            "state <> 'published' OR slug IS NOT NULL", name="ck_initiatives_published_slug"
        ),
    )
    op.create_index("ix_initiatives_state", "initiatives", ["state"])
    op.create_index("ix_initiatives_commune_code", "initiatives", ["commune_code"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("initiative_pk", sa.Integer(), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
        sa.ForeignKeyConstraint(
            ["initiative_pk"],
            ["initiatives.pk"],
            name="fk_audit_log_initiative_pk_initiatives",
        ),
    )
    op.create_index("ix_audit_log_initiative_pk", "audit_log", ["initiative_pk"])
    meta = op.create_table(
        "store_meta",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("instance", sa.String(36), nullable=False),
        sa.Column("published_version", sa.BigInteger(), nullable=False),
        sa.Column("seed_digest", sa.String(64), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_store_meta"),
    )
    op.bulk_insert(
        meta,
        [{"id": 1, "instance": str(uuid.uuid4()), "published_version": 0, "seed_digest": ""}],
    )


def downgrade() -> None:
    op.drop_table("store_meta")
    op.drop_index("ix_audit_log_initiative_pk", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index("ix_initiatives_commune_code", table_name="initiatives")
    op.drop_index("ix_initiatives_state", table_name="initiatives")
    op.drop_table("initiatives")
