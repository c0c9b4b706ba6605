"""Initiatives as the store hands them out, and the conversions between database rows,
catalogue values (strings, as in the CSV) and audit snapshots."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import RowMapping

from data.initiatives import COLUMNS, CsvRow, CsvTable
from data.store import audit
from data.store.duplicates import Duplicate
from data.store.errors import StoreError
from data.store.validation import MODERATOR_MAX, NOTE, clean_text

SNAPSHOT_EXTRA = ("state", "contact_email", "reject_reason", NOTE)


@dataclass(frozen=True)
class Initiative:
    """One initiative of the store, as moderators see it (``contact_email`` included)."""

    pk: int
    slug: str | None
    state: str
    # catalogue columns (``id`` is the slug, or empty) and the moderators' note ``outcome``
    values: Mapping[str, str]
    contact_email: str | None
    origin: str
    created_at: dt.datetime
    updated_at: dt.datetime
    moderated_by: str | None = None
    moderated_at: dt.datetime | None = None
    reject_reason: str | None = None
    duplicates: tuple[Duplicate, ...] = ()
    # outcome records, as rows of the catalogue's outcomes.csv (initiative_id = slug)
    outcomes: tuple[Mapping[str, str], ...] = ()

    @property
    def name(self) -> str:
        return self.values["name"]


@dataclass(frozen=True)
class SubmissionResult:
    """What the contributor is told once the proposal is committed."""

    pk: int
    token: str
    state: str
    created_at: dt.datetime
    duplicates: tuple[Duplicate, ...]
    already_recorded: bool = False  # the same token was already stored (double submit)

    @property
    def published_duplicates(self) -> tuple[Duplicate, ...]:
        return tuple(d for d in self.duplicates if d.state == "published")

    @property
    def pending_duplicates(self) -> tuple[Duplicate, ...]:
        return tuple(d for d in self.duplicates if d.state == "pending")


def row_values(record: RowMapping) -> dict[str, str]:
    """Catalogue values of a database row (strings, as in the CSV)."""
    out = {c: "" if record[c] is None else str(record[c]) for c in COLUMNS if c != "id"}
    out["id"] = record["slug"] or ""
    return {c: out[c] for c in COLUMNS}


def clean_values(values: Mapping[str, object]) -> dict[str, str]:
    """Every catalogue column of ``values``, as cleaned text (missing ones empty)."""
    return {c: clean_text(values.get(c)) for c in COLUMNS}


def db_columns(values: Mapping[str, str]) -> dict[str, Any]:
    """Database columns of catalogue values (``id`` excluded)."""
    out: dict[str, Any] = {c: clean_text(values.get(c, "")) for c in COLUMNS if c != "id"}
    year = out.pop("year_started")
    out["year_started"] = int(year) if year else None
    return out


def snapshot(record: RowMapping | Mapping[str, Any]) -> dict[str, Any]:
    """What the audit trail keeps of a row (catalogue columns, slug, state, contact)."""
    snap = {c: record.get(c) for c in COLUMNS if c != "id"}
    snap["slug"] = record.get("slug")
    for key in SNAPSHOT_EXTRA:
        snap[key] = record.get(key)
    if snap.get("year_started") is not None:
        snap["year_started"] = int(snap["year_started"])
    return snap


def to_initiative(
    record: RowMapping,
    duplicates: Sequence[Duplicate] = (),
    outcomes: Sequence[Mapping[str, str]] = (),
) -> Initiative:
    return Initiative(
        pk=record["pk"],
        slug=record["slug"],
        state=record["state"],
        values=row_values(record) | {NOTE: record[NOTE] or ""},
        contact_email=record["contact_email"],
        origin=record["origin"],
        created_at=audit.as_utc(record["created_at"]) or audit.utcnow(),
        updated_at=audit.as_utc(record["updated_at"]) or audit.utcnow(),
        moderated_by=record["moderated_by"],
        moderated_at=audit.as_utc(record["moderated_at"]),
        reject_reason=record["reject_reason"],
        duplicates=tuple(duplicates),
        outcomes=tuple(outcomes),
    )


def moderator_name(name: str) -> str:
    """The moderator's name as the audit trail keeps it; refused when empty or too long."""
    who = clean_text(name)
    if not who or "\n" in who or len(who) > MODERATOR_MAX:
        raise StoreError(f"nom du modérateur obligatoire (une ligne, {MODERATOR_MAX} caractères)")
    return who


def cleaned_table_rows(
    rows: CsvTable | Iterable[Any],
    clean: Callable[[Mapping[str, object]], dict[str, str]] = clean_values,
) -> list[CsvRow]:
    """Rows to import (a table's rows, or mappings numbered from line 2), each cleaned
    by ``clean`` (default: the initiative columns)."""
    source = rows.rows if isinstance(rows, CsvTable) else rows
    out = []
    for index, item in enumerate(source):
        raw = item if isinstance(item, CsvRow) else CsvRow(index + 2, item)
        out.append(CsvRow(raw.line, clean(raw.values), raw.field_count))
    return out
