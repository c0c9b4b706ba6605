"""Atlas des solutions — accès aux soins: entry point and navigation."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components import cache, state
from components.i18n import t
from components.page_frame import kiosk_requested, load_or_stop, page_chrome, sidebar_top
from components.share import panel as share

# Shown while a first visit loads the data (texts to move to components/i18n.py).
LOADING = {"fr": "Chargement de l'atlas…", "en": "Loading the atlas…"}

st.set_page_config(
    page_title="Atlas des solutions — accès aux soins",
    page_icon=str(Path(__file__).parent / "static" / "favicon.png"),
    layout="wide",
)
if cache.is_warm():
    load_or_stop()
else:
    # A server started without scripts/serve.py fills its caches on the first visit.
    with st.spinner(LOADING.get(st.query_params.get("lang", "fr"), LOADING["fr"])):
        load_or_stop()
    cache.mark_warm()
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
