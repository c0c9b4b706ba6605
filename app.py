"""Atlas des solutions — accès aux soins: entry point and navigation."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components import share, state
from components.i18n import t
from components.page_frame import kiosk_requested, load_or_stop, page_chrome, sidebar_top

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
pages = [
    st.Page("pages/carte.py", title=t("nav.map", lang), icon=":material/map:", default=True),
    st.Page(
        "pages/departement.py",
        title=t("nav.departement", lang),
        icon=":material/location_city:",
        url_path="departement",
    ),
    st.Page(
        "pages/initiatives.py",
        title=t("nav.initiatives", lang),
        icon=":material/list:",
        url_path="initiatives",
    ),
    st.Page(
        "pages/etudes_de_cas.py",
        title=t("nav.case_studies", lang),
        icon=":material/menu_book:",
        url_path="etudes-de-cas",
    ),
    st.Page(
        "pages/sources.py",
        title=t("nav.sources", lang),
        icon=":material/info:",
        url_path="sources",
    ),
    st.Page(
        "pages/proposer.py",
        title=t("nav.propose", lang),
        icon=":material/add_location_alt:",
        url_path="proposer",
    ),
    st.Page(
        "pages/moderation.py",
        title=t("nav.moderation", lang),
        icon=":material/shield_person:",
        url_path="moderation",
    ),
]
page_chrome()
if share.controls_shown():
    sidebar_top()
    st.navigation(pages).run()
else:
    # Presentation frame or embedded map: no navigation, no control.
    st.navigation(pages, position="hidden").run()
