"""Every page through streamlit.testing's AppTest (no browser)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data.formatting import format_number
from data.paths import BUILT_DIR

PAGES = [
    "pages/carte.py",
    "pages/departement.py",
    "pages/initiatives.py",
    "pages/etudes_de_cas.py",
    "pages/sources.py",
    "pages/proposer.py",
    "pages/moderation.py",
]
TIMEOUT = 60


def app(**params: str) -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def all_text(at: AppTest) -> str:
    parts = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning"):
        parts += [str(el.value) for el in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    # untrusted text is Markdown-escaped (components.text.md_escape): compare it unescaped
    return re.sub(r"\\(.)", r"\1", "\n".join(parts))


def shown_count(at: AppTest) -> int:
    match = re.search(r"(\d+) initiative\(s\) affichée\(s\) sur (\d+)", all_text(at))
    assert match, all_text(at)[:2000]
    return int(match.group(1))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(page):
    at = app()
    at.run()
    if page != "pages/carte.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception
    assert not at.error


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_english(page):
    at = app(lang="en", dep="55")
    at.run()
    if page != "pages/carte.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception


def test_changing_a_lever_filter_changes_the_count_shown():
    at = app()
    at.run()
    total = shown_count(at)
    assert total > 100
    at.pills(key="w_levers").set_value(["telemedecine"]).run()
    telemedecine = shown_count(at)
    assert 0 < telemedecine < total
    at.pills(key="w_levers").set_value(["telemedecine", "bourse_etudes"]).run()
    assert telemedecine < shown_count(at) < total
    reset = next(b for b in at.button if "Réinitialiser" in str(b.label))
    reset.click().run()
    assert shown_count(at) == total


def test_selecting_meuse_shows_its_figures_and_e_meuse_sante():
    at = app(dep="55")
    at.run()
    assert not at.exception
    text = all_text(at)
    assert "Portrait : Meuse (55)" in text
    assert "e-Meuse santé" in text
    # the figures shown are those of the built table, formatted the French way
    figures = pd.read_csv(BUILT_DIR / "departements_figures.csv", dtype={"code": str})
    meuse = figures.set_index("code").loc["55"]
    values = {m.label: m.value for m in at.metric}
    apl = values["Accessibilité potentielle localisée (APL) aux médecins généralistes (2023)"]
    assert apl == format_number(meuse["apl_2023"], 2, "fr")
    assert values["Densité de médecins généralistes (2022)"] == format_number(
        meuse["mg_densite_2022"], 1, "fr"
    )


def test_a_bad_parameter_gives_a_notice_and_the_rest_of_the_view():
    at = app(dep="55", ind="densite_inventee")
    at.run()
    assert not at.exception
    assert any("Indicateur inconnu" in w.value for w in at.warning)
    assert "Portrait : Meuse (55)" in all_text(at)


def test_search_finds_a_commune_and_selects_its_departement():
    at = app()
    at.run()
    at.text_input(key="w_search").input("vezelay").run()
    hit = next(b for b in at.button if "Vézelay" in str(b.label))
    hit.click().run()
    assert "Portrait : Yonne (89)" in all_text(at)
