"""Pages in the share feature's display modes, through AppTest (no browser)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

PAGES = [
    "pages/carte.py",
    "pages/departement.py",
    "pages/initiatives.py",
    "pages/etudes_de_cas.py",
    "pages/sources.py",
]


def shown_on_page(at: AppTest) -> tuple[int, int]:
    captions = " ".join(str(c.value) for c in at.caption)
    match = re.search(r"(\d+) initiative\(s\) affichée\(s\) sur (\d+)", captions)
    assert match, captions
    return int(match.group(1)), int(match.group(2))


def run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "pages/carte.py":
        at.switch_page(page).run()
    return at


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    "params",
    [
        {"presentation": "16x9"},
        {"presentation": "1x1", "dep": "55", "levier": "telemedecine"},
        {"presentation": "nope", "lang": "en", "q": "télé<b>"},
    ],
    ids=["16x9", "1x1-meuse", "bad-en"],
)
def test_every_page_renders_in_every_display_mode(page, params):
    at = run(page, **params)
    assert not at.exception, at.exception
    assert not at.error


def test_presentation_mode_shows_no_control():
    at = run("pages/carte.py", presentation="16x9", dep="55", levier="telemedecine")
    assert not at.exception
    assert len(at.sidebar) == 0
    for kind in ("selectbox", "multiselect", "radio", "slider", "text_input", "button"):
        assert len(getattr(at, kind)) == 0, kind
    assert at.query_params["presentation"] == "16x9"


def test_the_search_text_is_part_of_the_link():
    at = run("pages/carte.py", q="meuse")
    at.switch_page("pages/initiatives.py").run()
    assert at.text_input(key="w_initiative_query").value == "meuse"
    shown, total = shown_on_page(at)
    assert shown < total  # the search applies
    at.text_input(key="w_initiative_query").input("télémédecine").run()
    assert at.query_params["q"] == "télémédecine"
    shown, total = shown_on_page(at)
    assert 0 < shown < total


def test_case_study_link_keeps_its_parameter():
    at = run("pages/carte.py", cas="inexistante")
    at.switch_page("pages/etudes_de_cas.py").run()
    assert not at.exception


def test_the_share_popover_prepares_its_exports_only_once_opened():
    """Closed (every rerun of every session), it holds the link but no export: the
    view's figures and files are computed when it opens (browser test: downloads)."""
    at = run("pages/carte.py", levier="telemedecine")
    assert not at.exception
    assert len(at.get("download_button")) == 0
    links = [c.value for c in at.code]
    assert any("levier=telemedecine" in str(v) for v in links), links
