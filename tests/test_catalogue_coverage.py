"""The catalogue covers every département, and every lever, with sourced rows.

A département with no row must be in data/catalogue/coverage.yaml (at most 5), with the
searches that were tried; a département with a row must not stay there.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter

import pytest

from data.coverage import COVERAGE_YAML, MAX_UNCOVERED, load_coverage, parse_coverage
from data.errors import InputError
from data.levers import LEVER_CODES
from data.paths import BUILT_DIR, DATA_DIR

MIN_PER_LEVER = 10
MIN_INITIATIVES = 300


def _rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted((DATA_DIR / "catalogue").glob("*/initiatives.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows += list(csv.DictReader(handle))
    return rows


def _departements() -> list[str]:
    features = json.loads((BUILT_DIR / "departements.geojson").read_text(encoding="utf-8"))
    return [f["properties"]["code"] for f in features["features"]]


def test_every_departement_has_a_row_or_a_documented_search() -> None:
    with_rows = Counter(r["departement_code"] for r in _rows() if r["departement_code"])
    uncovered = {u.departement_code for u in load_coverage()}
    deps = _departements()
    assert len(deps) == 101
    missing = [d for d in deps if d not in with_rows and d not in uncovered]
    assert missing == [], f"no row and not in {COVERAGE_YAML.name}: {missing}"
    stale = sorted(uncovered & set(with_rows))
    assert stale == [], f"listed as uncovered but they have rows: {stale}"
    assert len(uncovered) <= MAX_UNCOVERED


def test_the_catalogue_has_300_rows_and_10_per_lever() -> None:
    rows = _rows()
    assert len(rows) >= MIN_INITIATIVES
    per_lever = Counter(r["lever"] for r in rows)
    short = {code: per_lever[code] for code in LEVER_CODES if per_lever[code] < MIN_PER_LEVER}
    assert short == {}, f"levers under {MIN_PER_LEVER} initiatives: {short}"


GOOD_ENTRY = {
    "departement_code": "2A",
    "searched_on": dt.date(2026, 12, 1),
    "searches": ["centre de santé Corse-du-Sud", "maison de santé Ajaccio"],
}


def test_a_well_formed_coverage_entry_is_read() -> None:
    (entry,) = parse_coverage({"uncovered": [GOOD_ENTRY]})
    assert entry.departement_code == "2A"
    assert entry.searches == ("centre de santé Corse-du-Sud", "maison de santé Ajaccio")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "uncovered"),
        ({"uncovered": [dict(GOOD_ENTRY, departement_code="20")]}, "code de département"),
        ({"uncovered": [dict(GOOD_ENTRY, searches=[])]}, "searches"),
        ({"uncovered": [dict(GOOD_ENTRY, searches=["  "])]}, "searches"),
        ({"uncovered": [dict(GOOD_ENTRY, searched_on="hier")]}, "searched_on"),
        ({"uncovered": [dict(GOOD_ENTRY, searched_on=dt.date(2999, 1, 1))]}, "searched_on"),
        ({"uncovered": [GOOD_ENTRY, GOOD_ENTRY]}, "deux fois"),
        (
            {
                "uncovered": [
                    dict(GOOD_ENTRY, departement_code=c)
                    for c in ["01", "02", "03", "04", "05", "06"]
                ]
            },
            "5 au plus",
        ),
    ],
)
def test_a_malformed_coverage_file_is_refused(data, message) -> None:
    with pytest.raises(InputError) as err:
        parse_coverage(data)
    assert message in str(err.value)
