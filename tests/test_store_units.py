"""Plain-Python parts of the store: URLs, secrets, duplicates, CSV cells (the rate limiter:
test_store_login_attempts.py)."""

from __future__ import annotations

import sqlite3

import pytest
import store_support

from data.store import open_store
from data.store.auth import (
    SecretTooShort,
    configured_secret,
    secret_fingerprint,
    secret_matches,
)
from data.store.csvio import neutralise_cell, unneutralise_cell
from data.store.duplicates import similarity
from data.store.engine import DEFAULT_DB_PATH, resolve_url
from data.store.validation import email_error, slugify

# -- engine ------------------------------------------------------------------------------


def test_url_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("ATLAS_DB_PATH", raising=False)
    assert resolve_url() == f"sqlite:///{DEFAULT_DB_PATH}"
    assert DEFAULT_DB_PATH.parent.name == "var"
    monkeypatch.setenv("ATLAS_DB_PATH", str(tmp_path / "x.sqlite"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'x.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db/atlas")
    assert resolve_url() == "postgresql+psycopg://u:p@db/atlas"
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@db/atlas")
    assert resolve_url() == "postgresql+psycopg://u@db/atlas"
    assert resolve_url("sqlite:////tmp/other.sqlite") == "sqlite:////tmp/other.sqlite"


def test_sqlite_store_uses_wal_and_full_sync(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("ATLAS_DB_PATH", str(tmp_path / "sub" / "atlas.sqlite"))
    store = open_store(seed_path=None)
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        store.close()
    # WAL is a property of the file: any other client sees it too
    with sqlite3.connect(tmp_path / "sub" / "atlas.sqlite") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"initiatives", "audit_log", "store_meta", "alembic_version"} <= tables


@pytest.mark.parametrize(("setting", "waits_ms"), [(None, 15_000), ("1500", 1_500)])
def test_sqlite_busy_timeout_is_15_s_unless_set(setting, waits_ms, tmp_path, monkeypatch):
    if setting is None:
        monkeypatch.delenv("ATLAS_SQLITE_BUSY_TIMEOUT_MS", raising=False)
    else:
        monkeypatch.setenv("ATLAS_SQLITE_BUSY_TIMEOUT_MS", setting)
    store = open_store(f"sqlite:///{tmp_path / 'atlas.sqlite'}", seed_path=None)
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == waits_ms
    finally:
        store.close()


@pytest.mark.parametrize("setting", ["0", "-5", "15s", "1.5"])
def test_a_wrong_busy_timeout_is_refused_and_named(setting, tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_SQLITE_BUSY_TIMEOUT_MS", setting)
    with pytest.raises(ValueError, match="ATLAS_SQLITE_BUSY_TIMEOUT_MS"):
        open_store(f"sqlite:///{tmp_path / 'atlas.sqlite'}", seed_path=None)


def test_an_in_memory_sqlite_store_is_refused():
    with pytest.raises(ValueError, match="file"):
        open_store("sqlite://", seed_path=None)


# -- secrets ------------------------------------------------------------------


def test_secret_configuration(monkeypatch):
    assert configured_secret({}, None) is None
    assert configured_secret({}, {}) is None
    assert configured_secret({"ATLAS_MODERATION_SECRET": "  "}, None) is None
    long = "s" * 16
    assert configured_secret({"ATLAS_MODERATION_SECRET": long}, None) == long
    assert configured_secret({}, {"moderation_secret": long}) == long
    # the environment wins over secrets.toml
    assert (
        configured_secret({"ATLAS_MODERATION_SECRET": long}, {"moderation_secret": "t" * 16})
        == long
    )
    with pytest.raises(SecretTooShort):
        configured_secret({"ATLAS_MODERATION_SECRET": "short"}, None)


def test_secret_comparison():
    assert secret_matches("un secret assez long", "un secret assez long")
    assert not secret_matches("un secret assez lon", "un secret assez long")
    assert not secret_matches("", "un secret assez long")
    assert not secret_matches("un secret assez long ", "un secret assez long")
    assert secret_fingerprint("a" * 12) != secret_fingerprint("b" * 12)
    assert "a" * 12 not in secret_fingerprint("a" * 12)


# -- duplicates, slugs, CSV cells, e-mail ------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "similar"),
    [
        ("Maison de santé de Vézelay", "MSP Vézelay", True),
        ("Centre de santé municipal", "Centre municipal de santé", True),
        ("CENTRE DE SANTE MUNICIPAL", "Centre de santé municipal", True),
        ("Maison de santé", "Maison de santé pluriprofessionnelle", True),
        ("Centre de santé de Vézelay", "Bourse d'études de Vézelay", False),
        ("Maison de santé", "Centre de santé", False),
        ("Bus santé", "Aide à l'installation des médecins", False),
    ],
)
def test_name_similarity(a, b, similar):
    assert (similarity(a, b, "Vézelay") >= 0.75) is similar


def test_slugify():
    assert slugify("Maison de santé de Vézelay") == "maison-de-sante-de-vezelay"
    assert slugify("<script>alert(1)</script>") == "script-alert-1-script"
    assert slugify("«  »") == ""
    assert len(slugify("mot " * 100, 40)) <= 40


@pytest.mark.parametrize("cell", ["=1+1", "+33", "-30 %", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised_and_restored(cell):
    assert neutralise_cell(cell) == "'" + cell
    assert unneutralise_cell(neutralise_cell(cell)) == cell


def test_ordinary_cells_are_untouched():
    for cell in ["Maison de santé", "'quoted", "https://x.fr", "", "2023"]:
        assert neutralise_cell(cell) == cell
        assert unneutralise_cell(cell) == cell


@pytest.mark.parametrize(
    ("email", "ok"),
    [
        ("mairie@vezelay.fr", True),
        ("prenom.nom+atlas@sous.domaine.org", True),
        ("", True),
        ("pas-une-adresse", False),
        ("a@b", False),
        ("a b@c.fr", False),
        ("<x>@c.fr", False),
        ("a@" + "d" * 260 + ".fr", False),
    ],
)
def test_email_format(email, ok):
    assert (email_error(email) is None) is ok


# -- the PostgreSQL fixture itself ---------------------------------------------------------------


def test_postgres_tests_fail_in_ci_without_a_server(monkeypatch):
    monkeypatch.delenv(store_support.PG_ENV, raising=False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="ATLAS_TEST_POSTGRES_URL"):
        store_support.postgres_base_url()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="postgres_start"):
        store_support.postgres_base_url()


def test_a_bad_source_is_quoted_up_to_80_characters():
    from data.initiatives import load_reference
    from data.initiatives.checks import quote_value
    from data.store.validation import Proposal, check_proposal

    long_value = "pas une adresse " + "x" * 200
    check = check_proposal(
        Proposal(name="Centre", lever="", description_fr="", sources=[long_value]),
        load_reference(),
    )
    [message] = check.by_field()["sources"]
    assert f"« {long_value[:80]}… »" in message
    assert long_value[:81] not in message
    assert quote_value("court") == "court"


@pytest.mark.parametrize(
    ("column", "value", "expected", "unexpected"),
    [
        ("name", "Centre de sant\x07 Vézelay", "contrôle U+0007 en position 15", "ligne"),
        ("name", "Centre\nde santé", "retour à la ligne interdit (en position 7)", "U+"),
        ("name", "Centre\tde santé", "caractère de contrôle U+0009 en position 7", "ligne"),
        ("description_fr", "Un texte\x1bavec échappement", "U+001B en position 9", "ligne"),
    ],
)
def test_a_control_character_is_named_with_its_position(column, value, expected, unexpected):
    from data.store.validation import text_errors

    messages = [e.message for e in text_errors({column: value}) if e.column == column]
    assert any(expected in m for m in messages), messages
    assert not any(unexpected in m for m in messages if expected in m)


def test_a_line_break_is_allowed_where_the_field_has_several_lines():
    from data.store.validation import text_errors

    value = "Une description\nsur deux lignes, assez longue pour passer."
    assert not [e for e in text_errors({"description_fr": value}) if e.column == "description_fr"]


@pytest.mark.parametrize("control", ["\u202a", "\u202e", "\u2066", "\u2069", "\u200e", "\u200f"])
def test_clean_text_strips_bidirectional_controls(control):
    from data.store.validation import clean_text

    assert clean_text(f" {control}Centre{control} de santé ") == "Centre de santé"


def test_a_source_typed_with_a_bidi_control_is_kept_without_it():
    from data.store.validation import split_sources

    assert split_sources("\u202ehttps://example.org/a\u202c\nhttps://x.fr/b") == [
        "https://example.org/a",
        "https://x.fr/b",
    ]
