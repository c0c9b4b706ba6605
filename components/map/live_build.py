"""Build the on-screen maps as a stable base plus an in-place update (no streamlit here).

:func:`national_live` and :func:`departement_live` return ``(map, feature_group)``:
the map's script (:func:`base_map`) depends only on the language and the server's
base path, so the same map stays mounted from the national view to any drill-down
and back; the feature group holds the view (which polygons, which bounds) and
everything the filters and the indicator change (:mod:`components.map.live`). The
standalone documents of :mod:`components.map.build` (presentation, exports, tests)
are unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

import folium
import geopandas as gpd
import pandas as pd

from components.i18n import t
from components.map.build import (
    HATCH_FILL,
    MAP_CSS,
    MapOptions,
    _fill,
    apl_classification,
    departement_tooltip,
    indicator_label,
    indicator_short_label,
    indicator_unit,
    legend_levers,
    lever_label,
    source_line,
)
from components.map.geometry_files import geometry_url
from components.map.layers import StyleSheet
from components.map.legend import legend_html, lever_legend_html
from components.map.live import LIVE_CSS, LiveBase, LiveUpdate
from components.map.marker_tables import MarkerTable, marker_rows
from components.map.offline import asset_url, offline_map
from components.map.popups import initiative_popup
from data.classify import Classification
from data.formatting import format_number
from data.indicators import Indicator
from data.ranking import ranked_count, tension_rank

# Texts of the lazy popups and the map's loading note (plain text; to move to
# components/i18n.py, owned elsewhere).
POPUP_TEXTS = {
    "loading": {"fr": "Chargement…", "en": "Loading…"},
    "error": {"fr": "Le détail n'a pas pu être chargé.", "en": "The details could not be loaded."},
    "map": {"fr": "Chargement de la carte…", "en": "Loading the map…"},
}
CLUSTER = {"maxClusterRadius": 35, "spiderfyOnMaxZoom": True, "showCoverageOnHover": False}
# Inside the iframe: the map takes the frame's whole height (the page sizes the frame).
FILL_CSS = "html, body { height: 100%; margin: 0; } #map_div { height: 100vh !important; }"


@dataclass(frozen=True)
class LiveOptions(MapOptions):
    popup_url: str | None = None  # None: popups travel in the update
    marker_url: str | None = None  # prefix of the marker tables' route (with a table)
    fill_height: bool = False


def _popup_text(key: str, lang: str) -> str:
    return f'<p class="atlas-popup-status">{escape(POPUP_TEXTS[key][lang])}</p>'


# The base's layers, bottom to top (the same for every view).
LAYERS = (
    {
        "name": "national",
        "key": "code",
        "className": "atlas-dep",
        "idClass": "atlas-code-",
        "select": True,  # a click selects the département (see live.py)
    },
    {
        "name": "neighbours",
        "key": "code",
        "className": "atlas-neighbour",
        "idClass": "atlas-code-",
        "fillOpacity": 0.8,
        "select": True,
    },
    {
        "name": "communes",
        "key": "commune",
        "className": "atlas-commune",
        "idClass": "atlas-commune-",
        "weight": 0.4,
    },
    {
        "name": "outline",
        "key": "code",
        "className": "atlas-outline",
        "stroke": "#0b3954",
        "weight": 2.5,
        "fillOpacity": 0,
        "tips": False,
    },
)
# Centre and zoom before the first update fits the view (France).
START = ([46.5, 2.5], 5)


def _spec(layer: dict[str, Any]) -> dict[str, Any]:
    spec = {
        "idClass": "",
        "stroke": "#ffffff",
        "weight": 0.8,
        "fillOpacity": 0.9,
        "tips": True,
        "interactive": True,
        "select": False,
    }
    spec.update(layer)
    return spec


def base_map(opts: LiveOptions) -> folium.Map:
    """The base of every view: its script depends on the language and paths only."""
    m = offline_map(
        opts.base_url_path,
        location=START[0],
        zoom_start=START[1],
        zoom_snap=0.25,
        min_zoom=3,
        max_zoom=14,
        control_scale=False,
        attribution_control=False,
    )
    base = opts.base_url_path
    m.default_js = [
        *m.default_js,
        ("markerclusterjs", asset_url("leaflet.markercluster/leaflet.markercluster.js", base)),
    ]
    m.default_css = [
        *m.default_css,
        ("markerclustercss", asset_url("leaflet.markercluster/MarkerCluster.css", base)),
        (
            "markerclusterdefaultcss",
            asset_url("leaflet.markercluster/MarkerCluster.Default.css", base),
        ),
    ]
    StyleSheet(MAP_CSS + LIVE_CSS + (FILL_CSS if opts.fill_height else "")).add_to(m)
    LiveBase(
        [_spec(layer) for layer in LAYERS],
        lang=opts.lang,
        popup_url=opts.popup_url,
        popup_loading=_popup_text("loading", opts.lang),
        popup_error=_popup_text("error", opts.lang),
        cluster=CLUSTER,
        loading_text=POPUP_TEXTS["map"][opts.lang],
    ).add_to(m)
    return m


def marker_data(
    initiatives: pd.DataFrame,
    *,
    lon_col: str,
    lat_col: str,
    place_labels: Mapping[str, str],
    opts: LiveOptions,
    table: MarkerTable | None = None,
) -> dict[str, Any]:
    """The visible markers. With a table and its route: the table's URL and a bit mask
    of the rows shown. Otherwise ``[id, lat, lon, icon key, title]`` each, the icons
    they use once, and their popups when there is no popup route either."""
    if table is not None and opts.marker_url:
        return {
            "url": f"{opts.marker_url}/{table.token}.json",
            "mask": table.mask(initiatives["id"]),
            "count": len(initiatives),
        }

    def label(code: str) -> str:
        return lever_label(code, opts.lang)

    icons, rows = marker_rows(initiatives, lon_col=lon_col, lat_col=lat_col, lever_label=label)
    popups: dict[str, str] | None = None
    if not opts.popup_url:
        popups = {
            row["id"]: initiative_popup(
                row,
                lever_label=label(row["lever"]),
                place_label=place_labels.get(row["id"], ""),
                lang=opts.lang,
                base_url_path=opts.base_url_path,
            )
            for row in initiatives.to_dict("records")
        }
    return {"icons": icons, "rows": rows, "popups": popups}


def _levers_html(initiatives: pd.DataFrame, lang: str) -> str:
    if initiatives.empty:
        return ""
    return lever_legend_html(legend_levers(initiatives, lang), lang)


def _bounds(frame: gpd.GeoDataFrame) -> list[list[float]]:
    minx, miny, maxx, maxy = (float(v) for v in frame.total_bounds)
    return [[miny, minx], [maxy, maxx]]


def national_styles(
    deps_near: pd.DataFrame, ind: Indicator, classification: Classification, lang: str
) -> dict[str, list[str]]:
    """code -> [fill, tooltip HTML] for the 101 départements."""
    values = deps_near[ind.id]
    ranks = tension_rank(values, ind.higher_is_better)
    count = ranked_count(values)
    styles = {}
    for code, row in deps_near.iterrows():
        value = None if pd.isna(row[ind.id]) else float(row[ind.id])
        styles[str(code)] = [
            _fill(classification, value),
            departement_tooltip(row["nom"], code, value, ranks[code], count, ind, lang),
        ]
    return styles


def national_live(
    deps_near: gpd.GeoDataFrame,
    ind: Indicator,
    classification: Classification,
    initiatives: pd.DataFrame,
    place_labels: Mapping[str, str],
    *,
    opts: LiveOptions = LiveOptions(),
    table: MarkerTable | None = None,
    drill_table: MarkerTable | None = None,
) -> tuple[folium.Map, folium.FeatureGroup]:
    """The national map: base (101 départements, DROM rapprochés) and its update.
    ``drill_table``: the drill-downs' marker table, fetched once the map is drawn."""
    m = base_map(opts)
    prefetch: dict[str, list[str]] = {"rows": [geometry_url("departements", opts.base_url_path)]}
    if drill_table is not None and opts.marker_url:
        prefetch["tables"] = [f"{opts.marker_url}/{drill_table.token}.json"]
    view = {
        "key": "national",
        "bounds": _bounds(deps_near),
        "layers": {"national": {"url": geometry_url("national", opts.base_url_path)}},
        "prefetch": prefetch,
    }
    legend = legend_html(
        title=indicator_short_label(ind, opts.lang),
        unit=indicator_unit(ind, opts.lang),
        year=ind.year,
        source=source_line(ind),
        classification=classification,
        decimals=ind.decimals,
        lang=opts.lang,
        missing_count=int(deps_near[ind.id].isna().sum()),
        extra_note=t("map.drom_note", opts.lang),
    )
    payload = {
        "view": view,
        "styles": {"national": national_styles(deps_near, ind, classification, opts.lang)},
        "legend": legend,
        "levers": _levers_html(initiatives, opts.lang),
        "markers": marker_data(
            initiatives,
            lon_col="map_lon_r",
            lat_col="map_lat_r",
            place_labels=place_labels,
            opts=opts,
            table=table,
        ),
    }
    group = folium.FeatureGroup(name="atlas-update", control=False)
    LiveUpdate(payload).add_to(group)
    return m, group


def commune_styles(
    shapes: pd.DataFrame, communes: pd.DataFrame, column: str, lang: str
) -> dict[str, list[str]]:
    """commune code -> [fill, tooltip HTML] (APL classes shared by every département)."""
    c = apl_classification()
    styles = {}
    for code in shapes.index:
        value = pop = None
        if code in communes.index:
            raw = communes.at[code, column]
            value = None if pd.isna(raw) else float(raw)
            pop = communes.at[code, "population"]
        tip = (
            f"<strong>{escape(str(shapes.at[code, 'nom']))}</strong> ({escape(code)})<br>APL : "
            f'<span class="atlas-tip-value">{escape(format_number(value, 2, lang))}</span>'
        )
        if pop is not None and pd.notna(pop):
            tip += f"<br>{escape(format_number(float(pop), 0, lang))} hab."
        styles[str(code)] = [_fill(c, value), tip]
    return styles


def departement_live(
    dep_code: str,
    deps: gpd.GeoDataFrame,
    neighbours: Sequence[str],
    commune_shapes: gpd.GeoDataFrame,
    communes: pd.DataFrame,
    apl_ind: Indicator,
    initiatives: pd.DataFrame,
    place_labels: Mapping[str, str],
    *,
    opts: LiveOptions = LiveOptions(),
    table: MarkerTable | None = None,
) -> tuple[folium.Map, folium.FeatureGroup]:
    """One département: its communes by APL, its neighbours in grey (click to move),
    its outline, its initiatives; base and update as for the national map."""
    lang = opts.lang
    m = base_map(opts)
    deps_url = geometry_url("departements", opts.base_url_path)
    view = {
        "key": f"departement-{dep_code}",
        "bounds": _bounds(deps.loc[[dep_code]]),
        "layers": {
            "neighbours": {"url": deps_url, "only": list(neighbours)},
            "communes": {"url": geometry_url(f"communes-{dep_code}", opts.base_url_path)},
            "outline": {"url": deps_url, "only": [dep_code]},
        },
    }
    styles = commune_styles(commune_shapes, communes, apl_ind.id, lang)
    neighbour_styles = {
        code: ["#c9d1d8", f"<strong>{escape(str(deps.at[code, 'nom']))} ({escape(code)})</strong>"]
        for code in neighbours
    }
    legend = legend_html(
        title=indicator_label(apl_ind, lang),
        unit=indicator_unit(apl_ind, lang),
        year=apl_ind.year,
        source=source_line(apl_ind),
        classification=apl_classification(),
        decimals=1,
        lang=lang,
        missing_count=sum(1 for fill, _tip in styles.values() if fill == HATCH_FILL),
    )
    payload = {
        "view": view,
        "styles": {
            "neighbours": neighbour_styles,
            "communes": styles,
            "outline": {dep_code: ["none", ""]},
        },
        "legend": legend,
        "levers": _levers_html(initiatives, lang),
        "markers": marker_data(
            initiatives,
            lon_col="map_lon",
            lat_col="map_lat",
            place_labels=place_labels,
            opts=opts,
            table=table,
        ),
    }
    group = folium.FeatureGroup(name="atlas-update", control=False)
    LiveUpdate(payload).add_to(group)
    return m, group
