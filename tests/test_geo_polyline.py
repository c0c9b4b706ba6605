import json

import pytest
import shapely

from data.paths import BUILT_DIR
from geo.polyline import decode_geometry, decode_ring, encode_geometry, encode_ring


@pytest.mark.parametrize(
    "ring",
    [
        [(2.3522, 48.8566), (2.3523, 48.8567), (-61.5, 16.25), (2.3522, 48.8566)],
        [(-0.0001, -0.0001), (0.0, 0.0), (179.9999, -89.9999)],
        [(55.4513, -20.8823)],
    ],
)
def test_round_trip_at_four_decimals(ring):
    assert decode_ring(encode_ring(ring)) == [(round(x, 4), round(y, 4)) for x, y in ring]


def test_reference_example_of_the_algorithm():
    # Google's documented example (precision 5): (38.5, -120.2), (40.7, -120.95), ...
    points = [(-120.2, 38.5), (-120.95, 40.7), (-126.453, 43.252)]
    assert encode_ring(points, precision=5) == "_p~iF~ps|U_ulLnnqC_mqNvxq`@"


def test_built_departements_survive_encoding_exactly():
    doc = json.loads((BUILT_DIR / "departements.geojson").read_text())
    for feature in doc["features"][:20]:
        original = shapely.from_geojson(json.dumps(feature["geometry"]))
        decoded = shapely.from_geojson(
            json.dumps(decode_geometry(encode_geometry(feature["geometry"])))
        )
        assert shapely.equals_exact(
            shapely.normalize(original), shapely.normalize(decoded), 1e-9
        ) or (original.symmetric_difference(decoded).area < 1e-12), feature["properties"]["code"]


def test_points_cannot_be_encoded_as_polygons():
    with pytest.raises(ValueError, match="Point"):
        encode_geometry({"type": "Point", "coordinates": [0, 0]})


def test_an_empty_ring_is_an_empty_string_and_precision_round_trips():
    assert encode_ring([]) == ""
    assert decode_ring("") == []
    points = [(-120.2, 38.5), (-120.95, 40.7)]
    assert decode_ring(encode_ring(points, precision=5), precision=5) == points
