"""Leviers: one section per lever (the first lever of the view, ``?levier=…``)."""

from __future__ import annotations

import streamlit as st

from components import sidebar, state
from components.explore.lever_page import follow_to_map, lever_section
from components.i18n import t
from components.map.build import lever_label
from data.levers import LEVER_CODES

W_LEVER = "w_lever_page"


def _on_pick() -> None:
    state.update(levers=(st.session_state[W_LEVER],))


follow_to_map()
lang = state.lang()
state.show_notices()
sidebar.place_search()
st.title(t("lever.title", lang))
st.markdown(t("lever.intro", lang))
chosen = state.view().levers[0] if state.view().levers else LEVER_CODES[0]
st.session_state[W_LEVER] = chosen
st.selectbox(
    t("lever.pick", lang),
    list(LEVER_CODES),
    format_func=lambda code: lever_label(code, lang),
    key=W_LEVER,
    on_change=_on_pick,
)
lever_section(chosen, lang)
state.sync_url()
