"""Where the store lives and how to connect to it.

``DATABASE_URL`` (PostgreSQL in production, e.g. ``postgresql://user@host/atlas``)
wins; otherwise an SQLite file, ``ATLAS_DB_PATH`` or ``<repo>/var/atlas.sqlite``.

SQLite runs in WAL mode with ``synchronous=FULL``: a committed transaction is on
disk before :meth:`~sqlalchemy.engine.Connection.commit` returns, so killing the
process right after an acknowledgement loses nothing. Transactions are started by
us (``BEGIN`` for reads, ``BEGIN IMMEDIATE`` for writes, see :data:`WRITE`) instead
of by the ``sqlite3`` module, so that two writers never deadlock on a lock upgrade:
the second one waits (``busy_timeout``) for the first to commit.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from data.paths import REPO_ROOT

DEFAULT_DB_PATH = REPO_ROOT / "var" / "atlas.sqlite"
SQLITE_BUSY_TIMEOUT_MS = 15_000
BUSY_TIMEOUT_ENV = "ATLAS_SQLITE_BUSY_TIMEOUT_MS"

# Execution option of write transactions: ``engine.execution_options(**WRITE)``.
WRITE: dict[str, Any] = {"atlas_write": True}


def default_sqlite_path() -> Path:
    """``ATLAS_DB_PATH`` if set, else ``<repo>/var/atlas.sqlite``."""
    override = os.environ.get("ATLAS_DB_PATH")
    return Path(override).expanduser() if override else DEFAULT_DB_PATH


def sqlite_busy_timeout_ms() -> int:
    """How long a writer waits for another one's lock before giving up (SQLite):
    ``ATLAS_SQLITE_BUSY_TIMEOUT_MS``, else 15 s."""
    text = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if not text:
        return SQLITE_BUSY_TIMEOUT_MS
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{BUSY_TIMEOUT_ENV} must be a positive number of milliseconds: {text!r}")
    return int(text)


def resolve_url(url: str | None = None) -> str:
    """The database URL to use: ``url``, else ``DATABASE_URL``, else the SQLite file.

    ``postgres://`` and ``postgresql://`` (what hosting platforms hand out) are
    mapped to SQLAlchemy's psycopg 3 driver.
    """
    chosen = url or os.environ.get("DATABASE_URL") or ""
    if not chosen:
        return f"sqlite:///{default_sqlite_path()}"
    for prefix in ("postgres://", "postgresql://"):
        if chosen.startswith(prefix):
            return "postgresql+psycopg://" + chosen[len(prefix) :]
    return chosen


def is_sqlite(url: str | URL) -> bool:
    return make_url(str(url) if isinstance(url, URL) else url).get_backend_name() == "sqlite"


def safe_url(url: str) -> str:
    """The URL without its password (for logs and error messages)."""
    return make_url(url).render_as_string(hide_password=True)


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (already resolved); SQLite gets WAL and our BEGIN handling."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, future=True)
    database = parsed.database or ""
    if not database or database == ":memory:":
        raise ValueError("the store needs an SQLite file, not an in-memory database")
    Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    busy_timeout_ms = sqlite_busy_timeout_ms()
    engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy (the "begin" hook below) emit BEGIN, not the sqlite3 module.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get("atlas_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
