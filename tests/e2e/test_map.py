"""The map dashboard in a real Chromium: shapes, markers, click to drill down, offline."""

from __future__ import annotations

import re

from tests.e2e.conftest import click_shape, map_frame, shot, wait_for_run

DEP_SHAPES = "path.atlas-dep"


def test_home_draws_101_departements_and_the_markers_with_no_external_request(server, page):
    page.goto(server.url)
    wait_for_run(page)
    frame = map_frame(page)
    frame.locator(DEP_SHAPES).nth(100).wait_for(state="attached")
    assert frame.locator(DEP_SHAPES).count() == 101
    markers = frame.locator(".atlas-marker, .marker-cluster")
    markers.first.wait_for()
    assert markers.count() > 10
    # every DROM is drawn (rapprochés) and Mayotte, with no APL, is hatched
    for code in ("971", "972", "973", "974", "976", "2A", "2B"):
        assert frame.locator(f"path.atlas-code-{code}").count() == 1, code
    assert frame.locator("path.atlas-code-976").get_attribute("fill") == "url(#atlas-hatch)"
    legend = (
        frame.locator(".atlas-legend:not(.atlas-lever-legend)").inner_text().replace("\xa0", " ")
    )
    assert "non disponible" in legend and "Source : DREES" in legend
    shot(page, "map-home")
    recorder = page.recorder
    assert recorder.external_requests() == []
    assert recorder.console_errors == []


def test_clicking_a_departement_opens_its_portrait_and_communes(server, page):
    page.goto(server.url)
    wait_for_run(page)
    frame = map_frame(page)
    frame.locator("path.atlas-code-55").wait_for()
    click_shape(page, "path.atlas-code-55")
    page.get_by_text("Portrait : Meuse (55)").wait_for()
    frame = map_frame(page)
    communes = frame.locator("path.atlas-commune")
    communes.nth(400).wait_for(state="attached")
    assert communes.count() > 450  # Meuse has about 500 communes
    page.get_by_text("e-Meuse santé", exact=False).first.wait_for()
    page.wait_for_url(re.compile(r"[?&]dep=55\b"))
    shot(page, "map-meuse")
    page.get_by_role("button", name="Retour à la France entière").click()
    page.get_by_text("Cliquez un département pour voir").wait_for()
    page.get_by_text("Portrait : Meuse (55)").wait_for(state="detached")
    page.wait_for_url(lambda url: "dep=" not in url)
    assert page.recorder.external_requests() == []
    assert page.recorder.console_errors == []


def test_a_popup_shows_the_initiative_with_its_sources(server, page):
    page.goto(server.url + "/?dep=71")
    wait_for_run(page)
    frame = map_frame(page)
    marker = frame.locator(".atlas-marker").first
    marker.wait_for()
    marker.click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "Sources" in text and "Porteur" in text
    links = popup.locator("a[data-external='1']")
    assert links.count() >= 1
    assert links.first.get_attribute("href").startswith("http")
    shot(page, "map-popup")


def test_markers_open_with_the_keyboard(server, page):
    page.goto(server.url + "/?dep=71")
    wait_for_run(page)
    frame = map_frame(page)
    marker = frame.locator(".atlas-marker").first
    marker.wait_for()
    assert marker.get_attribute("tabindex") == "0"
    marker.focus()
    page.keyboard.press("Enter")
    frame.locator(".leaflet-popup-content").wait_for()
    shot(page, "map-keyboard-popup")


def test_browser_back_returns_to_the_previous_view(server, page):
    page.goto(server.url + "/?dep=55")
    page.get_by_text("Portrait : Meuse (55)").wait_for()
    page.get_by_role("button", name="Retour à la France entière").click()
    page.wait_for_url(lambda url: "dep=" not in url)
    page.get_by_text("Portrait : Meuse (55)").wait_for(state="detached")
    page.go_back()
    page.get_by_text("Portrait : Meuse (55)").wait_for()
    assert "dep=55" in page.url
