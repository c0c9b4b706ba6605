"""Filtering the initiatives catalogue, and live counts that follow the other filters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd


@dataclass(frozen=True)
class InitiativeFilter:
    """Empty tuples mean "all"; ``years`` keeps initiatives started in that range,
    plus those with no known year when ``include_unknown_year``; ``evidence_levels``
    keeps the initiatives of those levels of evidence (:mod:`data.evidence`)."""

    levers: Sequence[str] = ()
    actors: Sequence[str] = ()
    statuses: Sequence[str] = ()
    years: tuple[int, int] | None = None
    include_unknown_year: bool = True
    departement: str | None = None
    evidence_levels: Sequence[int] = ()
    region: str | None = None


def _mask(df: pd.DataFrame, f: InitiativeFilter, *, skip_levers: bool = False) -> pd.Series:
    mask = pd.Series(True, index=df.index)
    if f.levers and not skip_levers:
        mask &= df["lever"].isin(f.levers)
    if f.actors:
        mask &= df["actor_type"].isin(f.actors)
    if f.statuses:
        mask &= df["status"].isin(f.statuses)
    if f.years:
        low, high = f.years
        year = df["year_started"]
        in_range = year.between(low, high) & year.notna()
        mask &= in_range | (year.isna() if f.include_unknown_year else False)
    if f.departement:
        mask &= df["departement_code"] == f.departement
    if f.evidence_levels:
        mask &= df["evidence_level"].isin(f.evidence_levels)
    if f.region:
        mask &= df["region_code"] == f.region
    return mask.fillna(False).astype(bool)


def filter_initiatives(df: pd.DataFrame, f: InitiativeFilter) -> pd.DataFrame:
    """The initiatives passing every filter."""
    return df[_mask(df, f)]


def lever_counts(df: pd.DataFrame, f: InitiativeFilter) -> dict[str, int]:
    """How many initiatives each lever would show under the *other* filters."""
    counts = df[_mask(df, f, skip_levers=True)]["lever"].value_counts()
    return {str(k): int(v) for k, v in counts.items()}


def evidence_counts(df: pd.DataFrame, f: InitiativeFilter) -> dict[int, int]:
    """How many initiatives each level of evidence would show under the other filters."""
    others = replace(f, evidence_levels=())
    counts = df[_mask(df, others)]["evidence_level"].value_counts()
    return {int(k): int(v) for k, v in counts.items()}


def lever_region_counts(df: pd.DataFrame, f: InitiativeFilter) -> pd.DataFrame:
    """Initiatives per lever (rows) and region (columns) under the filters other than
    lever and region: the table that a click turns into a filter."""
    others = replace(f, levers=(), region=None)
    kept = df[_mask(df, others)]
    return pd.crosstab(kept["lever"], kept["region_code"])
