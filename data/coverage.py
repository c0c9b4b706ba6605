"""``data/catalogue/coverage.yaml``: départements with no sourced initiative, and why.

Where a real search found no sourced initiative for a département, the file says so with
the day and the queries tried, so a missing département is a documented gap, never an
oversight. At most :data:`MAX_UNCOVERED` entries.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from data.errors import InputError
from data.paths import DATA_DIR

COVERAGE_YAML = DATA_DIR / "catalogue" / "coverage.yaml"
MAX_UNCOVERED = 5
DEPARTEMENT_RE = re.compile(r"^(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6])$")


@dataclass(frozen=True)
class Uncovered:
    departement_code: str
    searched_on: dt.date
    searches: tuple[str, ...]


def parse_coverage(data: object, path: Path = COVERAGE_YAML) -> tuple[Uncovered, ...]:
    entries = data.get("uncovered") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(str(path), "clé « uncovered » absente (une liste, éventuellement vide)")
    if len(entries) > MAX_UNCOVERED:
        raise InputError(str(path), f"{len(entries)} départements, {MAX_UNCOVERED} au plus")
    out: list[Uncovered] = []
    for i, entry in enumerate(entries, start=1):
        where = f"entrée {i}"
        if not isinstance(entry, dict):
            raise InputError(str(path), f"{where} : un dictionnaire est attendu")
        code = str(entry.get("departement_code", ""))
        if not DEPARTEMENT_RE.match(code):
            raise InputError(str(path), f"{where} : code de département {code!r} invalide")
        day = entry.get("searched_on")
        if not isinstance(day, dt.date) or day > dt.date.today():
            raise InputError(str(path), f"{where} : « searched_on » doit être une date passée")
        searches = entry.get("searches")
        if (
            not isinstance(searches, list)
            or not searches
            or not all(isinstance(s, str) and s.strip() for s in searches)
        ):
            raise InputError(str(path), f"{where} : « searches » doit lister les recherches")
        out.append(Uncovered(code, day, tuple(s.strip() for s in searches)))
    codes = [u.departement_code for u in out]
    if len(codes) != len(set(codes)):
        raise InputError(str(path), "un département figure deux fois")
    return tuple(out)


def load_coverage(path: Path = COVERAGE_YAML) -> tuple[Uncovered, ...]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(str(path), f"lecture impossible : {exc}") from exc
    return parse_coverage(data, path)
