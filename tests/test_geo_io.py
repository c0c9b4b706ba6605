"""The deterministic writers: numbers formatted in bulk as one at a time, files
written back byte for byte."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import shapely

from data.paths import BUILT_DIR
from geo.build import GEOMETRY_DECIMALS
from geo.io import format_number, format_numbers, write_geojson

TRICKY = [0.0, -0.0, 1e-7, -1e-7, -0.000004, 0.000005, 0.5, -2.5, 12.3, 123456.789012345,
          -61.53248, 55.0, 1e15, -1e-300]  # fmt: skip


@pytest.mark.parametrize("decimals", [0, 1, 5, 6])
def test_bulk_formatting_is_the_one_at_a_time_formatting(decimals: int) -> None:
    values = [*TRICKY, *np.random.default_rng(7).uniform(-180, 180, 2_000)]
    assert format_numbers(values, decimals) == [format_number(v, decimals) for v in values]


def test_no_minus_zero_and_no_trailing_zeros() -> None:
    assert format_numbers([-0.0, -0.000001, 2.5000, 3.0], 5) == ["0", "0", "2.5", "3"]
    assert format_numbers([], 5) == []


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_a_non_finite_coordinate_is_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="non finie"):
        format_numbers([1.0, bad], 5)


@pytest.mark.parametrize("name", ["communes_geo/2A.geojson", "departements.geojson"])
def test_a_committed_file_is_written_back_byte_for_byte(name: str, tmp_path) -> None:
    committed = (BUILT_DIR / name).read_bytes()
    features = [
        (f["properties"], shapely.geometry.shape(f["geometry"]))
        for f in json.loads(committed)["features"]
    ]
    out = tmp_path / "back.geojson"
    write_geojson(out, features, GEOMETRY_DECIMALS)
    assert out.read_bytes() == committed
