"""Outcome records in the database: read them per initiative, replace an initiative's
set. Records travel as catalogue rows (``OUTCOME_COLUMNS``, text); ``initiative_id``
is the initiative's slug (empty for a pending proposal)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, RowMapping, delete, insert, select

from data.initiatives import OUTCOME_COLUMNS
from data.store.duplicates import Duplicate
from data.store.models import initiatives, outcomes
from data.store.records import Initiative, to_initiative
from data.store.validation import clean_text

CHUNK = 500  # values per ``IN (...)`` list
RECORD_COLUMNS: tuple[str, ...] = tuple(c for c in OUTCOME_COLUMNS if c != "initiative_id")
Record = dict[str, str]


def clean_record(values: Mapping[str, object]) -> Record:
    """Every column of an outcome row, as cleaned text."""
    return {c: clean_text(values.get(c)) for c in OUTCOME_COLUMNS}


def _record(row: Mapping[str, object], slug: str | None) -> Record:
    out = {c: "" if row[c] is None else str(row[c]) for c in RECORD_COLUMNS}
    return {"initiative_id": slug or ""} | out


def records_of(conn: Connection, pks: Sequence[int]) -> dict[int, list[Record]]:
    """The records of these initiatives, in their order (``initiative_id`` = slug)."""
    out: dict[int, list[Record]] = {pk: [] for pk in pks}
    items = list(pks)
    for start in range(0, len(items), CHUNK):
        chunk = items[start : start + CHUNK]
        query = (
            select(outcomes, initiatives.c.slug)
            .join(initiatives, initiatives.c.pk == outcomes.c.initiative_pk)
            .where(outcomes.c.initiative_pk.in_(chunk))
            .order_by(outcomes.c.initiative_pk, outcomes.c.position)
        )
        for row in conn.execute(query).mappings():
            out[row["initiative_pk"]].append(_record(row, row["slug"]))
    return out


def published_records(conn: Connection) -> list[Record]:
    """The records of every published initiative, sorted by initiative id, then order."""
    query = (
        select(outcomes, initiatives.c.slug)
        .join(initiatives, initiatives.c.pk == outcomes.c.initiative_pk)
        .where(initiatives.c.state == "published")
        .order_by(initiatives.c.slug, outcomes.c.position)
    )
    return [_record(row, row["slug"]) for row in conn.execute(query).mappings()]


def same_records(a: Iterable[Mapping[str, str]], b: Iterable[Mapping[str, str]]) -> bool:
    """Equal record sets (order included), whatever their ``initiative_id``."""
    return [[r.get(c, "") for c in RECORD_COLUMNS] for r in a] == [
        [r.get(c, "") for c in RECORD_COLUMNS] for r in b
    ]


def _record_rows(pk: int, records: Iterable[Mapping[str, str]]) -> list[dict[str, Any]]:
    return [
        {c: clean_text(record.get(c)) for c in RECORD_COLUMNS}
        | {"initiative_pk": pk, "position": i}
        for i, record in enumerate(records)
    ]


def replace_records(conn: Connection, pk: int, records: Iterable[Mapping[str, str]]) -> None:
    """Make ``records`` (cleaned catalogue rows) the records of initiative ``pk``."""
    conn.execute(delete(outcomes).where(outcomes.c.initiative_pk == pk))
    rows = _record_rows(pk, records)
    if rows:
        conn.execute(insert(outcomes), rows)


def insert_records(conn: Connection, by_pk: Mapping[int, Iterable[Mapping[str, str]]]) -> None:
    """The records of new initiatives (which have none yet), in one statement."""
    rows = [row for pk, records in by_pk.items() for row in _record_rows(pk, records)]
    if rows:
        conn.execute(insert(outcomes), rows)


def audit_records(records: Iterable[Mapping[str, str]]) -> list[dict[str, str]]:
    """What the audit trail keeps of records (without the repeated initiative id)."""
    return [{c: r.get(c, "") for c in RECORD_COLUMNS} for r in records]


def initiatives_with_records(
    conn: Connection,
    rows: Sequence[RowMapping],
    duplicates: Sequence[Sequence[Duplicate]] | None = None,
) -> list[Initiative]:
    """Database rows as :class:`Initiative` objects, each with its outcome records."""
    found = records_of(conn, [r["pk"] for r in rows])
    dups = duplicates if duplicates is not None else [()] * len(rows)
    return [to_initiative(r, d, found[r["pk"]]) for r, d in zip(rows, dups, strict=True)]
