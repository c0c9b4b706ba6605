"""Hostile text in an initiative is shown as characters and runs nothing, in a browser."""

from __future__ import annotations

import pytest

from components.map.build import classify_indicator, encoded_geometries, national_map
from data.atlas import load_atlas
from tests.e2e.conftest import shot, wait_map_idle

HOSTILE = {
    "name": "<script>alert(1)</script>",
    "description_fr": '<img src=x onerror="alert(2)"> "quotes" & ampersand',
    "sources": ("javascript:alert(4)", "https://example.org/source"),
}
HOSTILE_OUTCOME = {
    "summary_fr": "{{ 7*7 }} ${alert(3)} `backtick` </script><script>alert(5)</script>",
    "measured_by": "press",
    "measurer": "<i>presse</i>",
    "source": "javascript:alert(6)",
}


@pytest.fixture(scope="module")
def hostile_map_html(server) -> str:
    atlas = load_atlas()
    row = atlas.initiatives[atlas.initiatives["precision"] == "commune"].head(1).copy()
    for key, value in HOSTILE.items():
        row[key] = [value]
    row["outcome_records"] = [(HOSTILE_OUTCOME,)]
    ind = atlas.default_indicator
    m = national_map(
        atlas.departements_rapproches,
        encoded_geometries(atlas.departements_rapproches),
        ind,
        classify_indicator(atlas.departements, ind, "quantiles"),
        row,
        {row["id"].iloc[0]: "<b>Lieu</b>"},
    )
    html = m.get_root().render()
    # the document is loaded outside Streamlit: point the local assets at the test server
    return html.replace('"/app/static/', f'"{server.url}/app/static/')


def test_hostile_initiative_text_is_shown_as_text(page, hostile_map_html):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_content(hostile_map_html)
    marker = page.locator(".atlas-marker").first
    marker.wait_for()
    assert marker.get_attribute("title") == "<script>alert(1)</script> — Télémédecine" or (
        marker.get_attribute("title").startswith("<script>alert(1)</script> — ")
    )
    wait_map_idle(page)  # markers are placed after the map's first layout: click a still one
    marker.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "<script>alert(1)</script>" in text
    assert '<img src=x onerror="alert(2)">' in text
    assert "{{ 7*7 }} ${alert(3)} `backtick` </script><script>alert(5)</script>" in text
    assert "<b>Lieu</b>" in text and "<i>presse</i>" in text
    assert popup.locator("script, img, i").count() == 0
    hrefs = [a.get_attribute("href") for a in popup.locator("a[data-external='1']").all()]
    assert hrefs == ["https://example.org/source"]  # javascript: dropped, in sources and outcomes
    assert popup.locator("a[href^='javascript']").count() == 0
    shot(page, "popup-hostile-text")
    assert dialogs == []
    external = [u for u in page.recorder.external_requests() if "example.org" not in u]
    assert external == []
