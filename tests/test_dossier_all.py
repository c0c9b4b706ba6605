"""The dossier of every département (slow: marked ``build``).

By default, the départements whose dossier takes a different shape: the five DROM,
Corsica's two, Paris and the inner ring, the most and the least initiatives, the
smallest population, two in English, Meuse. ``ATLAS_ALL_DOSSIERS=1`` builds all 101
(about 3 minutes of CPU: before changing the dossier or the data, see DEVELOPERS.md).
"""

from __future__ import annotations

import csv
import os

import pytest

from components.dossier.build import build_dossier
from components.dossier.figures import figure_rows
from components.i18n import t
from data.atlas import Atlas, load_atlas
from data.paths import BUILT_DIR
from tests.test_dossier import DAY, ROOT, check_dossier, normalise

# The codes without loading the atlas at collection time.
with (BUILT_DIR / "departements_figures.csv").open(encoding="utf-8", newline="") as handle:
    CODES = [row["code"] for row in csv.DictReader(handle)]


SAMPLE = [
    "971", "972", "973", "974", "976",  # DROM
    "2A", "2B", "75", "93",
    "89", "03",  # most and fewest initiatives
    "48",  # smallest population
    "57", "77",  # in English (codes ending in 7)
    "55",
]  # fmt: skip
DOSSIER_CODES = CODES if os.environ.get("ATLAS_ALL_DOSSIERS") == "1" else SAMPLE


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return load_atlas()


def test_the_list_holds_the_101_departements():
    assert len(CODES) == len(set(CODES)) == 101
    assert set(SAMPLE) <= set(CODES)


@pytest.mark.build
@pytest.mark.parametrize("dep", DOSSIER_CODES)
def test_every_departement_has_a_dossier_with_its_portrait_figures(atlas, dep):
    lang = "en" if dep.endswith("7") else "fr"  # a tenth of them in English
    pdf = build_dossier(atlas, dep, lang, root=ROOT, today=DAY)
    text = check_dossier(atlas, dep, lang, pdf)
    for row in figure_rows(atlas, dep, lang):
        assert normalise(f"{row.value} {row.france} {row.region} {row.rank}") in text, row.label
    mine = atlas.initiatives[atlas.initiatives["departement_code"] == dep]
    if mine.empty:
        assert normalise(t("portrait.no_initiative", lang)) in text
    for name in mine["name"]:
        assert normalise(name) in text
