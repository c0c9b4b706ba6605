"""Side panel: indicator choice, lever chips with live counts, actor, status, years."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache, state
from components.evidence_badge import badge_text
from components.i18n import t
from components.map.build import indicator_label, lever_label
from components.map.popups import actor_label, status_label
from components.share.export_data import initiative_filter
from data.evidence import EVIDENCE_LEVELS
from data.filters import InitiativeFilter, evidence_counts, filter_initiatives, lever_counts
from data.initiatives import REGIONS
from data.levers import LEVER_CODES

W_IND = "w_indicator"
W_CLASSES = "w_classes"
W_LEVERS = "w_levers"
W_ACTORS = "w_actors"
W_STATUSES = "w_statuses"
W_YEARS = "w_years"
W_EVIDENCE = "w_evidence"


def year_bounds(initiatives: pd.DataFrame) -> tuple[int, int]:
    years = initiatives["year_started"].dropna()
    return int(years.min()), int(years.max())


def current_filter() -> InitiativeFilter:
    return initiative_filter(state.view())


def _on_indicator() -> None:
    state.update(indicator=st.session_state[W_IND])


def _on_classes() -> None:
    state.update(classes=st.session_state[W_CLASSES])


def _on_levers() -> None:
    chosen = st.session_state[W_LEVERS] or []
    state.update(levers=tuple(code for code in LEVER_CODES if code in chosen))


def _on_actors() -> None:
    state.update(actors=tuple(st.session_state[W_ACTORS] or ()))


def _on_statuses() -> None:
    state.update(statuses=tuple(st.session_state[W_STATUSES] or ()))


def _on_years() -> None:
    low, high = st.session_state[W_YEARS]
    bounds = year_bounds(cache.atlas().initiatives)
    state.update(years=None if (low, high) == bounds else (int(low), int(high)))


def _on_evidence() -> None:
    state.update(evidence=tuple(sorted(int(x) for x in st.session_state[W_EVIDENCE] or ())))


def _on_region() -> None:
    state.update(region=None)


def _on_reset() -> None:
    state.update(levers=(), actors=(), statuses=(), years=None, evidence=(), region=None)


def indicator_picker(container=st.sidebar) -> None:
    """Choose the map's indicator and its classification."""
    a = cache.atlas()
    v = state.view()
    lang = v.lang
    ids = [ind.id for ind in a.indicators]
    labels = {ind.id: indicator_label(ind, lang) for ind in a.indicators}
    st.session_state[W_IND] = v.indicator
    container.selectbox(
        t("map.indicator", lang),
        ids,
        format_func=labels.__getitem__,
        key=W_IND,
        on_change=_on_indicator,
    )
    st.session_state[W_CLASSES] = v.classes
    container.radio(
        t("map.classes", lang),
        ["quantiles", "jenks"],
        format_func=lambda m: t(f"map.classes.{m}", lang),
        key=W_CLASSES,
        on_change=_on_classes,
        horizontal=True,
    )


def initiative_filters(container=st.sidebar) -> pd.DataFrame:
    """The filter controls; returns the initiatives they keep (all départements)."""
    a = cache.atlas()
    v = state.view()
    lang = v.lang
    f = current_filter()
    counts = lever_counts(a.initiatives, f)
    container.subheader(t("filters.title", lang))

    st.session_state[W_LEVERS] = list(v.levers)
    container.pills(
        t("filters.levers", lang),
        list(LEVER_CODES),
        selection_mode="multi",
        format_func=lambda code: f"{lever_label(code, lang)} ({counts.get(code, 0)})",
        key=W_LEVERS,
        on_change=_on_levers,
    )
    container.page_link(
        "pages/leviers.py",
        label=t("lever.more", lang) + " →",
        icon=":material/lightbulb:",
        query_params={"levier": v.levers[0]} if v.levers else None,
    )
    st.session_state[W_ACTORS] = list(v.actors)
    container.multiselect(
        t("filters.actors", lang),
        sorted(a.initiatives["actor_type"].dropna().unique()),
        format_func=lambda code: actor_label(code, lang),
        key=W_ACTORS,
        on_change=_on_actors,
    )
    st.session_state[W_STATUSES] = list(v.statuses)
    container.multiselect(
        t("filters.statuses", lang),
        ["active", "project", "ended", "unknown"],
        format_func=lambda code: status_label(code, lang),
        key=W_STATUSES,
        on_change=_on_statuses,
    )
    levels = evidence_counts(a.initiatives, f)
    st.session_state[W_EVIDENCE] = list(v.evidence)
    container.pills(
        t("filters.evidence", lang),
        [lv.number for lv in EVIDENCE_LEVELS],
        selection_mode="multi",
        format_func=lambda n: f"{badge_text(n, lang)} ({levels.get(n, 0)})",
        key=W_EVIDENCE,
        on_change=_on_evidence,
        help=" ".join(f"{lv.icon} {lv.definition(lang)}" for lv in EVIDENCE_LEVELS),
    )
    if v.region:
        container.button(
            t("filters.region_only", lang, region=REGIONS.get(v.region, v.region)),
            on_click=_on_region,
            icon=":material/close:",
            key="w_region_clear",
        )
    bounds = year_bounds(a.initiatives)
    low, high = v.years or bounds
    st.session_state[W_YEARS] = (max(low, bounds[0]), min(max(high, bounds[0]), bounds[1]))
    container.slider(
        t("filters.years", lang),
        min_value=bounds[0],
        max_value=bounds[1],
        key=W_YEARS,
        on_change=_on_years,
    )
    shown = filter_initiatives(a.initiatives, f)
    container.markdown(t("filters.count", lang, shown=len(shown), total=len(a.initiatives)))
    container.button(t("filters.reset", lang), on_click=_on_reset, icon=":material/restart_alt:")
    return shown
