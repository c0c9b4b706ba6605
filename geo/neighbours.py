"""Départements sharing a border (a line, not a single point)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely


def neighbour_pairs(codes: Sequence[str], geoms: np.ndarray) -> list[tuple[str, str]]:
    """Sorted ``(code, voisin_code)`` pairs, both ways, of polygons sharing a border of some length.

    ``geoms`` must be a clean coverage (unsimplified is best: borders are exact).
    """
    geoms = np.asarray(geoms, dtype=object)
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    shared = shapely.length(
        shapely.intersection(shapely.boundary(geoms[left]), shapely.boundary(geoms[right]))
    )
    pairs = set()
    for i, j, length in zip(left, right, shared, strict=True):
        if length > 0:
            pairs.add((codes[i], codes[j]))
            pairs.add((codes[j], codes[i]))
    return sorted(pairs)
