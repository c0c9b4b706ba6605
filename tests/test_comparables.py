"""Comparable territories side by side: initiatives by lever, indicator changes as published."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from data.atlas import load_atlas
from data.comparables import CHANGES, side_by_side
from data.paths import raw_dir
from data.portrait import comparable_departements


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


def _raw_ditp(indicator: str, zone: str) -> dict[str, float]:
    path = raw_dir() / "ditp_barometre" / f"ind-{indicator}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            r["metric_enforce_date"]: float(r["indic_va"])
            for r in csv.DictReader(handle)
            if r["enforce_zone_id"] == zone and r["indic_va"]
        }


def test_the_selected_departement_comes_first_then_its_comparables(atlas) -> None:
    rows = side_by_side("55", atlas.departements, atlas.initiatives, atlas.series)
    assert [r.code for r in rows] == ["55", *comparable_departements("55", atlas.departements)]
    assert [r.selected for r in rows] == [True] + [False] * (len(rows) - 1)
    mine = atlas.initiatives[atlas.initiatives["departement_code"] == "55"]
    assert rows[0].initiatives == len(mine)
    assert sum(rows[0].by_lever.values()) == len(mine)


def test_changes_are_the_published_values(atlas) -> None:
    (meuse,) = side_by_side("55", atlas.departements, atlas.initiatives, atlas.series, n=0)
    by_key = {c.spec.key: c for c in meuse.changes}
    mg = by_key["cmp.change.mg"]
    assert (mg.before_date, mg.after_date) == ("2018", "2022")
    assert mg.before == atlas.departements.at["55", "mg_densite_2018"]
    assert mg.after == atlas.departements.at["55", "mg_densite_2022"]
    msp = by_key["cmp.change.msp"]
    raw = _raw_ditp("311", "D55")
    assert msp.before_date == "2017-06" and msp.before == raw["2017-06-01"]
    # the latest real observation: the 2026-02 row of the file copies 2025-06
    assert msp.after_date == "2025-06" and msp.after == raw["2025-06-01"]
    assert msp.delta == raw["2025-06-01"] - raw["2017-06-01"]
    cpts = by_key["cmp.change.cpts"]
    raw = _raw_ditp("589", "D55")
    assert cpts.after == raw[max(raw)]


def test_a_missing_value_stays_missing(atlas) -> None:
    # Mayotte has no APL (DREES covers France without Mayotte)
    (mayotte,) = side_by_side("976", atlas.departements, atlas.initiatives, atlas.series, n=0)
    apl = next(c for c in mayotte.changes if c.spec.key == "cmp.change.apl")
    assert apl.before is None and apl.after is None and apl.delta is None


def test_every_change_names_an_indicator_and_its_columns_or_series(atlas) -> None:
    ids = {ind.id for ind in atlas.indicators}
    series = set(atlas.series["series"])
    for spec in CHANGES:
        assert spec.indicator in ids
        if spec.series is None:
            assert {spec.before, spec.after} <= set(atlas.departements.columns)
        else:
            assert spec.series in series
    assert isinstance(atlas.series, pd.DataFrame)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_departement_page_shows_the_table_the_note_and_the_charts(lang) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file("../pages/departement.py", default_timeout=60)
    at.query_params["dep"] = "55"
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    table = next(d.value for d in at.dataframe if "Département" in d.value.columns)
    assert table.iloc[0]["Département"].startswith("Meuse (55)")
    assert len(table) == 6
    note = "ne prouve pas" if lang == "fr" else "does not show"
    assert any(note in str(c.value) for c in at.caption)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 5  # one per DITP series of the key figures
