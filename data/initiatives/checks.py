"""The checks of initiative rows, shared by the strict loader and the moderation report.

:func:`iter_row_errors` yields every error in file order; the loader stops at the
first, :func:`validate_initiative_rows` lists them all.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

from data.initiatives.csvfile import CsvRow, CsvTable
from data.initiatives.place_checks import PlaceChecker
from data.initiatives.reference import Reference, load_reference
from data.initiatives.row_error import RowError
from data.initiatives.schema import (
    ACTOR_SEPARATOR,
    ACTOR_TYPES,
    COLUMNS,
    FIRST_YEAR,
    SLUG_RE,
    SOURCE_SEPARATOR,
    STATUSES,
    is_http_url,
    split_list,
)
from data.levers import LEVER_CODES, is_lever

Rows = CsvTable | Iterable[CsvRow | Mapping[str, str]]


def _as_rows(rows: Rows) -> tuple[tuple[str, ...] | None, list[CsvRow]]:
    if isinstance(rows, CsvTable):
        return rows.columns, list(rows.rows)
    out: list[CsvRow] = []
    for index, item in enumerate(rows):
        out.append(item if isinstance(item, CsvRow) else CsvRow(index + 2, item))
    return None, out


def _header_errors(columns: Sequence[str]) -> Iterator[RowError]:
    for name in COLUMNS:
        if name not in columns:
            yield RowError(1, name, "colonne obligatoire absente de l'en-tête")
    seen: set[str] = set()
    for name in columns:
        if name not in COLUMNS:
            yield RowError(1, name, f"colonne inconnue (colonnes attendues : {', '.join(COLUMNS)})")
        elif name in seen:
            yield RowError(1, name, "colonne en double dans l'en-tête")
        seen.add(name)


class _RowChecker:
    """Checks rows one by one; remembers ids for the duplicate check."""

    def __init__(self, reference: Reference | None, current_year: int) -> None:
        self.last_year = current_year + 1
        self.ids: dict[str, int] = {}
        self.places = PlaceChecker(reference)

    def check(self, row: CsvRow) -> Iterator[RowError]:
        values = row.values
        line = row.line

        def err(column: str | None, message: str) -> RowError:
            return RowError(line, column, message)

        if row.field_count is not None:
            yield err(None, f"{row.field_count} valeurs au lieu de {len(COLUMNS)} (guillemets ?)")

        def get(column: str) -> str:
            value = values.get(column)
            return "" if value is None else str(value).strip()

        ident = get("id")
        if not ident:
            yield err("id", "identifiant obligatoire")
        elif not SLUG_RE.match(ident):
            yield err("id", f"identifiant « {ident} » invalide (minuscules, chiffres et tirets)")
        elif ident in self.ids:
            yield err("id", f"identifiant « {ident} » déjà utilisé ligne {self.ids[ident]}")
        else:
            self.ids[ident] = line

        if not get("name"):
            yield err("name", "nom obligatoire")

        lever = get("lever")
        if not lever:
            yield err("lever", "levier obligatoire")
        elif not is_lever(lever):
            yield err("lever", f"levier inconnu « {lever} » (valeurs : {', '.join(LEVER_CODES)})")

        year = get("year_started")
        if year:
            if not re.fullmatch(r"\d{4}", year):
                yield err("year_started", f"année « {year} » invalide (entier sur 4 chiffres)")
            elif not FIRST_YEAR <= int(year) <= self.last_year:
                yield err(
                    "year_started",
                    f"année {year} hors de la plage {FIRST_YEAR}–{self.last_year}",
                )

        actors = split_list(get("carrying_actor"), ACTOR_SEPARATOR)
        unknown = [a for a in actors if a not in ACTOR_TYPES]
        if unknown:
            yield err(
                "carrying_actor",
                f"type d'acteur inconnu « {unknown[0]} » (valeurs : {', '.join(ACTOR_TYPES)})",
            )
        elif len(set(actors)) != len(actors):
            yield err("carrying_actor", "type d'acteur répété")
        main_actor = actors[0] if actors else ""
        if get("actor_type") != main_actor:
            yield err(
                "actor_type",
                f"doit être le premier acteur de carrying_actor (« {main_actor} »)",
            )

        status = get("status")
        if status and status not in STATUSES:
            yield err("status", f"statut inconnu « {status} » (valeurs : {', '.join(STATUSES)})")

        if not get("description_fr"):
            yield err("description_fr", "description obligatoire")

        sources = split_list(get("sources"), SOURCE_SEPARATOR)
        if not sources:
            yield err("sources", "au moins une source (URL http ou https) est obligatoire")
        for url in sources:
            if not is_http_url(url):
                yield err("sources", f"source « {url} » : pas une URL http(s)")
        if len(set(sources)) != len(sources):
            yield err("sources", "source répétée")

        yield from self.places.check(err, get)

        case_study = get("case_study")
        if case_study and not SLUG_RE.match(case_study):
            yield err("case_study", f"identifiant d'étude de cas « {case_study} » invalide")


def iter_row_errors(
    rows: Rows,
    reference: Reference | None,
    *,
    current_year: int | None = None,
) -> Iterator[RowError]:
    """Yield every error, in file order. ``reference=None`` skips checks against the
    commune and département tables (format checks only)."""
    columns, items = _as_rows(rows)
    if columns is not None:
        yield from _header_errors(columns)
    checker = _RowChecker(reference, current_year or datetime.date.today().year)
    for row in items:
        yield from checker.check(row)


def validate_initiative_rows(
    rows: Rows,
    reference: Reference | None = None,
    *,
    current_year: int | None = None,
) -> list[RowError]:
    """All errors of the rows (for a per-row validation report).

    ``rows``: the result of :func:`read_initiative_csv` (header checked too), or
    rows/mappings (a bare mapping at position ``i`` is numbered line ``i + 2``).
    ``reference``: commune tables, by default read from ``data/built/``.
    """
    return list(iter_row_errors(rows, reference or load_reference(), current_year=current_year))
