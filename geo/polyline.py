"""Compact coordinates for the browser: the encoded-polyline algorithm, per ring.

GeoJSON text costs about 18 bytes a point at 4 decimals; delta-encoding each ring
with the encoded-polyline algorithm (precision 1e-4, as in the built files) costs 2
to 4. The map decodes them in JavaScript (components.map.layers) into the same
coordinates, so accuracy is unchanged while the page shrinks about five times.

The algorithm itself is the ``polyline`` package's (PyPI, MIT licence); this module
only says which order the coordinates are in (GeoJSON's ``lon, lat``) and how a
polygon is cut into rings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import polyline

PRECISION = 4


def encode_ring(points: Iterable[Sequence[float]], precision: int = PRECISION) -> str:
    """Encode (lon, lat) points; deltas of rounded values, so no error accumulates."""
    coordinates = list(points)
    if not coordinates:
        return ""
    return polyline.encode(coordinates, precision=precision, geojson=True)


def decode_ring(text: str, precision: int = PRECISION) -> list[tuple[float, float]]:
    """The inverse of :func:`encode_ring` (used by tests; the browser has its own)."""
    return polyline.decode(text, precision=precision, geojson=True)


def encode_geometry(geometry: dict[str, Any]) -> list[list[str]]:
    """A GeoJSON Polygon/MultiPolygon as polygons of encoded rings."""
    kind = geometry["type"]
    if kind == "Polygon":
        polygons = [geometry["coordinates"]]
    elif kind == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        raise ValueError(f"cannot encode a {kind}")
    return [[encode_ring(ring) for ring in polygon] for polygon in polygons]


def decode_geometry(encoded: list[list[str]]) -> dict[str, Any]:
    """Back to a GeoJSON MultiPolygon (tests)."""
    return {
        "type": "MultiPolygon",
        "coordinates": [[[list(p) for p in decode_ring(r)] for r in poly] for poly in encoded],
    }
