"""Reader of DREES RPPS 2018 table 7 (density of doctors per 100,000, by département).

The workbook's labels are mojibake (Mac Roman read as Latin-1: ``SpÈcialitÈs``,
``RhÙne``), so labels are compared after :func:`normalise_label`. Département
rows are recognised by their code prefix (``01 - Ain``, ``2A - Corse-du-Sud``,
``971 - Guadeloupe``); names are not used (row 62 is even labelled
``Nord-Pas-de-Calais``). Region and national rows have no code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd

from data.build.raw_common import (
    check_codes,
    departement_code,
    normalise_label,
    parse_number,
    require_file,
)
from data.errors import InputError

FILE = "drees_rpps-medecins18-tab7.xlsx"
ZONE_COLUMN = "zone inscript"
MG_COLUMN = "medecine generale"
NATIONAL_ROW = "france entiere"

_CODE_PREFIX = re.compile(r"^\s*([0-9]{1,3}|2[AB])\s+-\s+")


@dataclass(frozen=True)
class Rpps2018:
    """GP density at 1 January 2018 per département, and the ``FRANCE ENTIERE`` row."""

    mg_densite: pd.Series  # index: département code
    mg_densite_france: float


def read_rpps2018(path: Path) -> Rpps2018:
    """Read the GP density column (``Médecine générale``) of table 7."""
    require_file(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for broken zips
        raise InputError(str(path), f"classeur illisible ({exc})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [normalise_label(v) for v in next(rows, ())]
        for wanted in (ZONE_COLUMN, MG_COLUMN):
            if wanted not in header:
                raise InputError(str(path), "colonne absente", row=1, column=wanted)
        zone_at, mg_at = header.index(ZONE_COLUMN), header.index(MG_COLUMN)
        codes: list[str] = []
        values: list[float] = []
        national: float | None = None
        for line, cells in enumerate(rows, start=2):
            label = str(cells[zone_at] or "") if len(cells) > zone_at else ""
            if not label.strip():
                continue
            cell = cells[mg_at] if len(cells) > mg_at else None
            match = _CODE_PREFIX.match(label)
            if match:
                codes.append(departement_code(match.group(1), path, line, "ZONE INSCRIPT"))
                values.append(parse_number(cell, path, line, "Médecine générale"))
            elif normalise_label(label) == NATIONAL_ROW:
                national = parse_number(cell, path, line, "Médecine générale")
    finally:
        workbook.close()
    check_codes(codes, path, "ZONE INSCRIPT")
    if national is None:
        raise InputError(str(path), "ligne « FRANCE ENTIERE » absente", column="ZONE INSCRIPT")
    series = pd.Series(values, index=pd.Index(codes, name="code"), name="mg_densite_2018")
    return Rpps2018(mg_densite=series.sort_index(), mg_densite_france=national)
