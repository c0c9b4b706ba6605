"""The département portrait: key figures vs France and region, trend, rank, initiatives,
neighbours, comparable départements and what they tried, case studies."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache, state
from components.dossier.download import dossier_button
from components.evidence_badge import badge_text
from components.explore.comparables import comparables_table
from components.explore.series_charts import series_charts
from components.i18n import colon, t
from components.map.build import indicator_label, indicator_unit, lever_label
from components.map.popups import case_study_href, safe_url, status_label
from components.text import md_escape
from data.filters import InitiativeFilter, filter_initiatives
from data.formatting import format_number, format_value
from data.portrait import comparable_departements, compare, key_figures

ARROWS = {"better": "▲", "worse": "▼", "same": "=", "unknown": ""}


def _delta_text(fig, lang: str) -> str | None:
    if fig.versus_france == "unknown":
        return None
    return f"{ARROWS[fig.versus_france]} {t('portrait.' + fig.versus_france, lang)}"


def dep_label(code: str) -> str:
    return f"{cache.atlas().departements.at[code, 'nom']} ({code})"


def _select(code: str) -> None:
    state.update(dep=code)


def initiative_list(frame: pd.DataFrame, lang: str, limit: int = 12) -> None:
    """Initiatives as escaped Markdown lines: lever, name, place, year, status."""
    if frame.empty:
        st.caption(t("portrait.no_initiative", lang))
        return
    labels = cache.place_labels()
    lines = []
    for row in frame.head(limit).itertuples(index=False):
        year = "" if pd.isna(row.year_started) else f", {int(row.year_started)}"
        lines.append(
            f"- **{md_escape(row.name)}** — {md_escape(lever_label(row.lever, lang))}; "
            f"{md_escape(labels.get(row.id, ''))}{year} "
            f"({md_escape(status_label(row.status, lang))}) — "
            f"{md_escape(badge_text(row.evidence_level, lang))}"
        )
        for record in row.outcome_records[:2]:
            url = safe_url(str(record.get("source") or ""))
            source = f" ([{t('popup.sources', lang)}]({url}))" if url else ""
            lines.append(f"    - {md_escape(record.get('summary_fr'))}{source}")
    if len(frame) > limit:
        lines.append(f"- … (+{len(frame) - limit})")
    st.markdown("\n".join(lines))


def key_figures_block(dep: str, lang: str, columns: int = 3) -> None:
    a = cache.atlas()
    region = str(a.departements.at[dep, "region_code"])
    regional = a.regional.loc[region] if region in a.regional.index else None
    figures = key_figures(dep, a.departements, a.indicators, a.national["value"], regional)
    cols = st.columns(columns)
    for i, fig in enumerate(figures):
        ind = fig.indicator
        unit = indicator_unit(ind, lang)
        short = unit if unit == "%" else ""  # long units go once, in the caption
        value = format_value(fig.value, short, ind.decimals, lang)
        nat = format_value(fig.national, short, ind.decimals, lang)
        reg = format_value(fig.regional, short, ind.decimals, lang)
        help_lines = [
            f"{t('portrait.national', lang)}{colon(lang)} {nat}",
            f"{t('portrait.regional', lang)}{colon(lang)} {reg}",
        ]
        if fig.rank is not None:
            help_lines.append(t("map.rank", lang, rank=fig.rank, count=fig.ranked))
        help_lines.append(f"{ind.producer}, {ind.dataset} ({ind.year}) — {ind.licence}")
        with cols[i % columns], st.container(border=True):
            st.metric(indicator_label(ind, lang), value, help="  \n".join(help_lines))
            delta = _delta_text(fig, lang)
            if delta:
                colour = {"better": "green", "worse": "red"}.get(fig.versus_france, "gray")
                st.markdown(f":{colour}[{md_escape(delta)}]")
            extra = [] if unit == "%" else [unit]
            extra += [
                f"France{colon(lang)} {nat}",
                f"{t('portrait.regional', lang)}{colon(lang)} {reg}",
            ]
            if fig.rank is not None:
                extra.append(t("portrait.rank_short", lang, rank=fig.rank, count=fig.ranked))
            st.caption(" · ".join(extra))


def portrait(dep: str | None, *, compact: bool = False) -> None:
    """The portrait of ``dep`` (``compact`` for the map's side panel)."""
    lang = state.lang()
    if dep is None:
        st.info(t("portrait.choose", lang), icon=":material/touch_app:")
        return
    a = cache.atlas()
    row = a.departements.loc[dep]
    st.subheader(t("portrait.title", lang, name=row["nom"], code=dep))
    st.caption(f"{row['region_nom']}")
    if compact:  # the map's side panel (the Département page has its own button)
        dossier_button(dep, key="portrait")
    key_figures_block(dep, lang, columns=1 if compact else 3)

    trend = row.get("mg_densite_evol_2018_2022_pct")
    if pd.notna(trend):
        ind = a.indicator("mg_densite_evol_2018_2022_pct")
        d18, d22 = row.get("mg_densite_2018"), row.get("mg_densite_2022")
        unit = md_escape(indicator_unit(a.indicator("mg_densite_2022"), lang))
        sign = "+" if trend > 0 else ""
        st.markdown(
            f"**{t('portrait.trend', lang)}**{colon(lang)} {format_number(d18, 1, lang)} → "
            f"{format_number(d22, 1, lang)} {unit} "
            f"({sign}{format_number(trend, ind.decimals, lang)} %)"
        )

    if compact:
        with st.expander(t("series.title", lang)):
            series_charts(dep, lang, columns=1)
    else:
        st.markdown(f"**{t('series.title', lang)}**")
        series_charts(dep, lang)

    f = InitiativeFilter(departement=dep)
    mine = filter_initiatives(a.initiatives, f)
    st.markdown(f"**{t('portrait.initiatives', lang)}** ({len(mine)})")
    initiative_list(mine, lang, limit=6 if compact else 20)

    studies = [cs for cs in a.case_studies if dep in cs.departements]
    if studies:
        st.markdown(f"**{t('portrait.case_studies', lang)}**")
        for cs in studies:
            st.markdown(f"- [{md_escape(cs.title)}]({case_study_href(cs.slug)})")

    neighbours = a.neighbours.get(dep, ())
    if neighbours:
        st.markdown(f"**{t('portrait.neighbours', lang)}**")
        cols = st.columns(min(len(neighbours), 4))
        for i, code in enumerate(neighbours):
            cols[i % len(cols)].button(
                dep_label(code),
                key=f"nb-{dep}-{code}",
                on_click=_select,
                args=(code,),
                width="stretch",
            )

    comparable = comparable_departements(dep, a.departements)
    if comparable:
        if compact:
            with st.expander(t("cmp.title", lang)):
                comparables_table(dep, lang)
        else:
            comparables_table(dep, lang)
        if mine.empty:
            st.info(t("cmp.no_initiative_here", lang))
        st.markdown(f"**{t('portrait.comparable', lang)}**")
        st.caption(t("portrait.comparable_help", lang))
        for code in comparable:
            theirs = filter_initiatives(a.initiatives, InitiativeFilter(departement=code))
            with st.expander(f"{dep_label(code)} — {len(theirs)} initiative(s)"):
                st.button(
                    t("portrait.open_page", lang),
                    key=f"cmp-{dep}-{code}",
                    on_click=_select,
                    args=(code,),
                )
                initiative_list(theirs, lang, limit=8)


__all__ = ["portrait", "compare"]
