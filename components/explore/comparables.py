"""The portrait's "comparable territories" table: what they did, how their figures moved."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache
from components.i18n import colon, t
from components.map.build import lever_label
from data.comparables import Change, Territory, side_by_side
from data.formatting import format_number


def _change_text(change: Change, decimals: int, lang: str) -> str:
    if change.before is None or change.after is None:
        return t("map.missing", lang)
    delta = change.after - change.before
    sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
    return (
        f"{format_number(change.before, decimals, lang)} → "
        f"{format_number(change.after, decimals, lang)} "
        f"({sign}{format_number(abs(delta), decimals, lang)})"
    )


def _levers_text(territory: Territory, lang: str) -> str:
    if not territory.initiatives:
        return t("cmp.none", lang)
    parts = [f"{lever_label(code, lang)} {n}" for code, n in territory.by_lever.items()]
    return f"{territory.initiatives}{colon(lang)} " + ", ".join(parts)


def _levels_text(territory: Territory, lang: str) -> str:
    return " · ".join(f"{level} : {n}" for level, n in territory.by_level.items())


def comparison_frame(dep: str, lang: str) -> pd.DataFrame:
    """One row per territory (the selected one first), as shown."""
    a = cache.atlas()
    territories = side_by_side(dep, a.departements, a.initiatives, a.series)
    rows = []
    for terr in territories:
        name = f"{a.departements.at[terr.code, 'nom']} ({terr.code})"
        row = {
            t("cmp.departement", lang): name
            + (f" {t('cmp.selected', lang)}" if terr.selected else ""),
            t("cmp.initiatives", lang): _levers_text(terr, lang),
        }
        if terr.by_level:
            row[t("cmp.evidence", lang)] = _levels_text(terr, lang)
        for change in terr.changes:
            ind = a.indicator(change.spec.indicator)
            text = _change_text(change, ind.decimals, lang)
            if change.before_date and change.before is not None:
                text += f" [{change.before_date} → {change.after_date}]"
            row[t(change.spec.key, lang)] = text
        rows.append(row)
    return pd.DataFrame(rows).fillna("")


def comparables_table(dep: str, lang: str) -> None:
    st.markdown(f"**{t('cmp.title', lang)}**")
    st.dataframe(comparison_frame(dep, lang), hide_index=True, width="stretch")
    st.caption(t("cmp.note", lang))
