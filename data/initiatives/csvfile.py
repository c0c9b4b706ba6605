"""Reading and writing the catalogue's CSV files (no value checks here).

Row numbers are CSV line numbers as a spreadsheet shows them (header = line 1).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from data.initiatives.schema import COLUMNS, OUTCOME_COLUMNS


@dataclass(frozen=True)
class CsvRow:
    """One data row of the CSV and the line where it starts (header = line 1)."""

    line: int
    values: Mapping[str, str]
    field_count: int | None = None  # set when the record's width differs from the header


@dataclass(frozen=True)
class CsvTable:
    columns: tuple[str, ...]
    rows: tuple[CsvRow, ...]


def read_initiative_csv(source: Path | str | TextIO) -> CsvTable:
    """Parse a catalogue CSV (``initiatives.csv`` or ``outcomes.csv``: a path, a CSV
    text or an open text file) without validating values.

    A ``str`` is taken as CSV text (what a moderation page receives on upload);
    pass a :class:`~pathlib.Path` to read a file.
    """
    if isinstance(source, Path):
        with source.open(encoding="utf-8-sig", newline="") as handle:
            return read_initiative_csv(handle)
    handle = io.StringIO(source.lstrip("\ufeff"), newline="") if isinstance(source, str) else source
    reader = csv.reader(handle)
    try:
        header = tuple(next(reader))
    except StopIteration:
        return CsvTable((), ())
    rows: list[CsvRow] = []
    last_line = reader.line_num
    for record in reader:
        line = last_line + 1
        last_line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue  # blank line
        values = dict(zip(header, record, strict=False))
        width = len(record) if len(record) != len(header) else None
        rows.append(CsvRow(line, values, width))
    return CsvTable(header, tuple(rows))


def catalogue_csv_text(rows: Iterable[Mapping[str, str]], columns: Sequence[str]) -> str:
    """Rows in the catalogue's canonical form (given order, minimal quoting, ``\n``)."""
    handle = io.StringIO(newline="")
    writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: (row.get(c) or "").strip() for c in columns})
    return handle.getvalue()


def initiative_sort_key(row: Mapping[str, str]) -> str:
    return row["id"]


def outcome_sort_key(row: Mapping[str, str]) -> tuple[str, str]:
    return row["initiative_id"], row["period_end"]


def write_initiative_rows(rows: Iterable[Mapping[str, str]], path: Path) -> None:
    """Write an ``initiatives.csv`` in canonical form (sorted by id)."""
    text = catalogue_csv_text(sorted(rows, key=initiative_sort_key), COLUMNS)
    path.write_text(text, encoding="utf-8", newline="")


def write_outcome_rows(rows: Iterable[Mapping[str, str]], path: Path) -> None:
    """Write an ``outcomes.csv`` in canonical form (sorted by initiative, then period end)."""
    text = catalogue_csv_text(sorted(rows, key=outcome_sort_key), OUTCOME_COLUMNS)
    path.write_text(text, encoding="utf-8", newline="")
