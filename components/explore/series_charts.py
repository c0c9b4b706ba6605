"""Small time-series charts of the portrait: the département, its region and France.

One chart per key figure that has a dated series (DITP Baromètre). Every date of the
file is a point; a date without a value is a gap in the line, never 0. The three lines
differ by dash as well as colour (never colour alone).
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components import cache
from components.i18n import t
from components.map.build import indicator_short_label, indicator_unit, source_line
from data.indicators import Indicator
from data.portrait import KEY_FIGURES
from data.series import portrait_series

ZONES = ("departement", "region", "france")
COLOURS = ("#0b3954", "#1f8a70", "#8c8c8c")
DASHES = ((1, 0), (6, 3), (2, 2))


def charted_indicators() -> list[Indicator]:
    """Key figures of the portrait with a time series, one per series."""
    a = cache.atlas()
    seen: set[str] = set()
    out = []
    for indicator_id in KEY_FIGURES:
        ind = a.indicator(indicator_id)
        if ind.series and ind.series not in seen:
            seen.add(ind.series)
            out.append(ind)
    return out


def chart_frame(ind: Indicator, dep: str, region: str | None, lang: str) -> pd.DataFrame:
    """Long frame for the chart: date, zone label, value (NaN kept: a gap)."""
    wide = portrait_series(cache.atlas().series, str(ind.series), dep, region)
    labels = {zone: t(f"series.zone.{zone}", lang) for zone in ZONES}
    long = wide.rename(columns=labels).reset_index(names="date")
    return long.melt(id_vars="date", var_name="zone", value_name="value")


def _chart(frame: pd.DataFrame, ind: Indicator, lang: str) -> alt.Chart:
    order = [t(f"series.zone.{zone}", lang) for zone in ZONES]
    unit = indicator_unit(ind, lang)
    return (
        alt.Chart(frame, height=150, title=indicator_short_label(ind, lang))
        .mark_line(point=True)
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("value:Q", title=unit if len(unit) <= 12 else None),
            color=alt.Color(
                "zone:N",
                scale=alt.Scale(domain=order, range=list(COLOURS)),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            strokeDash=alt.StrokeDash(
                "zone:N",
                scale=alt.Scale(domain=order, range=[list(d) for d in DASHES]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("zone:N", title=t("cmp.departement", lang)),
                alt.Tooltip("date:T", title=t("series.date", lang), format="%Y-%m"),
                alt.Tooltip("value:Q", title=t("series.value", lang), format=f",.{ind.decimals}f"),
            ],
        )
    )


def series_charts(dep: str, lang: str, *, columns: int = 2) -> None:
    """The portrait's time-series charts, with their source line."""
    a = cache.atlas()
    region = str(a.departements.at[dep, "region_code"])
    inds = charted_indicators()
    if not inds:
        return
    cols = st.columns(columns)
    for i, ind in enumerate(inds):
        with cols[i % columns]:
            st.altair_chart(_chart(chart_frame(ind, dep, region, lang), ind, lang), width="stretch")
    st.caption(t("series.gaps", lang, source=source_line(inds[0])))
