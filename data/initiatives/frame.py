"""The typed frame of initiatives the app reads (one row per initiative)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from data.evidence import evidence_level
from data.initiatives.csvfile import CsvRow
from data.initiatives.outcome_frame import records_by_initiative
from data.initiatives.reference import Reference
from data.initiatives.schema import (
    ACTOR_SEPARATOR,
    ACTOR_TYPES,
    REGIONS,
    SCOPES,
    SOURCE_SEPARATOR,
    STATUSES,
    UNKNOWN_LABEL,
    derive_scope,
    split_list,
)
from data.levers import LEVER_CODES, get_lever

FRAME_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "lever",
    "lever_label",
    "year_started",
    "carrying_actor",
    "actor_type",
    "actor_label",
    "status",
    "status_label",
    "status_date",
    "verified_on",
    "evidence_level",
    "description_fr",
    "sources",
    "commune",
    "commune_code",
    "commune_nom",
    "departement_code",
    "departement_nom",
    "region_code",
    "region_nom",
    "scope",
    "precision",
    "lon",
    "lat",
    "case_study",
    "line",
)


def _record(
    row: CsvRow, reference: Reference, outcomes: Sequence[Mapping[str, object]]
) -> dict[str, object]:
    v = {k: (str(val).strip() if val is not None else "") for k, val in row.values.items()}
    actors = tuple(split_list(v["carrying_actor"], ACTOR_SEPARATOR))
    status = v["status"] or "unknown"
    commune = reference.communes.get(v["commune_code"]) if v["commune_code"] else None
    departement = reference.departements.get(v["departement_code"])
    located = commune is not None and commune.lon is not None and commune.lat is not None
    scope = derive_scope(v["commune_code"], v["departement_code"])
    # Where the map can place it: a commune without a reference point falls back
    # to its département rather than to a made-up position.
    precision = scope if scope != "commune" or located else "departement"
    return {
        "id": v["id"],
        "name": v["name"],
        "lever": v["lever"],
        "lever_label": get_lever(v["lever"]).label_fr,
        "year_started": int(v["year_started"]) if v["year_started"] else None,
        "carrying_actor": actors,
        "actor_type": v["actor_type"] or None,
        "actor_label": ACTOR_TYPES[actors[0]] if actors else UNKNOWN_LABEL,
        "status": status,
        "status_label": STATUSES[status],
        "status_date": v["status_date"],
        "verified_on": v["verified_on"],
        "evidence_level": evidence_level(outcomes),
        "description_fr": v["description_fr"],
        "sources": tuple(split_list(v["sources"], SOURCE_SEPARATOR)),
        "commune": v["commune"],
        "commune_code": v["commune_code"],
        "commune_nom": commune.nom if commune else "",
        "departement_code": v["departement_code"],
        "departement_nom": departement.nom if departement else "",
        "region_code": v["region_code"],
        "region_nom": REGIONS[v["region_code"]],
        "scope": scope,
        "precision": precision,
        "lon": commune.lon if located and commune else None,
        "lat": commune.lat if located and commune else None,
        "case_study": v["case_study"],
        "line": row.line,
    }


def initiatives_frame(
    rows: Sequence[CsvRow],
    reference: Reference,
    outcomes: Iterable[Mapping[str, object]] = (),
) -> pd.DataFrame:
    """The frame of valid rows: labels, places and map precision added, typed columns;
    ``evidence_level`` (:func:`data.evidence.evidence_level`) from the ``outcomes``
    records (catalogue rows or frame records) of each initiative."""
    by_initiative = records_by_initiative(outcomes)
    records = [
        _record(row, reference, by_initiative.get(str(row.values.get("id") or "").strip(), ()))
        for row in rows
    ]
    frame = pd.DataFrame.from_records(records, columns=list(FRAME_COLUMNS))
    typed = {"lever", "actor_type", "status", "scope", "precision", "year_started"}
    typed |= {"carrying_actor", "sources", "lon", "lat", "line", "evidence_level"}
    text_columns = [c for c in FRAME_COLUMNS if c not in typed]
    frame = frame.astype({c: "str" for c in text_columns})
    frame["carrying_actor"] = frame["carrying_actor"].astype(object)
    frame["sources"] = frame["sources"].astype(object)
    frame["lever"] = pd.Categorical(frame["lever"], categories=list(LEVER_CODES))
    frame["actor_type"] = pd.Categorical(frame["actor_type"], categories=list(ACTOR_TYPES))
    frame["status"] = pd.Categorical(frame["status"], categories=list(STATUSES))
    frame["scope"] = pd.Categorical(frame["scope"], categories=list(SCOPES))
    frame["precision"] = pd.Categorical(frame["precision"], categories=list(SCOPES))
    frame["year_started"] = frame["year_started"].astype("Int64")
    frame["lon"] = frame["lon"].astype("float64")
    frame["lat"] = frame["lat"].astype("float64")
    frame["line"] = frame["line"].astype("int64")
    frame["evidence_level"] = frame["evidence_level"].astype("int64")
    return frame
