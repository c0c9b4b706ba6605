"""Kiosk mode in a real Chromium with touch emulation, 1920x1080 landscape (and one
1080x1920 portrait screen).

One server with ``ATLAS_KIOSK=1`` (kiosk by default); short idle timeouts come from the
screen's own setting ``?idle=NN``. The boot-and-restart test runs its own server and
restarts it on the same port. Every test checks that no request left the machine.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from components.kiosk.qr import qr_bits, qr_svg, svg_data_uri
from data.atlas import load_atlas
from tests.e2e.conftest import (
    PageRecorder,
    ScriptRuns,
    StreamlitServer,
    frame_of,
    map_frame,
    shot,
    wait_js,
    wait_map_idle,
    wait_still,
)

REPO = Path(__file__).resolve().parents[2]
VIEWPORT = {"width": 1920, "height": 1080}
MIN_TARGET = 48
KIOSK_ENV = {"ATLAS_KIOSK": "1"}

# Marks the document: a reload (the idle reset) gives a new one without the mark.
MARK_DOCUMENT = "() => { window.__kioskDocument = true; }"
KIOSK_STATE = """() => { const k = window.__atlasKiosk; const app = document.querySelector(
  "[data-testid='stApp']"); return {url: location.href, mode: k && k.state.mode,
  loadedAt: k && k.state.loadedAt, now: Date.now(), healthFailures: k && k.state.healthFailures,
  script: app && app.getAttribute('data-test-script-state'),
  document: !!window.__kioskDocument}; }"""
# Records what a tap gives in the map frame (for the failure message).
RECORD_TAPS = """() => { window.__taps = [];
  for (const t of ['touchstart', 'touchend', 'click']) document.addEventListener(t,
    (e) => window.__taps.push(`${t} ${e.target.tagName} ${e.defaultPrevented}`), true); }"""
FRAME_BOUND = "() => !!document.__atlasKioskBound"
CONTROLLER_READY = """() => { const k = window.__atlasKiosk;
  return !!(k && k.state.view && k.state.stat); }"""


@pytest.fixture(scope="module")
def kiosk_server():
    srv = StreamlitServer(KIOSK_ENV)
    yield srv
    srv.stop()


@pytest.fixture
def touch(browser, request):
    """A touch screen: 1920x1080 landscape, touch events, French locale."""
    context = browser.new_context(
        viewport=VIEWPORT, has_touch=True, is_mobile=False, locale="fr-FR"
    )
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.recorder = PageRecorder(pg)  # type: ignore[attr-defined]
    pg.runs = ScriptRuns(pg)  # type: ignore[attr-defined]
    yield pg
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        shot(pg, f"FAILED-{request.node.name}")
        print("console errors:", pg.recorder.console_errors[-10:])
        print("kiosk state:", pg.evaluate(KIOSK_STATE), "runs finished:", pg.runs.finished)
    context.close()


def open_kiosk(page, url: str) -> None:
    page.goto(url)
    kiosk_ready(page)


def kiosk_ready(page) -> None:
    """Wait until the kiosk answers to touch: controller ready, script idle, map drawn."""
    wait_js(page, CONTROLLER_READY)
    wait_js(
        page,
        "() => document.querySelector(\"[data-testid='stApp']\")"
        ".getAttribute('data-test-script-state') === 'notRunning'",
    )
    page.evaluate(MARK_DOCUMENT)
    map_frame(page)


def kiosk_map(page):
    """The map frame once the kiosk's touch styles are in (48 px markers)."""
    frame = map_frame(page)
    frame.locator("body").evaluate(
        """() => new Promise((resolve) => { const ok = () => document.__atlasKioskBound
             && [...document.querySelectorAll('.atlas-marker')]
                  .every(m => m.getBoundingClientRect().width >= 48);
           const poll = () => ok() ? resolve(true) : setTimeout(poll, 50); poll(); })"""
    )
    return frame


def tap_and_wait(page, locator) -> None:
    """Tap, then wait until the script run this tap started has finished."""
    before = page.runs.finished
    locator.tap()
    page.runs.wait_beyond(before)


def button(page, key: str):
    return page.locator(f".st-key-{key} button")


def assert_offline(page) -> None:
    assert page.recorder.external_requests() == []


def choose_meuse(page) -> None:
    tap_and_wait(page, button(page, "kreg_44"))
    button(page, "kdep_55").wait_for()
    tap_and_wait(page, button(page, "kdep_55"))
    page.locator(".kq-name", has_text="Meuse (55)").wait_for()


def small_targets(page) -> list[str]:
    """Visible buttons and links smaller than 48 px, in the page and in the map."""
    js = """(min) => [...document.querySelectorAll('button, a[href], summary, [role=button]')]
      .filter(e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'
          && (r.width < min || r.height < min); })
      .map(e => `${e.tagName} ${(e.innerText || e.title || e.className || '').slice(0, 40)}`
        + ` ${Math.round(e.getBoundingClientRect().width)}x`
        + `${Math.round(e.getBoundingClientRect().height)}`)"""
    found = page.evaluate(js, MIN_TARGET)
    for frame in page.frames[1:]:
        found += [f"map: {x}" for x in frame.evaluate(js, MIN_TARGET)]
    return found


def test_region_then_departement_then_lever_shows_the_portrait(kiosk_server, touch):
    page = touch
    open_kiosk(page, kiosk_server.url)
    # full screen: no Streamlit chrome
    for selector in (
        "[data-testid='stHeader']",
        "[data-testid='stToolbar']",
        "#MainMenu",
        "[data-testid='stSidebarCollapsedControl']",
        "footer",
    ):
        assert not page.locator(selector).is_visible(), selector
    assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "20px"
    title_px = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.kiosk-title')).fontSize)"
    )
    assert title_px >= 36
    assert not button(page, "kdep_55").count()
    shot(page, "kiosk-1-national")

    tap_and_wait(page, button(page, "kreg_44"))
    button(page, "kdep_55").wait_for()
    assert button(page, "kdep_67").is_visible()
    shot(page, "kiosk-2-region-grand-est")
    tap_and_wait(page, button(page, "kdep_55"))
    portrait = page.locator(".kq-name", has_text="Meuse (55)")
    portrait.wait_for()
    assert page.locator(".kq-fig").count() == 4
    assert "moins bien que la France" in page.locator(".kq-figs").inner_text()
    initiatives_before = page.locator("[data-kiosk-initiative]").count()
    assert initiatives_before >= 2

    chip = button(page, "kchip_telemedecine")
    assert chip.get_attribute("kind") == "secondary"
    tap_and_wait(page, chip)
    expect(button(page, "kchip_telemedecine")).to_have_attribute("kind", "primary")
    tele = int((load_atlas().initiatives["lever"] == "telemedecine").sum())
    expect(page.locator(".kiosk-count")).to_contain_text(f"{tele} initiative(s)")
    wait_js(
        page,
        "(n) => { const c = document.querySelectorAll('[data-kiosk-initiative]').length;"
        " return c >= 1 && c < n; }",
        arg=initiatives_before,
    )
    map_frame(page).locator(".atlas-marker").first.wait_for()
    shot(page, "kiosk-3-meuse-telemedecine")
    # the permalink QR code takes exactly this view to a phone
    phone = page.locator(".kiosk-phone")
    link = phone.get_attribute("data-url")
    query = parse_qs(urlsplit(link).query)
    assert query["dep"] == ["55"] and query["levier"] == ["telemedecine"]
    image = phone.locator(".kiosk-qr").evaluate("e => getComputedStyle(e).backgroundImage")
    assert svg_data_uri(qr_svg(link, scale=3)) in image
    assert small_targets(page) == []
    assert_offline(page)
    assert page.recorder.console_errors == []


def test_tapping_the_map_selects_a_departement(kiosk_server, touch):
    page = touch
    open_kiosk(page, kiosk_server.url)
    frame = kiosk_map(page)
    frame.locator("path.atlas-dep").nth(100).wait_for(state="attached")
    wait_map_idle(frame_of(page))
    # a département whose centre is not covered by a marker or a legend
    point = frame.locator("body").evaluate(
        """() => { for (const p of document.querySelectorAll('path.atlas-dep')) {
             const r = p.getBoundingClientRect();
             // a 5x5 grid inside its box: the centre may be under a marker or cluster
             for (let i = 1; i < 6; i++) for (let j = 1; j < 6; j++) {
               const x = r.left + r.width * i / 6, y = r.top + r.height * j / 6;
               if (document.elementFromPoint(x, y) === p) return {x, y}; } }
           return null; }"""
    )
    assert point, "no département free to tap"
    box = page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
    before = page.runs.finished
    page.touchscreen.tap(box["x"] + point["x"], box["y"] + point["y"])
    page.runs.wait_beyond(before)
    page.locator(".kq-name").wait_for()
    assert re.fullmatch(r".+ \(\w{2,3}\)", page.locator(".kq-name").inner_text())
    map_frame(page).locator("path.atlas-commune").first.wait_for(state="attached")
    shot(page, "kiosk-4-map-tap")
    assert_offline(page)


def test_a_portrait_screen_puts_the_map_across_the_width(kiosk_server, browser):
    """1080x1920: the map spans the screen, the levers and the panel side by side below
    it, the top bar's buttons keep their labels on one line."""
    context = browser.new_context(
        viewport={"width": 1080, "height": 1920}, has_touch=True, locale="fr-FR"
    )
    page = context.new_page()
    page.recorder = PageRecorder(page)  # type: ignore[attr-defined]
    try:
        open_kiosk(page, kiosk_server.url)
        kiosk_map(page)
        iframe = page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
        chips = page.locator(".st-key-kiosk_chips").bounding_box()
        panel = page.locator(".st-key-kiosk_panel").bounding_box()
        shot(page, "kiosk-portrait")
        assert iframe["width"] >= 0.9 * 1080, iframe
        assert chips["y"] >= iframe["y"] + iframe["height"], (chips, iframe)
        assert panel["y"] >= iframe["y"] + iframe["height"], (panel, iframe)
        assert chips["x"] + chips["width"] <= panel["x"], (chips, panel)
        for key in ("kiosk_lang", "kiosk_restart"):
            lines = (
                button(page, key)
                .locator("p")
                .evaluate(
                    "p => Math.round(p.getBoundingClientRect().height"
                    " / parseFloat(getComputedStyle(p).lineHeight))"
                )
            )
            assert lines == 1, key
        assert small_targets(page) == []
        assert_offline(page)
    finally:
        context.close()


def test_links_become_qr_codes_and_nothing_leaves_the_kiosk(kiosk_server, touch):
    page = touch
    open_kiosk(page, kiosk_server.url)
    choose_meuse(page)
    url_before = page.url
    # an initiative of the portrait: its sources as QR codes
    page.locator("[data-kiosk-initiative='e-meuse-sante-programme']").tap()
    overlay = page.locator(".kiosk-initiative")
    overlay.wait_for()
    figures = overlay.locator("figure[data-url]")
    assert figures.count() >= 1
    url = figures.first.get_attribute("data-url")
    assert url.startswith("https://")
    sent = page.evaluate("(u) => window.__atlasKiosk.state.stat.qr[u]", url)
    assert sent == qr_bits(url)
    dark = sum(bin(b).count("1") for b in __import__("base64").b64decode(sent["b"]))
    drawn = figures.first.locator("path").get_attribute("d").count("M")
    assert drawn == dark
    shot(page, "kiosk-5-initiative-sources")
    overlay.locator(".kiosk-close").tap()
    overlay.wait_for(state="detached")

    # a source link inside a map popup: a QR code, no navigation, no new tab
    frame = kiosk_map(page)
    marker = frame.locator(".atlas-marker[title^='e-Meuse santé']")
    marker.tap()
    link = frame.locator(".leaflet-popup-content a[data-external]").first
    link.wait_for()
    link.scroll_into_view_if_needed()
    wait_still(frame_of(page), ".leaflet-popup-content a[data-external]")
    href = link.get_attribute("href")
    frame.locator("body").evaluate(RECORD_TAPS)
    box = link.bounding_box()
    link.tap()
    qr = page.locator(".kiosk-link figure[data-url]")
    try:
        qr.wait_for()
    except Exception:
        # what the tap reached, to tell a missed tap from a missed binding
        print("link box before the tap", box, "after", link.bounding_box())
        print("events in the map frame", frame.locator("body").evaluate("() => window.__taps"))
        print("map frame bound", frame.locator("body").evaluate(FRAME_BOUND))
        print("pages", len(page.context.pages), page.url)
        raise
    assert qr.get_attribute("data-url") == href
    assert qr.locator("svg path").count() == 1
    shot(page, "kiosk-6-popup-link-qr")
    page.locator(".kiosk-link .kiosk-close").tap()
    page.locator(".kiosk-link").wait_for(state="detached")

    # the case-study link of the popup opens the case study overlay, not the page
    case_link = frame.locator(".leaflet-popup-content a.atlas-case-link")
    case_link.wait_for()
    case_link.scroll_into_view_if_needed()
    wait_still(frame_of(page), ".leaflet-popup-content a.atlas-case-link")
    case_link.tap()
    case = page.locator(".kiosk-case")
    case.wait_for()
    assert "e-Meuse" in case.locator("h2").inner_text()
    case_url = case.locator("figure[data-url]").get_attribute("data-url")
    assert "etudes-de-cas?cas=e-meuse-sante" in case_url and "kiosk=0" in case_url
    shot(page, "kiosk-7-case-study-qr")
    assert small_targets(page) == []
    case.locator(".kiosk-close").tap()

    assert page.url == url_before
    assert len(page.context.pages) == 1
    assert page.evaluate("() => window.__kioskDocument") is True  # same document, no reload
    assert_offline(page)
    assert page.recorder.console_errors == []


def test_idle_countdown_then_reset_then_attract_loop(kiosk_server, touch):
    page = touch
    open_kiosk(page, kiosk_server.url + "/?idle=12&attract=3")
    tap_and_wait(page, button(page, "kchip_prevention"))
    choose_meuse(page)
    assert button(page, "kchip_prevention").get_attribute("kind") == "primary"
    countdown = page.locator(".kiosk-countdown")
    countdown.wait_for(timeout=20_000)
    assert "Toucher pour continuer" in countdown.inner_text()
    assert re.search(r"Retour à l'accueil dans \d+ s", countdown.inner_text())
    shot(page, "kiosk-8-countdown")
    # the view resets by itself (fresh page) and the attract loop starts
    attract = page.locator(".kiosk-attract")
    attract.wait_for(timeout=30_000)
    assert page.evaluate("() => window.__kioskDocument") is None  # a new document
    assert "Touchez l'écran pour explorer" in attract.inner_text()
    first = attract.locator(".kiosk-slide").get_attribute("data-index")
    wait_js(
        page,
        "(i) => { const s = document.querySelector('.kiosk-slide');"
        " return s && s.dataset.index !== i; }",
        arg=first,
        timeout=15_000,
    )
    shot(page, "kiosk-9-attract")
    wait_js(page, CONTROLLER_READY)
    page.evaluate(MARK_DOCUMENT)
    attract.tap(position={"x": 60, "y": 60})
    attract.wait_for(state="detached")
    # back to the national view with default filters, and the screen keeps its setting
    assert button(page, "kreg_44").is_visible()
    assert page.locator(".kq-name").count() == 0
    assert page.locator(".st-key-kiosk_chips [kind='primary']").count() == 0
    assert parse_qs(urlsplit(page.url).query).get("idle") == ["12"]
    assert "dep=" not in page.url
    shot(page, "kiosk-10-after-reset")
    assert_offline(page)
    assert page.recorder.console_errors == []


def test_touch_to_continue_keeps_the_view(kiosk_server, touch):
    page = touch
    open_kiosk(page, kiosk_server.url + "/?idle=10")
    choose_meuse(page)
    page.evaluate("() => { window.__sameDocument = true; }")
    countdown = page.locator(".kiosk-countdown")
    countdown.wait_for(timeout=20_000)
    countdown.locator(".kiosk-continue").tap()
    countdown.wait_for(state="detached")
    assert page.evaluate("() => window.__sameDocument") is True
    assert page.locator(".kq-name", has_text="Meuse (55)").is_visible()
    assert_offline(page)


def test_attract_slide_explores_its_territory(kiosk_server, touch):
    page = touch
    open_kiosk(page, kiosk_server.url)
    page.evaluate("() => window.__atlasKiosk.startAttract()")
    explore = page.locator(".kiosk-attract .kiosk-explore")
    explore.wait_for()
    dep = page.evaluate(
        "() => { const s = window.__atlasKiosk.state;"
        " return s.stat.slides[s.slide % s.stat.slides.length].dep; }"
    )
    explore.tap()
    page.wait_for_url(re.compile(rf"dep={dep}\b"))
    page.locator(".kq-name", has_text=f"({dep})").wait_for()
    assert page.locator(".kiosk-attract").count() == 0
    assert_offline(page)


def test_english_labels(kiosk_server, touch):
    page = touch
    open_kiosk(page, kiosk_server.url)
    tap_and_wait(page, button(page, "kiosk_lang"))
    page.get_by_text("Choose a region").wait_for()
    assert "Start over" in button(page, "kiosk_restart").inner_text()
    page.evaluate("() => window.__atlasKiosk.startAttract()")
    page.get_by_text("Touch the screen to explore").wait_for()
    assert_offline(page)


def test_boot_page_waits_for_the_server_and_a_restart_reloads_the_national_view(monkeypatch, touch):
    """The kiosk browser starts on static/kiosk/boot.html (from disk): it waits for a
    server that is not up yet instead of showing the browser's error page. Later the
    server stops (offline notice) and comes back on the same port: the screen reloads
    to the national view by itself."""
    page = touch
    conftest = sys.modules[StreamlitServer.__module__]
    port = conftest.free_port()
    boot = (REPO / "static" / "kiosk" / "boot.html").as_uri()
    page.goto(f"{boot}#http://127.0.0.1:{port}/?kiosk=1")
    page.get_by_text("(2)", exact=False).wait_for(timeout=20_000)  # retried, still waiting
    assert page.url.startswith("file://")
    monkeypatch.setattr(conftest, "free_port", lambda: port)
    srv = StreamlitServer(KIOSK_ENV)
    try:
        page.wait_for_url(f"http://127.0.0.1:{port}/**", timeout=30_000)
        kiosk_ready(page)
        assert button(page, "kreg_44").is_visible()
        remote = [u for u in page.recorder.external_requests() if not u.startswith("file:")]
        assert remote == []

        choose_meuse(page)
        srv.stop()
        offline = page.locator(".kiosk-offline")
        offline.wait_for(timeout=20_000)
        assert "Reconnexion" in offline.inner_text()
        shot(page, "kiosk-11-offline")
        started = time.monotonic()
        srv = StreamlitServer(KIOSK_ENV)  # the same port (free_port above)
        button(page, "kreg_44").wait_for(timeout=40_000)
        wait_js(page, CONTROLLER_READY)
        assert page.locator(".kq-name").count() == 0
        assert page.locator(".kiosk-offline").count() == 0
        assert not page.locator("[role='dialog']").is_visible()
        assert page.locator("[data-testid='stException']").count() == 0
        print(f"back {time.monotonic() - started:.1f} s after the restart")
        shot(page, "kiosk-12-after-restart")
        remote = [u for u in page.recorder.external_requests() if not u.startswith("file:")]
        assert remote == []
    finally:
        srv.stop()
