"""Reader of the CNOM GP densities 2010 and 2025 (regular activity, per 100,000).

A different scope from DREES (doctors in regular activity only): kept as a
separate series. Mayotte is absent and stays absent.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from data.build.raw_common import (
    DEPARTEMENT_CODES,
    check_codes,
    departement_code,
    parse_number,
    require_file,
)
from data.errors import InputError

FILE = "cnom_mg_densite_2010_2025.csv"
CODE_COLUMN = "code_departement_raw"
COLUMNS = {"densite_2010": "densite_mg_2010", "densite_2025": "densite_mg_2025"}
EXPECTED_CODES = tuple(c for c in DEPARTEMENT_CODES if c != "976")


def read_cnom(path: Path) -> pd.DataFrame:
    """CNOM GP densities (columns ``densite_2010``, ``densite_2025``) by département code."""
    require_file(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        for column in (CODE_COLUMN, *COLUMNS.values()):
            if column not in header:
                raise InputError(str(path), "colonne absente", row=1, column=column)
        codes: list[str] = []
        rows: list[dict[str, float]] = []
        for line, record in enumerate(reader, start=2):
            if not any((v or "").strip() for v in record.values()):
                continue
            codes.append(departement_code(record[CODE_COLUMN], path, line, CODE_COLUMN))
            rows.append(
                {key: parse_number(record[col], path, line, col) for key, col in COLUMNS.items()}
            )
    check_codes(codes, path, CODE_COLUMN, EXPECTED_CODES)
    return pd.DataFrame(rows, index=pd.Index(codes, name="code")).sort_index()
