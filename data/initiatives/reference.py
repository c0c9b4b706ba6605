"""The reference tables rows are checked against: current communes, their aliases
(communes déléguées/associées) and départements, built into ``data/built/``."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from data.errors import InputError
from data.initiatives.schema import COMMUNE_ALIASES_CSV, COMMUNES_CSV, DEPARTEMENTS_GEOJSON


@dataclass(frozen=True)
class Commune:
    code: str
    nom: str
    departement_code: str
    lon: float | None
    lat: float | None


@dataclass(frozen=True)
class CommuneAlias:
    """A commune déléguée or associée (``code``) and the current commune it belongs to."""

    code: str
    parent_code: str
    nom: str


@dataclass(frozen=True)
class Departement:
    code: str
    nom: str
    region_code: str


@dataclass(frozen=True)
class Reference:
    """What the rows are checked against: current communes, their aliases, départements."""

    communes: Mapping[str, Commune]
    aliases: Mapping[str, tuple[CommuneAlias, ...]]
    departements: Mapping[str, Departement]


def _read_csv_dicts(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    if not path.is_file():
        raise InputError(str(path), "fichier absent (lancer python -m data.build)")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in required if name not in (reader.fieldnames or ())]
        if missing:
            raise InputError(str(path), "colonne manquante", row=1, column=missing[0])
        return list(reader)


def _float_or_none(text: str) -> float | None:
    return float(text) if text.strip() else None


def _alias_map(items: Iterable[CommuneAlias]) -> dict[str, tuple[CommuneAlias, ...]]:
    grouped: dict[str, list[CommuneAlias]] = {}
    for alias in items:
        grouped.setdefault(alias.code, []).append(alias)
    return {code: tuple(group) for code, group in grouped.items()}


def load_reference(
    communes: Path = COMMUNES_CSV,
    aliases: Path = COMMUNE_ALIASES_CSV,
    departements: Path = DEPARTEMENTS_GEOJSON,
) -> Reference:
    """Read the built commune, alias and département tables."""
    commune_map = {
        row["code"]: Commune(
            row["code"],
            row["nom"],
            row["departement_code"],
            _float_or_none(row["lon"]),
            _float_or_none(row["lat"]),
        )
        for row in _read_csv_dicts(communes, ("code", "nom", "departement_code", "lon", "lat"))
    }
    alias_rows = _read_csv_dicts(aliases, ("code", "parent_code", "nom"))
    alias_map = _alias_map(CommuneAlias(r["code"], r["parent_code"], r["nom"]) for r in alias_rows)
    if not departements.is_file():
        raise InputError(str(departements), "fichier absent (lancer python -m data.build)")
    try:
        features = json.loads(departements.read_text(encoding="utf-8"))["features"]
        departement_map = {
            f["properties"]["code"]: Departement(
                f["properties"]["code"], f["properties"]["nom"], f["properties"]["region_code"]
            )
            for f in features
        }
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(str(departements), f"GeoJSON illisible : {exc}") from exc
    return Reference(communes=commune_map, aliases=alias_map, departements=departement_map)


class _FrameCommunes(Mapping[str, Commune]):
    """Communes looked up in an already loaded frame (index: code), built on demand."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def __getitem__(self, code: str) -> Commune:
        if code not in self._frame.index:
            raise KeyError(code)
        row = self._frame.loc[code]
        lon, lat = row["lon"], row["lat"]
        return Commune(
            code,
            str(row["nom"]),
            str(row["departement_code"]),
            None if pd.isna(lon) else float(lon),
            None if pd.isna(lat) else float(lat),
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._frame.index)

    def __len__(self) -> int:
        return len(self._frame)


def reference_from_frames(
    communes: pd.DataFrame, aliases: pd.DataFrame, departements: pd.DataFrame
) -> Reference:
    """The same reference as :func:`load_reference`, from frames the app already loaded
    (communes indexed by code with nom/departement_code/lon/lat; aliases with
    code/parent_code/nom; départements indexed by code with nom/region_code)."""
    alias_map = _alias_map(
        CommuneAlias(code, parent, name)
        for code, parent, name in zip(
            aliases["code"], aliases["parent_code"], aliases["nom"], strict=True
        )
    )
    return Reference(
        communes=_FrameCommunes(communes),
        aliases=alias_map,
        departements={
            str(code): Departement(str(code), str(nom), str(region))
            for code, nom, region in zip(
                departements.index, departements["nom"], departements["region_code"], strict=True
            )
        },
    )
