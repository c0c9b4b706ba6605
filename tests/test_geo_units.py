"""Unit tests of geo/ on small synthetic inputs (no build, no data files)."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, Polygon, box

from geo.communes_io import CommuneLookup, normalise_name
from geo.drom import INSETS, inset_boxes, is_drom, to_rapproche, transform_geometry
from geo.io import format_number, geometry_json, write_csv, write_geojson
from geo.names import official_name
from geo.neighbours import neighbour_pairs
from geo.simplify import check_coverage, round_coverage

# --- names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nom", "type_nom", "expected"),
    [
        ("Abergement-Clémenciat", "5", "L'Abergement-Clémenciat"),
        ("Roche-Jaudy", "3", "La Roche-Jaudy"),
        ("Abymes", "4", "Les Abymes"),
        ("Havre", "2", "Le Havre"),
        ("Marais", "6", "Aux Marais"),
        ("Masos", "8", "Los Masos"),
        ("Vézelay", "0", "Vézelay"),
        ("Ain", "1", "Ain"),
    ],
)
def test_official_name_adds_the_article(nom: str, type_nom: str, expected: str) -> None:
    assert official_name(nom, type_nom) == expected


def test_official_name_rejects_unknown_code() -> None:
    with pytest.raises(ValueError, match="type_nom"):
        official_name("X", "9")


# --- io ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1.23456, 4, "1.2346"),
        (1.5, 4, "1.5"),
        (2.0, 4, "2"),
        (-0.00001, 4, "0"),
        (-61.2, 5, "-61.2"),
        (47.123449999, 4, "47.1234"),
    ],
)
def test_format_number(value: float, decimals: int, expected: str) -> None:
    assert format_number(value, decimals) == expected


def test_format_number_rejects_nan() -> None:
    with pytest.raises(ValueError):
        format_number(math.nan, 4)


def test_geometry_json_orients_exterior_counter_clockwise() -> None:
    clockwise = Polygon([(0, 0), (0, 1), (1, 1), (1, 0)])
    data = json.loads(geometry_json(clockwise, 4))
    ring = shapely.LinearRing(data["coordinates"][0])
    assert data["type"] == "Polygon"
    assert ring.is_ccw


def test_geometry_json_multipolygon_and_rejects_lines() -> None:
    multi = shapely.MultiPolygon([box(0, 0, 1, 1), box(2, 0, 3, 1)])
    assert json.loads(geometry_json(multi, 4))["type"] == "MultiPolygon"
    with pytest.raises(TypeError):
        geometry_json(shapely.LineString([(0, 0), (1, 1)]), 4)


def test_write_geojson_is_deterministic_and_keeps_key_order(tmp_path) -> None:
    features = [
        ({"code": "02", "nom": "Aisne"}, box(0, 0, 1.123456, 1)),
        ({"code": "01", "nom": "Ain"}, box(2, 0, 3, 1)),
    ]
    write_geojson(tmp_path / "a.geojson", features, 4)
    write_geojson(tmp_path / "b.geojson", features, 4)
    raw = (tmp_path / "a.geojson").read_bytes()
    assert raw == (tmp_path / "b.geojson").read_bytes()
    assert b"\r" not in raw
    data = json.loads(raw)
    assert [f["properties"]["code"] for f in data["features"]] == ["02", "01"]
    assert list(data["features"][0]["properties"]) == ["code", "nom"]
    assert "1.1235" in raw.decode()


def test_write_csv_empty_cells_for_missing(tmp_path) -> None:
    write_csv(tmp_path / "t.csv", ["a", "b", "c"], [("x", None, pd.NA), ("y", 0, float("nan"))])
    assert (tmp_path / "t.csv").read_text(encoding="utf-8") == "a,b,c\nx,,\ny,0,\n"


# --- coverage rounding and neighbours ----------------------------------------


def _grid_of_squares() -> np.ndarray:
    # Four squares whose shared borders carry a vertex that rounding collapses.
    return np.array(
        [
            Polygon([(0, 0), (1, 0), (1, 0.50004), (1, 1), (0, 1)]),
            Polygon([(1, 0), (2, 0), (2, 1), (1, 1), (1, 0.50004)]),
            box(0, 1, 1, 2),
            box(1, 1, 2, 2),
        ],
        dtype=object,
    )


def test_round_coverage_keeps_a_valid_coverage_on_the_grid() -> None:
    shifted = shapely.affinity.translate(
        shapely.GeometryCollection(list(_grid_of_squares())), 0.123456789, 0.0
    )
    geoms = np.array(list(shifted.geoms), dtype=object)
    rounded = round_coverage(geoms, 3)
    check_coverage(rounded, "test")
    coords = shapely.get_coordinates(rounded)
    assert np.allclose(coords * 1000, np.round(coords * 1000), atol=1e-6)
    assert np.allclose(shapely.area(rounded), 1.0, atol=1e-3)


def test_round_coverage_keeps_holes_that_belong_to_nobody() -> None:
    ring = box(0, 0, 3, 3).difference(box(1, 1, 2, 2))
    rounded = round_coverage(np.array([ring], dtype=object), 2)
    assert rounded[0].area == pytest.approx(8.0)
    assert len(rounded[0].interiors) == 1


def test_round_coverage_refuses_to_lose_a_polygon() -> None:
    tiny = box(0.5, 0.5, 0.50001, 0.50001)
    with pytest.raises(ValueError, match="disparaît"):
        round_coverage(np.array([box(0, 0, 1, 1).difference(tiny), tiny], dtype=object), 2)


def test_check_coverage_detects_overlaps() -> None:
    with pytest.raises(ValueError, match="recouvrent"):
        check_coverage(np.array([box(0, 0, 2, 1), box(1, 0, 3, 1)], dtype=object), "test")


def test_neighbour_pairs_need_a_shared_line_not_a_point() -> None:
    geoms = np.array(
        [box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 1, 3, 2), box(5, 5, 6, 6)], dtype=object
    )
    pairs = neighbour_pairs(["a", "b", "c", "d"], geoms)
    assert pairs == [("a", "b"), ("b", "a")]


# --- DROM rapprochés ---------------------------------------------------------


def test_metropolitan_codes_are_unchanged() -> None:
    assert to_rapproche("75", 2.35, 48.85) == (2.35, 48.85)
    assert to_rapproche("2A", 8.7, 41.9) == (8.7, 41.9)
    poly = box(2, 48, 3, 49)
    assert transform_geometry("75", poly) is poly
    assert not is_drom("75") and is_drom("976")


def test_drom_transform_maps_frame_centre_to_target() -> None:
    for code, inset in INSETS.items():
        assert to_rapproche(code, *inset.anchor) == pytest.approx(inset.target)


def test_drom_transform_keeps_shapes_in_a_conformal_map() -> None:
    # A small square on the ground stays a square (ratio of km east / km north).
    for code, inset in INSETS.items():
        lon, lat = inset.anchor
        d = 0.01
        x0, y0 = to_rapproche(code, lon, lat)
        x1, y1 = to_rapproche(code, lon + d / math.cos(math.radians(lat)), lat + d)
        east = (x1 - x0) * math.cos(math.radians(inset.target[1]))
        north = y1 - y0
        assert east / north == pytest.approx(1.0, rel=1e-9)


def test_transform_geometry_matches_point_transform() -> None:
    poly = Polygon([(-61.5, 16.2), (-61.3, 16.2), (-61.4, 16.4)])
    moved = transform_geometry("971", poly)
    for (x, y), (mx, my) in zip(poly.exterior.coords, moved.exterior.coords, strict=True):
        assert (mx, my) == to_rapproche("971", x, y)


def test_inset_boxes_do_not_overlap_each_other() -> None:
    boxes = {code: box(*b) for code, b in inset_boxes().items()}
    assert sorted(boxes) == ["971", "972", "973", "974", "976"]
    codes = sorted(boxes)
    for i, a in enumerate(codes):
        assert boxes[a].area > 0
        for b in codes[i + 1 :]:
            assert not boxes[a].intersects(boxes[b]), (a, b)


def test_inset_boxes_stay_off_spain_and_in_the_atlantic() -> None:
    for code, (_lon_min, lat_min, lon_max, lat_max) in inset_boxes().items():
        assert lat_min > 44.0, code  # north of the Spanish coast (43.8)
        assert lon_max < -4.0, code
        assert lat_max < 49.8, code  # south of the Scilly Isles


def test_point_inside_stays_inside() -> None:
    poly = Polygon([(-61.5, 16.2), (-61.3, 16.2), (-61.4, 16.4)])
    point = Point(-61.4, 16.25)
    moved_poly = transform_geometry("971", poly)
    assert moved_poly.contains(Point(to_rapproche("971", point.x, point.y)))
    assert not moved_poly.contains(point)


# --- commune lookup ----------------------------------------------------------


def _lookup() -> CommuneLookup:
    communes = pd.DataFrame(
        {
            "code": ["22264", "89446", "01001", "75056", "75101", "29244"],
            "nom": [
                "La Roche-Jaudy",
                "Vézelay",
                "L'Abergement-Clémenciat",
                "Paris",
                "Paris 1er Arrondissement",
                "Saint-Derrien",
            ],
            "departement_code": ["22", "89", "01", "75", "75", "29"],
        }
    )
    aliases = pd.DataFrame(
        {
            "code": ["22264", "22120", "22264"],
            "parent_code": ["22264", "22264", "22264"],
            "nom": ["La Roche-Derrien", "Hengoat", "Pouldouran"],
        }
    )
    return CommuneLookup(communes, aliases)


def test_resolve_code_current_old_and_unknown() -> None:
    lookup = _lookup()
    assert lookup.resolve_code("89446") == "89446"
    assert lookup.resolve_code("22120") == "22264"
    assert lookup.resolve_code(" 22264 ") == "22264"
    assert lookup.resolve_code("75101") == "75101"
    assert lookup.resolve_code("99999") is None


def test_resolve_name_through_old_names() -> None:
    lookup = _lookup()
    assert lookup.resolve_name("La Roche-Derrien") == "22264"
    assert lookup.resolve_name("la roche derrien", "22") == "22264"
    assert lookup.resolve_name("La Roche-Derrien", "29") is None
    assert lookup.resolve_name("Vezelay") == "89446"
    assert lookup.resolve_name("Abergement-Clemenciat") == "01001"
    assert lookup.resolve_name("Nowhere") is None


def test_normalise_name() -> None:
    assert normalise_name("L'Abergement-Clémenciat") == "abergement clemenciat"
    assert normalise_name("St-Derrien") == normalise_name("Saint Derrien")
    assert normalise_name("Les Abymes") == "abymes"
