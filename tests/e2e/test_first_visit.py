"""The first visits after a server start go through app.py's navigation (the launcher).

A direct link to a page other than the home, on a server nobody has opened yet, must
show the app's own navigation, language switch and wide layout, never Streamlit's raw
list of the files in pages/.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import StreamlitServer, shot, wait_for_run

# Streamlit's multipage mode names pages after their files: these labels are not ours.
RAW_NAMES = ("carte", "departement", "etudes de cas", "kiosk", "moderation", "proposer")
# Records every label the sidebar navigation ever shows, from the first paint on.
RECORD_NAV_JS = """(() => {
  window.__navSeen = new Set();
  const look = () => document.querySelectorAll(
      "[data-testid='stSidebarNav'] a, [data-testid='stSidebarNavLink']")
    .forEach(a => window.__navSeen.add(a.innerText.trim()));
  new MutationObserver(look).observe(document, {childList: true, subtree: true});
})();"""


@pytest.fixture(scope="module")
def fresh_server():
    srv = StreamlitServer()
    yield srv
    srv.stop()


@pytest.mark.parametrize("path", ["/departement?dep=55", "/initiatives", "/moderation"])
def test_a_direct_link_on_a_fresh_server_shows_the_app_navigation(fresh_server, browser, path):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR")
    context.add_init_script(RECORD_NAV_JS)
    page = context.new_page()
    try:
        page.goto(fresh_server.url + path)
        wait_for_run(page)
        nav = page.locator("[data-testid='stSidebarNav']")
        nav.get_by_text("Sources et méthode").wait_for()
        page.locator("[data-testid='stSidebar']").get_by_text("English").wait_for()
        if "dep=55" in path:
            page.get_by_text("Portrait : Meuse (55)").wait_for()
        # a link's text is its icon's name, then its label
        labels = page.evaluate("() => [...window.__navSeen]")
        seen = {label.split("\n")[-1].strip().lower() for label in labels}
        assert "carte" in seen  # our navigation: "Carte", "Département", …
        assert not seen & (set(RAW_NAMES) - {"carte"}), seen
        assert "kiosk" not in page.locator("[data-testid='stSidebar']").inner_text().lower()
        width = page.locator("[data-testid='stMainBlockContainer']").bounding_box()["width"]
        assert width > 900  # layout="wide" (the centred layout is 736 px)
        shot(page, "first-visit" + path.replace("/", "-").replace("?", "-"))
    finally:
        context.close()
