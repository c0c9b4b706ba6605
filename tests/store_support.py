"""Fixtures of the store tests: every test runs on SQLite (a temporary file) and on
PostgreSQL (the server scripts/test.sh starts; each test gets its own schema).

Without ``ATLAS_TEST_POSTGRES_URL`` the PostgreSQL variants fail when ``CI=true``
and are skipped otherwise.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from data.store import Proposal, Store, open_store

REPO = Path(__file__).resolve().parents[1]
PG_ENV = "ATLAS_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def postgres_base_url() -> str:
    url = os.environ.get(PG_ENV, "")
    if url:
        return url
    reason = (
        f"{PG_ENV} is not set: start PostgreSQL with "
        "`source scripts/postgres.sh; postgres_start` (scripts/test.sh does it)"
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A fresh schema, dropped afterwards; yields a URL whose search_path is that schema."""
    base = postgres_base_url()
    schema = f"atlas_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        sep = "&" if "?" in base else "?"
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> Iterator[str]:
    """An empty database: SQLite file or PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
    else:
        with postgres_schema() as url:
            yield url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """An empty SQLite database, for a test that runs on one backend only."""
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """An empty PostgreSQL schema, for a test that runs on one backend only (mark the
    test ``postgres``)."""
    with postgres_schema() as url:
        yield url


@pytest.fixture
def store(db_url) -> Iterator[Store]:
    """A store seeded from the catalogue (data/catalogue/)."""
    s = open_store(db_url)
    yield s
    s.close()


def proposal(**changes: object) -> Proposal:
    """A valid proposal (a health centre in Vézelay), with ``changes`` applied."""
    values: dict[str, object] = {
        "name": "Centre de santé municipal de Vézelay",
        "lever": "centre_de_sante_salariat",
        "description_fr": "La commune salarie deux médecins généralistes dans un centre "
        "de santé ouvert en 2023 près de la mairie.",
        "sources": ["https://www.vezelay.fr/centre-de-sante"],
        "commune_code": "89446",
        "year_started": 2023,
        "carrying_actor": ["commune"],
        "status": "active",
        "outcome": "1 800 patients suivis la première année.",
        "contact_email": "mairie@example.org",
    }
    values.update(changes)
    return Proposal(**values)  # type: ignore[arg-type]


def write_catalogue(
    directory: Path,
    rows: list[dict[str, str]],
    outcomes: Sequence[dict[str, str]] = (),
) -> None:
    """A catalogue folder with these rows and records, each in its region's files."""
    from data.initiatives import (
        CATALOGUE_DIR,
        COLUMNS,
        INITIATIVES_FILE,
        OUTCOME_COLUMNS,
        OUTCOMES_FILE,
        catalogue_csv_text,
        region_folder_name,
    )

    assert directory != CATALOGUE_DIR
    region_of = {row["id"]: row["region_code"] for row in rows}
    for region in sorted(set(region_of.values())):
        folder = directory / region_folder_name(region)
        folder.mkdir(parents=True, exist_ok=True)
        mine = [r for r in rows if r["region_code"] == region]
        records = [o for o in outcomes if region_of[o["initiative_id"]] == region]
        text = catalogue_csv_text(sorted(mine, key=lambda r: r["id"]), COLUMNS)
        (folder / INITIATIVES_FILE).write_text(text, encoding="utf-8")
        text = catalogue_csv_text(records, OUTCOME_COLUMNS)
        (folder / OUTCOMES_FILE).write_text(text, encoding="utf-8")


def python_env() -> dict[str, str]:
    """Environment of a subprocess that imports the repository's packages."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


PYTHON = sys.executable
