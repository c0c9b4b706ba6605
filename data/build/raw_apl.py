"""Reader of the DREES APL workbook (GP accessibility per commune, editions 2022 and 2023).

Sheets ``APL 2022`` and ``APL 2023``: a header row (row 9 in the published file,
found by its first cell ``Code commune INSEE``), a units row under it, then one
row per commune (Paris, Lyon and Marseille by arrondissement), France without
Mayotte. Columns are found by their header text, not their position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd

from data.build.raw_common import (
    DEPARTEMENT_CODES,
    departement_of_commune,
    normalise_label,
    parse_int,
    parse_number,
    require_file,
)
from data.errors import InputError

FILE = "drees_apl_medecins_generalistes_2022_2023.xlsx"
YEARS: tuple[int, ...] = (2022, 2023)
HEADER_SEARCH_ROWS = 30

#: Our column -> predicate on the normalised header label, and the label shown in errors.
_COLUMNS: dict[str, tuple[str, str]] = {
    "code": ("code commune insee", "Code commune INSEE"),
    "apl": ("apl aux medecins generalistes", "APL aux médecins généralistes"),
    "apl65": (
        "apl aux medecins generalistes de moins de 65 ans",
        "APL aux médecins généralistes de moins de 65 ans",
    ),
    "pop_std": ("population standardisee", "Population standardisée"),
    "pop_tot": ("population totale", "Population totale"),
}
_PREFIX_MATCH = {"pop_std", "pop_tot"}
_COMMUNE_RE = re.compile(r"^(?:[0-9]{2}|2[AB])[0-9]{3}$")
_YEAR_RE = re.compile(r"(19|20)[0-9]{2}")


@dataclass(frozen=True)
class AplSheet:
    """One APL edition: commune rows and the year of the populations used."""

    year: int
    communes: pd.DataFrame  # index: commune code; apl, apl65, pop_std, pop_tot
    population_year: int | None


def read_apl(path: Path, years: tuple[int, ...] = YEARS) -> dict[int, AplSheet]:
    """Read the ``APL <year>`` sheets of the workbook."""
    require_file(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for broken zips
        raise InputError(str(path), f"classeur illisible ({exc})") from None
    try:
        sheets: dict[int, AplSheet] = {}
        for year in years:
            name = f"APL {year}"
            if name not in workbook.sheetnames:
                raise InputError(str(path), f"feuille « {name} » absente")
            sheets[year] = _read_sheet(path, workbook[name], year)
        return sheets
    finally:
        workbook.close()


def _find_columns(file: str, header: tuple[object, ...], line: int) -> dict[str, int]:
    labels = [normalise_label(v) for v in header]
    found: dict[str, int] = {}
    for key, (wanted, shown) in _COLUMNS.items():
        for at, label in enumerate(labels):
            if label == wanted or (key in _PREFIX_MATCH and label.startswith(wanted)):
                found[key] = at
                break
        else:
            raise InputError(file, "colonne absente", row=line, column=shown)
    return found


def _read_sheet(path: Path, sheet: object, year: int) -> AplSheet:
    file = f"{path} (feuille « APL {year} »)"
    rows = sheet.iter_rows(values_only=True)  # type: ignore[attr-defined]
    header: tuple[object, ...] | None = None
    line = 0
    for line, cells in enumerate(rows, start=1):
        if cells and normalise_label(cells[0]) == _COLUMNS["code"][0]:
            header = cells
            break
        if line >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        raise InputError(file, "ligne d'en-tête introuvable", column=_COLUMNS["code"][1])
    header_line = line
    columns = _find_columns(file, header, header_line)
    pop_match = _YEAR_RE.search(str(header[columns["pop_std"]]))
    next(rows, None)  # units row
    codes: list[str] = []
    records: list[dict[str, float]] = []
    seen: set[str] = set()
    for line, cells in enumerate(rows, start=header_line + 2):
        if not any(v is not None and str(v).strip() for v in cells):
            continue
        raw_code = cells[columns["code"]]
        code = str(raw_code).strip() if isinstance(raw_code, str) else ""
        if not _COMMUNE_RE.match(code) or departement_of_commune(code) not in DEPARTEMENT_CODES:
            raise InputError(
                file, f"code commune invalide : {raw_code!r}", row=line, column=_COLUMNS["code"][1]
            )
        if code in seen:
            raise InputError(
                file, f"commune en double : {code}", row=line, column=_COLUMNS["code"][1]
            )
        seen.add(code)
        record: dict[str, float] = {}
        for key in ("apl", "apl65", "pop_std", "pop_tot"):
            at = columns[key]
            cell = cells[at] if len(cells) > at else None
            parse = parse_int if key == "pop_tot" else parse_number
            record[key] = parse(cell, file, line, _COLUMNS[key][1])
        codes.append(code)
        records.append(record)
    if not records:
        raise InputError(file, "aucune ligne de commune")
    frame = pd.DataFrame(records, index=pd.Index(codes, name="code")).sort_index()
    return AplSheet(
        year=year,
        communes=frame,
        population_year=int(pop_match.group(0)) if pop_match else None,
    )
