"""Département polygons: the union of their communes in the clean coverage."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from geo.coverage import Coverage


def dissolve_departements(coverage: Coverage, departements: pd.DataFrame) -> pd.DataFrame:
    """One row per département: ``code``, ``nom``, ``region_code``, ``region_nom``, ``geometry``.

    The polygons are the union of the département's communes plus the holes
    given to it (see :mod:`geo.coverage`); unsimplified, real WGS84 coordinates.
    """
    pieces = pd.concat(
        [coverage.units[["departement_code", "geometry"]], coverage.extra],
        ignore_index=True,
    )
    geoms = {
        code: shapely.coverage_union_all(group["geometry"].to_numpy())
        for code, group in pieces.groupby("departement_code", sort=True)
    }
    missing = sorted(set(departements["code"]) - set(geoms))
    if missing:
        raise ValueError(f"départements sans aucune commune : {missing}")
    out = departements[["code", "nom", "region_code", "region_nom"]].copy()
    out["geometry"] = np.array([geoms[c] for c in out["code"]], dtype=object)
    return out.sort_values("code", ignore_index=True)
