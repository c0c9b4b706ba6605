"""The strict loader of the catalogue: read, check, raise on the first problem."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data.errors import InputError
from data.initiatives.checks import iter_row_errors
from data.initiatives.csvfile import read_initiative_csv
from data.initiatives.frame import initiatives_frame
from data.initiatives.reference import Reference, load_reference
from data.initiatives.schema import (
    COMMUNE_ALIASES_CSV,
    COMMUNES_CSV,
    DEPARTEMENTS_GEOJSON,
    INITIATIVES_CSV,
)


def load_initiatives(
    path: Path = INITIATIVES_CSV,
    communes: Path = COMMUNES_CSV,
    aliases: Path = COMMUNE_ALIASES_CSV,
    departements: Path = DEPARTEMENTS_GEOJSON,
    *,
    reference: Reference | None = None,
) -> pd.DataFrame:
    """Read and validate the catalogue; raise :class:`InputError` on the first problem.

    ``lon``/``lat`` are the commune's reference point when the initiative has a
    commune (``precision == "commune"``); département-wide and regional programmes
    have no coordinates (``precision`` ``departement`` or ``region``) so that the map
    marks them as such instead of faking a position.
    """
    if not path.is_file():
        raise InputError(str(path), "fichier absent")
    reference = reference or load_reference(communes, aliases, departements)
    table = read_initiative_csv(path)
    first = next(iter_row_errors(table, reference), None)
    if first is not None:
        raise first.to_input_error(str(path))
    return initiatives_frame(table.rows, reference)
