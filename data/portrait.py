"""Figures of one département's portrait: key figures against France and its region,
comparable départements, and regional aggregates that can be computed exactly."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from data.indicators import Indicator
from data.ranking import ranked_count, tension_rank

Comparison = Literal["better", "worse", "same", "unknown"]
KEY_FIGURES = (
    "part_pop_apl_inf_2_5_2023",
    "apl_2023",
    "apl65_2023",
    "mg_densite_2022",
    "mg_densite_evol_2018_2022_pct",
    "pediatrie_densite_2022",
    "gynecologie_densite_2022",
    "ophtalmologie_densite_2022",
    "psychiatrie_densite_2022",
    # DITP Baromètre (regional values from regions_figures.csv, joined by data.atlas)
    "msp_densite_2025_06",
    "cds_densite_2024_12",
    "asmed_densite_2025_11",
    "ald_mt_2025_12",
    "cpts_2026_02",
)
COMPARABLE_BY = (
    "apl_2023",
    "part_pop_apl_inf_2_5_2023",
    "mg_densite_2022",
    "mg_densite_evol_2018_2022_pct",
)


@dataclass(frozen=True)
class KeyFigure:
    indicator: Indicator
    value: float | None
    national: float | None
    regional: float | None
    rank: int | None
    ranked: int
    versus_france: Comparison


def _num(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def compare(value: float | None, reference: float | None, higher_is_better: bool) -> Comparison:
    """Is ``value`` better or worse than ``reference`` for this direction?"""
    if value is None or reference is None:
        return "unknown"
    if math.isclose(value, reference, rel_tol=1e-9, abs_tol=1e-9):
        return "same"
    return "better" if (value > reference) == higher_is_better else "worse"


def regional_figures(
    deps: pd.DataFrame, communes: pd.DataFrame, region_of: pd.Series
) -> pd.DataFrame:
    """Regional values where an exact aggregate exists, else missing.

    - APL: commune APL weighted by the standardised population (DREES method);
    - share of population under APL 2.5: on the total population of the communes;
    - GP density 2022: regional GP count / regional population implied by DREES
      (count / density for each département), i.e. DREES's own denominator;
    - population 2023: sum.
    Other indicators are left missing rather than averaged.
    """
    out = pd.DataFrame(index=sorted(region_of.dropna().unique()))
    dep_region = communes["departement_code"].map(region_of)
    for year in ("2022", "2023"):
        std, tot = communes[f"pop_std_{year}"], communes[f"pop_tot_{year}"]
        for series in ("apl", "apl65"):
            apl = communes[f"{series}_{year}"]
            ok = apl.notna() & std.notna()
            weighted = (apl[ok] * std[ok]).groupby(dep_region[ok]).sum()
            out[f"{series}_{year}"] = weighted / std[ok].groupby(dep_region[ok]).sum()
            ok_tot = apl.notna() & tot.notna()
            under = tot[ok_tot].where(apl[ok_tot] < 2.5, 0).groupby(dep_region[ok_tot]).sum()
            share = 100 * under / tot[ok_tot].groupby(dep_region[ok_tot]).sum()
            suffix = "apl65" if series == "apl65" else "apl"
            out[f"part_pop_{suffix}_inf_2_5_{year}"] = share
    implied = deps["mg_effectif_2022"] / deps["mg_densite_2022"] * 100_000
    by_region = deps.index.to_series().map(region_of)
    out["mg_densite_2022"] = (
        deps["mg_effectif_2022"].groupby(by_region).sum() / implied.groupby(by_region).sum()
    ) * 100_000
    out["population_2023"] = deps["population_2023"].groupby(by_region).sum(min_count=1)
    return out


def key_figures(
    dep: str,
    deps: pd.DataFrame,
    indicators: Sequence[Indicator],
    national: pd.Series,
    regional: pd.Series | None,
    ids: Sequence[str] = KEY_FIGURES,
) -> list[KeyFigure]:
    """Key figures of ``dep`` with France, its region, its rank and an arrow direction."""
    by_id = {ind.id: ind for ind in indicators}
    rows = []
    for indicator_id in ids:
        ind = by_id[indicator_id]
        values = deps[indicator_id]
        value = _num(values.get(dep))
        ranks = tension_rank(values, ind.higher_is_better)
        rank = ranks.get(dep)
        nat = _num(national.get(indicator_id))
        reg = _num(regional.get(indicator_id)) if regional is not None else None
        rows.append(
            KeyFigure(
                indicator=ind,
                value=value,
                national=nat,
                regional=reg,
                rank=None if rank is None or pd.isna(rank) else int(rank),
                ranked=ranked_count(values),
                versus_france=compare(value, nat, ind.higher_is_better),
            )
        )
    return rows


def comparable_departements(
    dep: str, deps: pd.DataFrame, columns: Sequence[str] = COMPARABLE_BY, n: int = 5
) -> list[str]:
    """The ``n`` départements nearest to ``dep`` on standardised ``columns``.

    Only the columns where ``dep`` has a value are used; a département missing any of
    them is not compared (nothing is filled in).
    """
    usable = [c for c in columns if pd.notna(deps.at[dep, c])]
    if not usable:
        return []
    table = deps[usable].dropna()
    z = (table - table.mean()) / table.std(ddof=0)
    distance = ((z - z.loc[dep]) ** 2).sum(axis=1) ** 0.5
    return [str(code) for code in distance.drop(dep).sort_values(kind="stable").index[:n]]
