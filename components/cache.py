"""Cached access to the atlas data: loaded once per server, shared read-only.

:func:`warm` fills these caches when the server starts (``scripts/serve.py``), so the
first visitor does not pay for them; the polygons' encoding is done at set-up
(:mod:`components.map.geometry_files`) and only read back here.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import time

import geopandas as gpd
import streamlit as st

from components.contributions import store_access
from components.map import geometry_files
from components.view_params import Vocabulary
from data.atlas import (
    Atlas,
    load_atlas,
    load_commune_shapes,
    place_initiatives,
    with_outcome_records,
)
from data.initiatives import ACTOR_TYPES, REGIONS, STATUSES
from data.levers import LEVER_CODES
from data.search import Place, PlaceIndex, commune_places


@st.cache_resource(show_spinner=False)
def static_atlas() -> Atlas:
    """The atlas as committed (figures, geometry, the catalogue's initiatives)."""
    return load_atlas()


@st.cache_resource(show_spinner=False, max_entries=4)
def _atlas_at(version: str) -> Atlas:
    base = static_atlas()
    published = store_access.published_catalogue(version)
    return dataclasses.replace(
        base,
        initiatives=with_outcome_records(
            place_initiatives(published.initiatives, base.departements), published.outcomes
        ),
        outcomes=published.outcomes,
    )


def atlas() -> Atlas:
    """Every frame of the atlas, with the initiatives published in the store (re-read
    when the store's version changes, e.g. an approval on another replica).

    Shared: never mutate the frames, copy first.
    """
    return _atlas_at(store_access.published_version())


def versioned_atlas() -> tuple[str, Atlas]:
    """The store's version token and the atlas read at that version (one consistent
    pair: caches keyed on the version stay true)."""
    version = store_access.published_version()
    return version, _atlas_at(version)


def national_geometries() -> dict[str, list[list[str]]]:
    """Encoded polygons of the départements, DROM rapprochés (from the geometry file)."""
    return geometry_files.encoded("national")


def real_geometries() -> dict[str, list[list[str]]]:
    return geometry_files.encoded("departements")


@st.cache_resource(show_spinner=False, max_entries=12)
def commune_frame(dep: str) -> gpd.GeoDataFrame:
    """Commune polygons of one département (names, codes, geometry)."""
    return load_commune_shapes(dep)


def commune_shapes(dep: str) -> tuple[gpd.GeoDataFrame, dict[str, list[list[str]]]]:
    """Commune polygons of one département and their encoded geometry (from its file)."""
    return commune_frame(dep), geometry_files.encoded(f"communes-{dep}")


@st.cache_resource(show_spinner=False)
def vocabulary() -> Vocabulary:
    a = static_atlas()
    return Vocabulary(
        indicators=tuple(ind.id for ind in a.indicators),
        default_indicator=a.default_indicator.id,
        departements=tuple(a.departements.index),
        levers=LEVER_CODES,
        actors=tuple(ACTOR_TYPES),
        statuses=tuple(STATUSES),
        regions=tuple(REGIONS),
    )


@st.cache_resource(show_spinner=False)
def place_index() -> PlaceIndex:
    a = static_atlas()
    places = [
        Place("departement", str(code), str(row["nom"]), str(code))
        for code, row in a.departements.iterrows()
    ]
    places += commune_places(a.communes, a.commune_aliases)
    return PlaceIndex(places)


def place_labels() -> dict[str, str]:
    """Where each initiative is, as shown in its popup."""
    return _place_labels(store_access.published_version())


@st.cache_resource(show_spinner=False, max_entries=4)
def _place_labels(version: str) -> dict[str, str]:
    a = _atlas_at(version)
    deps = a.departements["nom"]
    labels = {}
    for row in a.initiatives.itertuples(index=False):
        dep = row.departement_code if isinstance(row.departement_code, str) else ""
        dep_label = f"{deps[dep]} ({dep})" if dep else ""
        if isinstance(row.commune_code, str) and row.commune_code in a.communes.index:
            name = a.communes.at[row.commune_code, "nom"]
            labels[row.id] = f"{name}, {dep_label}" if dep_label else str(name)
        else:
            labels[row.id] = dep_label or REGIONS.get(str(row.region_code), str(row.region_code))
    return labels


_warm_log = logging.getLogger("atlas.warm")
_warmed: dict[str, float] = {}


def is_warm() -> bool:
    return "done" in _warmed or "first visit" in _warmed


def mark_warm() -> None:
    """The caches were filled by a visit (a server started without the launcher)."""
    _warmed.setdefault("first visit", 0.0)


def _import_components() -> None:
    """Import every module the pages use (plotting, QR codes, exports, forms...): a
    first script run would otherwise pay for those imports."""
    import importlib
    import pkgutil

    import components

    for module in pkgutil.walk_packages(components.__path__, "components."):
        importlib.import_module(module.name)


def warm() -> dict[str, float]:
    """Fill the server-wide caches a first visit would fill (seconds per step): the
    pages' modules, the geometry files (built if stale), the data, the store, the search index, the
    popups' place labels and one render of the default national map."""
    from components.map import marker_tables
    from components.map.build import classify_indicator, lever_label
    from components.map.documents import map_document, register_component
    from components.map.live_build import LiveOptions, national_live

    register_component()
    LAYOUTS = tuple(marker_tables.LAYOUTS)

    steps = {
        "modules": _import_components,
        "geometry files": geometry_files.ensure_files,
        "geometry": lambda: geometry_files.encoded("national"),
        "atlas": static_atlas,
        "store": atlas,
        "vocabulary": vocabulary,
        "search index": place_index,
        "place labels": place_labels,
    }
    for name, step in steps.items():
        started = time.perf_counter()
        step()
        _warmed[name] = round(time.perf_counter() - started, 3)
    started = time.perf_counter()
    version, a = versioned_atlas()
    ind = a.default_indicator
    for lang, layout in ((lang, layout) for lang in ("fr", "en") for layout in LAYOUTS):
        marker_tables.table_for(
            version, lang, layout, a.initiatives, lambda code, lang=lang: lever_label(code, lang)
        )
    for lang in ("fr", "en"):
        m, update = national_live(
            a.departements_rapproches,
            ind,
            classify_indicator(a.departements, ind, "quantiles"),
            a.initiatives,
            place_labels(),
            opts=LiveOptions(lang=lang),
        )
        map_document(m, update)
    _warmed["first map"] = round(time.perf_counter() - started, 3)
    if os.environ.get("ATLAS_KIOSK", "") == "1":
        # A kiosk screen's first page carries a QR code of every external link (several
        # hundred): compute them now, not while the morning's first visitor waits.
        from components.kiosk.client import warm_qr_codes

        started = time.perf_counter()
        warm_qr_codes()
        _warmed["kiosk qr codes"] = round(time.perf_counter() - started, 3)
    _warmed["done"] = round(sum(_warmed.values()), 3)
    _warm_log.info("caches warm: %s", _warmed)
    return dict(_warmed)
