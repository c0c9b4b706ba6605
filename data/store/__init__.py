"""The contributions store: initiatives proposed, moderated and published.

SQLite file by default (WAL), PostgreSQL when ``DATABASE_URL`` is set; Alembic
migrations (``data/store/migrations``) run on open. Plain Python, no streamlit.

    store = open_store()                 # migrate, seed from data/catalogue/
    store.published_catalogue()          # what the map shows: initiatives + outcomes frames
    store.submit(Proposal(...))          # pending queue; returns after COMMIT
    store.approve(pk, "Claire")          # published; store.version() changes
    store.set_outcomes(pk, [...], "Claire")  # the outcome records of one initiative
    check_outcome_fields({...})          # per-field errors of one record typed in a form
"""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, text

from data.initiatives import CATALOGUE_DIR, Reference, load_reference
from data.paths import REPO_ROOT
from data.store.audit import AuditEntry
from data.store.auth import RateLimiter, configured_secret, secret_matches
from data.store.csvio import ImportFileError, neutralise_cell, parse_import
from data.store.duplicates import Duplicate
from data.store.engine import WRITE, is_sqlite, make_engine, resolve_url
from data.store.errors import (
    ImportRejected,
    InvalidOutcomes,
    InvalidProposal,
    InvalidRow,
    NotFound,
    StateError,
    StoreError,
)
from data.store.import_duplicates import ProbableDuplicate
from data.store.import_outcomes import ImportOutcomeRowReport
from data.store.importing import ImportReport, ImportRowReport
from data.store.moderation import EDITABLE
from data.store.outcome_fields import OutcomeCheck, check_outcome_fields
from data.store.published import PublishedFrames
from data.store.records import Initiative, SubmissionResult
from data.store.repository import Store
from data.store.seed import seed_from_catalogue
from data.store.validation import FieldError, Proposal, check_proposal, outcome_field

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
ALEMBIC_INI = REPO_ROOT / "alembic.ini"
# pg_advisory_xact_lock key: one migration/seed at a time per database.
LOCK_KEY = 0x41544C4153  # "ATLAS"

__all__ = [
    "EDITABLE",
    "AuditEntry",
    "Duplicate",
    "FieldError",
    "ImportFileError",
    "ImportOutcomeRowReport",
    "ImportRejected",
    "ImportReport",
    "ImportRowReport",
    "Initiative",
    "InvalidOutcomes",
    "InvalidProposal",
    "InvalidRow",
    "NotFound",
    "OutcomeCheck",
    "ProbableDuplicate",
    "Proposal",
    "PublishedFrames",
    "RateLimiter",
    "StateError",
    "Store",
    "StoreError",
    "SubmissionResult",
    "check_outcome_fields",
    "check_proposal",
    "configured_secret",
    "migrate",
    "neutralise_cell",
    "open_store",
    "outcome_field",
    "parse_import",
    "resolve_url",
    "secret_matches",
]


@functools.lru_cache(maxsize=1)
def default_reference() -> Reference:
    """The commune and département tables of ``data/built/`` (read once per process)."""
    return load_reference()


def alembic_config() -> Config:
    config = Config(str(ALEMBIC_INI)) if ALEMBIC_INI.is_file() else Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def migrate(conn: Connection) -> None:
    """Upgrade the schema to the latest migration, in ``conn``'s transaction."""
    config = alembic_config()
    config.attributes["connection"] = conn
    command.upgrade(config, "head")


def open_store(
    url: str | None = None,
    *,
    seed_path: Path | None = CATALOGUE_DIR,
    reference: Reference | None = None,
) -> Store:
    """Connect (``url``, else ``DATABASE_URL``, else the SQLite file), migrate to the
    latest schema and seed from the catalogue (``seed_path=None``: no seeding).

    Migration and seeding run in one transaction under a lock (PostgreSQL advisory
    lock, SQLite ``BEGIN IMMEDIATE``), so replicas starting together do it once.
    """
    resolved = resolve_url(url)
    engine = make_engine(resolved)
    ref = reference or default_reference()
    try:
        with engine.execution_options(**WRITE).begin() as conn:
            if not is_sqlite(resolved):
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
            migrate(conn)
            if seed_path is not None:
                seed_from_catalogue(conn, seed_path, ref)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, ref, resolved)
