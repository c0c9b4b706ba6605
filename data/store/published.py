"""The published set: catalogue rows and outcome records read from the store, and
the frames the map shows."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, select

from data.initiatives import CsvRow, Reference, initiatives_frame, outcomes_frame
from data.store.models import initiatives
from data.store.outcomes import Record, published_records
from data.store.records import row_values


@dataclass(frozen=True)
class PublishedRows:
    """The published initiatives (sorted by id) and their outcome records."""

    initiatives: list[dict[str, str]]
    outcomes: list[Record]


@dataclass(frozen=True)
class PublishedFrames:
    """The published set as the atlas loads the catalogue: initiatives (with their
    level of evidence) and outcome records, at one version of the store."""

    version: str
    initiatives: pd.DataFrame
    outcomes: pd.DataFrame

    def copy(self) -> PublishedFrames:
        return PublishedFrames(self.version, self.initiatives.copy(), self.outcomes.copy())


def published_rows(conn: Connection) -> PublishedRows:
    records = conn.execute(select(initiatives).where(initiatives.c.state == "published"))
    rows = sorted((row_values(r) for r in records.mappings()), key=lambda r: r["id"])
    return PublishedRows(rows, published_records(conn))


def published_frames(version: str, rows: PublishedRows, reference: Reference) -> PublishedFrames:
    """The frames of :func:`data.initiatives.load_catalogue` for these rows (``line`` =
    line in the CSV export)."""
    items = [CsvRow(i + 2, row) for i, row in enumerate(rows.initiatives)]
    frame = initiatives_frame(items, reference, rows.outcomes)
    return PublishedFrames(version, frame, outcomes_frame(rows.outcomes))
