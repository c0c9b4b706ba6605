"""Sources et méthode: every dataset, year, licence, and how each figure is computed."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache, sidebar, state
from components.i18n import t
from components.map_build import indicator_label, indicator_unit
from components.text import md_escape
from data.formatting import format_number

lang = state.lang()
state.show_notices()
sidebar.place_search()
a = cache.atlas()
st.title(t("sources.title", lang))

st.header("Jeux de données" if lang == "fr" else "Datasets")
for source in a.sources:
    with st.container(border=True):
        st.markdown(f"**{md_escape(source.title)}** — {md_escape(source.producer)}")
        st.caption(
            f"{'Année' if lang == 'fr' else 'Year'} : {md_escape(source.year)} · "
            f"{'Licence' if lang == 'fr' else 'Licence'} : {md_escape(source.licence)}"
        )
        st.markdown(md_escape(source.notes))
        if source.url:
            st.markdown(f"[{md_escape(source.url)}]({source.url})")

st.header("Indicateurs" if lang == "fr" else "Indicators")
rows = []
for ind in a.indicators:
    national = a.national["value"].get(ind.id)
    rows.append(
        {
            "id": ind.id,
            "Indicateur" if lang == "fr" else "Indicator": indicator_label(ind, lang),
            "Unité" if lang == "fr" else "Unit": indicator_unit(ind, lang),
            "France": format_number(None if pd.isna(national) else national, ind.decimals, lang)
            if national is not None
            else t("map.missing", lang),
            "Producteur" if lang == "fr" else "Producer": ind.producer,
            "Jeu de données" if lang == "fr" else "Dataset": ind.dataset,
            "Année" if lang == "fr" else "Year": ind.year,
            "Licence": ind.licence,
            "Plus haut = mieux" if lang == "fr" else "Higher is better": ind.higher_is_better,
            "Méthode" if lang == "fr" else "Method": ind.method,
        }
    )
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

st.header("Chiffres nationaux : méthode" if lang == "fr" else "National figures: method")
for indicator_id, row in a.national.iterrows():
    st.markdown(f"- **{md_escape(indicator_id)}** : {md_escape(row['method'])}")
state.sync_url()
