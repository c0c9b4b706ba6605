"""The national map's "levers × regions" table: initiatives per lever and region under the
other filters; selecting a cell filters the map on that lever and that region."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache, state
from components.explore.filters import current_filter
from components.i18n import t
from components.map.build import lever_label
from data.filters import lever_region_counts
from data.initiatives import REGIONS
from data.levers import LEVER_CODES

W_TABLE = "w_lever_region"


def lever_region_frame(lang: str) -> pd.DataFrame:
    """Levers as rows (every lever, in order), regions as columns (named), counts."""
    counts = lever_region_counts(cache.atlas().initiatives, current_filter())
    counts = counts.reindex(index=list(LEVER_CODES), columns=list(REGIONS), fill_value=0)
    frame = counts.rename(columns=REGIONS).astype(int)
    frame.insert(0, t("lever.pick", lang), [lever_label(code, lang) for code in LEVER_CODES])
    return frame.reset_index(drop=True)


def _on_select() -> None:
    cells = st.session_state[W_TABLE].selection.cells
    if not cells:
        return
    row, column = cells[0]
    by_name = {name: code for code, name in REGIONS.items()}
    if column not in by_name:
        return
    state.update(levers=(LEVER_CODES[int(row)],), region=by_name[column], dep=None)


def lever_region_table(lang: str) -> None:
    st.caption(t("leverregion.help", lang))
    st.dataframe(
        lever_region_frame(lang),
        hide_index=True,
        width="stretch",
        key=W_TABLE,
        on_select=_on_select,
        selection_mode="single-cell",
    )
