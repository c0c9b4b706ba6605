"""The published set: catalogue rows read from the store, and the frame the map shows."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, select

from data.initiatives import CsvRow, Reference, initiatives_frame
from data.store.models import initiatives
from data.store.records import row_values


def published_rows(conn: Connection) -> list[dict[str, str]]:
    """Published initiatives as catalogue rows, sorted by id (no contact address)."""
    records = conn.execute(select(initiatives).where(initiatives.c.state == "published"))
    return sorted((row_values(r) for r in records.mappings()), key=lambda r: r["id"])


def published_frame(rows: list[dict[str, str]], reference: Reference) -> pd.DataFrame:
    """The frame of :func:`data.initiatives.load_initiatives` for these rows (``line`` =
    line in the CSV export)."""
    return initiatives_frame([CsvRow(i + 2, row) for i, row in enumerate(rows)], reference)
