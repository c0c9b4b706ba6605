"""The figures of the dossier, as texts formatted exactly as the portrait formats them.

Nothing is computed here: values come from the atlas frames, ranks and comparisons from
:func:`data.portrait.key_figures`, comparable départements from
:func:`data.portrait.comparable_departements`, numbers from :mod:`data.formatting`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from components.i18n import colon, t
from components.map.build import indicator_label, indicator_short_label, indicator_unit
from data.atlas import Atlas
from data.formatting import format_number, format_value
from data.indicators import Indicator
from data.portrait import KEY_FIGURES, KeyFigure, key_figures

ARROWS = {"better": "▲", "worse": "▼", "same": "=", "unknown": ""}  # as the portrait
TREND_ID = "mg_densite_evol_2018_2022_pct"  # the portrait's "Évolution 2018 → 2022"
_YEAR_ID = re.compile(r"^(?P<base>.+)_(?P<year>\d{4})$")
_YEAR_SUFFIX = re.compile(r"\s*\(\d{4}\)\s*$")


def _num(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def short_unit(ind: Indicator, lang: str) -> str:
    """The unit written after a value: ``%`` only; long units go once, in the label
    (the portrait's rule)."""
    unit = indicator_unit(ind, lang)
    return unit if unit == "%" else ""


def value_text(value: float | None, ind: Indicator, lang: str) -> str:
    """A value as the portrait shows it (``3,48``, ``16,6 %``, ``non disponible``)."""
    return format_value(value, short_unit(ind, lang), ind.decimals, lang)


@dataclass(frozen=True)
class FigureRow:
    indicator: Indicator
    label: str
    unit: str
    year: str
    source: str
    value: str
    france: str
    region: str
    rank: str
    versus: str  # better, worse, same, unknown
    versus_text: str


def regional_row(atlas: Atlas, dep: str) -> pd.Series | None:
    region = str(atlas.departements.at[dep, "region_code"])
    return atlas.regional.loc[region] if region in atlas.regional.index else None


def portrait_figures(atlas: Atlas, dep: str) -> list[KeyFigure]:
    """The portrait's key figures of ``dep`` (same call as the portrait)."""
    return key_figures(
        dep, atlas.departements, atlas.indicators, atlas.national["value"], regional_row(atlas, dep)
    )


def figure_rows(atlas: Atlas, dep: str, lang: str) -> list[FigureRow]:
    rows = []
    for fig in portrait_figures(atlas, dep):
        ind = fig.indicator
        if fig.versus_france == "unknown":
            versus_text = t("dossier.no_compare", lang)
        else:
            versus_text = f"{ARROWS[fig.versus_france]} {t('portrait.' + fig.versus_france, lang)}"
        rank = (
            t("portrait.rank_short", lang, rank=fig.rank, count=fig.ranked)
            if fig.rank is not None
            else t("dossier.no_rank", lang)
        )
        rows.append(
            FigureRow(
                indicator=ind,
                label=indicator_label(ind, lang),
                unit=indicator_unit(ind, lang),
                year=ind.year,
                source=f"{ind.producer}, {ind.dataset} — {ind.licence}",
                value=value_text(fig.value, ind, lang),
                france=value_text(fig.national, ind, lang),
                region=value_text(fig.regional, ind, lang),
                rank=rank,
                versus=fig.versus_france,
                versus_text=versus_text,
            )
        )
    return rows


def trend_text(atlas: Atlas, dep: str, lang: str) -> str | None:
    """The portrait's "Évolution 2018 → 2022" line, or None when not available."""
    row = atlas.departements.loc[dep]
    trend = _num(row.get(TREND_ID))
    if trend is None:
        return None
    ind = atlas.indicator(TREND_ID)
    unit = indicator_unit(atlas.indicator("mg_densite_2022"), lang)
    sign = "+" if trend > 0 else ""
    d18, d22 = _num(row.get("mg_densite_2018")), _num(row.get("mg_densite_2022"))
    return (
        f"{t('portrait.trend', lang)}{colon(lang)} {format_number(d18, 1, lang)} → "
        f"{format_number(d22, 1, lang)} {unit} "
        f"({sign}{format_number(trend, ind.decimals, lang)} %)"
    )


# --- series: one measure published at several dates -----------------------------------------


@dataclass(frozen=True)
class Series:
    """One measure of the portrait at every date the catalogue has it (oldest first)."""

    base: str
    indicators: tuple[Indicator, ...]
    years: tuple[int, ...]


def portrait_series(atlas: Atlas, ids: tuple[str, ...] = KEY_FIGURES) -> list[Series]:
    """Series of the catalogue (ids ``<base>_<year>``) with a portrait indicator and at
    least two dates, in the portrait's order."""
    groups: dict[str, list[tuple[int, Indicator]]] = {}
    for ind in atlas.indicators:
        match = _YEAR_ID.match(ind.id)
        if match and ind.year.isdigit():
            groups.setdefault(match["base"], []).append((int(ind.year), ind))
    out, seen = [], set()
    for indicator_id in ids:
        match = _YEAR_ID.match(indicator_id)
        base = match["base"] if match else None
        if base is None or base in seen or len(groups.get(base, ())) < 2:
            continue
        seen.add(base)
        dated = sorted(groups[base], key=lambda pair: pair[0])
        out.append(
            Series(
                base=base,
                indicators=tuple(ind for _, ind in dated),
                years=tuple(year for year, _ in dated),
            )
        )
    return out


def series_title(series: Series, lang: str) -> str:
    return _YEAR_SUFFIX.sub("", indicator_short_label(series.indicators[-1], lang))


def series_values(atlas: Atlas, series: Series, dep: str) -> dict[str, tuple[float | None, ...]]:
    """The values of ``dep``, France and its region at each date of the series."""
    deps, national = atlas.departements, atlas.national["value"]
    regional = regional_row(atlas, dep)
    return {
        "departement": tuple(_num(deps.at[dep, ind.id]) for ind in series.indicators),
        "france": tuple(_num(national.get(ind.id)) for ind in series.indicators),
        "region": tuple(
            _num(regional.get(ind.id)) if regional is not None else None
            for ind in series.indicators
        ),
    }


def dated_values_text(series: Series, values: tuple[float | None, ...], lang: str) -> str:
    """``2022 : 3,52 · 2023 : 3,48`` (``non disponible`` where missing)."""
    return " · ".join(
        f"{year}{colon(lang)} {value_text(v, ind, lang)}"
        for year, ind, v in zip(series.years, series.indicators, values, strict=True)
    )


def movement_text(series: Series, values: tuple[float | None, ...], lang: str) -> str:
    """``3,52 → 3,48``: first and last published values."""
    first, last = series.indicators[0], series.indicators[-1]
    return f"{value_text(values[0], first, lang)} → {value_text(values[-1], last, lang)}"


def has_values(values: dict[str, tuple[float | None, ...]]) -> bool:
    return any(v is not None for v in values["departement"])
