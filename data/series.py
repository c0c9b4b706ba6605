"""Time series of ``data/built/departements_series.csv`` (DITP Baromètre), typed.

Long format, one row per series, zone and date: ``series`` (an indicator's ``series``
field in ``data/indicators.yaml``), ``zone_level`` (``departement``, ``region``,
``france``), ``zone_code`` (``01``…``976``, region code ``84``…, ``FR``), ``date`` (1st
of the month, as the file dates it) and ``value``: NaN where the source has no value at
that date (never 0, never interpolated). Plain Python, no streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from data.errors import InputError
from data.paths import BUILT_DIR

SERIES_FILE = "departements_series.csv"
COLUMNS = ("series", "zone_level", "zone_code", "date", "value")
LEVELS = ("departement", "region", "france")
LEVEL_TYPE = pd.CategoricalDtype(list(LEVELS))


def load_series(built: Path = BUILT_DIR) -> pd.DataFrame:
    """The long table, typed: strings, a categorical level, datetime64 dates, floats."""
    path = built / SERIES_FILE
    if not path.is_file():
        raise InputError(str(path), "fichier absent : lancer `python -m data.build`")
    frame = pd.read_csv(
        path,
        dtype={"series": str, "zone_level": str, "zone_code": str, "date": str},
        keep_default_na=False,
        na_values={"value": [""]},
    )
    if tuple(frame.columns) != COLUMNS:
        raise InputError(str(path), f"colonnes attendues : {', '.join(COLUMNS)}", row=1)
    bad_level = ~frame["zone_level"].isin(LEVELS)
    if bad_level.any():
        row = int(bad_level.to_numpy().argmax())
        raise InputError(
            str(path),
            f"niveau inconnu : {frame.at[row, 'zone_level']!r}",
            row=row + 2,
            column="zone_level",
        )
    dates = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    if dates.isna().any():
        row = int(dates.isna().to_numpy().argmax())
        raise InputError(str(path), "date AAAA-MM-JJ attendue", row=row + 2, column="date")
    frame["date"] = dates
    frame["zone_level"] = frame["zone_level"].astype(LEVEL_TYPE)
    frame["value"] = frame["value"].astype("float64")
    return frame


def check_series(series_ids: Iterable[str | None], frame: pd.DataFrame, file: str) -> None:
    """Raise :class:`InputError` if an indicator names a series absent from ``frame``."""
    known = set(frame["series"])
    missing = sorted({s for s in series_ids if s is not None and s not in known})
    if missing:
        raise InputError(file, f"séries absentes de {SERIES_FILE} : {', '.join(missing)}")


def zone_series(frame: pd.DataFrame, series: str, level: str, code: str) -> pd.Series:
    """Values of one zone by date (NaN kept: a gap stays a gap)."""
    mine = frame[
        (frame["series"] == series) & (frame["zone_level"] == level) & (frame["zone_code"] == code)
    ]
    return mine.set_index("date")["value"].sort_index()


def portrait_series(
    frame: pd.DataFrame, series: str, departement: str, region: str | None
) -> pd.DataFrame:
    """One series for a portrait chart: columns ``departement``, ``region``, ``france``
    indexed by date (the union of their dates; NaN where a zone has no value)."""
    parts = {"departement": zone_series(frame, series, "departement", departement)}
    if region is not None:
        parts["region"] = zone_series(frame, series, "region", region)
    parts["france"] = zone_series(frame, series, "france", "FR")
    return pd.DataFrame(parts).sort_index()
