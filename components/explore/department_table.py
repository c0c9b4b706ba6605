"""The table equivalent to the map: every département, sortable, with the same figures."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache, state
from components.i18n import t
from components.map.build import indicator_label, indicator_unit
from data.ranking import tension_rank


def table_frame(lang: str) -> pd.DataFrame:
    a = cache.atlas()
    ind = a.indicator(state.view().indicator)
    deps = a.departements
    frame = pd.DataFrame(
        {
            t("col.code", lang): deps.index,
            t("col.departement", lang): deps["nom"].to_numpy(),
            t("col.region", lang): deps["region_nom"].to_numpy(),
            f"{indicator_label(ind, lang)} ({indicator_unit(ind, lang)})": deps[ind.id].to_numpy(),
            t("col.rank_short", lang): tension_rank(deps[ind.id], ind.higher_is_better).to_numpy(),
        }
    )
    counts = a.initiatives["departement_code"].value_counts()
    frame[t("col.initiatives", lang)] = [int(counts.get(code, 0)) for code in deps.index]
    return frame


def departement_table() -> None:
    lang = state.lang()
    st.caption(t("table.help", lang))
    st.dataframe(table_frame(lang), hide_index=True, width="stretch")
