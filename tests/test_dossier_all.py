"""The dossier of every département (slow: marked ``build``, run by scripts/test.sh)."""

from __future__ import annotations

import csv

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


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return load_atlas()


def test_the_list_holds_the_101_departements():
    assert len(CODES) == len(set(CODES)) == 101


@pytest.mark.build
@pytest.mark.parametrize("dep", CODES)
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
