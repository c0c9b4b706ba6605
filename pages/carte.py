"""Carte: the national choropleth, initiatives, filters and the selected département."""

from __future__ import annotations

import streamlit as st

from components import filters, portrait, sidebar, state
from components.department_table import departement_table
from components.i18n import t
from components.map_view import show_map

lang = state.lang()
state.show_notices()
filters.indicator_picker()
sidebar.place_search()
shown = filters.initiative_filters()

st.markdown(f"## {t('app.title', lang)}")
st.caption(t("app.subtitle", lang))
if state.view().dep is None:
    show_map(shown, height=660)
    st.caption(t("map.help", lang))
else:
    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        show_map(shown, height=660)
    with panel_col:
        portrait.portrait(state.view().dep, compact=True)

with st.expander(t("table.title", lang)):
    departement_table()
state.sync_url()
