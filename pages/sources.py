"""Sources et méthode: every dataset, year, licence, and how each figure is computed."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache, sidebar, state
from components.evidence_badge import badge_text
from components.i18n import t
from components.map.build import indicator_label, indicator_unit
from components.share import panel as share
from components.text import md_escape
from data.evidence import EVIDENCE_LEVELS
from data.formatting import format_number

lang = state.lang()
if share.controls_shown():
    state.show_notices()
    sidebar.place_search()
a = cache.atlas()
title_col, share_col = st.columns([3, 1], vertical_alignment="bottom")
title_col.title(t("sources.title", lang))
with share_col:
    share.share_panel("sources", exports=False, map_view=False)

st.header(t("sources.datasets", lang))
for source in a.sources:
    with st.container(border=True):
        st.markdown(f"**{md_escape(source.title)}** — {md_escape(source.producer)}")
        st.caption(
            t(
                "sources.year_licence",
                lang,
                year=md_escape(source.year),
                licence=md_escape(source.licence),
            )
        )
        st.markdown(md_escape(source.notes))
        if source.url:
            st.markdown(f"[{md_escape(source.url)}]({source.url})")

st.header(t("sources.indicators", lang))
rows = []
for ind in a.indicators:
    national = a.national["value"].get(ind.id)
    rows.append(
        {
            "id": ind.id,
            t("col.indicator", lang): indicator_label(ind, lang),
            t("col.unit", lang): indicator_unit(ind, lang),
            t("col.france", lang): format_number(
                None if pd.isna(national) else national, ind.decimals, lang
            )
            if national is not None
            else t("map.missing", lang),
            t("col.source.producer", lang): ind.producer,
            t("col.dataset", lang): ind.dataset,
            t("col.year", lang): ind.year,
            t("col.source.licence", lang): ind.licence,
            t("col.higher_is_better", lang): ind.higher_is_better,
            t("col.method", lang): ind.method,
        }
    )
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

st.header(t("sources.national", lang))
for indicator_id, row in a.national.iterrows():
    st.markdown(
        t("sources.method_line", lang, id=md_escape(indicator_id), method=md_escape(row["method"]))
    )
state.sync_url()

st.header(t("sources.evidence", lang))
st.markdown(t("sources.evidence_intro", lang))
st.dataframe(
    pd.DataFrame(
        {
            t("cmp.evidence", lang): [badge_text(lv.number, lang) for lv in EVIDENCE_LEVELS],
            t("sources.evidence_rule", lang): [lv.definition(lang) for lv in EVIDENCE_LEVELS],
            t("lever.initiatives", lang): [
                int((a.initiatives["evidence_level"] == lv.number).sum()) for lv in EVIDENCE_LEVELS
            ],
        }
    ),
    hide_index=True,
    width="stretch",
)
st.caption(t("sources.evidence_caveat", lang))
