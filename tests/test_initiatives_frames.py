"""The typed frames of the catalogue: outcome records, levels of evidence, the atlas."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from initiatives_support import (
    OTHER,
    RECORD,
    VALID,
    catalogue_reference,
    write_initiatives,
    write_outcomes,
)

from data.evidence import evidence_level
from data.filters import InitiativeFilter, filter_initiatives
from data.initiatives import (
    FRAME_COLUMNS,
    MEASURED_BY,
    OUTCOME_FRAME_COLUMNS,
    CsvRow,
    initiatives_frame,
    load_catalogue,
    outcome_summaries,
    outcomes_frame,
    read_catalogue,
)


def test_outcomes_frame_types_and_order():
    later = {**RECORD, "period_end": "2024", "value": "12.5", "baseline": ""}
    earlier = {**RECORD, "value": "", "unit": "", "baseline": "", "baseline_period": ""}
    other = {**RECORD, "initiative_id": "aaa-premier", "period_end": "2025-01-31"}
    frame = outcomes_frame([later, earlier, other])
    assert tuple(frame.columns) == OUTCOME_FRAME_COLUMNS
    assert list(zip(frame["initiative_id"], frame["period_end"], strict=True)) == [
        ("aaa-premier", "2025-01-31"),
        ("msp-exemple", "2022-06"),
        ("msp-exemple", "2024"),
    ]
    assert frame["value"].dtype == "float64" and frame["baseline"].dtype == "float64"
    assert math.isnan(frame["value"][1]) and frame["value"][2] == 12.5
    assert math.isnan(frame["baseline"][2])  # missing stays missing, never 0
    assert list(frame["measured_by"].cat.categories) == list(MEASURED_BY)
    assert frame["unit"][1] == "" and frame["source"][0] == RECORD["source"]


def test_an_empty_outcomes_frame_keeps_its_columns_and_types():
    frame = outcomes_frame([])
    assert tuple(frame.columns) == OUTCOME_FRAME_COLUMNS and len(frame) == 0
    assert frame["value"].dtype == "float64"


def test_evidence_level_of_each_initiative_comes_from_its_records():
    reference = catalogue_reference()
    third = {**RECORD, "initiative_id": "aaa-premier", "measured_by": "third_party"}
    third["method"] = "comparaison avec des territoires témoins"
    rows = [CsvRow(2, OTHER), CsvRow(4, VALID), CsvRow(5, {**VALID, "id": "zzz-sans"})]
    frame = initiatives_frame(rows, reference, [RECORD, third])
    assert dict(zip(frame["id"], frame["evidence_level"], strict=True)) == {
        "aaa-premier": 1,
        "msp-exemple": 2,
        "zzz-sans": 4,
    }
    assert frame["evidence_level"].dtype == "int64"
    assert "outcome" not in frame.columns
    assert tuple(frame.columns) == FRAME_COLUMNS


def test_outcome_summaries_join_the_records_of_each_initiative():
    first = {**RECORD, "period_end": "2020", "summary_fr": "Deux médecins en 2020."}
    second = {**RECORD, "summary_fr": "Quatre en 2022."}
    silent = {**RECORD, "initiative_id": "aaa-premier", "summary_fr": ""}
    summaries = outcome_summaries(outcomes_frame([second, silent, first]))
    assert summaries == {"msp-exemple": "Deux médecins en 2020. Quatre en 2022."}


def test_the_evidence_filter():
    frame = pd.DataFrame({"id": ["a", "b", "c"], "evidence_level": [1, 4, 2]})
    kept = filter_initiatives(frame, InitiativeFilter(evidence_levels=[1, 2]))
    assert list(kept["id"]) == ["a", "c"]
    assert list(filter_initiatives(frame, InitiativeFilter())["id"]) == ["a", "b", "c"]


def test_a_catalogue_with_records_loads_both_frames(tmp_path: Path):
    write_initiatives(tmp_path, OTHER, VALID)
    outcomes = write_outcomes(tmp_path, RECORD)
    catalogue = load_catalogue(tmp_path, reference=catalogue_reference())
    assert outcomes.is_file() and len(catalogue.outcomes) == 1
    assert catalogue.outcomes["initiative_id"][0] == "msp-exemple"
    levels = catalogue.initiatives.set_index("id")["evidence_level"]
    assert (levels["msp-exemple"], levels["aaa-premier"]) == (2, 4)


@pytest.fixture(scope="module")
def atlas():
    from data.atlas import load_atlas

    return load_atlas()


def test_the_atlas_has_the_outcomes_and_their_levels(atlas):
    assert tuple(atlas.outcomes.columns) == OUTCOME_FRAME_COLUMNS
    files = read_catalogue()
    assert len(atlas.outcomes) == sum(len(f.table.rows) for f in files.outcomes)
    assert set(atlas.outcomes["initiative_id"]) <= set(atlas.initiatives["id"])
    frame = atlas.initiatives
    for column in ("evidence_level", "status_date", "verified_on"):
        assert column in frame.columns
    assert "outcome" not in frame.columns
    by_initiative = {
        ident: group.to_dict("records")
        for ident, group in atlas.outcomes.groupby("initiative_id", observed=True)
    }
    for ident, level in zip(frame["id"], frame["evidence_level"], strict=True):
        assert level == evidence_level(by_initiative.get(ident, [])), ident
    assert set(frame["evidence_level"]) <= {1, 2, 3, 4}
