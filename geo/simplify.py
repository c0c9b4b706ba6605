"""Topology-preserving simplification and rounding of a polygon coverage.

``shapely.coverage_simplify`` (GEOS >= 3.12, Visvalingam-Whyatt) simplifies
each shared edge once, so neighbours keep an identical border: no slivers, no
gaps. It runs in a metric projection of the territory so that the tolerance is
in metres and the same in every direction (:data:`METRIC_CRS`).

Rounding coordinates polygon by polygon can break a coverage (a narrow part
collapses on one side of a border and not on the other), so
:func:`round_coverage` rounds the *linework* of the whole coverage at once
(snap-rounding noding), polygonizes it and gives each face back to the polygon
that contains it: shared borders stay identical and every coordinate is on the
grid.
"""

from __future__ import annotations

import numpy as np
import pyproj
import shapely

#: Metric CRS used to simplify each territory: Lambert-93 for metropolitan
#: France, WGS84 / UTM for each DROM.
METRIC_CRS: dict[str, str] = {
    "metropole": "EPSG:2154",
    "971": "EPSG:32620",
    "972": "EPSG:32620",
    "973": "EPSG:32622",
    "974": "EPSG:32740",
    "976": "EPSG:32738",
}


def _reproject(geoms: np.ndarray, source: str, target: str) -> np.ndarray:
    transformer = pyproj.Transformer.from_crs(source, target, always_xy=True)

    def move(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, move)


def round_coverage(geoms: np.ndarray, decimals: int) -> np.ndarray:
    """Snap a coverage to a ``10**-decimals`` grid, keeping it a valid coverage.

    Faces of the rounded linework that fall in no input polygon (holes of the
    coverage, or slivers the rounding opened along them) are left out.
    Raises ``ValueError`` if a polygon vanishes.
    """
    geoms = np.asarray(geoms, dtype=object)
    grid = 10.0**-decimals
    lines = shapely.union_all(shapely.boundary(geoms), grid_size=grid)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(lines)))
    inside = shapely.point_on_surface(faces)
    face_index, owner_index = shapely.STRtree(geoms).query(inside, predicate="within")
    owner = np.full(len(faces), -1)
    owner[face_index] = owner_index
    out = np.empty(len(geoms), dtype=object)
    for i in range(len(geoms)):
        mine = faces[owner == i]
        if len(mine) == 0:
            raise ValueError(f"le polygone n° {i} disparaît à l'arrondi à {decimals} décimales")
        out[i] = shapely.coverage_union_all(mine)
    return out


def simplify_coverage(geoms: np.ndarray, tolerance_m: float, metric_crs: str) -> np.ndarray:
    """Coverage-simplify WGS84 ``geoms`` (one coverage) with a tolerance in metres.

    The result is in WGS84, not rounded (see :func:`round_coverage`).
    """
    geoms = np.asarray(geoms, dtype=object)
    if tolerance_m <= 0:
        return geoms
    projected = _reproject(geoms, "EPSG:4326", metric_crs)
    simplified = shapely.coverage_simplify(projected, tolerance_m)
    return _reproject(simplified, metric_crs, "EPSG:4326")


def check_coverage(geoms: np.ndarray, what: str) -> None:
    """Raise ``ValueError`` unless every polygon is valid and non-empty and none overlap."""
    geoms = np.asarray(geoms, dtype=object)
    if shapely.is_empty(geoms).any() or not shapely.is_valid(geoms).all():
        raise ValueError(f"{what} : géométrie vide ou invalide")
    if len(geoms) > 1 and not shapely.coverage_is_valid(geoms):
        raise ValueError(f"{what} : les polygones voisins se recouvrent")
