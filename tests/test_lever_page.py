"""The Leviers page: every lever, in French and English, with its notes, counts and results."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.map.build import lever_label
from data.atlas import load_atlas
from data.lever_notes import load_lever_notes
from data.lever_summary import lever_summary
from data.levers import LEVER_CODES

NOTES = load_lever_notes()


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


def _page(lever: str, lang: str) -> AppTest:
    at = AppTest.from_file("../pages/leviers.py", default_timeout=60)
    at.query_params["levier"] = lever
    at.query_params["lang"] = lang
    return at.run()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("lever", LEVER_CODES)
def test_every_lever_renders_with_its_notes_and_counts(lever, lang, atlas) -> None:
    at = _page(lever, lang)
    assert not at.exception
    assert any(lever_label(lever, lang) in h.value for h in at.header)
    text = " ".join(str(m.value) for m in at.markdown)
    note = NOTES[lever]
    assert note.text("what", lang)[:40].replace("'", "") in text.replace("\\", "").replace("'", "")
    for claim in note.evidence:
        assert claim.source_url in text  # every national claim links its source
    levels = next(d.value for d in at.dataframe)
    summary = lever_summary(lever, atlas.initiatives, atlas.outcomes)
    assert list(levels.iloc[:, 1]) == [summary.by_level[n] for n in (1, 2, 3, 4)]


def test_the_strongest_results_come_first_and_carry_figures(atlas) -> None:
    a = atlas
    summary = lever_summary("centre_de_sante_salariat", a.initiatives, a.outcomes)
    assert not summary.strongest.empty
    assert summary.strongest["value"].notna().all()
    levels = list(summary.strongest["evidence_level"])
    assert levels == sorted(levels)
    assert summary.count == int((a.initiatives["lever"] == "centre_de_sante_salariat").sum())
    assert sum(summary.by_region.values()) == summary.count
