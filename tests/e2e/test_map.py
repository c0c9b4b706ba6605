"""The map dashboard in a real Chromium: shapes, markers, click to drill down, offline."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import (
    click_shape,
    frame_of,
    map_frame,
    shot,
    wait_for_run,
    wait_js,
    wait_map_idle,
)

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
    # few markers (one lever), so that Meuse's shape has room to be clicked
    page.goto(server.url + "/?levier=prevention")
    wait_for_run(page)
    frame = map_frame(page)
    frame.locator("path.atlas-code-55").wait_for()
    live = live_frame(page)
    live.evaluate("() => { window.__stillMounted = true; }")
    click_shape(page, "path.atlas-code-55")
    page.get_by_text("Portrait : Meuse (55)").wait_for()
    frame = map_frame(page)
    communes = frame.locator("path.atlas-commune")
    communes.nth(400).wait_for(state="attached")
    assert communes.count() > 450  # Meuse has about 500 communes
    # the same map, drilled down in place (no new frame, polygons fetched once)
    assert live.evaluate("() => window.__stillMounted === true")
    assert frame.locator("path.atlas-dep").count() == 0
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
    still_markers(page)
    marker.click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for()
    popup.get_by_text("Porteur", exact=True).wait_for()  # the popup is fetched when it opens
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
    still_markers(page)
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


# --- in place: filters, indicator, fit, legends --------------------------------------

MAP_IFRAME = "iframe[title='streamlit_folium.st_folium']"


def still_markers(page) -> None:
    """Markers are placed after the map's first layout: click one once they stand still."""
    wait_map_idle(frame_of(page))


def live_frame(page):
    """The map's frame once the base has drawn its polygons and applied an update."""
    map_frame(page)
    frame = frame_of(page)
    wait_js(frame, "() => window.atlasMap && atlasMap.ready && atlasMap.updates > 0")
    return frame


# A link with a wrong parameter shows a notice on the first run only: the map must
# not move up a place (and be mounted again) when the notice is gone.
@pytest.mark.parametrize("query", ["", "?ind=bogus"], ids=["link", "link-with-a-wrong-parameter"])
def test_a_filter_change_updates_the_markers_in_place_and_keeps_zoom_and_polygons(
    server, page, query
):
    page.goto(server.url + "/" + query)
    wait_for_run(page)
    notices = page.locator("[data-testid='stAlertContentWarning']")
    assert notices.count() == (1 if query else 0)
    frame = live_frame(page)
    before = frame.evaluate(
        """() => { const m = atlasMap.map; m.setZoom(m.getZoom() + 1, {animate: false});
             window.__meuse = document.querySelector('path.atlas-code-55');
             return {zoom: m.getZoom(), center: m.getCenter(), updates: atlasMap.updates,
                     markers: Number(document.body.dataset.atlasMarkers)}; }"""
    )
    page.locator(".st-key-w_levers button").first.click()
    wait_js(frame, "(n) => atlasMap.updates > n", arg=before["updates"])
    wait_for_run(page)
    after = frame.evaluate(
        """() => ({zoom: atlasMap.map.getZoom(), center: atlasMap.map.getCenter(),
                  same: window.__meuse === document.querySelector('path.atlas-code-55'),
                  shapes: document.querySelectorAll('path.atlas-dep').length,
                  markers: Number(document.body.dataset.atlasMarkers)})"""
    )
    assert after["same"], "the département polygons were drawn again"
    assert after["shapes"] == 101
    assert after["zoom"] == before["zoom"] and after["center"] == before["center"]
    assert after["markers"] < before["markers"]
    assert notices.count() == 0
    # the map said it was loading until its polygons were drawn
    note = frame.locator(".atlas-loading")
    assert note.text_content() == "Chargement de la carte…" and note.is_hidden()
    shot(page, "map-filter-in-place" + ("-after-notice" if query else ""))
    assert page.recorder.console_errors == []


def test_an_indicator_change_restyles_the_same_polygons(server, page):
    page.goto(server.url)
    wait_for_run(page)
    frame = live_frame(page)
    before = frame.evaluate(
        """() => { window.__ain = document.querySelector('path.atlas-code-01');
             return {updates: atlasMap.updates,
                     fills: [...document.querySelectorAll('path.atlas-dep')]
                       .map(p => p.getAttribute('fill')).join()}; }"""
    )
    page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").first.click()
    page.get_by_role("option").nth(2).click()
    wait_js(frame, "(n) => atlasMap.updates > n", arg=before["updates"])
    after = frame.evaluate(
        """() => ({same: window.__ain === document.querySelector('path.atlas-code-01'),
                  fills: [...document.querySelectorAll('path.atlas-dep')]
                    .map(p => p.getAttribute('fill')).join()})"""
    )
    assert after["same"]
    assert after["fills"] != before["fills"]


# The last fit was made with the legend as it is now (its size may change afterwards,
# e.g. when the kiosk's touch styles arrive: the map must fit again).
FITTED_TO_THE_LEGEND = """() => { const f = window.atlasMap && atlasMap.fitted;
  const r = document.querySelector('.atlas-legend:not(.atlas-lever-legend)')
    .getBoundingClientRect();
  return !!f && Math.abs(f.legend[0] - r.width) < 1 && Math.abs(f.legend[1] - r.height) < 1; }"""


def legend_overlaps(frame, shapes: str) -> dict:
    return frame.evaluate(
        """(shapes) => {
          const map = document.querySelector('.leaflet-container').getBoundingClientRect();
          const legends = [...document.querySelectorAll('.atlas-legend')]
            .filter(d => d.style.display !== 'none').map(d => d.getBoundingClientRect());
          const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
            && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          const inside = (r) => r.left >= map.left - 1 && r.right <= map.right + 1
            && r.top >= map.top - 1 && r.bottom <= map.bottom + 1;
          const covered = [...document.querySelectorAll(shapes)]
            .filter(p => legends.some(l => hit(l, p.getBoundingClientRect())))
            .map(p => p.getAttribute('class'));
          return {covered, legendsInside: legends.every(inside), count: legends.length};
        }""",
        shapes,
    )


@pytest.mark.parametrize(
    ("width", "height", "query"),
    [(1920, 1080, "?kiosk=1"), (1080, 1920, "?kiosk=1"), (1600, 1000, ""), (1920, 1080, "")],
)
def test_the_legends_are_whole_and_cover_no_territory(server, browser, width, height, query):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(server.url + "/" + query)
        wait_for_run(page)
        frame = live_frame(page)
        if query:
            wait_js(frame, "() => !!document.__atlasKioskBound")  # the kiosk's touch styles
        wait_js(frame, FITTED_TO_THE_LEGEND)
        result = legend_overlaps(frame, "path.atlas-dep")
        shot(page, f"map-legend-{width}x{height}{'-kiosk' if query else ''}")
        assert result["count"] >= 1 and result["legendsInside"], result
        assert result["covered"] == [], result
    finally:
        context.close()


def test_the_map_fits_again_when_its_legend_grows(server, browser):
    """Styles that arrive after the fit (the kiosk's touch styles on a slow screen) make
    the legend larger: the territory is fitted again beside it."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(server.url + "/")
        wait_for_run(page)
        frame = live_frame(page)
        wait_js(frame, FITTED_TO_THE_LEGEND)
        before = frame.evaluate("() => atlasMap.fitted.legend")
        frame.evaluate(
            """() => { const s = document.createElement('style');
                 s.textContent = '.atlas-legend { font-size: 30px !important; }';
                 document.head.appendChild(s); }"""
        )
        wait_js(frame, FITTED_TO_THE_LEGEND)
        after = frame.evaluate("() => atlasMap.fitted.legend")
        assert after[1] > before[1]  # taller (its width is capped)
        result = legend_overlaps(frame, "path.atlas-dep")
        shot(page, "map-legend-grown")
        assert result["legendsInside"], result
        assert result["covered"] == [], result
    finally:
        context.close()


@pytest.mark.parametrize("dep", ["23", "55"])
def test_a_drill_down_is_fitted_beside_its_legend(server, browser, dep):
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/?dep={dep}")
        wait_for_run(page)
        frame = live_frame(page)
        wait_js(frame, FITTED_TO_THE_LEGEND)
        result = legend_overlaps(frame, "path.atlas-commune")
        shot(page, f"map-legend-drill-{dep}")
        assert result["legendsInside"], result
        assert result["covered"] == [], result
    finally:
        context.close()


def test_a_popup_opens_above_the_legend(server, page):
    page.goto(server.url + "/?dep=71")
    wait_for_run(page)
    frame = live_frame(page)
    still_markers(page)
    frame.locator(".atlas-marker").first.click()
    popup = frame.locator(".leaflet-popup-content .atlas-popup")  # loaded on demand
    popup.wait_for()
    # the popup pans into view once its content has come
    wait_js(
        frame,
        """() => { const r = document.querySelector('.leaflet-popup-content-wrapper')
                     .getBoundingClientRect();
             const map = document.querySelector('.leaflet-container').getBoundingClientRect();
             return r.top >= map.top - 1 && r.bottom <= map.bottom + 1; }""",
    )
    on_top = frame.evaluate(
        """() => { const r = document.querySelector('.leaflet-popup-content-wrapper')
                     .getBoundingClientRect();
             // every point of the popup is the popup's, not a legend's
             const points = [0.1, 0.5, 0.9].flatMap(fx => [0.1, 0.5, 0.9].map(fy =>
               [r.left + r.width * fx, r.top + r.height * fy]));
             return points.every(([x, y]) => {
               const e = document.elementFromPoint(x, y);
               return !!(e && e.closest('.leaflet-popup')); }); }"""
    )
    assert on_top


def test_the_levers_page_opens_from_the_lever_chips_and_from_a_popup(server, page):
    page.goto(server.url + "/?levier=telemedecine")
    wait_for_run(page)
    page.get_by_role("link", name=re.compile("Ce levier : ce qu'on en sait")).first.click()
    wait_for_run(page)
    page.get_by_role("heading", name=re.compile("Télémédecine")).wait_for()
    assert "/leviers" in page.url
    page.get_by_text("Ce que disent les évaluations et rapports nationaux").wait_for()
    shot(page, "levers-from-chips")
    page.goto(server.url + "/?dep=55")
    wait_for_run(page)
    frame = map_frame(page)
    marker = frame.locator(".atlas-marker").first
    marker.wait_for()
    still_markers(page)
    marker.click()
    link = frame.locator(".leaflet-popup-content a.atlas-lever-link")
    link.wait_for()
    href = link.get_attribute("href")
    assert re.search(r"/leviers\?levier=\w+$", href)
    # The map lives in a sandboxed frame that may not navigate the page: the link opens a tab.
    with page.context.expect_page() as opened:
        link.click()
    levers = opened.value
    levers.wait_for_load_state()
    wait_for_run(levers)
    assert re.search(r"/leviers\?levier=\w+$", levers.url)
    levers.get_by_text("Ce que montrent les résultats des initiatives de l'atlas").wait_for()
    shot(levers, "levers-from-popup")
