"""Cached access to the atlas data: loaded once per server, shared read-only."""

from __future__ import annotations

import dataclasses

import geopandas as gpd
import streamlit as st

from components.contributions import store_access
from components.map.build import encoded_geometries
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


@st.cache_resource(show_spinner=False)
def national_geometries() -> dict[str, list[list[str]]]:
    return encoded_geometries(static_atlas().departements_rapproches)


@st.cache_resource(show_spinner=False)
def real_geometries() -> dict[str, list[list[str]]]:
    return encoded_geometries(static_atlas().departements)


@st.cache_resource(show_spinner=False, max_entries=12)
def commune_shapes(dep: str) -> tuple[gpd.GeoDataFrame, dict[str, list[list[str]]]]:
    """Commune polygons of one département and their encoded geometry."""
    shapes = load_commune_shapes(dep)
    return shapes, encoded_geometries(shapes)


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
