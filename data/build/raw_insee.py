"""Reader of INSEE « Populations de référence 2023 » by département (``;``-separated).

Mayotte (976) is absent from this file; it is not filled in here.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from data.build.raw_common import (
    DEPARTEMENT_CODES,
    check_codes,
    departement_code,
    parse_int,
    require_file,
)
from data.errors import InputError

FILE = "insee_pop_reference_2023_departements.csv"
CODE_COLUMN = "DEP"
REGION_COLUMN = "REG"
PMUN_COLUMN = "PMUN"
PTOT_COLUMN = "PTOT"
EXPECTED_CODES = tuple(c for c in DEPARTEMENT_CODES if c != "976")


def read_insee_population(path: Path) -> pd.DataFrame:
    """Municipal (``pmun``) and total (``ptot``) population and region code (``reg``),
    indexed by département code."""
    require_file(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=";")
        header = reader.fieldnames or []
        for column in (CODE_COLUMN, REGION_COLUMN, PMUN_COLUMN, PTOT_COLUMN):
            if column not in header:
                raise InputError(str(path), "colonne absente", row=1, column=column)
        codes: list[str] = []
        rows: list[dict[str, int | str]] = []
        for line, record in enumerate(reader, start=2):
            if not any((v or "").strip() for v in record.values()):
                continue
            codes.append(departement_code(record[CODE_COLUMN], path, line, CODE_COLUMN))
            region = (record[REGION_COLUMN] or "").strip()
            if not re.fullmatch(r"[0-9]{2}", region):
                raise InputError(
                    str(path),
                    f"code de région invalide : {region!r}",
                    row=line,
                    column=REGION_COLUMN,
                )
            rows.append(
                {
                    "reg": region,
                    "pmun": parse_int(record[PMUN_COLUMN], path, line, PMUN_COLUMN),
                    "ptot": parse_int(record[PTOT_COLUMN], path, line, PTOT_COLUMN),
                }
            )
    check_codes(codes, path, CODE_COLUMN, EXPECTED_CODES)
    return pd.DataFrame(rows, index=pd.Index(codes, name="code")).sort_index()
