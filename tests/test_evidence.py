"""Levels of evidence: the rule of docs/catalogue.md, pinned on every case."""

from __future__ import annotations

import math
import unicodedata

import pytest

from data.evidence import EVIDENCE_LEVELS, evidence_level, get_level

THIRD_WITH_METHOD = {"measured_by": "third_party", "method": "avant/après", "value": ""}
THIRD_NO_METHOD_VALUE = {"measured_by": "third_party", "method": "", "value": "12"}
THIRD_NO_METHOD_NO_VALUE = {"measured_by": "third_party", "method": " ", "value": ""}
CARRIER_VALUE = {"measured_by": "carrier", "method": "", "value": "5665"}
PRESS_VALUE = {"measured_by": "press", "method": "", "value": "-30"}
CARRIER_NO_VALUE = {"measured_by": "carrier", "method": "", "value": ""}
PRESS_NO_VALUE = {"measured_by": "press", "method": "", "value": None}


@pytest.mark.parametrize(
    ("records", "level"),
    [
        ([], 4),
        ([CARRIER_NO_VALUE], 3),
        ([PRESS_NO_VALUE], 3),
        ([THIRD_NO_METHOD_NO_VALUE], 3),  # a third party, but no method and no figure
        ([CARRIER_VALUE], 2),
        ([PRESS_VALUE], 2),
        ([THIRD_NO_METHOD_VALUE], 2),  # a third party's figure without a method
        ([CARRIER_NO_VALUE, PRESS_VALUE], 2),
        ([THIRD_WITH_METHOD], 1),  # a method is enough, with or without a figure
        ([CARRIER_VALUE, THIRD_WITH_METHOD, PRESS_NO_VALUE], 1),
        ([CARRIER_NO_VALUE, THIRD_NO_METHOD_VALUE], 2),
    ],
)
def test_the_rule_on_every_case(records, level):
    assert evidence_level(records) == level
    assert evidence_level(reversed(records)) == level  # the order of records does not matter


def test_values_from_a_frame_count_as_in_the_csv():
    """NaN (an empty number of the outcomes frame) is no value; 0 is a value."""
    assert evidence_level([{"measured_by": "press", "value": math.nan, "method": None}]) == 3
    assert evidence_level([{"measured_by": "press", "value": 0.0, "method": None}]) == 2
    assert evidence_level([{"measured_by": "third_party", "value": math.nan, "method": "x"}]) == 1


def test_four_levels_with_labels_definitions_and_distinct_icons():
    assert [lv.number for lv in EVIDENCE_LEVELS] == [1, 2, 3, 4]
    for lv in EVIDENCE_LEVELS:
        assert lv.label_fr and lv.label_en and lv.definition_fr and lv.definition_en
        assert len(lv.icon) == 1 and unicodedata.category(lv.icon) == "So"
        assert get_level(lv.number) is lv
        assert lv.label("en") == lv.label_en and lv.label("fr") == lv.label_fr
        assert lv.definition("en") == lv.definition_en
    assert len({lv.icon for lv in EVIDENCE_LEVELS}) == 4
    assert get_level(1).label_fr == "Évaluée par un tiers"
    assert get_level(4).label_en == "No known result"


def test_the_icons_are_in_the_font_of_the_image_exports():
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    ttlib = pytest.importorskip("fontTools.ttLib")
    try:
        cmap = ttlib.TTFont(font).getBestCmap()
    except FileNotFoundError:
        pytest.skip(f"{font} absent")
    assert all(ord(lv.icon) in cmap for lv in EVIDENCE_LEVELS)


def test_labels_are_those_of_the_catalogue_documentation():
    from data.paths import REPO_ROOT

    doc = (REPO_ROOT / "docs" / "catalogue.md").read_text(encoding="utf-8")
    for lv in EVIDENCE_LEVELS:
        assert f"| {lv.number} | {lv.label_fr} | {lv.label_en} |" in doc
