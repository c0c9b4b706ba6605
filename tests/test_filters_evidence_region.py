"""Filters by level of evidence and region, their live counts, the levers × regions table."""

from __future__ import annotations

import pytest

from data.atlas import load_atlas
from data.filters import (
    InitiativeFilter,
    evidence_counts,
    filter_initiatives,
    lever_region_counts,
)


@pytest.fixture(scope="module")
def initiatives():
    return load_atlas().initiatives


def test_evidence_filter_keeps_the_levels_asked(initiatives) -> None:
    kept = filter_initiatives(initiatives, InitiativeFilter(evidence_levels=(1, 2)))
    assert set(kept["evidence_level"]) <= {1, 2} and len(kept) > 0
    assert len(kept) == int(initiatives["evidence_level"].isin((1, 2)).sum())


def test_evidence_counts_follow_the_other_filters_not_their_own(initiatives) -> None:
    f = InitiativeFilter(levers=("telemedecine",), evidence_levels=(1,))
    counts = evidence_counts(initiatives, f)
    tele = initiatives[initiatives["lever"] == "telemedecine"]
    assert counts == {int(k): int(v) for k, v in tele["evidence_level"].value_counts().items()}


def test_region_filter_and_the_lever_region_table(initiatives) -> None:
    kept = filter_initiatives(initiatives, InitiativeFilter(region="44"))
    assert set(kept["region_code"]) == {"44"}
    table = lever_region_counts(initiatives, InitiativeFilter(levers=("prevention",), region="44"))
    # the table ignores its own two filters: every lever and region stays countable
    assert int(table.to_numpy().sum()) == len(initiatives)
    assert table.at["prevention", "44"] == int(
        ((initiatives["lever"] == "prevention") & (initiatives["region_code"] == "44")).sum()
    )
    statuses = InitiativeFilter(statuses=("active",))
    assert int(lever_region_counts(initiatives, statuses).to_numpy().sum()) == int(
        (initiatives["status"] == "active").sum()
    )
