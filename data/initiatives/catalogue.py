"""The catalogue on disk: one folder per region, each with ``initiatives.csv`` and
``outcomes.csv`` (``docs/catalogue.md``). Reading, checking every file, merging.

Errors name the file (``RowError.file``) and the CSV line. Ids are unique over the
whole catalogue; an initiative sits in the folder of its ``region_code``; an
outcome record sits in the folder of its initiative.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from data.initiatives.checks import InitiativeChecker
from data.initiatives.csvfile import CsvRow, CsvTable, read_initiative_csv
from data.initiatives.names import slugify
from data.initiatives.outcome_checks import iter_outcome_errors
from data.initiatives.reference import Reference
from data.initiatives.row_error import RowError, header_errors
from data.initiatives.schema import (
    CATALOGUE_DIR,
    COLUMNS,
    INITIATIVES_FILE,
    OUTCOMES_FILE,
    REGIONS,
)

FOLDER_RE = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")


def region_folder_name(code: str) -> str:
    """``44`` -> ``44-grand-est``."""
    return f"{code}-{slugify(REGIONS[code])}"


@dataclass(frozen=True)
class CatalogueFile:
    """One CSV file of the catalogue and the region folder holding it."""

    path: Path
    region_code: str | None  # None when the folder is not named <region code>-<slug>
    table: CsvTable

    @property
    def folder(self) -> str:
        return self.path.parent.name

    @property
    def name(self) -> str:
        """``44-grand-est/initiatives.csv``: how messages name the file."""
        return f"{self.folder}/{self.path.name}"


@dataclass(frozen=True)
class CatalogueFiles:
    """Every file of the catalogue, read but not checked, and the problems of the
    folders themselves (bad name, missing or unexpected file)."""

    initiatives: tuple[CatalogueFile, ...]
    outcomes: tuple[CatalogueFile, ...]
    folder_errors: tuple[RowError, ...] = ()

    def initiative_rows(self) -> list[tuple[CatalogueFile, CsvRow]]:
        """Every initiative row with its file, sorted by id (the merged catalogue)."""
        rows = [(f, row) for f in self.initiatives for row in f.table.rows]
        return sorted(rows, key=lambda item: str(item[1].values.get("id", "")).strip())

    def outcome_rows(self) -> list[tuple[CatalogueFile, CsvRow]]:
        return [(f, row) for f in self.outcomes for row in f.table.rows]


def _folder_errors(folder: Path) -> tuple[str | None, list[RowError]]:
    errors = []
    match = FOLDER_RE.match(folder.name)
    code = match[1] if match else None
    if code is None or code not in REGIONS:
        codes = ", ".join(region_folder_name(c) for c in REGIONS)
        message = f"dossier « {folder.name} » : pas un dossier de région (attendu : {codes})"
        return None, [RowError(0, None, message, str(folder))]
    expected = region_folder_name(code)
    if folder.name != expected:
        message = f"dossier mal nommé : « {expected} » pour la région {code}"
        errors.append(RowError(0, None, message, str(folder)))
    for path in sorted(folder.iterdir()):
        if path.name not in (INITIATIVES_FILE, OUTCOMES_FILE) and not path.name.startswith("."):
            message = f"fichier inattendu (un dossier de région contient {INITIATIVES_FILE} "
            message += f"et {OUTCOMES_FILE})"
            errors.append(RowError(0, None, message, str(path)))
    if not (folder / INITIATIVES_FILE).is_file():
        errors.append(RowError(0, None, "fichier absent", str(folder / INITIATIVES_FILE)))
    return code, errors


def read_catalogue(directory: Path = CATALOGUE_DIR) -> CatalogueFiles:
    """Read every region folder of ``directory`` (files sorted by folder name).

    A folder without ``outcomes.csv`` has no outcome record yet.
    """
    if not directory.is_dir():
        return CatalogueFiles((), (), (RowError(0, None, "dossier absent", str(directory)),))
    initiatives, outcomes, errors = [], [], []
    for folder in sorted(p for p in directory.iterdir() if p.is_dir()):
        if folder.name.startswith("."):
            continue
        code, problems = _folder_errors(folder)
        errors += problems
        for name, into in ((INITIATIVES_FILE, initiatives), (OUTCOMES_FILE, outcomes)):
            path = folder / name
            if path.is_file():
                into.append(CatalogueFile(path, code, read_initiative_csv(path)))
    if not initiatives and not errors:
        errors.append(RowError(0, None, "aucun dossier de région", str(directory)))
    return CatalogueFiles(tuple(initiatives), tuple(outcomes), tuple(errors))


def _region_error(file: CatalogueFile, row: CsvRow) -> RowError | None:
    region = str(row.values.get("region_code") or "").strip()
    if file.region_code is None or region not in REGIONS or region == file.region_code:
        return None
    return RowError(
        row.line,
        "region_code",
        f"initiative de la région {region} ({REGIONS[region]}) rangée dans {file.folder} : "
        f"la déplacer dans {region_folder_name(region)}/",
        str(file.path),
    )


def iter_catalogue_errors(
    files: CatalogueFiles,
    reference: Reference | None,
    *,
    today: datetime.date | None = None,
) -> Iterator[RowError]:
    """Every error of the catalogue: folders, then each initiatives file, then each
    outcomes file (rows in file order)."""
    yield from files.folder_errors
    checker = InitiativeChecker(reference, today=today)
    where: dict[str, str] = {}
    for file in files.initiatives:
        for error in header_errors(file.table.columns, COLUMNS):
            yield RowError(error.row, error.column, error.message, str(file.path))
        for row in file.table.rows:
            yield from checker.check(row, str(file.path))
            misplaced = _region_error(file, row)
            if misplaced is not None:
                yield misplaced
            ident = str(row.values.get("id") or "").strip()
            where.setdefault(ident, file.folder)
    for file in files.outcomes:
        yield from iter_outcome_errors(
            file.table, where, folder=file.folder, today=today, file=str(file.path)
        )


def validate_catalogue(
    directory: Path = CATALOGUE_DIR,
    reference: Reference | None = None,
    *,
    today: datetime.date | None = None,
) -> list[RowError]:
    """All errors of the catalogue in ``directory`` (``reference=None``: formats only)."""
    return list(iter_catalogue_errors(read_catalogue(directory), reference, today=today))


def iter_incomplete(files: CatalogueFiles) -> Iterator[RowError]:
    """Rows not yet re-verified (no ``verified_on``) and known statuses without the
    date of their source (``status_date``): allowed, but to be completed."""
    for file, row in files.initiative_rows():
        get = {k: str(v or "").strip() for k, v in row.values.items()}.get
        if not get("verified_on"):
            yield RowError(row.line, "verified_on", "sources pas encore relues", str(file.path))
        if get("status") not in (None, "", "unknown") and not get("status_date"):
            message = f"statut « {get('status')} » sans la date de sa source"
            yield RowError(row.line, "status_date", message, str(file.path))
