"""Études de cas: one case study per view, from data/case_studies/*.md, with sources."""

from __future__ import annotations

import streamlit as st

from components import cache, sidebar, state
from components.i18n import t
from components.share import panel as share
from components.text import md_escape

W_CASE = "w_case"


def _on_pick() -> None:
    st.query_params["cas"] = st.session_state[W_CASE]


lang = state.lang()
controls = share.controls_shown()
if controls:
    state.show_notices()
    sidebar.place_search()
a = cache.atlas()
studies = {cs.slug: cs for cs in a.case_studies}
title_col, share_col = st.columns([3, 1], vertical_alignment="bottom")
title_col.title(t("case.title", lang))
with share_col:
    share.share_panel("etudes-de-cas", exports=False, map_view=False)
requested = st.query_params.get("cas")
if requested and requested not in studies:
    st.warning(md_escape(t("case.unknown", lang, slug=requested[:60])))
    requested = None
slug = requested or next(iter(studies))
st.session_state[W_CASE] = slug
if controls:
    st.selectbox(
        t("case.title", lang),
        list(studies),
        format_func=lambda s: studies[s].title,
        key=W_CASE,
        on_change=_on_pick,
        label_visibility="collapsed",
    )
cs = studies[slug]
st.header(cs.title)
st.caption(
    " · ".join(
        f"{a.departements.at[d, 'nom']} ({d})" for d in cs.departements if d in a.departements.index
    )
)
st.markdown(cs.body_markdown)
if cs.initiatives:
    st.subheader(t("case.linked", lang))
    by_id = a.initiatives.set_index("id")
    for initiative_id in cs.initiatives:
        if initiative_id in by_id.index:
            st.markdown(f"- {md_escape(by_id.at[initiative_id, 'name'])}")
st.subheader(t("case.sources", lang))
for source in cs.sources:
    title = source.title or source.url
    st.markdown(f"- [{md_escape(title)}]({source.url})")
state.sync_url()
