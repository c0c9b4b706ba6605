"""The seed's bulk insert writes what one-by-one inserts write, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from store_support import db_url  # noqa: F401 (fixture)

from data.initiatives import load_catalogue
from data.store import audit, open_store
from data.store.models import audit_log, initiatives, outcomes
from data.store.outcomes import clean_record
from data.store.records import clean_values, db_columns
from data.store.writes import Act, New, create, create_many

AT = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)


def _catalogue_rows() -> tuple[list[dict[str, object]], list[dict[str, str]]]:
    """Three initiatives' columns and two outcome records, as the seed reads them."""
    files = load_catalogue().files
    rows = [row for _, row in files.initiative_rows()][:3]
    records = [clean_record(row.values) for _, row in files.outcome_rows()][:2]
    return [db_columns(clean_values(row.values)) for row in rows], records


def _items() -> list[New]:
    act = Act(audit.SYSTEM_ACTOR, "seed", AT, "grand-est/initiatives.csv")
    fixed = {"state": "published", "origin": "seed", "created_at": AT, "updated_at": AT}
    found, (first, second) = _catalogue_rows()
    columns = [c | fixed | {"slug": f"slug-{i}"} for i, c in enumerate(found)]
    columns[0]["name"] = "Maison de santé <b>un</b>"
    records = [[first, second], [], [second]]
    return [New(c, act, r) for c, r in zip(columns, records, strict=True)]


def _written(conn, pks: list[int]) -> list[tuple]:
    """Each initiative as stored, with its records and its audit entry (no pk)."""
    out = []
    for pk in pks:
        row = conn.execute(select(initiatives).where(initiatives.c.pk == pk)).mappings().one()
        recs = conn.execute(
            select(outcomes).where(outcomes.c.initiative_pk == pk).order_by(outcomes.c.position)
        ).mappings()
        entry = conn.execute(select(audit_log).where(audit_log.c.initiative_pk == pk)).one()
        out.append(
            (
                {k: v for k, v in row.items() if k != "pk"},
                [{k: v for k, v in r.items() if k not in ("pk", "initiative_pk")} for r in recs],
                (entry.actor, entry.action, entry.reason, entry.before, entry.after),
            )
        )
    return out


def test_create_many_writes_what_create_writes(db_url, tmp_path):  # noqa: F811
    store = open_store(db_url, seed_path=None)
    try:
        with store.engine.begin() as conn:
            one_by_one = [create(conn, i.columns, i.act, i.records) for i in _items()]
            expected = _written(conn, one_by_one)
            conn.rollback()
        with store.engine.begin() as conn:
            pks = create_many(conn, _items())
            assert len(pks) == 3 and pks == sorted(pks)
            assert _written(conn, pks) == expected
    finally:
        store.close()


def test_create_many_refuses_rows_with_different_columns(db_url):  # noqa: F811
    store = open_store(db_url, seed_path=None)
    items = _items()
    odd = New({k: v for k, v in items[1].columns.items() if k != "origin"}, items[1].act)
    try:
        with store.engine.begin() as conn:
            with pytest.raises(ValueError, match="same columns"):
                create_many(conn, [items[0], odd])
            assert create_many(conn, []) == []
    finally:
        store.close()
