"""The catalogue of territorial initiatives: schema, validation and loader.

The catalogue is edited by hand, one folder per region under ``data/catalogue/``
(``initiatives.csv`` and ``outcomes.csv``); ``docs/catalogue.md`` describes the files.

========================  =====================================================
:mod:`.schema`            columns, code lists, formats, small text helpers
:mod:`.dates`             partial dates (year, month or day)
:mod:`.names`             loose comparison of names, slugs
:mod:`.reference`         communes, their aliases and départements (``data/built/``)
:mod:`.csvfile`           reading and writing the CSV files (no value checks)
:mod:`.row_error`         one problem of one row
:mod:`.checks`            the initiative row checks (:mod:`.place_checks` for places)
:mod:`.outcome_checks`    the outcome record checks
:mod:`.catalogue`         the region folders: reading and checking every file
:mod:`.duplicates`        the same initiative entered twice
:mod:`.frame`             the typed frame of initiatives the app reads
:mod:`.outcome_frame`     the typed frame of outcome records
:mod:`.loader`            the strict loader
========================  =====================================================

One check, :func:`iter_row_errors`, serves both the strict loader
(:func:`load_initiatives` raises :class:`~data.errors.InputError` on the first
error) and the moderation report (:func:`validate_initiative_rows` lists them all).
Row numbers are CSV line numbers as a spreadsheet shows them (header = line 1).
"""

from __future__ import annotations

from data.initiatives.catalogue import (
    CatalogueFile,
    CatalogueFiles,
    iter_catalogue_errors,
    read_catalogue,
    region_folder_name,
    validate_catalogue,
)
from data.initiatives.checks import (
    InitiativeChecker,
    Rows,
    iter_row_errors,
    validate_initiative_rows,
)
from data.initiatives.csvfile import (
    CsvRow,
    CsvTable,
    catalogue_csv_text,
    read_initiative_csv,
    write_initiative_rows,
    write_outcome_rows,
)
from data.initiatives.duplicates import CatalogueDuplicate, find_catalogue_duplicates
from data.initiatives.frame import FRAME_COLUMNS, initiatives_frame
from data.initiatives.loader import Catalogue, load_catalogue, load_initiatives
from data.initiatives.outcome_checks import (
    OutcomeChecker,
    iter_outcome_errors,
    outcome_field_errors,
)
from data.initiatives.outcome_frame import (
    OUTCOME_FRAME_COLUMNS,
    outcome_summaries,
    outcomes_frame,
)
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
    CATALOGUE_DIR,
    COLUMNS,
    COMMUNE_ALIASES_CSV,
    COMMUNE_RE,
    COMMUNES_CSV,
    DEPARTEMENT_RE,
    DEPARTEMENTS_GEOJSON,
    FIRST_YEAR,
    INITIATIVES_FILE,
    MEASURED_BY,
    OUTCOME_COLUMNS,
    OUTCOMES_FILE,
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
    "CATALOGUE_DIR",
    "COLUMNS",
    "COMMUNES_CSV",
    "COMMUNE_ALIASES_CSV",
    "COMMUNE_RE",
    "DEPARTEMENTS_GEOJSON",
    "DEPARTEMENT_RE",
    "FIRST_YEAR",
    "FRAME_COLUMNS",
    "INITIATIVES_FILE",
    "MEASURED_BY",
    "OUTCOMES_FILE",
    "OUTCOME_COLUMNS",
    "OUTCOME_FRAME_COLUMNS",
    "REGIONS",
    "SCOPES",
    "SLUG_RE",
    "SOURCE_SEPARATOR",
    "STATUSES",
    "UNKNOWN_LABEL",
    "Catalogue",
    "CatalogueDuplicate",
    "CatalogueFile",
    "CatalogueFiles",
    "Commune",
    "CommuneAlias",
    "CsvRow",
    "CsvTable",
    "Departement",
    "InitiativeChecker",
    "OutcomeChecker",
    "Reference",
    "RowError",
    "Rows",
    "catalogue_csv_text",
    "derive_scope",
    "find_catalogue_duplicates",
    "initiatives_frame",
    "is_http_url",
    "iter_catalogue_errors",
    "iter_outcome_errors",
    "iter_row_errors",
    "load_catalogue",
    "load_initiatives",
    "load_reference",
    "normalise_place_name",
    "outcome_field_errors",
    "outcome_summaries",
    "outcomes_frame",
    "read_catalogue",
    "read_initiative_csv",
    "reference_from_frames",
    "region_folder_name",
    "split_list",
    "validate_catalogue",
    "validate_initiative_rows",
    "write_initiative_rows",
    "write_outcome_rows",
]
