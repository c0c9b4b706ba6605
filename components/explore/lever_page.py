"""One lever, as the "Leviers" page shows it: what it is, who carries it, where the atlas
has it, what its initiatives' results show, what national evaluations say, its limits.

Our notes (``data/lever_notes.yaml``) and the catalogue's own counts; every claim and
every result is shown with its source. Text from the data is Markdown-escaped.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache, state
from components.evidence_badge import badge_text
from components.i18n import colon, t
from components.map.build import lever_label
from components.map.popups import safe_url
from components.text import md_escape
from data.evidence import EVIDENCE_LEVELS
from data.formatting import format_number
from data.initiatives import REGIONS
from data.lever_notes import LeverNote, load_lever_notes
from data.lever_summary import LeverSummary, lever_summary
from data.levers import get_lever


@st.cache_resource(show_spinner=False)
def lever_notes() -> dict[str, LeverNote]:
    return load_lever_notes()


def _link(url: str, text: str) -> str:
    ok = safe_url(url)
    return f"[{md_escape(text)}]({ok})" if ok else md_escape(text)


GO_TO_MAP = "_lever_page_go_to_map"


def _show_on_map(code: str, region: str | None = None) -> None:
    """Button callback: filter the view, then (in the script run) open the map."""
    state.update(levers=(code,), region=region, dep=None)
    st.session_state[GO_TO_MAP] = True


def follow_to_map() -> None:
    """Open the map if a button asked for it (switch_page cannot run in a callback)."""
    if st.session_state.pop(GO_TO_MAP, False):
        st.switch_page("pages/carte.py")


def _where(code: str, by_region: dict[str, int], lang: str) -> None:
    st.markdown(f"**{t('lever.where', lang)}**")
    if not by_region:
        st.caption(t("lever.none_yet", lang))
        return
    cols = st.columns(3)
    for i, (region, count) in enumerate(by_region.items()):
        cols[i % 3].button(
            f"{REGIONS.get(region, region)} · {count}",
            key=f"lever-{code}-{region}",
            on_click=_show_on_map,
            args=(code, region),
            width="stretch",
            help=t("lever.open_map_region", lang),
        )


def _results(summary: LeverSummary, lang: str) -> None:
    st.markdown(f"**{t('lever.results', lang)}**")
    levels = pd.DataFrame(
        {
            t("cmp.evidence", lang): [badge_text(lv.number, lang) for lv in EVIDENCE_LEVELS],
            t("lever.initiatives", lang): [summary.by_level[lv.number] for lv in EVIDENCE_LEVELS],
        }
    )
    st.dataframe(levels, hide_index=True)
    if summary.strongest.empty:
        st.caption(t("lever.no_figures", lang))
        return
    st.markdown(t("lever.strongest", lang))
    lines = []
    for r in summary.strongest.itertuples(index=False):
        measurer = t(f"outcome.by.{r.measured_by}", lang)
        lines.append(
            f"- {badge_text(int(r.evidence_level), lang)} — **{md_escape(r.initiative_name)}** "
            f"({md_escape(r.departement_code or REGIONS.get('', ''))}){colon(lang)} "
            f"{md_escape(r.summary_fr)} — {measurer}{colon(lang)} {md_escape(r.measurer)} "
            f"({_link(r.source, t('popup.sources', lang))})"
        )
    st.markdown("\n".join(lines))


def _national(note: LeverNote, lang: str) -> None:
    st.markdown(f"**{t('lever.national', lang)}**")
    if not note.evidence:
        st.caption(t("lever.no_national", lang))
    lines = []
    for claim in note.evidence:
        who = t("lever.third_party", lang) if claim.third_party else t("lever.not_third", lang)
        lines.append(
            f"- {md_escape(claim.claim(lang))} — "
            f"{_link(claim.source_url, f'{claim.publisher}, {claim.year}')} ({who})"
        )
    st.markdown("\n".join(lines))
    limits = md_escape(note.text("limits", lang))
    st.markdown(f"**{t('lever.limits', lang)}**{colon(lang)} {limits}")
    if note.limits_sources:
        links = " · ".join(
            _link(url, f"{t('popup.sources', lang)} {i}")
            for i, url in enumerate(note.limits_sources, start=1)
        )
        st.caption(links)


def lever_section(code: str, lang: str) -> None:
    """The whole section of one lever."""
    note = lever_notes()[code]
    lever = get_lever(code)
    a = cache.atlas()
    count = int((a.initiatives["lever"] == code).sum())
    st.header(f"{lever.glyph} · {lever_label(code, lang)}")
    st.markdown(md_escape(note.text("what", lang)))
    st.markdown(
        f"**{t('lever.carriers', lang)}**{colon(lang)} {md_escape(note.text('carriers', lang))}"
    )
    top, button = st.columns([3, 1], vertical_alignment="center")
    top.markdown(t("lever.count", lang, count=format_number(count, 0, lang)))
    button.button(
        t("lever.open_map", lang),
        key=f"lever-map-{code}",
        on_click=_show_on_map,
        args=(code,),
        icon=":material/map:",
        width="stretch",
    )
    summary = lever_summary(code, a.initiatives, a.outcomes)
    _where(code, summary.by_region, lang)
    _results(summary, lang)
    _national(note, lang)
