"""Numbers and ranges written the French (or English) way."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from data.classify import is_missing

MISSING_LABEL = {"fr": "non disponible", "en": "not available"}
THIN_NBSP = "\u202f"


def format_number(value: float | None, decimals: int = 1, lang: str = "fr") -> str:
    """``3.754`` -> ``"3,75"`` in French, ``"3.75"`` in English; missing -> label.

    Rounded half up from the decimal value as written (3.745 -> 3.75), the convention
    of official statistics, not binary float rounding (which would give 3.74).
    """
    if is_missing(value):
        return MISSING_LABEL.get(lang, MISSING_LABEL["fr"])
    assert value is not None
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", THIN_NBSP).replace(".", ",")
    return text


def format_value(value: float | None, unit: str, decimals: int = 1, lang: str = "fr") -> str:
    """A number with its unit (``"16,6 %"``, ``"148,5 médecins pour 100 000 hab."``)."""
    if is_missing(value):
        return format_number(value, decimals, lang)
    return (
        f"{format_number(value, decimals, lang)}\u00a0{unit}"
        if unit
        else format_number(value, decimals, lang)
    )


def format_range(low: float, high: float, decimals: int = 1, lang: str = "fr") -> str:
    """A legend class: ``"2,5 – 3,1"``."""
    return f"{format_number(low, decimals, lang)} – {format_number(high, decimals, lang)}"
