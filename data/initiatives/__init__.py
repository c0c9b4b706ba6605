"""The catalogue of territorial initiatives: schema, validation and loader.

``data/initiatives.csv`` is edited by hand (UTF-8, comma-separated, one row per
initiative, rows sorted by ``id``); its columns are described in ``docs/catalogue.md``.

========================  =====================================================
:mod:`.schema`            columns, code lists, formats, small text helpers
:mod:`.reference`         communes, their aliases and départements (``data/built/``)
:mod:`.csvfile`           reading and writing the CSV (no value checks)
:mod:`.row_error`         one problem of one row
:mod:`.checks`            the row checks (:mod:`.place_checks` for places)
:mod:`.frame`             the typed frame the app reads
:mod:`.loader`            the strict loader
========================  =====================================================

One check, :func:`iter_row_errors`, serves both the strict loader
(:func:`load_initiatives` raises :class:`~data.errors.InputError` on the first
error) and the moderation report (:func:`validate_initiative_rows` lists them all).
Row numbers are CSV line numbers as a spreadsheet shows them (header = line 1).
"""

from __future__ import annotations

from data.initiatives.checks import Rows, iter_row_errors, validate_initiative_rows
from data.initiatives.csvfile import CsvRow, CsvTable, read_initiative_csv, write_initiative_rows
from data.initiatives.frame import FRAME_COLUMNS, initiatives_frame
from data.initiatives.loader import load_initiatives
from data.initiatives.reference import (
    Commune,
    CommuneAlias,
    Departement,
    Reference,
    load_reference,
    reference_from_frames,
)
from data.initiatives.row_error import RowError
from data.initiatives.schema import (
    ACTOR_SEPARATOR,
    ACTOR_TYPES,
    COLUMNS,
    COMMUNE_ALIASES_CSV,
    COMMUNE_RE,
    COMMUNES_CSV,
    DEPARTEMENT_RE,
    DEPARTEMENTS_GEOJSON,
    FIRST_YEAR,
    INITIATIVES_CSV,
    REGIONS,
    SCOPES,
    SLUG_RE,
    SOURCE_SEPARATOR,
    STATUSES,
    UNKNOWN_LABEL,
    derive_scope,
    is_http_url,
    normalise_place_name,
    split_list,
)

__all__ = [
    "ACTOR_SEPARATOR",
    "ACTOR_TYPES",
    "COLUMNS",
    "COMMUNES_CSV",
    "COMMUNE_ALIASES_CSV",
    "COMMUNE_RE",
    "DEPARTEMENTS_GEOJSON",
    "DEPARTEMENT_RE",
    "FIRST_YEAR",
    "FRAME_COLUMNS",
    "INITIATIVES_CSV",
    "REGIONS",
    "SCOPES",
    "SLUG_RE",
    "SOURCE_SEPARATOR",
    "STATUSES",
    "UNKNOWN_LABEL",
    "Commune",
    "CommuneAlias",
    "CsvRow",
    "CsvTable",
    "Departement",
    "Reference",
    "RowError",
    "Rows",
    "derive_scope",
    "initiatives_frame",
    "is_http_url",
    "iter_row_errors",
    "load_initiatives",
    "load_reference",
    "normalise_place_name",
    "read_initiative_csv",
    "reference_from_frames",
    "split_list",
    "validate_initiative_rows",
    "write_initiative_rows",
]
