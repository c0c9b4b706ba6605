"""The outcome records of a moderation import (an optional ``outcomes.csv`` next to
the ``initiatives.csv``): checked row by row and field by field, then grouped.

The records of one initiative in the file replace its records in the store, all
together: if one of them is invalid (or the initiative's own row is), none is
written. Initiatives the file does not mention keep their records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from data.initiatives import OUTCOME_COLUMNS, CsvRow, CsvTable, RowError, iter_outcome_errors
from data.initiatives.row_error import header_errors
from data.store.models import initiatives
from data.store.outcome_fields import OUTCOMES_MAX, outcome_text_errors
from data.store.outcomes import Record, clean_record, records_of, same_records
from data.store.records import cleaned_table_rows
from data.store.writes import chunks

OutcomeRows = CsvTable | Iterable[Any]


@dataclass(frozen=True)
class ImportOutcomeRowReport:
    line: int
    initiative_id: str
    action: str  # "write" (its initiative's records are replaced), "unchanged", "invalid"
    errors: tuple[RowError, ...] = ()


@dataclass(frozen=True)
class OutcomePlan:
    """What the outcomes file would do: per-row reports, header errors, and the new
    record set of each initiative whose records change."""

    rows: tuple[ImportOutcomeRowReport, ...] = ()
    header_errors: tuple[RowError, ...] = ()
    to_write: Mapping[str, list[Record]] | None = None

    @property
    def sets(self) -> Mapping[str, list[Record]]:
        return self.to_write or {}


def _store_pks(conn: Connection, slugs: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in chunks(slugs):
        query = select(initiatives.c.slug, initiatives.c.pk).where(initiatives.c.slug.in_(chunk))
        found.update({slug: pk for slug, pk in conn.execute(query)})
    return found


def plan_outcomes(
    conn: Connection, rows: OutcomeRows, file_rows: Mapping[str, tuple[int, bool]]
) -> OutcomePlan:
    """``file_rows``: id -> (line, valid) of the initiatives file's rows."""
    items = cleaned_table_rows(rows, clean_record)
    headers: tuple[RowError, ...] = ()
    if isinstance(rows, CsvTable):
        headers = tuple(header_errors(rows.columns, OUTCOME_COLUMNS))
    ids = sorted({r.values["initiative_id"] for r in items if r.values["initiative_id"]})
    stored = _store_pks(conn, ids)
    known = {ident: "" for ident in (*file_rows, *stored)}
    errors: dict[int, list[RowError]] = {}
    for err in iter_outcome_errors(items, known):
        errors.setdefault(err.row, []).append(err)
    for row in items:
        for column, message in outcome_text_errors(row.values):
            errors.setdefault(row.line, []).append(RowError(row.line, column, message))
    groups: dict[str, list[CsvRow]] = {}
    for row in items:
        groups.setdefault(row.values["initiative_id"], []).append(row)
    current = records_of(conn, list(stored.values()))
    reports: dict[int, ImportOutcomeRowReport] = {}
    to_write: dict[str, list[Record]] = {}
    for ident, group in groups.items():
        blocking = _group_errors(ident, group, file_rows)
        if headers:
            blocking.append("en-tête du fichier des résultats invalide")
        broken = [r.line for r in group if errors.get(r.line)]
        if broken:
            lines = ", ".join(map(str, broken))
            blocking.append(f"un résultat de cette initiative est invalide (ligne {lines})")
        new = [row.values for row in group]
        if blocking:
            action = "invalid"
        elif ident in stored and same_records(current[stored[ident]], new):
            action = "unchanged"
        else:
            action = "write"
            to_write[ident] = new
        for row in group:
            own = errors.get(row.line) or [
                RowError(row.line, "initiative_id", f"non importé : {m}") for m in blocking
            ]
            reports[row.line] = ImportOutcomeRowReport(row.line, ident, action, tuple(own))
    ordered = tuple(reports[r.line] for r in items)
    return OutcomePlan(ordered, headers, to_write)


def _group_errors(
    ident: str, group: list[CsvRow], file_rows: Mapping[str, tuple[int, bool]]
) -> list[str]:
    """Why a whole group cannot be written, beyond its rows' own errors."""
    out = []
    if ident in file_rows and not file_rows[ident][1]:
        line = file_rows[ident][0]
        out.append(f"son initiative (ligne {line} du fichier des initiatives) est invalide")
    if len(group) > OUTCOMES_MAX:
        out.append(f"{len(group)} résultats pour cette initiative, maximum {OUTCOMES_MAX}")
    return out
