"""What the image of the current view shows (PNG or SVG, drawn by ``image_draw``).

No streamlit and no network here: matplotlib's Agg and SVG back ends, DejaVu Sans.
The colours come from the very :class:`~data.classify.Classification` the interactive
map uses (:func:`components.share.export_data.view_data`), the legend rows from
:func:`components.map.legend.classes_rows`, the markers from :mod:`data.levers`.

What is drawn:

- France entière: the 101 départements in the "DROM rapprochés" layout with the inset
  frames, coloured by the indicator; missing values hatched; initiative markers (lever
  shape and colour; a ring for département-wide or regional programmes).
- A selected département: its communes coloured by APL (the fixed APL classes of the
  interactive commune map), the neighbouring départements in grey, its outline, its
  initiatives, and a small locator map of France.

Around the map: title, subtitle (indicator and year), the initiatives shown, the legend,
the source line, the date, the permalink as text and as a QR code. Presets:
``16x9`` (1600 x 900 px) and ``1x1`` (1080 x 1080 px). Web Mercator, as on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
import shapely

from components.i18n import t
from components.map.build import indicator_short_label, indicator_unit, lever_label
from components.map.legend import classes_rows
from components.share.export_data import ViewData
from data.atlas import Atlas
from data.levers import LEVERS
from geo.drom import inset_boxes

NEIGHBOUR = "#c9d1d8"  # components.map.build.departement_map
OUTLINE = "#0b3954"


@dataclass(frozen=True)
class Shapes:
    """Polygons of one layer and how to fill them (``None``: hatched, no value)."""

    geometries: Sequence[shapely.Geometry]
    fills: Sequence[str | None]
    edge: str = "#ffffff"
    linewidth: float = 0.5
    codes: Sequence[str] = ()


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    lever: str
    precision: str


@dataclass(frozen=True)
class ImageSpec:
    """Everything the image shows, in plain values (built by :func:`image_spec`)."""

    layers: tuple[Shapes, ...]
    bounds: tuple[float, float, float, float]  # lon/lat
    insets: tuple[tuple[float, float, float, float], ...]
    outline: shapely.Geometry | None
    markers: tuple[Marker, ...]
    legend_title: str
    legend_unit: str
    legend_hint: str
    legend_rows: tuple[tuple[str, str], ...]  # (colour, label), as the interactive legend
    missing_label: str
    missing_count: int
    legend_note: str
    lever_title: str
    lever_rows: tuple[tuple[str, str], ...]  # (lever code, "label (count)")
    title: str
    subtitle: str
    filters_text: str
    source_text: str
    date_text: str
    permalink: str
    locator: tuple[Shapes, ...] = ()
    locator_bounds: tuple[float, float, float, float] | None = None
    fill_by_code: dict[str, str | None] = field(default_factory=dict)


# --- building the spec from the view -------------------------------------------------------


def _fill(colour: str, class_index: object) -> str | None:
    return None if pd.isna(class_index) else colour


def _markers(initiatives: pd.DataFrame, lon: str, lat: str) -> tuple[Marker, ...]:
    out = []
    for row in initiatives.itertuples(index=False):
        x, y = getattr(row, lon), getattr(row, lat)
        if pd.notna(x) and pd.notna(y):
            precision = getattr(row, "precision", "commune") or "commune"
            out.append(Marker(float(x), float(y), str(row.lever), str(precision)))
    return tuple(out)


def _lever_rows(initiatives: pd.DataFrame, lang: str) -> tuple[tuple[str, str], ...]:
    counts = initiatives["lever"].value_counts()
    return tuple(
        (lv.code, f"{lever_label(lv.code, lang)} ({int(counts[lv.code])})")
        for lv in LEVERS
        if counts.get(lv.code, 0) > 0
    )


def image_spec(atlas: Atlas, data: ViewData) -> ImageSpec:
    """What to draw for the view ``data`` (see the module docstring)."""
    lang = data.lang
    f = data.figures
    fills = {
        code: _fill(colour, i)
        for code, colour, i in zip(f.index, f["colour"], f["class_index"], strict=True)
    }
    common = {
        "legend_unit": f"{indicator_unit(data.indicator, lang)} · {data.indicator.year}",
        "legend_hint": t("map.darker_worse", lang),
        "legend_rows": tuple(classes_rows(data.classification, data.decimals, lang)),
        "missing_label": t("map.missing", lang),
        "missing_count": int(sum(1 for v in fills.values() if v is None)),
        "lever_title": t("map.legend.initiatives", lang),
        "lever_rows": _lever_rows(data.initiatives, lang),
        "title": data.title,
        "subtitle": data.subtitle,
        "filters_text": data.filters_text,
        "source_text": data.source_text,
        "date_text": data.date_text,
        "permalink": data.permalink,
        "fill_by_code": fills,
    }
    if data.level == "departements":
        deps = atlas.departements_rapproches.loc[list(f.index)]
        layer = Shapes(
            tuple(deps.geometry), tuple(fills[c] for c in deps.index), codes=tuple(deps.index)
        )
        return ImageSpec(
            layers=(layer,),
            bounds=tuple(deps.total_bounds),  # type: ignore[arg-type]
            insets=tuple(inset_boxes().values()),
            outline=None,
            markers=_markers(data.initiatives, "map_lon_r", "map_lat_r"),
            legend_title=indicator_short_label(data.indicator, lang),
            legend_note=t("map.drom_note", lang),
            **common,
        )
    assert data.dep is not None and data.shapes is not None
    deps = atlas.departements
    neighbours = [c for c in atlas.neighbours.get(data.dep, ()) if c in deps.index]
    shapes: gpd.GeoDataFrame = data.shapes
    communes = Shapes(
        tuple(shapes.geometry),
        tuple(fills[c] for c in shapes.index),
        linewidth=0.3,
        codes=tuple(shapes.index),
    )
    context = Shapes(tuple(deps.loc[neighbours].geometry), tuple(NEIGHBOUR for _ in neighbours))
    minx, miny, maxx, maxy = deps.loc[[data.dep]].total_bounds
    pad_x, pad_y = (maxx - minx) * 0.06, (maxy - miny) * 0.06
    near = atlas.departements_rapproches
    locator = (
        Shapes(tuple(near.geometry), tuple("#dfe4e8" for _ in near.index), linewidth=0.2),
        Shapes((near.at[data.dep, "geometry"],), (OUTLINE,), edge=OUTLINE, linewidth=0.6),
    )
    return ImageSpec(
        layers=(context, communes),
        bounds=(minx - pad_x, miny - pad_y, maxx + pad_x, maxy + pad_y),
        insets=(),
        outline=deps.at[data.dep, "geometry"],
        markers=_markers(data.initiatives, "map_lon", "map_lat"),
        legend_title=indicator_short_label(data.indicator, lang),
        legend_note="",
        locator=locator,
        locator_bounds=tuple(near.total_bounds),  # type: ignore[arg-type]
        **common,
    )
