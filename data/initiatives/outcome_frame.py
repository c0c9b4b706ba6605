"""The typed frame of outcome records (one row per record), and the summaries the
UI can show in place of the former free-text ``outcome`` column."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from data.initiatives.csvfile import outcome_sort_key
from data.initiatives.row_error import getter
from data.initiatives.schema import MEASURED_BY, OUTCOME_COLUMNS

NUMBER_COLUMNS = ("value", "baseline")
OUTCOME_FRAME_COLUMNS: tuple[str, ...] = OUTCOME_COLUMNS


def outcomes_frame(rows: Iterable[Mapping[str, object]]) -> pd.DataFrame:
    """Checked outcome rows as a frame sorted by initiative, then period end: ``value``
    and ``baseline`` as float64 (NaN when the source gives no figure), ``measured_by``
    categorical, every other column text (empty when unknown)."""
    records = [{c: getter(row)(c) for c in OUTCOME_COLUMNS} for row in rows]
    records.sort(key=outcome_sort_key)
    frame = pd.DataFrame.from_records(records, columns=list(OUTCOME_FRAME_COLUMNS))
    text = [c for c in OUTCOME_FRAME_COLUMNS if c not in NUMBER_COLUMNS]
    frame = frame.astype({c: "str" for c in text})
    for column in NUMBER_COLUMNS:
        frame[column] = pd.to_numeric(frame[column].replace("", None), errors="raise")
        frame[column] = frame[column].astype("float64")
    frame["measured_by"] = pd.Categorical(frame["measured_by"], categories=list(MEASURED_BY))
    return frame


def records_by_initiative(
    rows: Iterable[Mapping[str, object]],
) -> dict[str, list[Mapping[str, object]]]:
    """Outcome rows (catalogue rows or frame records) grouped by ``initiative_id``."""
    out: dict[str, list[Mapping[str, object]]] = {}
    for row in rows:
        out.setdefault(str(row.get("initiative_id") or "").strip(), []).append(row)
    return out


def outcome_summaries(outcomes: pd.DataFrame, separator: str = " ") -> dict[str, str]:
    """``initiative_id`` -> its records' ``summary_fr`` joined, in period order (what a
    table or a popup can show where the free-text ``outcome`` column used to be)."""
    out: dict[str, list[str]] = {}
    for ident, summary in zip(outcomes["initiative_id"], outcomes["summary_fr"], strict=True):
        if summary:
            out.setdefault(ident, []).append(summary)
    return {ident: separator.join(items) for ident, items in out.items()}
