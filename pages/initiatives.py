"""Initiatives: the searchable, sortable table of every recorded initiative."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache, filters, sidebar, state
from components.i18n import t
from components.map_build import lever_label
from components.popups import actor_label, status_label
from data.search import normalize

lang = state.lang()
state.show_notices()
sidebar.place_search()
shown = filters.initiative_filters()
st.title(t("initiatives.title", lang))
query = st.text_input(t("initiatives.search", lang), key="w_initiative_query")
labels = cache.place_labels()
table = pd.DataFrame(
    {
        "Initiative": shown["name"],
        "Levier" if lang == "fr" else "Lever": [lever_label(c, lang) for c in shown["lever"]],
        "Lieu" if lang == "fr" else "Place": [labels.get(i, "") for i in shown["id"]],
        "Année" if lang == "fr" else "Year": shown["year_started"],
        "Porteur" if lang == "fr" else "Led by": [
            actor_label(c, lang) if isinstance(c, str) else "" for c in shown["actor_type"]
        ],
        "Statut" if lang == "fr" else "Status": [status_label(c, lang) for c in shown["status"]],
        "Résultat mesuré" if lang == "fr" else "Measured outcome": shown["outcome"],
        "Source": [s[0] if len(s) else "" for s in shown["sources"]],
    }
)
if query:
    needle = normalize(query)
    haystack = table.astype(str).agg(" ".join, axis=1).map(normalize)
    table = table[haystack.str.contains(needle, regex=False)]
st.caption(t("filters.count", lang, shown=len(table), total=len(cache.atlas().initiatives)))
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={"Source": st.column_config.LinkColumn("Source", display_text="source")},
)
state.sync_url()
