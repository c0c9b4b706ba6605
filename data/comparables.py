"""Comparable territories side by side: what they did, and how their indicators moved.

For a département and its nearest comparable ones (:func:`data.portrait.comparable_departements`):
their initiatives by lever (and by level of evidence where the catalogue has it), and
the change of a few indicators over the periods the data covers. Descriptive only: a
change next to an initiative does not show that the initiative caused it. Every value
is read as published (a missing one stays missing); nothing is estimated.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from data.portrait import comparable_departements
from data.series import zone_series


@dataclass(frozen=True)
class ChangeSpec:
    """An indicator's change: two columns of the figures, or a DITP series' first and
    latest observation of the département."""

    key: str  # UI text key of its label
    indicator: str  # the indicator giving unit and decimals
    before: str | None = None  # column (when not a series)
    after: str | None = None
    series: str | None = None  # a series id of data/built/departements_series.csv


CHANGES: tuple[ChangeSpec, ...] = (
    ChangeSpec(
        "cmp.change.mg", "mg_densite_2022", before="mg_densite_2018", after="mg_densite_2022"
    ),
    ChangeSpec("cmp.change.apl", "apl_2023", before="apl_2022", after="apl_2023"),
    ChangeSpec("cmp.change.msp", "msp_2025_06", series="msp"),
    ChangeSpec("cmp.change.cpts", "cpts_2026_02", series="cpts"),
)


@dataclass(frozen=True)
class Change:
    spec: ChangeSpec
    before: float | None
    after: float | None
    before_date: str  # "2018", "2017-06"
    after_date: str

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Territory:
    code: str
    selected: bool
    initiatives: int
    by_lever: dict[str, int]
    by_level: dict[int, int]
    changes: tuple[Change, ...]


def _num(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _year(column: str) -> str:
    return column.rsplit("_", 1)[-1]


def _change(spec: ChangeSpec, dep: str, deps: pd.DataFrame, series: pd.DataFrame) -> Change:
    if spec.series is None:
        return Change(
            spec,
            _num(deps.at[dep, str(spec.before)]),
            _num(deps.at[dep, str(spec.after)]),
            _year(str(spec.before)),
            _year(str(spec.after)),
        )
    observed = zone_series(series, spec.series, "departement", dep).dropna()
    if observed.empty:
        return Change(spec, None, None, "", "")
    first, last = observed.index[0], observed.index[-1]
    return Change(
        spec,
        float(observed.iloc[0]),
        float(observed.iloc[-1]),
        f"{first:%Y-%m}",
        f"{last:%Y-%m}",
    )


def side_by_side(
    dep: str,
    deps: pd.DataFrame,
    initiatives: pd.DataFrame,
    series: pd.DataFrame,
    *,
    n: int = 5,
    changes: Sequence[ChangeSpec] = CHANGES,
) -> list[Territory]:
    """``dep`` first, then its ``n`` nearest comparable départements."""
    codes = [dep, *comparable_departements(dep, deps, n=n)]
    out = []
    for code in codes:
        theirs = initiatives[initiatives["departement_code"] == code]
        levels = (
            Counter(int(v) for v in theirs["evidence_level"].dropna())
            if "evidence_level" in theirs
            else Counter()
        )
        out.append(
            Territory(
                code=code,
                selected=code == dep,
                initiatives=len(theirs),
                by_lever=dict(Counter(theirs["lever"]).most_common()),
                by_level=dict(sorted(levels.items())),
                changes=tuple(_change(spec, code, deps, series) for spec in changes),
            )
        )
    return out
