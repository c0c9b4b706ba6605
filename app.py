"""Atlas des solutions — accès aux soins: entry point and navigation."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components import state
from components.i18n import t
from components.page_frame import kiosk_requested, load_or_stop, page_chrome, sidebar_top
from components.share import panel as share

st.set_page_config(
    page_title="Atlas des solutions — accès aux soins",
    page_icon=str(Path(__file__).parent / "static" / "favicon.png"),
    layout="wide",
)
load_or_stop()
if kiosk_requested():
    # The conference touch screen: one full-screen page, no navigation.
    st.navigation(
        [st.Page("pages/kiosk.py", title="Atlas", url_path="kiosk")], position="hidden"
    ).run()
    st.stop()
lang = state.lang()
# (file, title key, icon, url path): one screen each, the map first (home).
PAGES = (
    ("pages/carte.py", "nav.map", ":material/map:", ""),
    ("pages/departement.py", "nav.departement", ":material/location_city:", "departement"),
    ("pages/initiatives.py", "nav.initiatives", ":material/list:", "initiatives"),
    ("pages/leviers.py", "nav.levers", ":material/lightbulb:", "leviers"),
    ("pages/etudes_de_cas.py", "nav.case_studies", ":material/menu_book:", "etudes-de-cas"),
    ("pages/sources.py", "nav.sources", ":material/info:", "sources"),
    ("pages/proposer.py", "nav.propose", ":material/add_location_alt:", "proposer"),
    ("pages/moderation.py", "nav.moderation", ":material/shield_person:", "moderation"),
)
pages = [
    st.Page(path, title=t(key, lang), icon=icon, url_path=url or None, default=not url)
    for path, key, icon, url in PAGES
]
page_chrome()
if share.controls_shown():
    sidebar_top()
    st.navigation(pages).run()
else:
    # Presentation frame or embedded map: no navigation, no control.
    st.navigation(pages, position="hidden").run()
