"""The kiosk screen: top bar, lever chips, region and département pickers, portrait.

Everything is a big button (no typing): Streamlit buttons for what changes the view,
plain HTML buttons (``data-kiosk-*``) for what only opens an overlay in the browser
(``static/kiosk/kiosk.js``). Every text from the data is escaped.
"""

from __future__ import annotations

import json
from html import escape

import pandas as pd
import streamlit as st

from components import cache, state
from components.explore.portrait import dep_label
from components.i18n import t
from components.kiosk.client import CSS_FILE
from components.kiosk.content import Region, initiative_details, region_of, regions
from components.kiosk.qr import qr_svg, svg_data_uri
from components.map.build import indicator_label, indicator_unit, lever_label
from components.view_params import ViewState, parse_view
from data.filters import InitiativeFilter, filter_initiatives, lever_counts
from data.formatting import format_number, format_value
from data.levers import LEVER_CODES, marker_svg
from data.portrait import key_figures

REGION_KEY = "_kiosk_region"
PORTRAIT_FIGURES = (
    "part_pop_apl_inf_2_5_2023",
    "apl_2023",
    "mg_densite_2022",
    "mg_densite_evol_2018_2022_pct",
)
PORTRAIT_INITIATIVES = 12
ARROWS = {"better": "▲", "worse": "▼", "same": "=", "unknown": ""}


# ---------- view helpers ----------


def default_view() -> ViewState:
    return parse_view({}, cache.vocabulary())[0]


def is_clean(v: ViewState) -> bool:
    """The view a passer-by finds: national map, default filters, French."""
    return v == default_view() and st.session_state.get(REGION_KEY) is None


def restart() -> None:
    state.set_view(default_view())
    st.session_state[REGION_KEY] = None


def _pick_region(code: str | None) -> None:
    st.session_state[REGION_KEY] = code
    state.update(dep=None)


def _pick_dep(code: str) -> None:
    st.session_state[REGION_KEY] = region_of(cache.atlas().departements, code)
    state.update(dep=code)


def _toggle_lever(code: str) -> None:
    levers = set(state.view().levers)
    levers ^= {code}
    state.update(levers=tuple(c for c in LEVER_CODES if c in levers))


def _switch_lang() -> None:
    state.update(lang="en" if state.lang() == "fr" else "fr")


def current_region(v: ViewState) -> str | None:
    if v.dep is not None:
        return region_of(cache.atlas().departements, v.dep)
    return st.session_state.get(REGION_KEY)


# ---------- page pieces ----------


def chip_css() -> str:
    """Each lever chip and initiative carries the lever's map marker (shape, colour)."""
    rules = []
    for code in LEVER_CODES:
        uri = svg_data_uri(marker_svg(code, 34, outline="#1a1a1a"))
        rules.append(
            f".st-key-kchip_{code} button, .kq-lever-{code} {{ background-image: url('{uri}'); }}"
        )
    return "\n".join(rules)


def page_css() -> None:
    css = CSS_FILE.read_text(encoding="utf-8") + "\n" + chip_css()
    st.html(f"<style>{css}</style>")


def top_bar(v: ViewState, phone_link: str) -> None:
    lang = v.lang
    title_col, lang_col, restart_col, qr_col = st.columns(
        [0.56, 0.12, 0.14, 0.18], vertical_alignment="center"
    )
    with title_col:
        st.html(
            f'<p class="kiosk-title">{escape(t("app.title", lang))}</p>'
            f'<p class="kiosk-tagline">{escape(t("kiosk.tagline", lang))}</p>'
        )
    lang_col.button(
        t("kiosk.lang_switch", lang),
        key="kiosk_lang",
        on_click=_switch_lang,
        icon=":material/translate:",
        width="stretch",
    )
    restart_col.button(
        t("kiosk.restart", lang),
        key="kiosk_restart",
        on_click=restart,
        icon=":material/restart_alt:",
        width="stretch",
    )
    with qr_col:
        st.html(
            f'<div class="kiosk-phone" data-url="{escape(phone_link, quote=True)}">'
            f"<span>{escape(t('kiosk.phone', lang))}</span>"
            f'<i class="kiosk-qr" role="img" aria-label="QR"></i></div>'
            f"<style>.kiosk-phone .kiosk-qr {{ background-image: "
            f"url('{svg_data_uri(qr_svg(phone_link, scale=3))}'); }}</style>"
        )


def lever_chips(v: ViewState) -> pd.DataFrame:
    """Big toggle chips, one per lever; returns the initiatives they keep."""
    a = cache.atlas()
    lang = v.lang
    counts = lever_counts(a.initiatives, InitiativeFilter())
    st.html(f'<p class="kiosk-heading">{escape(t("kiosk.levers", lang))}</p>')
    with st.container(key="kiosk_chips", gap="small"):
        for code in LEVER_CODES:
            active = code in v.levers
            st.button(
                f"{lever_label(code, lang)} ({counts.get(code, 0)})",
                key=f"kchip_{code}",
                on_click=_toggle_lever,
                args=(code,),
                type="primary" if active else "secondary",
                icon=":material/check_circle:" if active else None,
                width="stretch",
            )
        if v.levers:
            st.button(
                t("kiosk.levers_all", lang),
                key="kchip_all",
                on_click=state.update,
                kwargs={"levers": ()},
                icon=":material/select_all:",
                width="stretch",
            )
    shown = filter_initiatives(a.initiatives, InitiativeFilter(levers=v.levers))
    st.html(
        f'<p class="kiosk-count">'
        f"{escape(t('kiosk.count', lang, shown=len(shown), total=len(a.initiatives)))}</p>"
    )
    return shown


def _region_by_code() -> dict[str, Region]:
    return {r.code: r for r in regions(cache.atlas().departements)}


def place_picker(v: ViewState) -> None:
    """Step 1: a region; step 2: one of its départements (or tap the map)."""
    lang = v.lang
    region_code = current_region(v)
    by_code = _region_by_code()
    if region_code is None or region_code not in by_code:
        st.html(f'<p class="kiosk-heading">{escape(t("kiosk.regions", lang))}</p>')
        cols = st.columns(2, gap="small")
        for i, region in enumerate(by_code.values()):
            cols[i % 2].button(
                region.name,
                key=f"kreg_{region.code}",
                on_click=_pick_region,
                args=(region.code,),
                width="stretch",
            )
        st.html(f'<p class="kiosk-count">{escape(t("kiosk.or_map", lang))}</p>')
        return
    region = by_code[region_code]
    st.button(
        t("kiosk.all_regions", lang),
        key="kreg_all",
        on_click=_pick_region,
        args=(None,),
        icon=":material/arrow_back:",
        width="stretch",
    )
    st.html(
        f'<p class="kiosk-heading">{escape(region.name)} — '
        f"{escape(t('kiosk.departements', lang))}</p>"
    )
    cols = st.columns(2, gap="small")
    for i, code in enumerate(region.departements):
        cols[i % 2].button(
            dep_label(code),
            key=f"kdep_{code}",
            on_click=_pick_dep,
            args=(code,),
            width="stretch",
        )
    st.html(f'<p class="kiosk-count">{escape(t("kiosk.or_map", lang))}</p>')


def _figures_html(dep: str, lang: str) -> str:
    a = cache.atlas()
    region = str(a.departements.at[dep, "region_code"])
    regional = a.regional.loc[region] if region in a.regional.index else None
    figures = key_figures(
        dep, a.departements, a.indicators, a.national["value"], regional, ids=PORTRAIT_FIGURES
    )
    cards = []
    for fig in figures:
        ind = fig.indicator
        unit = indicator_unit(ind, lang)
        short = unit if unit == "%" else ""
        value = format_value(fig.value, short, ind.decimals, lang)
        if ind.id.endswith("_pct") and fig.value is not None and fig.value > 0:
            value = "+" + value
        france = format_value(fig.national, short, ind.decimals, lang)
        cmp_text = ""
        if fig.versus_france != "unknown":
            cmp_text = f"{ARROWS[fig.versus_france]} {t('portrait.' + fig.versus_france, lang)}"
        rank = (
            f" · {t('portrait.rank_short', lang, rank=fig.rank, count=fig.ranked)}"
            if fig.rank is not None
            else ""
        )
        label = indicator_label(ind, lang) + ("" if unit == "%" else f" ({unit})")
        cards.append(
            f'<div class="kq-fig kq-{escape(fig.versus_france)}" data-indicator="{escape(ind.id)}">'
            f'<div class="kq-val">{escape(value)}</div>'
            f'<div class="kq-lab">{escape(label)}</div>'
            f'<div class="kq-cmp">{escape(cmp_text)}</div>'
            f'<div class="kq-lab">{escape(t("kiosk.portrait.france", lang, value=france))}'
            f"{escape(rank)}</div></div>"
        )
    return f'<div class="kq-figs">{"".join(cards)}</div>'


def _initiatives_html(frame: pd.DataFrame, lang: str) -> str:
    """Buttons that open the initiative's overlay; its details travel with the button
    as escaped JSON (``data-kiosk-details``), so a quick tap never misses them."""
    labels = cache.place_labels()
    listed = frame.head(PORTRAIT_INITIATIVES)
    details = initiative_details(cache.atlas(), listed, labels, lang)
    items = []
    for row in listed.itertuples(index=False):
        year = "" if pd.isna(row.year_started) else f" · {int(row.year_started)}"
        payload = escape(json.dumps(details[str(row.id)], ensure_ascii=False), quote=True)
        items.append(
            f'<button type="button" class="kq-item" data-kiosk-initiative="{escape(row.id)}" '
            f'data-kiosk-details="{payload}">'
            f'<i class="kq-lever kq-lever-{escape(row.lever)}"></i>'
            f"<span><strong>{escape(str(row.name))}</strong>"
            f"<small>{escape(lever_label(row.lever, lang))} · "
            f"{escape(labels.get(row.id, ''))}{escape(year)}</small></span></button>"
        )
    more = ""
    if len(frame) > PORTRAIT_INITIATIVES:
        more = (
            f'<p class="kq-note">'
            f"{escape(t('kiosk.portrait.more', lang, count=len(frame) - PORTRAIT_INITIATIVES))}"
            "</p>"
        )
    return f'<div class="kq-list">{"".join(items)}</div>{more}'


def kiosk_portrait(dep: str, v: ViewState, shown: pd.DataFrame) -> None:
    """The département at a glance: figures, case studies, initiatives, neighbours."""
    a = cache.atlas()
    lang = v.lang
    row = a.departements.loc[dep]
    region_code = str(row["region_code"])
    st.button(
        str(row["region_nom"]),
        key="kreg_back",
        on_click=_pick_region,
        args=(region_code,),
        icon=":material/arrow_back:",
        width="stretch",
    )
    parts = [
        f'<p class="kq-name">{escape(str(row["nom"]))} ({escape(dep)})</p>',
        f'<p class="kq-region">'
        f"{escape(t('kiosk.portrait.region', lang, region=row['region_nom']))}</p>",
        _figures_html(dep, lang),
    ]
    trend = row.get("mg_densite_evol_2018_2022_pct")
    if pd.notna(trend):
        d18, d22 = row.get("mg_densite_2018"), row.get("mg_densite_2022")
        parts.append(
            f'<p class="kq-note">{escape(t("portrait.trend", lang))} : '
            f"{escape(format_number(d18, 1, lang))} → {escape(format_number(d22, 1, lang))} "
            f"{escape(indicator_unit(a.indicator('mg_densite_2022'), lang))}</p>"
        )
    mine = filter_initiatives(shown, InitiativeFilter(departement=dep))
    studies = [cs for cs in a.case_studies if dep in cs.departements]
    if studies:
        parts.append(f'<p class="kq-section">{escape(t("kiosk.portrait.case_studies", lang))}</p>')
        parts.append('<div class="kq-list">')
        for cs in studies:
            parts.append(
                f'<button type="button" class="kq-item kq-case" '
                f'data-kiosk-case="{escape(cs.slug)}"><span><strong>{escape(cs.title)}</strong>'
                "</span></button>"
            )
        parts.append("</div>")
    if mine.empty:
        parts.append(f'<p class="kq-section">{escape(t("kiosk.portrait.none", lang))}</p>')
    else:
        parts.append(
            f'<p class="kq-section">'
            f"{escape(t('kiosk.portrait.initiatives', lang, count=len(mine)))}</p>"
        )
        parts.append(_initiatives_html(mine, lang))
    st.html("".join(parts))

    neighbours = a.neighbours.get(dep, ())
    if neighbours:
        st.html(f'<p class="kq-section">{escape(t("kiosk.portrait.neighbours", lang))}</p>')
        cols = st.columns(2, gap="small")
        for i, code in enumerate(neighbours):
            cols[i % 2].button(
                dep_label(code),
                key=f"knb_{code}",
                on_click=_pick_dep,
                args=(code,),
                width="stretch",
            )
