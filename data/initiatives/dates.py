"""Dates of the catalogue: a day (``YYYY-MM-DD``), or a month or a year when the
source gives no more (``YYYY-MM``, ``YYYY``)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FORMATS = "AAAA, AAAA-MM ou AAAA-MM-JJ"


def date_span(text: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of ``2021``, ``2021-05`` or ``2021-05-17``; None if malformed
    or not a calendar date."""
    match = PARTIAL_DATE_RE.match(text)
    if match is None:
        return None
    year = int(match[1])
    month = int(match[2]) if match[2] else None
    day = int(match[3]) if match[3] else None
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        return None


def date_error(text: str, today: dt.date, *, day_only: bool = False) -> str | None:
    """Why ``text`` is not an acceptable date (badly formed, or after ``today``), or None.

    A period is in the future when it has not begun by ``today``: ``2025`` is fine
    on any day of 2025.
    """
    span = date_span(text) if not day_only or DAY_RE.match(text) else None
    if span is None:
        expected = "AAAA-MM-JJ" if day_only else FORMATS
        return f"date « {text} » invalide (attendu : {expected})"
    if span[0] > today:
        return f"date {text} dans le futur"
    return None
