"""Bulk import of catalogue rows by a moderator: a per-row report first, then the write.

The report is computed again inside the write transaction, so what is written is
exactly what the report says at that moment.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, RowMapping, select

from data.initiatives import CsvRow, CsvTable, Reference, RowError, iter_row_errors
from data.store import audit
from data.store.models import initiatives
from data.store.records import clean_values, db_columns, row_values
from data.store.validation import check_rows
from data.store.writes import Act, change, chunks, create

ImportRows = CsvTable | Iterable[Any]


@dataclass(frozen=True)
class ImportRowReport:
    line: int
    slug: str
    name: str
    action: str  # "create", "update", "unchanged" or "invalid"
    errors: tuple[RowError, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    """Per-row outcome of a CSV import (a preview until ``written`` is set)."""

    rows: tuple[ImportRowReport, ...]
    header_errors: tuple[RowError, ...] = ()
    written: int = 0
    committed: bool = False

    @property
    def valid(self) -> tuple[ImportRowReport, ...]:
        return tuple(r for r in self.rows if r.action != "invalid")

    @property
    def invalid(self) -> tuple[ImportRowReport, ...]:
        return tuple(r for r in self.rows if r.action == "invalid")

    @property
    def to_write(self) -> tuple[ImportRowReport, ...]:
        return tuple(r for r in self.rows if r.action in ("create", "update"))

    @property
    def all_valid(self) -> bool:
        return not self.header_errors and not self.invalid


def cleaned_rows(rows: ImportRows) -> list[CsvRow]:
    """The rows to import (a table's rows, or mappings numbered from line 2), cleaned."""
    source = rows.rows if isinstance(rows, CsvTable) else rows
    out = []
    for index, item in enumerate(source):
        raw = item if isinstance(item, CsvRow) else CsvRow(index + 2, item)
        out.append(CsvRow(raw.line, clean_values(raw.values), raw.field_count))
    return out


def _existing(conn: Connection, slugs: list[str]) -> dict[str, RowMapping]:
    found: dict[str, RowMapping] = {}
    for chunk in chunks(slugs):
        query = select(initiatives).where(initiatives.c.slug.in_(chunk))
        for record in conn.execute(query).mappings():
            found[record["slug"]] = record
    return found


def build_report(conn: Connection, reference: Reference, rows: ImportRows) -> ImportReport:
    items = cleaned_rows(rows)
    header_errors: list[RowError] = []
    if isinstance(rows, CsvTable):
        header_errors = [e for e in iter_row_errors(CsvTable(rows.columns, ()), None) if e.row == 1]
    errors: dict[int, list[RowError]] = {}
    for err in check_rows(items, reference):
        errors.setdefault(err.row, []).append(err)
    existing = _existing(conn, [r.values["id"] for r in items if r.values["id"]])
    reports = []
    for row in items:
        slug = row.values["id"]
        row_errors = tuple(errors.get(row.line, ()))
        if header_errors or row_errors:
            action = "invalid"
        elif slug not in existing:
            action = "create"
        else:
            before = existing[slug]
            same = db_columns(row_values(before)) == db_columns(row.values)
            action = "unchanged" if same and before["state"] == "published" else "update"
        reports.append(ImportRowReport(row.line, slug, row.values["name"], action, row_errors))
    return ImportReport(tuple(reports), tuple(header_errors))


def write_rows(conn: Connection, report: ImportReport, rows: ImportRows, who: str) -> int:
    """Create or update the rows the report says to write; return how many."""
    by_line = {row.line: row.values for row in cleaned_rows(rows)}
    now = audit.utcnow()
    moderated = {"state": "published", "updated_at": now, "moderated_by": who, "moderated_at": now}
    written = 0
    for entry in report.to_write:
        columns = db_columns(by_line[entry.line]) | moderated
        if entry.action == "create":
            columns |= {"slug": entry.slug, "origin": "import", "created_at": now}
            create(conn, columns, Act(who, "import_create", now))
        else:
            query = select(initiatives).where(initiatives.c.slug == entry.slug).with_for_update()
            record = conn.execute(query).mappings().one()
            change(conn, record, columns, Act(who, "import_update", now))
        written += 1
    return written
