"""Département: the full portrait of one département."""

from __future__ import annotations

import streamlit as st

from components import cache, sidebar, state
from components.dossier.download import dossier_button
from components.explore import portrait
from components.i18n import t
from components.share import panel as share

W_DEP = "w_dep_page"


def _on_pick() -> None:
    state.update(dep=st.session_state[W_DEP])


lang = state.lang()
controls = share.controls_shown()
if controls:
    state.show_notices()
    sidebar.place_search()
a = cache.atlas()
codes = list(a.departements.index)
names = a.departements["nom"].to_dict()
title_col, share_col = st.columns([3, 1], vertical_alignment="bottom")
title_col.title(t("nav.departement", lang))
with share_col:
    # The exports of this page are those of the map drilled down to the département.
    share.share_panel("departement", exports=state.view().dep is not None, map_view=False)
    if controls and state.view().dep is not None:
        dossier_button(state.view().dep, key="page")
if controls:
    st.session_state[W_DEP] = state.view().dep
    st.selectbox(
        t("search.label", lang),
        codes,
        format_func=lambda code: f"{names[code]} ({code})",
        key=W_DEP,
        on_change=_on_pick,
        index=None,
        placeholder=t("search.placeholder", lang),
    )
portrait.portrait(state.view().dep)
state.sync_url()
