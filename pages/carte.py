"""Carte: the national choropleth, initiatives, filters and the selected département.

Display modes: ``?presentation=16x9|1x1`` draws the presentation frame, ``?embed=true``
the map alone; both without any control.
"""

from __future__ import annotations

import streamlit as st

from components import cache, sidebar, state
from components.explore import filters, portrait
from components.explore.department_table import departement_table
from components.explore.lever_region import lever_region_table
from components.i18n import t
from components.map.view import show_map
from components.share import panel as share
from components.share.export_data import initiative_filter
from components.share.presentation import presentation_frame
from data.filters import filter_initiatives

TABLE_SHOWN = "_table_shown"


def _toggle_table() -> None:
    st.session_state[TABLE_SHOWN] = not st.session_state.get(TABLE_SHOWN, False)


lang = state.lang()
mode = share.display_mode()
if mode == "presentation":
    presentation_frame(state.view().presentation or "16x9")
elif mode == "embed":
    shown = filter_initiatives(cache.atlas().initiatives, initiative_filter(state.view()))
    show_map(shown, height=600)
    share.embed_footer()
else:
    state.show_notices()
    filters.indicator_picker()
    sidebar.place_search()
    shown = filters.initiative_filters()

    title_col, share_col = st.columns([3, 1], vertical_alignment="bottom")
    title_col.markdown(f"## {t('app.title', lang)}")
    with share_col:
        share.share_panel("carte")
    st.caption(t("app.subtitle", lang))
    # The map is always in the first column, so it stays mounted (zoom and all) from
    # the national view to a drill-down and back; the portrait takes the second.
    dep = state.view().dep
    cols = st.columns([1] if dep is None else [3, 2], gap="medium")
    with cols[0]:
        show_map(shown, height=660)
        if dep is None:
            st.caption(t("map.help", lang))
    if dep is not None:
        with cols[1]:
            portrait.portrait(dep, compact=True)

    # Drawn on demand: a data frame costs the browser ~1.5 MB of JS to load on first
    # paint, even inside a closed expander (and a button's JS is already loaded).
    shown_table = st.session_state.get(TABLE_SHOWN, False)
    st.button(
        t("table.title", lang),
        icon=":material/expand_less:" if shown_table else ":material/table_view:",
        key="w_table",
        on_click=_toggle_table,
    )
    if shown_table:
        departement_table()
    if st.toggle(t("leverregion.title", lang), key="w_lever_region_shown"):
        lever_region_table(lang)
state.sync_url()
