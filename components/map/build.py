"""Build the folium maps of the atlas (no streamlit here: testable through the HTML).

- :func:`national_map`: the 101 départements in the "DROM rapprochés" layout, coloured
  by one indicator, with the initiatives and a legend;
- :func:`departement_map`: one département's communes coloured by APL, its initiatives,
  and its neighbours in grey (click one to move there).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
from shapely.geometry import mapping

from components.i18n import colon, t
from components.map.layers import (
    HATCH_FILL,
    ChoroplethLayer,
    HtmlControl,
    MarkerLayer,
    StyleSheet,
)
from components.map.legend import LegendLever, legend_html, lever_legend_html
from components.map.markers import initiative_icon
from components.map.offline import offline_map, offline_marker_cluster
from components.map.popups import initiative_popup
from data.classify import Classification, classify, is_missing
from data.formatting import format_number, format_value
from data.indicators import Indicator
from data.levers import LEVERS, get_lever, marker_svg
from data.ranking import ranked_count, tension_rank
from geo.polyline import encode_geometry

MAP_CSS = """
.leaflet-container { background: #eef2f5; font-family: "Source Sans Pro", sans-serif; }
.atlas-legend { background: rgba(255,255,255,0.95); padding: 8px 10px; border-radius: 6px;
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); font-size: 12px; line-height: 1.35; max-width: 260px;
  color: #1a1a1a; }
.atlas-legend-title { font-weight: 700; font-size: 13px; margin-top: 4px; }
.atlas-legend-unit, .atlas-legend-hint, .atlas-legend-source { color: #444; font-size: 11px; }
.atlas-legend-source { margin-top: 6px; border-top: 1px solid #ddd; padding-top: 4px; }
.atlas-legend-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.atlas-legend-row svg { flex: 0 0 auto; }
.atlas-swatch { display: inline-block; width: 22px; height: 14px; border: 1px solid #777; }
.atlas-marker { background: none; border: none; }
.atlas-popup h4 { margin: 0 0 4px; font-size: 15px; }
.atlas-popup dl { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; margin: 4px 0; }
.atlas-popup dt { font-weight: 600; } .atlas-popup dd { margin: 0; }
.atlas-popup-meta { margin: 0 0 4px; color: #333; }
.atlas-inset-label { background: none; border: none; font-size: 11px; color: #555;
  white-space: nowrap; }
.atlas-tip-value { font-weight: 700; }
.atlas-lever-legend { max-width: 230px; font-size: 11px; }
.atlas-lever-legend summary { cursor: pointer; }
.marker-cluster-small, .marker-cluster-medium, .marker-cluster-large {
  background-color: rgba(11, 57, 84, 0.35); }
.marker-cluster-small div, .marker-cluster-medium div, .marker-cluster-large div {
  background-color: rgba(11, 57, 84, 0.9); color: #fff; font-weight: 700; }
"""

# Fixed APL classes for communes, so that départements can be compared; 2.5 is the
# DREES threshold under which a commune is considered under-served.
APL_BREAKS = (0.0, 1.5, 2.5, 3.5, 4.5)
APL_PALETTE = ("#993404", "#d95f0e", "#fe9929", "#fed98e", "#ffffd4")


@dataclass(frozen=True)
class MapOptions:
    lang: str = "fr"
    base_url_path: str = ""
    height: int = 640


def encoded_geometries(frame: gpd.GeoDataFrame) -> dict[str, list[list[str]]]:
    """Encoded polygons per code (geo.polyline), computed once and reused across reruns."""
    return {
        str(code): encode_geometry(mapping(geom))
        for code, geom in zip(frame.index, frame.geometry, strict=True)
    }


def indicator_label(ind: Indicator, lang: str) -> str:
    return ind.label_en if lang == "en" else ind.label_fr


def indicator_short_label(ind: Indicator, lang: str) -> str:
    short = ind.short_label_en if lang == "en" else ind.short_label_fr
    return short or indicator_label(ind, lang)


def indicator_unit(ind: Indicator, lang: str) -> str:
    return ind.unit_en if lang == "en" else ind.unit_fr


def source_line(ind: Indicator) -> str:
    return f"{ind.producer}, {ind.dataset} ({ind.year}) — {ind.licence}"


def lever_label(code: str, lang: str) -> str:
    lever = get_lever(code)
    return lever.label_en if lang == "en" else lever.label_fr


def departement_tooltip(
    name: str, code: str, value: float | None, rank: object, count: int, ind: Indicator, lang: str
) -> str:
    shown = format_value(value, indicator_unit(ind, lang), ind.decimals, lang)
    rank_text = (
        t("map.rank", lang, rank=int(rank), count=count)  # type: ignore[call-overload]
        if not is_missing(value) and pd.notna(rank)
        else t("map.no_rank", lang)
    )
    return (
        f"<strong>{escape(name)} ({escape(code)})</strong><br>"
        f"{escape(indicator_label(ind, lang))}{colon(lang)} "
        f'<span class="atlas-tip-value">{escape(shown)}</span><br>{escape(rank_text)}'
    )


def _fill(c: Classification, value: float | None) -> str:
    return HATCH_FILL if c.class_index(value) is None else c.color(value)


def classify_indicator(deps: pd.DataFrame, ind: Indicator, method: str) -> Classification:
    return classify(deps[ind.id].tolist(), higher_is_better=ind.higher_is_better, method=method)  # type: ignore[arg-type]


def initiative_features(
    initiatives: pd.DataFrame,
    *,
    lon_col: str,
    lat_col: str,
    place_labels: Mapping[str, str],
    opts: MapOptions,
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Point features of the initiatives and the icons they use (each sent once)."""
    icons: dict[str, dict[str, Any]] = {}
    features = []
    for row in initiatives.to_dict("records"):
        precision = row.get("precision") or "commune"
        key = f"{row['lever']}:{precision}"
        if key not in icons:
            icons[key] = initiative_icon(row["lever"], precision)
        label = lever_label(row["lever"], opts.lang)
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [row[lon_col], row[lat_col]]},
                "properties": {
                    "id": row["id"],
                    "icon": key,
                    "title": f"{row['name']} — {label}",
                    "popup": initiative_popup(
                        row,
                        lever_label=label,
                        place_label=place_labels.get(row["id"], ""),
                        lang=opts.lang,
                        base_url_path=opts.base_url_path,
                    ),
                },
            }
        )
    return features, icons


def legend_levers(initiatives: pd.DataFrame, lang: str) -> list[LegendLever]:
    counts = initiatives["lever"].value_counts()
    return [
        LegendLever(
            lever_label(lv.code, lang),
            marker_svg(lv.code, 14, outline="#1a1a1a"),
            int(counts[lv.code]),
        )
        for lv in LEVERS
        if counts.get(lv.code, 0) > 0
    ]


def _add_lever_legend(m: folium.Map, initiatives: pd.DataFrame, lang: str) -> None:
    if not initiatives.empty:
        html = lever_legend_html(legend_levers(initiatives, lang), lang)
        HtmlControl(html, position="topright", class_name="atlas-legend atlas-lever-legend").add_to(
            m
        )


def _add_initiatives(
    m: folium.Map,
    initiatives: pd.DataFrame,
    *,
    lon_col: str,
    lat_col: str,
    place_labels: Mapping[str, str],
    opts: MapOptions,
) -> None:
    if initiatives.empty:
        return
    features, icons = initiative_features(
        initiatives, lon_col=lon_col, lat_col=lat_col, place_labels=place_labels, opts=opts
    )
    cluster = offline_marker_cluster(
        opts.base_url_path,
        name="initiatives",
        options={"maxClusterRadius": 35, "spiderfyOnMaxZoom": True, "showCoverageOnHover": False},
    )
    cluster.add_child(MarkerLayer(features, icons))
    cluster.add_to(m)


def national_map(
    deps_near: gpd.GeoDataFrame,
    geometries: Mapping[str, list[list[str]]],
    ind: Indicator,
    classification: Classification,
    initiatives: pd.DataFrame,
    place_labels: Mapping[str, str],
    *,
    insets: Sequence[tuple[str, tuple[float, float, float, float]]] = (),
    selected: str | None = None,
    opts: MapOptions = MapOptions(),
) -> folium.Map:
    """All 101 départements coloured by ``ind`` (DROM rapprochés), with initiatives."""
    values = deps_near[ind.id]
    ranks = tension_rank(values, ind.higher_is_better)
    count = ranked_count(values)
    features = []
    for code, row in deps_near.iterrows():
        value = None if pd.isna(row[ind.id]) else float(row[ind.id])
        props = {
            "code": code,
            "fill": _fill(classification, value),
            "tip": departement_tooltip(row["nom"], code, value, ranks[code], count, ind, opts.lang),
        }
        if code == selected:
            props.update(stroke="#0b3954", weight=3)
        features.append({"type": "Feature", "encoded": geometries[code], "properties": props})

    minx, miny, maxx, maxy = deps_near.total_bounds
    m = offline_map(
        opts.base_url_path,
        location=[(miny + maxy) / 2, (minx + maxx) / 2],
        zoom_start=5,
        zoom_snap=0.25,
        min_zoom=4,
        max_zoom=12,
        control_scale=False,
        attribution_control=False,
    )
    # Room on the right for the legends, so they do not hide Corsica or the insets.
    m.fit_bounds(
        [[miny, minx], [maxy, maxx]], padding_top_left=(4, 4), padding_bottom_right=(270, 4)
    )
    StyleSheet(MAP_CSS).add_to(m)
    ChoroplethLayer(features, class_name="atlas-dep").add_to(m)
    for code, (x0, y0, x1, y1) in insets:
        folium.Rectangle(
            [[y0, x0], [y1, x1]], color="#9aa5ad", weight=1, fill=False, interactive=False
        ).add_to(m)
        del code
    _add_initiatives(
        m,
        initiatives,
        lon_col="map_lon_r",
        lat_col="map_lat_r",
        place_labels=place_labels,
        opts=opts,
    )
    missing = int(values.isna().sum())
    legend = legend_html(
        title=indicator_short_label(ind, opts.lang),
        unit=indicator_unit(ind, opts.lang),
        year=ind.year,
        source=source_line(ind),
        classification=classification,
        decimals=ind.decimals,
        lang=opts.lang,
        missing_count=missing,
        extra_note=t("map.drom_note", opts.lang),
    )
    HtmlControl(legend, position="bottomright", class_name="atlas-legend").add_to(m)
    _add_lever_legend(m, initiatives, opts.lang)
    return m


def commune_apl_series(ind: Indicator) -> str:
    """The commune APL column matching the indicator (same series and year)."""
    year = "2022" if ind.id.endswith("2022") else "2023"
    series = "apl65" if "apl65" in ind.id else "apl"
    return f"{series}_{year}"


def apl_classification() -> Classification:
    breaks = (*APL_BREAKS, float("inf"))
    return Classification(tuple(breaks), APL_PALETTE, "quantiles", True)


def departement_map(
    dep_code: str,
    deps: gpd.GeoDataFrame,
    dep_geometries: Mapping[str, list[list[str]]],
    neighbours: Sequence[str],
    commune_shapes: gpd.GeoDataFrame,
    commune_geometries: Mapping[str, list[list[str]]],
    communes: pd.DataFrame,
    apl_ind: Indicator,
    initiatives: pd.DataFrame,
    place_labels: Mapping[str, str],
    *,
    opts: MapOptions = MapOptions(),
) -> folium.Map:
    """One département: communes coloured by APL (``apl_ind``: an APL indicator whose id
    is a column of ``communes``), neighbours in grey, initiatives."""
    lang = opts.lang
    column = apl_ind.id
    c = apl_classification()
    features = []
    for code in commune_shapes.index:
        value = None
        pop = None
        if code in communes.index:
            raw = communes.at[code, column]
            value = None if pd.isna(raw) else float(raw)
            pop = communes.at[code, "population"]
        name = commune_shapes.at[code, "nom"]
        tip = (
            f"<strong>{escape(str(name))}</strong> ({escape(code)})<br>APL : "
            f'<span class="atlas-tip-value">'
            f"{escape(format_number(value, 2, lang))}</span>"
        )
        if pop is not None and pd.notna(pop):
            tip += f"<br>{escape(format_number(float(pop), 0, lang))} hab."
        features.append(
            {
                "type": "Feature",
                "encoded": commune_geometries[code],
                "properties": {"commune": code, "fill": _fill(c, value), "tip": tip},
            }
        )
    context = []
    for code in neighbours:
        context.append(
            {
                "type": "Feature",
                "encoded": dep_geometries[code],
                "properties": {
                    "code": code,
                    "fill": "#c9d1d8",
                    "tip": f"<strong>{escape(str(deps.at[code, 'nom']))} ({escape(code)})</strong>",
                },
            }
        )
    outline = [
        {
            "type": "Feature",
            "encoded": dep_geometries[dep_code],
            "properties": {"fill": "none"},
        }
    ]
    minx, miny, maxx, maxy = deps.loc[[dep_code]].total_bounds
    m = offline_map(
        opts.base_url_path,
        location=[(miny + maxy) / 2, (minx + maxx) / 2],
        zoom_start=8,
        zoom_snap=0.25,
        attribution_control=False,
    )
    # Room at the bottom for the colour legend, so it does not hide the south.
    m.fit_bounds(
        [[miny, minx], [maxy, maxx]], padding_top_left=(10, 10), padding_bottom_right=(10, 170)
    )
    StyleSheet(MAP_CSS).add_to(m)
    ChoroplethLayer(context, class_name="atlas-neighbour", fill_opacity=0.8).add_to(m)
    ChoroplethLayer(features, class_name="atlas-commune", stroke="#ffffff", weight=0.4).add_to(m)
    ChoroplethLayer(
        outline, class_name="atlas-outline", stroke="#0b3954", weight=2.5, fill_opacity=0
    ).add_to(m)
    _add_initiatives(
        m, initiatives, lon_col="map_lon", lat_col="map_lat", place_labels=place_labels, opts=opts
    )
    legend = legend_html(
        title=indicator_label(apl_ind, lang),
        unit=indicator_unit(apl_ind, lang),
        year=apl_ind.year,
        source=source_line(apl_ind),
        classification=c,
        decimals=1,
        lang=lang,
        missing_count=int(sum(1 for f in features if f["properties"]["fill"] == HATCH_FILL)),
    )
    HtmlControl(legend, position="bottomright", class_name="atlas-legend").add_to(m)
    _add_lever_legend(m, initiatives, lang)
    return m
