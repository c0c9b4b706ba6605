"""Kiosk: the conference touch screen (``?kiosk=1`` or ``ATLAS_KIOSK=1``).

Levers on the left, the map in the middle, regions/départements or the portrait on the
right; an idle timer, an attract loop, QR codes instead of links and a self-healing
reload run in the browser (components.kiosk.client).
"""

from __future__ import annotations

import os

import streamlit as st

from components import cache, state
from components.kiosk import client as kiosk_client
from components.kiosk import layout as kiosk_layout
from components.kiosk.settings import kiosk_settings
from components.map.view import show_map
from components.text import md_escape
from components.view_params import to_params

# A 1920x1080 screen: the top bar takes about 150 px, the back button 70 px.
MAP_HEIGHT = 880
MAP_HEIGHT_DEP = 800
PANEL_HEIGHT = 890
FULL_VIEW_KEY = "_kiosk_full_view"

settings, notices = kiosk_settings(
    os.environ, {key: st.query_params.get(key, "") for key in ("idle", "attract")}
)
kiosk_layout.page_css()
v = state.view()
kiosk_layout.top_bar(v, kiosk_client.phone_link(to_params(v, cache.vocabulary()), settings))
state.show_notices()
for notice in notices:
    st.warning(md_escape(notice), icon=":material/settings:")

levers_col, map_col, panel_col = st.columns([0.2, 0.5, 0.3], gap="medium")
with levers_col:
    shown = kiosk_layout.lever_chips(v)
with map_col:
    show_map(shown, height=MAP_HEIGHT if v.dep is None else MAP_HEIGHT_DEP)
st.session_state[FULL_VIEW_KEY] = v


@st.fragment
def right_panel(shown) -> None:
    """Regions and départements, or the portrait. Choosing a region reruns this panel
    only (the map does not change); anything that changes the view reruns the page."""
    current = state.view()
    if current != st.session_state.get(FULL_VIEW_KEY):
        st.rerun()
    with st.container(height=PANEL_HEIGHT, border=False, key="kiosk_panel"):
        if current.dep is None:
            kiosk_layout.place_picker(current)
        else:
            kiosk_layout.kiosk_portrait(current.dep, current, shown)


with panel_col:
    right_panel(shown)

kiosk_client.mount(
    settings,
    lang=v.lang,
    clean=kiosk_layout.is_clean(v),
    kiosk_in_url=st.query_params.get("kiosk") == "1",
)
