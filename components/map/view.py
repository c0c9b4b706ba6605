"""The map on screen: national choropleth or one département's communes.

Only a click that changes the selected département reruns the script: the map returns
nothing but ``last_active_drawing`` (so panning and zooming send nothing) and the
click is handled in the component's ``on_change`` callback.

The map is drawn in two parts (:mod:`components.map.live_build`): a base that stays
mounted (the national view and every drill-down) and an update passed as
``feature_group_to_add``, applied in place: a filter or an indicator change sends no
polygon and keeps the zoom and pan; a drill-down fetches its communes' file and fits.
:func:`build_map` still gives the whole standalone document (the presentation frame).
"""

from __future__ import annotations

import folium
import streamlit as st
from streamlit_folium import st_folium

from components import cache, state
from components.i18n import t
from components.map import marker_tables
from components.map.api import marker_url, popup_url
from components.map.build import (
    MapOptions,
    classify_indicator,
    commune_apl_series,
    departement_map,
    lever_label,
    national_map,
)
from components.map.live_build import LiveOptions, departement_live, national_live
from data.filters import InitiativeFilter, filter_initiatives
from geo.drom import inset_boxes

MAP_KEY = "atlas_map"


def _base_url_path() -> str:
    return str(st.get_option("server.baseUrlPath") or "")


def _on_map_click() -> None:
    value = st.session_state.get(MAP_KEY) or {}
    feature = value.get("last_active_drawing") or {}
    code = (feature.get("properties") or {}).get("code")
    known = isinstance(code, str) and code in cache.vocabulary().departements
    if known and code != state.view().dep:
        state.update(dep=code)


def build_map(filtered, *, height: int = 640) -> folium.Map:
    """The folium map of the current view (national or drill-down)."""
    a = cache.atlas()
    v = state.view()
    ind = a.indicator(v.indicator)
    opts = MapOptions(lang=v.lang, base_url_path=_base_url_path(), height=height)
    if v.dep is None:
        return national_map(
            a.departements_rapproches,
            cache.national_geometries(),
            ind,
            classify_indicator(a.departements, ind, v.classes),
            filtered,
            cache.place_labels(),
            insets=list(inset_boxes().items()),
            opts=opts,
        )
    in_dep = filter_initiatives(filtered, InitiativeFilter(departement=v.dep))
    shapes, shape_geometries = cache.commune_shapes(v.dep)
    return departement_map(
        v.dep,
        a.departements,
        cache.real_geometries(),
        a.neighbours.get(v.dep, ()),
        shapes,
        shape_geometries,
        a.communes,
        a.indicator(commune_apl_series(ind)),
        in_dep,
        cache.place_labels(),
        opts=opts,
    )


def build_live(filtered, *, height: int = 640) -> tuple[folium.Map, folium.FeatureGroup]:
    """Base map and in-place update of the current view (see the module docstring)."""
    version, a = cache.versioned_atlas()
    v = state.view()
    ind = a.indicator(v.indicator)
    base = _base_url_path()
    opts = LiveOptions(
        lang=v.lang,
        base_url_path=base,
        height=height,
        popup_url=popup_url(base),
        marker_url=marker_url(base),
    )
    tables = {}
    if opts.marker_url:
        for layout in ("national", "real"):
            tables[layout] = marker_tables.table_for(
                version, v.lang, layout, a.initiatives, lambda code: lever_label(code, v.lang)
            )
    if v.dep is None:
        return national_live(
            a.departements_rapproches,
            ind,
            classify_indicator(a.departements, ind, v.classes),
            filtered,
            cache.place_labels(),
            opts=opts,
            table=tables.get("national"),
            drill_table=tables.get("real"),
        )
    in_dep = filter_initiatives(filtered, InitiativeFilter(departement=v.dep))
    shapes = cache.commune_frame(v.dep)
    return departement_live(
        v.dep,
        a.departements,
        a.neighbours.get(v.dep, ()),
        shapes,
        a.communes,
        a.indicator(commune_apl_series(ind)),
        in_dep,
        cache.place_labels(),
        opts=opts,
        table=tables.get("real"),
    )


def show_map(filtered, *, height: int = 640) -> None:
    """Draw the map; a click on a département selects it (zoom + communes)."""
    v = state.view()
    # Always one element before the map, so the map keeps its place in the page (and
    # stays mounted) between the national view and a drill-down.
    with st.container(key="map_top"):
        if v.dep is not None:
            st.button(
                t("map.back", v.lang), on_click=state.update, kwargs={"dep": None}, key="map_back"
            )
    m, update = build_live(filtered, height=height)
    st_folium(
        m,
        key=MAP_KEY,
        height=height,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
        feature_group_to_add=update,
        on_change=_on_map_click,
    )
