"""Bulk import by a moderator: an ``initiatives.csv`` and, optionally, an
``outcomes.csv`` (the catalogue's formats). A per-row, per-field report first, then
the write.

The report is computed again inside the write transaction, so what is written is
exactly what the report says at that moment. Rows that look like an initiative the
store already has under another id are flagged (:mod:`.import_duplicates`), not
refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, RowMapping, select

from data.initiatives import CsvTable, Reference, RowError, iter_row_errors
from data.store import audit
from data.store.import_duplicates import DuplicateFinder, ProbableDuplicate
from data.store.import_outcomes import ImportOutcomeRowReport, OutcomeRows, plan_outcomes
from data.store.models import initiatives
from data.store.outcomes import Record, records_of
from data.store.records import cleaned_table_rows, db_columns, row_values
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
    duplicates: tuple[ProbableDuplicate, ...] = ()  # flagged, not refused


@dataclass(frozen=True)
class ImportReport:
    """Per-row outcome of a CSV import (a preview until ``written`` is set).

    ``outcomes``: the rows of the outcomes file, if one was given; ``written``: the
    initiatives created or changed (their row, their records, or both).
    """

    rows: tuple[ImportRowReport, ...]
    header_errors: tuple[RowError, ...] = ()
    written: int = 0
    committed: bool = False
    outcomes: tuple[ImportOutcomeRowReport, ...] = ()
    outcome_header_errors: tuple[RowError, ...] = ()

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
    def invalid_outcomes(self) -> tuple[ImportOutcomeRowReport, ...]:
        return tuple(r for r in self.outcomes if r.action == "invalid")

    @property
    def outcome_sets_to_write(self) -> tuple[str, ...]:
        """Initiatives whose outcome records the import replaces."""
        return tuple(sorted({r.initiative_id for r in self.outcomes if r.action == "write"}))

    @property
    def flagged(self) -> tuple[ImportRowReport, ...]:
        """Rows that look like an initiative already in the store under another id."""
        return tuple(r for r in self.rows if r.duplicates)

    @property
    def all_valid(self) -> bool:
        return (
            not self.header_errors
            and not self.invalid
            and not self.outcome_header_errors
            and not self.invalid_outcomes
        )


@dataclass(frozen=True)
class ImportPlan:
    report: ImportReport
    rows: Mapping[int, dict[str, str]]  # line -> cleaned values
    existing: Mapping[str, RowMapping]  # slug -> store row
    outcome_sets: Mapping[str, list[Record]] = field(default_factory=dict)


def _existing(conn: Connection, slugs: list[str]) -> dict[str, RowMapping]:
    found: dict[str, RowMapping] = {}
    for chunk in chunks(slugs):
        query = select(initiatives).where(initiatives.c.slug.in_(chunk))
        for record in conn.execute(query).mappings():
            found[record["slug"]] = record
    return found


def plan_import(
    conn: Connection,
    reference: Reference,
    rows: ImportRows,
    outcomes: OutcomeRows | None = None,
) -> ImportPlan:
    items = cleaned_table_rows(rows)
    header_errors: list[RowError] = []
    if isinstance(rows, CsvTable):
        header_errors = [e for e in iter_row_errors(CsvTable(rows.columns, ()), None) if e.row == 1]
    errors: dict[int, list[RowError]] = {}
    for err in check_rows(items, reference):
        errors.setdefault(err.row, []).append(err)
    existing = _existing(conn, [r.values["id"] for r in items if r.values["id"]])
    finder = DuplicateFinder(conn, reference)
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
        flags = finder.find(row.values)
        reports.append(
            ImportRowReport(row.line, slug, row.values["name"], action, row_errors, flags)
        )
    report = ImportReport(tuple(reports), tuple(header_errors))
    by_line = {row.line: row.values for row in items}
    if outcomes is None:
        return ImportPlan(report, by_line, existing)
    file_rows = {r.slug: (r.line, r.action != "invalid") for r in reports if r.slug}
    plan = plan_outcomes(conn, outcomes, file_rows)
    report = ImportReport(
        report.rows,
        report.header_errors,
        outcomes=plan.rows,
        outcome_header_errors=plan.header_errors,
    )
    return ImportPlan(report, by_line, existing, plan.sets)


def build_report(
    conn: Connection,
    reference: Reference,
    rows: ImportRows,
    outcomes: OutcomeRows | None = None,
) -> ImportReport:
    return plan_import(conn, reference, rows, outcomes).report


def write_plan(conn: Connection, plan: ImportPlan, who: str) -> int:
    """Create or update what the plan says (valid rows, valid record sets); return how
    many initiatives were written."""
    now = audit.utcnow()
    moderated = {"state": "published", "updated_at": now, "moderated_by": who, "moderated_at": now}
    sets = dict(plan.outcome_sets)
    pks = [plan.existing[s]["pk"] for s in sets if s in plan.existing]
    before = records_of(conn, pks)
    written = 0
    for entry in plan.report.to_write:
        columns = db_columns(plan.rows[entry.line]) | moderated
        records = sets.pop(entry.slug, None)
        if entry.action == "create":
            columns |= {"slug": entry.slug, "origin": "import", "created_at": now}
            create(conn, columns, Act(who, "import_create", now), records)
        else:
            record = _locked(conn, entry.slug)
            pair = None if records is None else (before.get(record["pk"], []), records)
            change(conn, record, columns, Act(who, "import_update", now), pair)
        written += 1
    for slug, records in sets.items():  # records of initiatives whose row is unchanged
        record = _locked(conn, slug)
        pair = (before.get(record["pk"], []), records)
        change(conn, record, {"updated_at": now}, Act(who, "import_outcomes", now), pair)
        written += 1
    return written


def _locked(conn: Connection, slug: str) -> RowMapping:
    query = select(initiatives).where(initiatives.c.slug == slug).with_for_update()
    return conn.execute(query).mappings().one()
