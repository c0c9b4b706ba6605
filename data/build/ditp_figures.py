"""Figures of the Baromètre health series: latest value, density, change, per zone.

For each series of :data:`data.build.ditp_series.SPECS`:

- ``<series>_<yyyy_mm>``: value at the latest common date (the file's own regional and
  national values; missing where the file gives none);
- ``<series>_densite_<yyyy_mm>`` (count series): per 100,000 inhabitants, INSEE 2023;
- ``<series>_evol_<first>_<latest>``: latest minus first value (points for percentages),
  missing where either is missing.

National rows come with a method text generated from the data, including the check of
the sum of the départements against the file's national value (count series).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from data.build.ditp_series import NAN, SPECS, Series, members, read_series
from data.build.raw_common import DEPARTEMENT_CODES

#: Columns added to departements_figures.csv (and regions_figures.csv), stored decimals.
COLUMNS: tuple[tuple[str, int], ...] = tuple(
    (name, decimals)
    for spec in SPECS
    for name, decimals in (
        (spec.value_id, 0 if spec.kind == "count" else 2),
        (spec.density_id, 2),
        (spec.change_id, 0 if spec.kind == "count" else 2),
    )
    if name is not None
)
SERIES_HEADER = ("series", "zone_level", "zone_code", "date", "value")


@dataclass(frozen=True)
class DitpBuild:
    """Everything the build writes from the Baromètre files."""

    departements: pd.DataFrame  # index: the 101 codes; columns: COLUMNS
    regions: pd.DataFrame  # index: region codes; columns: COLUMNS
    national: list[tuple[str, float, str]]  # (indicator id, value, method)
    series: pd.DataFrame  # SERIES_HEADER, sorted


def _at(rows: pd.DataFrame, level: str, date: str) -> pd.Series:
    mine = rows[(rows["zone_level"] == level) & (rows["date"] == date)]
    return mine.set_index("zone_code")["value"]


def zone_figures(series: Series, level: str, codes: list[str]) -> pd.DataFrame:
    """The columns of one series for the zones ``codes`` of ``level``."""
    spec = series.spec
    latest = _at(series.rows, level, spec.latest).reindex(codes)
    first = _at(series.rows, level, spec.first).reindex(codes)
    out = pd.DataFrame(index=pd.Index(codes, name="code"))
    out[spec.value_id] = latest
    if spec.density_id and series.density is not None:
        out[spec.density_id] = _at(series.density, level, spec.latest).reindex(codes)
    out[spec.change_id] = latest - first
    return out


def _n(value: float, decimals: int = 0) -> str:
    """French text of a number (``8\u202f971``, ``96,10``), never ``-0``."""
    value = 0.0 if round(value, decimals) == 0 else value
    return f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")


def sum_report(series: Series, region_of: Mapping[str, str]) -> str:
    """How the départements add up to the file's national and regional values."""
    rows = series.rows
    nat = rows[rows["zone_level"] == "france"].set_index("date")["value"]
    deps = rows[rows["zone_level"] == "departement"].pivot(
        index="zone_code", columns="date", values="value"
    )
    diffs, absent = [], {}
    for date, value in nat.items():
        column = deps[date] if date in deps.columns else pd.Series(NAN, index=deps.index)
        if column.sum() != value:
            diffs.append(f"{date} : {column.sum() - value:+.0f}")
        missing = tuple(sorted(column[column.isna()].index))
        if missing:
            absent.setdefault(missing, []).append(str(date))
    if diffs:
        text = "Écart somme des départements − valeur nationale du fichier : " + "; ".join(diffs)
    else:
        text = (
            "La somme des départements présents égale la valeur nationale du fichier à "
            f"chacune des {len(nat)} dates"
        )
    for codes, dates in absent.items():
        zero = "" if diffs else " : la valeur nationale du fichier les compte donc pour 0"
        text += (
            f". Aux dates {', '.join(dates)}, {len(codes)} départements sont absents du fichier "
            f"({', '.join(codes)}) ; ils restent manquants (jamais 0, jamais interpolés){zero}"
        )
    region_rows = rows[rows["zone_level"] == "region"].dropna(subset=["value"])
    wrong = []
    for row in region_rows.itertuples(index=False):
        zone = members("region", row.zone_code, region_of)
        values = deps[row.date].reindex(zone) if row.date in deps.columns else None
        if values is not None and values.notna().all() and values.sum() != row.value:
            wrong.append(f"R{row.zone_code} au {row.date}")
    text += (
        ". Chaque valeur régionale égale la somme de ses départements quand tous sont présents."
        if not wrong
        else ". Valeurs régionales différentes de la somme de leurs départements : "
        + ", ".join(wrong)
        + "."
    )
    return text


def _copy_text(series: Series) -> str:
    if series.spec.copy is None:
        return ""
    copy, original = series.spec.copy
    return (
        f" Les {series.copy_rows} lignes du {copy} recopient exactement celles du {original} "
        "pour toutes les zones : ce n'est pas une nouvelle observation, elles sont écartées."
    )


def _last_national(series: Series) -> str:
    nat = series.rows[series.rows["zone_level"] == "france"].dropna(subset=["value"])
    last = nat.sort_values("date").iloc[-1]
    unit = "" if series.spec.kind == "count" else " %"
    return f"dernière valeur nationale du fichier : {_n(last['value'], 1)}{unit} au {last['date']}"


def national_rows(series: Series, region_of: Mapping[str, str]) -> list[tuple[str, float, str]]:
    """``(indicator id, value, method)`` of France for one series."""
    spec = series.spec
    fig = zone_figures(series, "france", ["FR"]).iloc[0]
    source = f"fichier {spec.indic_id} du Baromètre des résultats de l'action publique (DITP)"
    out = []
    value = fig[spec.value_id]
    if spec.kind == "count":
        text = f"Valeur nationale du {source} au {spec.latest}, telle que publiée. "
        text += sum_report(series, region_of) + _copy_text(series)
    elif pd.notna(value):
        text = (
            f"Valeur nationale du {source} au {spec.latest}, telle que publiée : un pourcentage "
            "n'est ni additionné ni recalculé à partir des départements."
        )
    else:
        text = (
            f"Le {source} ne donne pas de valeur nationale au {spec.latest} "
            f"({_last_national(series)}) : valeur manquante, non recalculée à partir des "
            "départements."
        )
    out.append((spec.value_id, value, text))
    if spec.density_id:
        zone = [c for c in DEPARTEMENT_CODES if c != "976"]
        out.append(
            (
                spec.density_id,
                fig[spec.density_id],
                f"Somme des valeurs des {len(zone)} départements hors Mayotte au {spec.latest} "
                f"dans le {source}, rapportée à la somme de leurs populations municipales INSEE "
                "(populations de référence 2023), × 100 000. France hors Mayotte : Mayotte "
                "n'a pas de population dans le fichier INSEE.",
            )
        )
    unit = "" if spec.kind == "count" else ", en points"
    decimals = 0 if spec.kind == "count" else 2
    change = fig[spec.change_id]
    absent_first = _at(series.rows, "departement", spec.first).isna().sum()
    if pd.notna(change):
        text = (
            f"Valeur nationale du {source} au {spec.latest} ({_n(value, decimals)}) moins "
            f"celle du {spec.first} ({_n(value - change, decimals)}){unit}."
        )
        if spec.kind == "count" and absent_first:
            text += (
                " La valeur nationale de la première date compte pour 0 les départements absents "
                "du fichier à cette date : leur évolution départementale est manquante, mais "
                "l'évolution nationale inclut leur effectif de la dernière date."
            )
    else:
        missing = [
            d for d in (spec.first, spec.latest) if _at(series.rows, "france", d).dropna().empty
        ]
        text = (
            f"Le {source} ne donne pas de valeur nationale au {' ni au '.join(missing)} "
            f"({_last_national(series)}) : évolution manquante, non recalculée."
        )
    out.append((spec.change_id, change, text))
    return out


def long_table(all_series: list[Series]) -> pd.DataFrame:
    """Every series and density series in one long frame (SERIES_HEADER)."""
    parts = []
    for s in all_series:
        parts.append(s.rows.assign(series=s.spec.series))
        if s.density is not None and s.spec.density_series:
            parts.append(s.density.assign(series=s.spec.density_series))
    table = pd.concat(parts, ignore_index=True)[list(SERIES_HEADER)]
    return table.sort_values(["series"], kind="stable").reset_index(drop=True)


def build_ditp(raw: Path, population: pd.DataFrame) -> DitpBuild:
    """Read the five Baromètre files; ``population``: :func:`read_insee_population`."""
    region_of = {**population["reg"].to_dict(), "976": "06"}  # Mayotte: région 06
    regions = sorted(set(region_of.values()))
    pmun = population["pmun"].astype("float64")
    all_series = [read_series(spec, raw, pmun, region_of) for spec in SPECS]
    deps = pd.concat(
        [zone_figures(s, "departement", list(DEPARTEMENT_CODES)) for s in all_series], axis=1
    )
    regs = pd.concat([zone_figures(s, "region", regions) for s in all_series], axis=1)
    national = [row for s in all_series for row in national_rows(s, region_of)]
    return DitpBuild(deps, regs, national, long_table(all_series))
