"""What the atlas knows of one lever: how many initiatives use it, where, with which
levels of evidence, and their strongest sourced results.

Plain Python over the frames of :func:`data.atlas.load_atlas` (``initiatives`` with its
``evidence_level`` column, ``outcomes`` one row per record). "Strongest" is an order,
not a judgement of effect: results of better-evidenced initiatives first, a third party's
measure before the carrier's, the carrier's before the press', then the most recent.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data.evidence import EVIDENCE_LEVELS

MEASURER_ORDER = {"third_party": 0, "carrier": 1, "press": 2}


@dataclass(frozen=True)
class LeverSummary:
    code: str
    count: int
    by_region: dict[str, int]  # region code -> initiatives, most first
    by_level: dict[int, int]  # every level 1..4, zeros included
    strongest: pd.DataFrame  # outcome records with a figure, one per initiative, best first


def lever_summary(
    code: str, initiatives: pd.DataFrame, outcomes: pd.DataFrame, n: int = 5
) -> LeverSummary:
    mine = initiatives[initiatives["lever"] == code]
    by_region = mine["region_code"].value_counts(sort=False)
    by_region = by_region.sort_values(ascending=False, kind="stable")
    levels = mine["evidence_level"].value_counts()
    by_level = {lv.number: int(levels.get(lv.number, 0)) for lv in EVIDENCE_LEVELS}
    records = outcomes[outcomes["initiative_id"].isin(mine["id"]) & outcomes["value"].notna()]
    level_of = mine.set_index("id")["evidence_level"]
    ranked = records.assign(
        _level=records["initiative_id"].map(level_of),
        _measurer=records["measured_by"].astype(str).map(MEASURER_ORDER),
        _method=records["method"].astype(str).str.strip() == "",
    ).sort_values(
        ["_level", "_measurer", "_method", "period_end"],
        ascending=[True, True, True, False],
        kind="stable",
    )
    best = ranked.drop_duplicates("initiative_id").head(n)
    names = mine.set_index("id")["name"]
    deps = mine.set_index("id")["departement_code"]
    strongest = best.drop(columns=["_level", "_measurer", "_method"]).assign(
        initiative_name=best["initiative_id"].map(names),
        departement_code=best["initiative_id"].map(deps),
        evidence_level=best["initiative_id"].map(level_of),
    )
    return LeverSummary(
        code=code,
        count=len(mine),
        by_region={str(k): int(v) for k, v in by_region.items()},
        by_level=by_level,
        strongest=strongest.reset_index(drop=True),
    )
