"""The checks of initiative rows, shared by the strict loader and the moderation report.

:func:`iter_row_errors` yields every error in file order; the loader stops at the
first, :func:`validate_initiative_rows` lists them all. :class:`InitiativeChecker`
checks several files in turn (ids are unique over the whole catalogue).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from data.initiatives.csvfile import CsvRow, CsvTable
from data.initiatives.dates import date_error, date_span
from data.initiatives.place_checks import PlaceChecker
from data.initiatives.reference import Reference, load_reference
from data.initiatives.row_error import ErrorMaker, Getter, RowError, getter, header_errors
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


QUOTE_MAX = 80  # characters of a bad value quoted back in a message


def quote_value(text: str, limit: int = QUOTE_MAX) -> str:
    """At most the first ``limit`` characters of a value quoted in a message, "…" after."""
    return text if len(text) <= limit else text[:limit] + "…"


def as_rows(rows: Rows) -> tuple[tuple[str, ...] | None, list[CsvRow]]:
    """The header (None for bare rows) and the rows; a bare mapping at position ``i``
    is numbered line ``i + 2``."""
    if isinstance(rows, CsvTable):
        return rows.columns, list(rows.rows)
    out: list[CsvRow] = []
    for index, item in enumerate(rows):
        out.append(item if isinstance(item, CsvRow) else CsvRow(index + 2, item))
    return None, out


def iter_table_errors(
    rows: Rows,
    expected: Sequence[str],
    check: Callable[[CsvRow, str], Iterator[RowError]],
    file: str = "",
) -> Iterator[RowError]:
    """The header's errors (for a table), then ``check(row, file)`` of every row."""
    columns, items = as_rows(rows)
    if columns is not None:
        for error in header_errors(columns, expected):
            yield replace(error, file=file)
    for row in items:
        yield from check(row, file)


class InitiativeChecker:
    """Checks rows one by one, file after file; remembers ids for the duplicate check.

    ``today`` bounds dates (nothing in the future); ``current_year`` (default: that of
    ``today``) bounds ``year_started`` (at most the next year: announced projects).
    """

    def __init__(
        self,
        reference: Reference | None,
        *,
        today: datetime.date | None = None,
        current_year: int | None = None,
    ) -> None:
        self.today = today or datetime.date.today()
        self.last_year = (current_year or self.today.year) + 1
        self.ids: dict[str, tuple[str, int]] = {}
        self.places = PlaceChecker(reference)

    def check(self, row: CsvRow, file: str = "") -> Iterator[RowError]:
        line = row.line

        def err(column: str | None, message: str) -> RowError:
            return RowError(line, column, message, file)

        if row.field_count is not None:
            yield err(None, f"{row.field_count} valeurs au lieu de {len(COLUMNS)} (guillemets ?)")
        get = getter(row.values)
        yield from self._check_id(err, get("id"), line, file)
        yield from self._check_fields(err, get)
        yield from self._check_dates(err, get)
        yield from self._check_sources(err, get)
        yield from self.places.check(err, get)
        case_study = get("case_study")
        if case_study and not SLUG_RE.match(case_study):
            yield err("case_study", f"identifiant d'étude de cas « {case_study} » invalide")

    def _check_id(self, err: ErrorMaker, ident: str, line: int, file: str) -> Iterator[RowError]:
        if not ident:
            yield err("id", "identifiant obligatoire")
        elif not SLUG_RE.match(ident):
            yield err("id", f"identifiant « {ident} » invalide (minuscules, chiffres et tirets)")
        elif ident in self.ids:
            other_file, other_line = self.ids[ident]
            where = f"ligne {other_line}"
            if other_file != file:
                other = Path(other_file)
                where = f"dans {other.parent.name}/{other.name}, {where}"
            yield err("id", f"identifiant « {ident} » déjà utilisé {where}")
        else:
            self.ids[ident] = (file, line)

    def _check_fields(self, err: ErrorMaker, get: Getter) -> Iterator[RowError]:
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

    def _check_dates(self, err: ErrorMaker, get: Getter) -> Iterator[RowError]:
        status, status_date, verified_on = get("status"), get("status_date"), get("verified_on")
        status_span = None
        if status_date:
            message = date_error(status_date, self.today)
            if message:
                yield err("status_date", message)
            elif status in ("", "unknown"):
                yield err(
                    "status_date",
                    "date donnée pour un statut inconnu (la laisser vide, "
                    "ou renseigner le statut que la source indique)",
                )
            else:
                status_span = date_span(status_date)
        if verified_on:
            message = date_error(verified_on, self.today, day_only=True)
            checked = date_span(verified_on)
            if message:
                yield err("verified_on", message)
            elif status_span is not None and checked is not None and checked < status_span:
                yield err(
                    "verified_on",
                    f"vérifiée le {verified_on}, avant la date de sa source la plus récente "
                    f"({status_date})",
                )

    @staticmethod
    def _check_sources(err: ErrorMaker, get: Getter) -> Iterator[RowError]:
        sources = split_list(get("sources"), SOURCE_SEPARATOR)
        if not sources:
            yield err("sources", "au moins une source (URL http ou https) est obligatoire")
        for url in sources:
            if not is_http_url(url):
                yield err("sources", f"source « {quote_value(url)} » : pas une URL http(s)")
        if len(set(sources)) != len(sources):
            yield err("sources", "source répétée")


def iter_row_errors(
    rows: Rows,
    reference: Reference | None,
    *,
    current_year: int | None = None,
    today: datetime.date | None = None,
    file: str = "",
) -> Iterator[RowError]:
    """Yield every error, in file order. ``reference=None`` skips checks against the
    commune and département tables (format checks only)."""
    checker = InitiativeChecker(reference, today=today, current_year=current_year)
    yield from iter_table_errors(rows, COLUMNS, checker.check, file)


def validate_initiative_rows(
    rows: Rows,
    reference: Reference | None = None,
    *,
    current_year: int | None = None,
    today: datetime.date | None = None,
) -> list[RowError]:
    """All errors of the rows (for a per-row validation report).

    ``rows``: the result of :func:`read_initiative_csv` (header checked too), or
    rows/mappings (a bare mapping at position ``i`` is numbered line ``i + 2``).
    ``reference``: commune tables, by default read from ``data/built/``.
    """
    reference = reference or load_reference()
    return list(iter_row_errors(rows, reference, current_year=current_year, today=today))
