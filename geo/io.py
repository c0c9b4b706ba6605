"""Deterministic writers: same input, byte-identical files.

GeoJSON: one feature per line, properties in the given key order, compact
separators, coordinates with a fixed number of decimals (trailing zeros
dropped), polygons oriented as RFC 7946 asks (exterior counter-clockwise).
CSV: UTF-8, ``\\n`` line endings, empty cell for a missing value.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import shapely


def format_number(value: float, decimals: int) -> str:
    """``value`` with at most ``decimals`` decimals, no trailing zeros, no ``-0``."""
    if not math.isfinite(value):
        raise ValueError(f"coordonnée non finie : {value!r}")
    return _trimmed(f"{value:.{decimals}f}")


def format_numbers(values: Sequence[float] | np.ndarray, decimals: int) -> list[str]:
    """:func:`format_number` of each value, formatted in one go (the commune layers
    hold millions of coordinates)."""
    array = np.asarray(values, dtype=float)
    finite = np.isfinite(array)
    if not finite.all():
        raise ValueError(f"coordonnée non finie : {float(array[~finite][0])!r}")
    texts = ((f"%.{decimals}f\n" * len(array)) % tuple(array.tolist())).split("\n")
    return [_trimmed(text) for text in texts[:-1]]


def _trimmed(text: str) -> str:
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _ring(coords: np.ndarray, decimals: int) -> str:
    xs = format_numbers(coords[:, 0], decimals)
    ys = format_numbers(coords[:, 1], decimals)
    return "[" + ",".join(map("[{},{}]".format, xs, ys)) + "]"


def _polygon(polygon: shapely.Polygon, decimals: int) -> str:
    rings = [polygon.exterior, *polygon.interiors]
    return "[" + ",".join(_ring(shapely.get_coordinates(r), decimals) for r in rings) + "]"


def geometry_json(geometry: shapely.Geometry, decimals: int) -> str:
    """GeoJSON text of a (Multi)Polygon, coordinates rounded to ``decimals``."""
    oriented = shapely.orient_polygons(geometry, exterior_cw=False)
    if isinstance(oriented, shapely.Polygon):
        return '{"type":"Polygon","coordinates":' + _polygon(oriented, decimals) + "}"
    if isinstance(oriented, shapely.MultiPolygon):
        parts = ",".join(_polygon(p, decimals) for p in oriented.geoms)
        return '{"type":"MultiPolygon","coordinates":[' + parts + "]}"
    raise TypeError(f"géométrie non polygonale : {oriented.geom_type}")


def write_geojson(
    path: Path,
    features: Iterable[tuple[Mapping[str, Any], shapely.Geometry]],
    decimals: int,
) -> None:
    """Write a FeatureCollection of ``(properties, geometry)`` pairs, in the given order."""
    lines = []
    for properties, geometry in features:
        props = json.dumps(dict(properties), ensure_ascii=False, separators=(",", ":"))
        lines.append(
            '{"type":"Feature","properties":'
            + props
            + ',"geometry":'
            + geometry_json(geometry, decimals)
            + "}"
        )
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write a CSV with ``\\n`` line endings; ``None`` and ``pd.NA`` become empty cells."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if _missing(v) else v for v in row])


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and pd.NA
    except TypeError:
        return True
