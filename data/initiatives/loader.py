"""The strict loader of the catalogue: read every region folder, check every row,
raise on the first problem, merge."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from data.initiatives.catalogue import CatalogueFiles, iter_catalogue_errors, read_catalogue
from data.initiatives.frame import initiatives_frame
from data.initiatives.outcome_frame import outcomes_frame
from data.initiatives.reference import Reference, load_reference
from data.initiatives.schema import (
    CATALOGUE_DIR,
    COMMUNE_ALIASES_CSV,
    COMMUNES_CSV,
    DEPARTEMENTS_GEOJSON,
)


@dataclass(frozen=True)
class Catalogue:
    """The checked catalogue: its files, the initiatives frame (one row per initiative,
    sorted by id) and the outcomes frame (one row per record)."""

    files: CatalogueFiles
    initiatives: pd.DataFrame
    outcomes: pd.DataFrame


def load_catalogue(
    directory: Path = CATALOGUE_DIR,
    communes: Path = COMMUNES_CSV,
    aliases: Path = COMMUNE_ALIASES_CSV,
    departements: Path = DEPARTEMENTS_GEOJSON,
    *,
    reference: Reference | None = None,
    today: datetime.date | None = None,
) -> Catalogue:
    """Read and check the catalogue; raise :class:`~data.errors.InputError` (naming the
    file, line and column) on the first problem."""
    reference = reference or load_reference(communes, aliases, departements)
    files = read_catalogue(directory)
    first = next(iter_catalogue_errors(files, reference, today=today), None)
    if first is not None:
        raise first.to_input_error()
    rows = [row for _, row in files.initiative_rows()]
    outcome_rows = [row.values for _, row in files.outcome_rows()]
    initiatives = initiatives_frame(rows, reference, outcome_rows)
    return Catalogue(files, initiatives, outcomes_frame(outcome_rows))


def load_initiatives(
    directory: Path = CATALOGUE_DIR,
    communes: Path = COMMUNES_CSV,
    aliases: Path = COMMUNE_ALIASES_CSV,
    departements: Path = DEPARTEMENTS_GEOJSON,
    *,
    reference: Reference | None = None,
) -> pd.DataFrame:
    """The initiatives of the checked catalogue, sorted by id (``line``: the line in
    the region's ``initiatives.csv``).

    ``lon``/``lat`` are the commune's reference point when the initiative has a
    commune (``precision == "commune"``); département-wide and regional programmes
    have no coordinates (``precision`` ``departement`` or ``region``) so that the map
    marks them as such instead of faking a position.
    """
    return load_catalogue(
        directory, communes, aliases, departements, reference=reference
    ).initiatives
