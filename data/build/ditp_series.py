"""The Baromètre health series as observations: copies and targets out, gaps kept as gaps.

Rules (documented in ``data/indicators.yaml`` and the national methods):

- an observation is a row with ``indic_va``; target rows (``indic_vc`` only) and
  initial-value rows (``indic_vi`` only, IND-589) are not observations, and ``indic_vi``
  is never used (Mayotte's IND-312 initial value contradicts its own value);
- a date declared as a copy (:attr:`SeriesSpec.copy`) is checked to repeat, for every
  zone, the date it copies, then dropped (a change in the raw file stops the build);
- the *common* dates of a level are those where more than half of its zones have a
  value; at a common date every zone has a row, empty where the file has none (never 0,
  never interpolated); rows at other dates (one département's extra date) are kept as
  they are; France has the rows the file gives, never recomputed;
- densities of count series: value / INSEE 2023 municipal population × 100 000. A region
  or France gets one only where every département of it with a population has a value
  (sum of counts / sum of populations); Mayotte has no INSEE population.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from data.build.raw_common import DEPARTEMENT_CODES
from data.build.raw_ditp import DIR, read_ditp
from data.errors import InputError

Kind = Literal["count", "percent"]
KEY = ["zone_level", "zone_code", "date"]
LEVEL_ORDER = ("departement", "region", "france")
NAN = float("nan")


@dataclass(frozen=True)
class SeriesSpec:
    """One Baromètre indicator and what the build expects of its file."""

    indic_id: str
    series: str  # id in departements_series.csv
    kind: Kind
    first: str  # first common département date (checked)
    latest: str  # latest common département date once copies are dropped (checked)
    copy: tuple[str, str] | None = None  # (copy date, date it repeats)

    @property
    def file(self) -> str:
        return f"{DIR}/ind-{self.indic_id.removeprefix('IND-')}.csv"

    @property
    def density_series(self) -> str | None:
        return f"{self.series}_densite" if self.kind == "count" else None

    @property
    def value_id(self) -> str:
        return f"{self.series}_{_month(self.latest)}"

    @property
    def density_id(self) -> str | None:
        return f"{self.series}_densite_{_month(self.latest)}" if self.kind == "count" else None

    @property
    def change_id(self) -> str:
        return f"{self.series}_evol_{_month(self.first)}_{_month(self.latest)}"


def _month(date: str) -> str:
    return date[:7].replace("-", "_")


SPECS: tuple[SeriesSpec, ...] = (
    SeriesSpec("IND-311", "msp", "count", "2017-06-01", "2025-06-01", ("2026-02-01", "2025-06-01")),
    SeriesSpec("IND-318", "cds", "count", "2017-12-01", "2024-12-01", ("2025-12-01", "2024-12-01")),
    SeriesSpec("IND-312", "ald_mt", "percent", "2022-09-01", "2025-12-01"),
    SeriesSpec("IND-589", "cpts", "percent", "2023-10-01", "2026-02-01"),
    SeriesSpec("IND-679", "asmed", "count", "2022-12-01", "2025-11-01"),
)
#: Stored decimals of the values of each series of departements_series.csv.
SERIES_DECIMALS: dict[str, int] = {
    name: decimals
    for spec in SPECS
    for name, decimals in (
        (spec.series, 0 if spec.kind == "count" else 2),
        (spec.density_series, 2),
    )
    if name is not None
}


@dataclass(frozen=True)
class Series:
    """One cleaned series: its long rows (``zone_level, zone_code, date, value``)."""

    spec: SeriesSpec
    rows: pd.DataFrame
    density: pd.DataFrame | None  # same shape, densities (count series only)
    copy_rows: int  # rows dropped as copies


def _observations(spec: SeriesSpec, raw: pd.DataFrame, path: Path) -> tuple[pd.DataFrame, int]:
    others = raw[raw["va"].isna()]
    stray = others[others["vi"].isna() & others["vc"].isna()]
    if not stray.empty:
        raise InputError(
            str(path),
            "ligne sans valeur, ni cible, ni valeur initiale",
            row=int(stray["line"].iloc[0]),
            column="indic_va",
        )
    obs = raw[raw["va"].notna()]
    if spec.kind == "count":
        fractional = obs[obs["va"] != obs["va"].round()]
        if not fractional.empty:
            raise InputError(
                str(path),
                "effectif non entier",
                row=int(fractional["line"].iloc[0]),
                column="indic_va",
            )
    if spec.copy is None:
        return obs, 0
    copy_date, original = spec.copy
    at_copy = obs[obs["date"] == copy_date].set_index(["zone_level", "zone_code"])
    at_original = obs[obs["date"] == original].set_index(["zone_level", "zone_code"])
    if at_copy.empty:
        raise InputError(str(path), f"date {copy_date} absente : la copie attendue a disparu")
    for zone, row in at_copy.iterrows():
        if zone not in at_original.index or at_original.at[zone, "va"] != row["va"]:
            raise InputError(
                str(path),
                f"la ligne du {copy_date} ne recopie plus celle du {original} : revoir SPECS",
                row=int(row["line"]),
                column="indic_va",
            )
    if len(at_copy) != len(at_original):
        raise InputError(str(path), f"zones du {copy_date} et du {original} différentes")
    return obs[obs["date"] != copy_date], len(at_copy)


def common_dates(obs: pd.DataFrame, level: str, zones: int) -> list[str]:
    """Dates of ``level`` where more than half of its ``zones`` have a value."""
    counts = obs.loc[obs["zone_level"] == level, "date"].value_counts()
    return sorted(str(d) for d, n in counts.items() if n * 2 > zones)


def _level_rows(obs: pd.DataFrame, level: str, codes: tuple[str, ...]) -> pd.DataFrame:
    mine = obs[obs["zone_level"] == level]
    common = common_dates(obs, level, len(codes))
    grid = pd.MultiIndex.from_product([codes, common], names=["zone_code", "date"])
    values = mine.set_index(["zone_code", "date"])["va"]
    full = values.reindex(grid).rename("value").reset_index()
    extra = mine[~mine["date"].isin(common)].rename(columns={"va": "value"})
    out = pd.concat([full, extra[["zone_code", "date", "value"]]], ignore_index=True)
    return out.assign(zone_level=level)[[*KEY, "value"]]


def long_rows(obs: pd.DataFrame, regions: tuple[str, ...]) -> pd.DataFrame:
    """All rows of one series, sorted: common dates filled with empty values."""
    france = obs[obs["zone_level"] == "france"].rename(columns={"va": "value"})
    parts = [
        _level_rows(obs, "departement", DEPARTEMENT_CODES),
        _level_rows(obs, "region", regions),
        france[[*KEY, "value"]],
    ]
    out = pd.concat(parts, ignore_index=True)
    out["order"] = out["zone_level"].map(LEVEL_ORDER.index)
    out = out.sort_values(["order", "zone_code", "date"], kind="stable")
    return out.drop(columns="order").reset_index(drop=True)


def members(level: str, code: str, region_of: Mapping[str, str]) -> list[str]:
    """Départements of a region, or of France."""
    return [c for c in DEPARTEMENT_CODES if level == "france" or region_of.get(c) == code]


def density_rows(
    rows: pd.DataFrame, population: pd.Series, region_of: Mapping[str, str]
) -> pd.DataFrame:
    """Per 100,000 inhabitants, on the same rows as ``rows`` (see the module doc)."""
    deps = rows[rows["zone_level"] == "departement"]
    by_date = deps.pivot(index="zone_code", columns="date", values="value")
    pop = population.dropna()
    out = []
    for row in rows.itertuples(index=False):
        if row.zone_level == "departement":
            out.append(row.value / pop[row.zone_code] * 1e5 if row.zone_code in pop.index else NAN)
            continue
        zone = [c for c in members(row.zone_level, row.zone_code, region_of) if c in pop.index]
        if not zone or row.date not in by_date.columns:
            out.append(NAN)
            continue
        counts = by_date[row.date].reindex(zone)
        out.append(counts.sum() / pop[zone].sum() * 1e5 if counts.notna().all() else NAN)
    return rows.assign(value=out)


def read_series(
    spec: SeriesSpec, raw_dir: Path, population: pd.Series, region_of: Mapping[str, str]
) -> Series:
    """Read, check and clean one series (``population``: INSEE PMUN by département)."""
    path = raw_dir / spec.file
    regions = tuple(sorted(set(region_of.values())))
    obs, copies = _observations(spec, read_ditp(path, spec.indic_id, frozenset(regions)), path)
    dates = common_dates(obs, "departement", len(DEPARTEMENT_CODES))
    if not dates or (dates[0], dates[-1]) != (spec.first, spec.latest):
        found = f"{dates[0]} à {dates[-1]}" if dates else "aucune"
        raise InputError(
            str(path),
            f"dates communes des départements : {found}, attendu {spec.first} à {spec.latest} "
            "(mettre à jour SPECS et data/indicators.yaml)",
            column="metric_enforce_date",
        )
    rows = long_rows(obs, regions)
    density = density_rows(rows, population, region_of) if spec.kind == "count" else None
    return Series(spec, rows, density, copies)
