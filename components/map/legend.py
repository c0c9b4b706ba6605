"""The map legend as escaped HTML: title, unit, year, classes, "non disponible", source."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from components.i18n import colon, t
from data.classify import Classification
from data.formatting import format_number, format_range

HATCH_CSS = "repeating-linear-gradient(45deg,#e6e6e6 0 3px,#8c8c8c 3px 5px)"


@dataclass(frozen=True)
class LegendLever:
    label: str
    svg: str  # trusted SVG built from data.levers (no user text)
    count: int


def _class_label(c: Classification, i: int, decimals: int, lang: str) -> str:
    low, high = c.breaks[i], c.breaks[i + 1]
    if math.isinf(high):
        return f"≥ {format_number(low, decimals, lang)}"
    if i == 0 and low == 0 and c.k > 1 and math.isinf(c.breaks[-1]):
        return f"< {format_number(high, decimals, lang)}"
    return format_range(low, high, decimals, lang)


def classes_rows(c: Classification, decimals: int, lang: str) -> list[tuple[str, str]]:
    """(colour, label) per class, from the best to the worst (darkest last)."""
    rows = [(c.colors[i], _class_label(c, i, decimals, lang)) for i in range(c.k)]
    return list(reversed(rows)) if c.higher_is_better else rows


def legend_html(
    *,
    title: str,
    unit: str,
    year: str,
    source: str,
    classification: Classification,
    decimals: int,
    lang: str,
    missing_count: int,
    extra_note: str = "",
) -> str:
    """The legend of the colours; every argument is plain text."""
    rows = [
        f'<div class="atlas-legend-title">{escape(title)}</div>',
        f'<div class="atlas-legend-unit">{escape(unit)} · {escape(year)}</div>',
        f'<div class="atlas-legend-hint">{escape(t("map.darker_worse", lang))}</div>',
    ]
    for colour, label in classes_rows(classification, decimals, lang):
        rows.append(
            f'<div class="atlas-legend-row"><span class="atlas-swatch" '
            f'style="background:{escape(colour)}"></span>{escape(label)}</div>'
        )
    if missing_count:
        rows.append(
            f'<div class="atlas-legend-row"><span class="atlas-swatch" '
            f'style="background:{HATCH_CSS}"></span>{escape(t("map.missing", lang))}'
            f" ({missing_count})</div>"
        )
    if extra_note:
        rows.append(f'<div class="atlas-legend-hint">{escape(extra_note)}</div>')
    label = f"{escape(t('map.source', lang))}{colon(lang)}"
    rows.append(f'<div class="atlas-legend-source">{label} {escape(source)}</div>')
    return "".join(rows)


def lever_legend_html(levers: Sequence[LegendLever], lang: str) -> str:
    """The legend of the initiative markers (shape + colour per lever), collapsible."""
    rows = [
        f'<details><summary class="atlas-legend-title">'
        f"{escape(t('map.legend.initiatives', lang))}</summary>"
    ]
    for lever in levers:
        rows.append(
            f'<div class="atlas-legend-row">{lever.svg}'
            f"<span>{escape(lever.label)} ({lever.count})</span></div>"
        )
    rows.append(f'<div class="atlas-legend-hint">{escape(t("map.legend.dep_wide", lang))}</div>')
    rows.append(f'<div class="atlas-legend-hint">{escape(t("map.legend.region_wide", lang))}</div>')
    rows.append("</details>")
    return "".join(rows)
