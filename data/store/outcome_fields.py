"""Checks of one outcome record typed in a form (proposal, moderation edit) or read
from an imported ``outcomes.csv``: the catalogue's rules
(:func:`data.initiatives.outcome_field_errors`) and the store's limits.

    check = check_outcome_fields({"value": 12, "unit": "médecins", ...})
    check.ok, check.by_field()   # {"period_end": ["… obligatoire"], …}
    check.row                    # the record as catalogue text ("12", "2024-05"…)
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from data.initiatives import OUTCOME_COLUMNS, outcome_field_errors
from data.initiatives.row_error import getter
from data.store.validation import (
    OUTCOME_MAX,
    URL_MAX,
    FieldError,
    FieldErrors,
    clean_text,
    control_message,
    outcome_field,
)

OUTCOMES_MAX = 20  # records per initiative
# Longest text of each column (summary: as long as the former free-text outcome).
OUTCOME_LIMITS: dict[str, int] = {
    "indicator_fr": 200,
    "value": 40,
    "unit": 80,
    "baseline": 40,
    "measurer": 200,
    "method": 500,
    "source": URL_MAX,
    "summary_fr": OUTCOME_MAX,
}
FORM_FIELDS: tuple[str, ...] = tuple(c for c in OUTCOME_COLUMNS if c != "initiative_id")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def form_text(value: object) -> str:
    """A form value as catalogue text: ``12.0`` -> ``"12"``, a date -> ``2024-05-01``."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return clean_text(value)


def outcome_text_errors(values: Mapping[str, object]) -> Iterator[tuple[str, str]]:
    """Length limits and forbidden characters (every column is one line)."""
    get = getter(values)
    for column in OUTCOME_COLUMNS:
        text = get(column)
        limit = OUTCOME_LIMITS.get(column)
        if limit is not None and len(text) > limit:
            yield column, f"trop long ({len(text)} caractères, maximum {limit})"
        message = control_message(text, multiline=False)
        if message:
            yield column, message


@dataclass
class OutcomeCheck(FieldErrors):
    """One record as catalogue text, and its errors per field."""

    row: dict[str, str]
    errors: list[FieldError] = field(default_factory=list)


def check_outcome_fields(
    fields: Mapping[str, object], *, today: dt.date | None = None
) -> OutcomeCheck:
    """Check one record given as form fields (the columns of ``outcomes.csv``; numbers
    and dates may be typed values). ``initiative_id`` is not checked: the record
    belongs to the initiative the form is about."""
    row = {c: form_text(fields.get(c)) for c in OUTCOME_COLUMNS}
    problems = list(outcome_field_errors(getter(row), today or dt.date.today()))
    problems += outcome_text_errors(row)
    errors = [FieldError(column, message) for column, message in problems]
    order = {name: i for i, name in enumerate(FORM_FIELDS)}
    errors.sort(key=lambda e: order.get(e.field, len(order)))
    return OutcomeCheck(row=row, errors=errors)


def check_outcome_list(
    records: Sequence[Mapping[str, object]], *, today: dt.date | None = None
) -> tuple[list[dict[str, str]], list[FieldError]]:
    """Several records of one form: their catalogue rows, and their errors on the
    fields ``outcomes[i].<column>`` (``outcomes`` itself when there are too many)."""
    if len(records) > OUTCOMES_MAX:
        return [], [FieldError("outcomes", f"{len(records)} résultats, maximum {OUTCOMES_MAX}")]
    checks = [check_outcome_fields(r, today=today) for r in records]
    errors = [
        FieldError(outcome_field(i, e.field), e.message)
        for i, check in enumerate(checks)
        for e in check.errors
    ]
    return [check.row for check in checks], errors
