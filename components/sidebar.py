"""Controls shared by every page: language switch and place search."""

from __future__ import annotations

import streamlit as st

from components import cache, state
from components.i18n import LANG_NAMES, t

W_LANG = "w_lang"
W_SEARCH = "w_search"


def _on_lang() -> None:
    chosen = st.session_state.get(W_LANG)
    if chosen:
        state.update(lang=chosen)


def language_switch() -> None:
    st.session_state[W_LANG] = state.lang()
    st.sidebar.segmented_control(
        t("lang.label", state.lang()),
        list(LANG_NAMES),
        format_func=LANG_NAMES.__getitem__,
        key=W_LANG,
        on_change=_on_lang,
    )


def _pick(dep: str) -> None:
    state.update(dep=dep)
    st.session_state[W_SEARCH] = ""


def place_search(container=st.sidebar) -> None:
    """Search a département or commune; a hit selects the (commune's) département."""
    lang = state.lang()
    query = container.text_input(
        t("search.label", lang), key=W_SEARCH, placeholder=t("search.placeholder", lang)
    )
    if not query:
        return
    hits = cache.place_index().search(query, limit=8)
    if not hits:
        container.caption(t("search.none", lang, q=query[:60]))
        return
    for place in hits:
        icon = ":material/map:" if place.kind == "departement" else ":material/location_on:"
        container.button(
            place.label,
            key=f"hit-{place.kind}-{place.code}",
            on_click=_pick,
            args=(place.departement_code,),
            icon=icon,
            width="stretch",
        )
