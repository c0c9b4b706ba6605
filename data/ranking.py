"""Ranks of départements for one indicator: 1 is the most difficult situation."""

from __future__ import annotations

import pandas as pd


def tension_rank(values: pd.Series, higher_is_better: bool) -> pd.Series:
    """Rank 1 = worst value among those with data; missing values get no rank.

    Ties share the best (smallest) rank, as in "ex aequo".
    """
    ranks = values.rank(ascending=higher_is_better, method="min", na_option="keep")
    return ranks.astype("Int64")


def ranked_count(values: pd.Series) -> int:
    """How many départements have a value, hence are ranked."""
    return int(values.notna().sum())
