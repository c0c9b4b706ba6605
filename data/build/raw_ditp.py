"""Reader of the DITP « Baromètre des résultats de l'action publique » files (``ind-*.csv``).

Format: ``indic_id,enforce_zone_id,metric_enforce_date,maille,indic_vi,indic_va,indic_vc,
indic_ta``; one row per zone and date; zones ``D01``…``D976`` (DEPT), ``R01``…``R94``
(REG) and ``FRANCE`` (NAT); dates ``YYYY-MM-01``; empty cells are missing values.

This module only checks and types the rows. Which rows are observations (``indic_va``
set), which are targets or initial values, and which dates are copies is decided by
:mod:`data.build.ditp_series`.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from data.build.raw_common import DEPARTEMENT_CODES, parse_number, require_file
from data.errors import InputError

DIR = "ditp_barometre"
COLUMNS = (
    "indic_id",
    "enforce_zone_id",
    "metric_enforce_date",
    "maille",
    "indic_vi",
    "indic_va",
    "indic_vc",
    "indic_ta",
)
#: ``maille`` of the file -> zone level of the built files.
LEVELS = {"DEPT": "departement", "REG": "region", "NAT": "france"}
FRANCE = "FR"
_DATE_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])-01$")
_NUMBERS = {"indic_vi": "vi", "indic_va": "va", "indic_vc": "vc"}


def zone_code(raw: str, maille: str, regions: frozenset[str]) -> str | None:
    """The project's code of a DITP zone (``D01`` -> ``01``, ``R84`` -> ``84``,
    ``FRANCE`` -> ``FR``), or ``None`` when the zone does not fit its ``maille``."""
    if maille == "NAT":
        return FRANCE if raw == "FRANCE" else None
    body = raw[1:]
    if maille == "DEPT" and raw.startswith("D") and body in DEPARTEMENT_CODES:
        return body
    if maille == "REG" and raw.startswith("R") and body in regions:
        return body
    return None


def read_ditp(path: Path, indic_id: str, regions: frozenset[str]) -> pd.DataFrame:
    """Every row of one ``ind-*.csv`` file, checked.

    Columns: ``zone_level`` (``departement``, ``region``, ``france``), ``zone_code``,
    ``date`` (``YYYY-MM-DD`` text), ``vi``, ``va``, ``vc`` (floats, NaN when empty) and
    ``line`` (1-based line of the file). ``regions``: the known region codes.
    """
    require_file(path)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = tuple(reader.fieldnames or ())
        if header != COLUMNS:
            missing = [c for c in COLUMNS if c not in header]
            raise InputError(
                str(path),
                f"en-tête inattendu : {', '.join(header)}",
                row=1,
                column=missing[0] if missing else None,
            )
        rows = []
        seen: dict[tuple[str, str, str], int] = {}
        for line, record in enumerate(reader, start=2):
            if record["indic_id"] != indic_id:
                raise InputError(
                    str(path),
                    f"indicateur {record['indic_id']!r}, {indic_id} attendu",
                    row=line,
                    column="indic_id",
                )
            maille = record["maille"]
            if maille not in LEVELS:
                raise InputError(
                    str(path), f"maille inconnue : {maille!r}", row=line, column="maille"
                )
            code = zone_code(record["enforce_zone_id"], maille, regions)
            if code is None:
                raise InputError(
                    str(path),
                    f"zone {record['enforce_zone_id']!r} inconnue pour la maille {maille}",
                    row=line,
                    column="enforce_zone_id",
                )
            date = record["metric_enforce_date"]
            if not _DATE_RE.match(date):
                raise InputError(
                    str(path),
                    f"date {date!r} : AAAA-MM-01 attendu",
                    row=line,
                    column="metric_enforce_date",
                )
            key = (LEVELS[maille], code, date)
            if key in seen:
                raise InputError(
                    str(path),
                    f"zone et date en double (déjà ligne {seen[key]})",
                    row=line,
                    column="enforce_zone_id",
                )
            seen[key] = line
            values = {
                short: (
                    parse_number(record[column], path, line, column)
                    if record[column].strip()
                    else float("nan")
                )
                for column, short in _NUMBERS.items()
            }
            rows.append({"zone_level": key[0], "zone_code": code, "date": date, **values})
            rows[-1]["line"] = line
    if not rows:
        raise InputError(str(path), "fichier sans ligne de données", row=2)
    return pd.DataFrame(rows, columns=["zone_level", "zone_code", "date", "vi", "va", "vc", "line"])
