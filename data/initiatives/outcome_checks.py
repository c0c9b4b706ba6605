"""The checks of outcome records: one set of per-field checks for the catalogue's
``outcomes.csv`` rows, the moderation import and the forms."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping

from data.initiatives.checks import Rows, iter_table_errors
from data.initiatives.csvfile import CsvRow
from data.initiatives.dates import date_error, date_span
from data.initiatives.row_error import Getter, RowError, getter
from data.initiatives.schema import MEASURED_BY, NUMBER_RE, OUTCOME_COLUMNS, is_http_url

FieldProblem = tuple[str, str]  # (column, message)


def _number_error(text: str) -> str | None:
    if NUMBER_RE.match(text):
        return None
    hint = " (point décimal : 12.5)" if "," in text else ""
    if any(ch.isspace() for ch in text):
        hint = " (chiffres sans espace, point décimal)"
    return f"« {text} » n'est pas un nombre{hint}"


def outcome_field_errors(get: Getter, today: datetime.date) -> Iterator[FieldProblem]:
    """Every problem of one record's fields, except whether its ``initiative_id``
    exists (the caller knows the initiatives)."""
    for column in ("value", "baseline"):
        text = get(column)
        message = _number_error(text) if text else None
        if message:
            yield column, message
    if (get("value") or get("baseline")) and not get("unit"):
        yield "unit", "unité obligatoire avec une valeur (« médecins », « consultations », « % »…)"

    spans = {}
    for column in ("period_start", "period_end", "baseline_period"):
        text = get(column)
        if not text:
            continue
        message = date_error(text, today)
        if message:
            yield column, message
        else:
            spans[column] = date_span(text)
    if not get("period_end"):
        yield "period_end", "fin de la période (ou date du chiffre) obligatoire"
    start, end = spans.get("period_start"), spans.get("period_end")
    if start is not None and end is not None and start[0] > end[1]:
        yield "period_start", f"début {get('period_start')} après la fin {get('period_end')}"
    if get("baseline_period") and not get("baseline"):
        yield "baseline_period", "date de référence donnée sans valeur de référence (baseline)"

    measured_by = get("measured_by")
    if not measured_by:
        yield "measured_by", f"obligatoire (valeurs : {', '.join(MEASURED_BY)})"
    elif measured_by not in MEASURED_BY:
        yield (
            "measured_by",
            f"« {measured_by} » inconnu (valeurs : {', '.join(MEASURED_BY)})",
        )
    if get("method") and measured_by != "third_party":
        yield "method", "méthode d'évaluation réservée à une mesure par un tiers (third_party)"

    source = get("source")
    if not source:
        yield "source", "source obligatoire (une URL http ou https)"
    elif not is_http_url(source):
        yield "source", f"source « {source} » : pas une URL http(s) (une seule URL)"


class OutcomeChecker:
    """Checks outcome rows against the initiatives they belong to.

    ``initiatives``: initiative id -> the folder (or file) holding it; ``folder``:
    where the rows being checked live (None: anywhere).
    """

    def __init__(
        self,
        initiatives: Mapping[str, str],
        *,
        folder: str | None = None,
        today: datetime.date | None = None,
    ) -> None:
        self.initiatives = initiatives
        self.folder = folder
        self.today = today or datetime.date.today()

    def check(self, row: CsvRow, file: str = "") -> Iterator[RowError]:
        def err(column: str | None, message: str) -> RowError:
            return RowError(row.line, column, message, file)

        if row.field_count is not None:
            yield err(
                None, f"{row.field_count} valeurs au lieu de {len(OUTCOME_COLUMNS)} (guillemets ?)"
            )
        get = getter(row.values)
        ident = get("initiative_id")
        if not ident:
            yield err("initiative_id", "identifiant de l'initiative obligatoire")
        elif ident not in self.initiatives:
            yield err("initiative_id", f"initiative « {ident} » inconnue")
        elif self.folder is not None and self.initiatives[ident] != self.folder:
            yield err(
                "initiative_id",
                f"l'initiative « {ident} » est dans {self.initiatives[ident]} : "
                "ses résultats vont dans le même dossier",
            )
        for column, message in outcome_field_errors(get, self.today):
            yield err(column, message)


def iter_outcome_errors(
    rows: Rows,
    initiatives: Mapping[str, str],
    *,
    folder: str | None = None,
    today: datetime.date | None = None,
    file: str = "",
) -> Iterator[RowError]:
    """Every error of outcome rows (header too, for a table), in file order."""
    checker = OutcomeChecker(initiatives, folder=folder, today=today)
    yield from iter_table_errors(rows, OUTCOME_COLUMNS, checker.check, file)
