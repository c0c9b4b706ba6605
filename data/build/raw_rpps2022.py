"""Reader of the DREES RPPS 2022 tables (doctors by grouped specialty and département).

Two CSV files with the same layout: ``dept_code`` then one column per grouped
specialty and ``Total général``. Decimal commas, codes without leading zero
(``1`` = ``01``), Corsica as ``02A``/``02B``, and a last ``Total général`` row:
in the density file that row sums densities and is meaningless, so it is never
returned as a density; in the count file it is the national total.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from data.build.raw_common import check_codes, departement_code, parse_number, require_file
from data.errors import InputError

EFFECTIFS_FILE = "drees_rpps2022_mg_effectifs_vivadata_Effectifs.csv"
DENSITE_FILE = "drees_rpps2022_mg_densite_vivadata_Densite.csv"

CODE_COLUMN = "dept_code"
TOTAL_LABEL = "Total général"

#: Our short key -> column of the DREES file.
SPECIALTIES: dict[str, str] = {
    "mg": "01-Médecine générale",
    "ophtalmologie": "03-Ophtalmologie",
    "gynecologie": "10-Gynécologie",
    "pediatrie": "11-Pédiatrie",
    "psychiatrie": "13-Psychiatrie et neuropsychiatrie",
}


@dataclass(frozen=True)
class RppsTable:
    """One RPPS 2022 table: values per département and the file's ``Total général`` row."""

    by_departement: pd.DataFrame  # index: département code, columns: SPECIALTIES keys
    total_row: dict[str, float]  # SPECIALTIES key -> value of the ``Total général`` row


def read_rpps2022(path: Path, *, integers: bool) -> RppsTable:
    """Read one RPPS 2022 CSV (``integers=True`` for the count file)."""
    require_file(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(str(path), "fichier vide") from None
        positions: dict[str, int] = {}
        for column in (CODE_COLUMN, *SPECIALTIES.values()):
            if column not in header:
                raise InputError(str(path), "colonne absente", row=1, column=column)
            positions[column] = header.index(column)
        codes: list[str] = []
        rows: list[dict[str, float]] = []
        total: dict[str, float] | None = None
        for line, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise InputError(
                    str(path), f"{len(cells)} cellules au lieu de {len(header)}", row=line
                )
            values: dict[str, float] = {}
            for key, column in SPECIALTIES.items():
                value = parse_number(cells[positions[column]], path, line, column)
                if integers and value != int(value):
                    raise InputError(str(path), "effectif non entier", row=line, column=column)
                values[key] = value
            raw_code = cells[positions[CODE_COLUMN]].strip()
            if raw_code == TOTAL_LABEL:
                total = values
                continue
            codes.append(departement_code(raw_code, path, line, CODE_COLUMN))
            rows.append(values)
    check_codes(codes, path, CODE_COLUMN)
    if total is None:
        raise InputError(str(path), f"ligne « {TOTAL_LABEL} » absente", column=CODE_COLUMN)
    frame = pd.DataFrame(rows, index=pd.Index(codes, name="code")).sort_index()
    return RppsTable(by_departement=frame, total_row=total)
