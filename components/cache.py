"""Cached access to the atlas data: loaded once per server, shared read-only."""

from __future__ import annotations

import geopandas as gpd
import streamlit as st

from components.map_build import encoded_geometries
from components.view_params import Vocabulary
from data.atlas import Atlas, load_atlas, load_commune_shapes
from data.initiatives import ACTOR_TYPES, REGIONS, STATUSES
from data.levers import LEVER_CODES
from data.search import Place, PlaceIndex


@st.cache_resource(show_spinner=False)
def atlas() -> Atlas:
    """Every frame of the atlas (shared: never mutate them, copy first)."""
    return load_atlas()


@st.cache_resource(show_spinner=False)
def national_geometries() -> dict[str, list[list[str]]]:
    return encoded_geometries(atlas().departements_rapproches)


@st.cache_resource(show_spinner=False)
def real_geometries() -> dict[str, list[list[str]]]:
    return encoded_geometries(atlas().departements)


@st.cache_resource(show_spinner=False, max_entries=12)
def commune_shapes(dep: str) -> tuple[gpd.GeoDataFrame, dict[str, list[list[str]]]]:
    """Commune polygons of one département and their encoded geometry."""
    shapes = load_commune_shapes(dep)
    return shapes, encoded_geometries(shapes)


@st.cache_resource(show_spinner=False)
def vocabulary() -> Vocabulary:
    a = atlas()
    return Vocabulary(
        indicators=tuple(ind.id for ind in a.indicators),
        default_indicator=a.default_indicator.id,
        departements=tuple(a.departements.index),
        levers=LEVER_CODES,
        actors=tuple(ACTOR_TYPES),
        statuses=tuple(STATUSES),
    )


@st.cache_resource(show_spinner=False)
def place_index() -> PlaceIndex:
    a = atlas()
    places = [
        Place("departement", str(code), str(row["nom"]), str(code))
        for code, row in a.departements.iterrows()
    ]
    communes = a.communes
    for code, name, dep, pop in zip(
        communes.index,
        communes["nom"],
        communes["departement_code"],
        communes["population"],
        strict=True,
    ):
        population = int(pop) if pop == pop else 0
        places.append(Place("commune", str(code), str(name), str(dep), population))
    return PlaceIndex(places)


@st.cache_resource(show_spinner=False)
def place_labels() -> dict[str, str]:
    """Where each initiative is, as shown in its popup."""
    a = atlas()
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
