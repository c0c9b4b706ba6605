"""The store's tables (SQLAlchemy Core). Alembic migrations in ``migrations/`` create them.

``initiatives`` holds every initiative whatever its state: ``pending`` (proposed,
waiting for a moderator), ``published`` (on the map) or ``rejected``. Its catalogue
columns are those of the catalogue's ``initiatives.csv`` (:data:`data.initiatives.COLUMNS`),
with the catalogue ``id`` stored as ``slug``: a pending proposal gets its slug when
it is approved. ``contact_email`` is only ever shown to moderators. ``outcome`` is the
free text of the former catalogue column and of the proposal form: a note for
moderators, never published (outcome records replace it).

``outcomes`` holds the outcome records of each initiative (any state), in the
catalogue's format. ``store_meta`` has one row: ``published_version`` is incremented in the same
transaction as every change to the published set, so that readers can cache the
published frame per version. ``audit_log`` records every change (who, when,
before/after as JSON).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

STATES: tuple[str, ...] = ("pending", "published", "rejected")
ORIGINS: tuple[str, ...] = ("seed", "proposal", "import")

initiatives = Table(
    "initiatives",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("slug", String(120), unique=True, nullable=True),
    Column("state", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("lever", String(64), nullable=False),
    Column("year_started", Integer, nullable=True),
    Column("carrying_actor", Text, nullable=False, server_default=""),
    Column("actor_type", String(32), nullable=False, server_default=""),
    Column("status", String(16), nullable=False, server_default=""),
    Column("status_date", String(10), nullable=False, server_default=""),
    Column("verified_on", String(10), nullable=False, server_default=""),
    Column("description_fr", Text, nullable=False),
    Column("outcome", Text, nullable=False, server_default=""),
    Column("sources", Text, nullable=False),
    Column("commune", Text, nullable=False, server_default=""),
    Column("commune_code", String(5), nullable=False, server_default=""),
    Column("departement_code", String(3), nullable=False, server_default=""),
    Column("region_code", String(2), nullable=False),
    Column("scope", String(16), nullable=False),
    Column("case_study", String(120), nullable=False, server_default=""),
    Column("contact_email", String(254), nullable=True),
    Column("submission_token", String(64), unique=True, nullable=True),
    Column("origin", String(16), nullable=False),
    Column("duplicate_flags", Text, nullable=False, server_default=""),
    Column("reject_reason", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("moderated_by", String(120), nullable=True),
    Column("moderated_at", DateTime(timezone=True), nullable=True),
    CheckConstraint("state IN ('pending', 'published', 'rejected')", name="state"),
    CheckConstraint("origin IN ('seed', 'proposal', 'import')", name="origin"),
    CheckConstraint("state <> 'published' OR slug IS NOT NULL", name="published_slug"),
    Index("ix_initiatives_state", "state"),
    Index("ix_initiatives_commune_code", "commune_code"),
)

# One row per outcome record of an initiative (the catalogue's ``outcomes.csv``, the
# ``initiative_id`` being the initiative's ``pk`` here), kept as the catalogue's text
# so that an export gives back the figures exactly as written; ``position`` keeps
# the records' order.
outcomes = Table(
    "outcomes",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("initiative_pk", Integer, ForeignKey("initiatives.pk"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("indicator_fr", Text, nullable=False, server_default=""),
    Column("value", String(40), nullable=False, server_default=""),
    Column("unit", String(80), nullable=False, server_default=""),
    Column("period_start", String(10), nullable=False, server_default=""),
    Column("period_end", String(10), nullable=False),
    Column("baseline", String(40), nullable=False, server_default=""),
    Column("baseline_period", String(10), nullable=False, server_default=""),
    Column("measured_by", String(16), nullable=False),
    Column("measurer", Text, nullable=False, server_default=""),
    Column("method", Text, nullable=False, server_default=""),
    Column("source", Text, nullable=False),
    Column("summary_fr", Text, nullable=False, server_default=""),
    CheckConstraint("measured_by IN ('carrier', 'press', 'third_party')", name="measured_by"),
    UniqueConstraint("initiative_pk", "position", name="uq_outcomes_initiative_position"),
    Index("ix_outcomes_initiative_pk", "initiative_pk"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(120), nullable=False),
    Column("action", String(32), nullable=False),
    Column("initiative_pk", Integer, ForeignKey("initiatives.pk"), nullable=True),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
    Column("reason", Text, nullable=True),
    Index("ix_audit_log_initiative_pk", "initiative_pk"),
)

store_meta = Table(
    "store_meta",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("instance", String(36), nullable=False),
    Column("published_version", BigInteger, nullable=False),
    Column("seed_digest", String(64), nullable=False, server_default=""),
)

# Failed moderation logins (data.store.login_attempts): one row per failure, client
# key and UTC time; rows older than the rate-limit window are purged on each failure.
login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("client", String(120), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_login_attempts_client_at", "client", "at"),
    Index("ix_login_attempts_at", "at"),
)
