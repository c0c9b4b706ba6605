"""Initiatives: the searchable, sortable table of every recorded initiative.

The search text is part of the view (``?q=``), so a filtered table is a permalink too.
"""

from __future__ import annotations

import streamlit as st

from components import cache, sidebar, state
from components.explore import filters
from components.i18n import t
from components.share import panel as share
from components.share.export_data import initiatives_table, view_initiatives
from components.view_params import MAX_QUERY_LENGTH, clean_query

W_QUERY = "w_initiative_query"


def _on_query() -> None:
    state.update(query=clean_query(st.session_state.get(W_QUERY) or "")[:MAX_QUERY_LENGTH])


lang = state.lang()
a = cache.atlas()
controls = share.controls_shown()
if controls:
    state.show_notices()
    sidebar.place_search()
    filters.initiative_filters()
title_col, share_col = st.columns([3, 1], vertical_alignment="bottom")
title_col.title(t("initiatives.title", lang))
with share_col:
    share.share_panel("initiatives", map_view=False)
if controls:
    st.session_state[W_QUERY] = state.view().query
    st.text_input(
        t("initiatives.search", lang),
        key=W_QUERY,
        on_change=_on_query,
        max_chars=MAX_QUERY_LENGTH,
    )
labels = cache.place_labels()
shown = view_initiatives(a.initiatives, state.view(), page="initiatives", place_labels=labels)
table = initiatives_table(shown, labels, lang, a.outcomes)
# On screen: the first source as a link; the exports carry every source.
first_source = [s[0] if len(s) else "" for s in shown["sources"]]
screen = table[
    [
        t("col.initiative", lang),
        t("col.lever", lang),
        t("col.place", lang),
        t("col.year", lang),
        t("col.actor", lang),
        t("col.status", lang),
        t("col.evidence", lang),
        t("col.outcome", lang),
    ]
].assign(**{t("col.source", lang): first_source})
st.caption(t("filters.count", lang, shown=len(screen), total=len(a.initiatives)))
st.dataframe(
    screen,
    hide_index=True,
    width="stretch",
    column_config={
        t("col.source", lang): st.column_config.LinkColumn(
            t("col.source", lang), display_text=t("initiatives.source_link", lang)
        )
    },
)
state.sync_url()
