"""Sharing the current view: the link (copy button), presentation and embed modes, image
and data downloads.

Display modes: ``?presentation=16x9|1x1`` (components.share.presentation) and Streamlit's own
``?embed=true`` (read through ``st.context.is_embedded``). In both the navigation and
every control are hidden (:func:`controls_shown`).

Downloads are generated when clicked (``st.download_button`` with a callable), from a
snapshot of the view taken during the run: no image is drawn unless asked for.
"""

from __future__ import annotations

import base64
import datetime as dt
from html import escape

import segno
import streamlit as st

from components import cache, state
from components.i18n import t
from components.share.export_data import (
    ViewData,
    figures_table,
    initiatives_table,
    sources_table,
    view_data,
)
from components.share.export_files import file_stem, to_csv, to_xlsx
from components.share.export_outcomes import outcomes_table
from components.share.image_draw import render
from components.share.image_spec import image_spec
from components.view_params import build_link, iframe_snippet, with_embed

COPY_ATTR = "data-atlas-permalink"
W_FRENCH_EXCEL = "w_share_french_excel"
EMBED_HEIGHT = 650

# One delegated click handler, installed once per browser page: the button carries the
# link in a data attribute (HTML-escaped), the script never interpolates it.
COPY_HTML = """
<div class="atlas-share-copy">
<button type="button" class="atlas-copy-link" {attr}="{link}" aria-label="{label}"
 style="font:inherit;padding:0.35rem 0.8rem;border:1px solid #1f5f8b;border-radius:0.5rem;
 background:#1f5f8b;color:#fff;cursor:pointer">{label}</button>
<span class="atlas-copy-status" role="status" aria-live="polite"
 style="margin-left:0.6rem;color:#1a6b3a" data-done="{done}" data-fail="{fail}"></span>
</div>
<script>
(function () {{
  if (window.__atlasCopyLink) {{ return; }}
  window.__atlasCopyLink = true;
  function fallback(text) {{
    var area = document.createElement("textarea");
    area.value = text; area.setAttribute("readonly", "");
    area.style.position = "fixed"; area.style.opacity = "0";
    document.body.appendChild(area); area.select();
    var ok = false;
    try {{ ok = document.execCommand("copy"); }} catch (e) {{ ok = false; }}
    document.body.removeChild(area);
    return ok;
  }}
  document.addEventListener("click", function (event) {{
    var button = event.target.closest && event.target.closest("[{attr}]");
    if (!button) {{ return; }}
    var link = button.getAttribute("{attr}");
    var status = button.parentNode.querySelector(".atlas-copy-status");
    function done(ok) {{
      button.setAttribute("data-copied", ok ? link : "");
      if (status) {{ status.textContent = status.getAttribute(ok ? "data-done" : "data-fail"); }}
    }}
    if (navigator.clipboard && window.isSecureContext) {{
      navigator.clipboard.writeText(link).then(function () {{ done(true); }},
        function () {{ done(fallback(link)); }});
    }} else {{
      done(fallback(link));
    }}
  }});
}})();
</script>
"""


def is_embedded() -> bool:
    return bool(st.context.is_embedded)


def display_mode() -> str:
    """``presentation``, ``embed`` or ``normal``."""
    if state.view().presentation:
        return "presentation"
    if is_embedded():
        return "embed"
    return "normal"


def controls_shown() -> bool:
    """False in presentation and embed modes: no navigation, no widget."""
    return display_mode() == "normal"


def link_with(**params: str) -> str:
    """The shared link of the view with extra display parameters."""
    merged = {**state.share_params(), **params}
    return build_link(state.page_url(), merged)


def qr_svg(link: str, *, scale: int = 4) -> str:
    """The link as a scalable SVG QR code (viewBox, dark on white)."""
    code = segno.make(link, error="m", micro=False)
    return code.svg_inline(scale=scale, dark="#1a1a1a", light="#ffffff", border=2, omitsize=True)


def qr_img(link: str, alt: str) -> str:
    """An ``<img>`` of the QR code (st.html strips inline SVG; a data URI passes)."""
    svg = qr_svg(link).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<img class="atlas-qr" src="data:image/svg+xml;base64,{data}" '
        f'alt="{escape(alt, quote=True)}">'
    )


def copy_link_button(link: str, lang: str) -> None:
    """A button copying ``link`` to the clipboard (with a fallback for insecure pages)."""
    st.html(
        COPY_HTML.format(
            attr=COPY_ATTR,
            link=escape(link, quote=True),
            label=escape(t("share.copy", lang)),
            done=escape(t("share.copied", lang), quote=True),
            fail=escape(t("share.copy_failed", lang), quote=True),
        ),
        unsafe_allow_javascript=True,
    )


def _commune_shapes(dep: str):
    """The cached commune polygons (cache.commune_shapes returns (frame, encoded))."""
    cached = cache.commune_shapes(dep)
    return cached[0] if isinstance(cached, tuple) else cached


def current_view_data(page: str, *, today: dt.date | None = None) -> ViewData:
    """What the page shows now (same classes and initiatives as its map)."""
    v = state.view()
    a = cache.atlas()
    shapes = _commune_shapes(v.dep) if v.dep else None
    return view_data(
        a,
        v,
        page=page,
        place_labels=cache.place_labels(),
        commune_shapes=shapes,
        permalink=state.permalink(),
        today=today,
    )


def _image_bytes(data: ViewData, preset: str, fmt: str):
    atlas = cache.atlas()

    def build() -> bytes:
        return render(image_spec(atlas, data), preset, fmt)

    return build


def image_downloads(data: ViewData, lang: str) -> None:
    stem = file_stem(data)
    cols = st.columns(2)
    for i, (preset, fmt) in enumerate(
        (("16x9", "png"), ("1x1", "png"), ("16x9", "svg"), ("1x1", "svg"))
    ):
        cols[i % 2].download_button(
            t(f"share.image.{fmt}", lang, preset=t(f"share.preset.{preset}", lang)),
            data=_image_bytes(data, preset, fmt),
            file_name=f"{stem}_{preset}.{fmt}",
            mime="image/png" if fmt == "png" else "image/svg+xml",
            key=f"share-img-{preset}-{fmt}",
            on_click="ignore",
            icon=":material/image:",
            width="stretch",
        )


def data_downloads(data: ViewData, lang: str) -> None:
    stem = file_stem(data)
    labels = cache.place_labels()
    st.session_state.setdefault(W_FRENCH_EXCEL, lang == "fr")
    french = st.toggle(
        t("share.french_excel", lang), key=W_FRENCH_EXCEL, help=t("share.french_excel_help", lang)
    )
    tables = {
        "figures": lambda: to_csv(figures_table(data), french_excel=french),
        "initiatives": lambda: to_csv(
            initiatives_table(data.initiatives, labels, lang, data.outcomes), french_excel=french
        ),
        "outcomes": lambda: to_csv(outcomes_table(data.outcomes, lang), french_excel=french),
        "sources": lambda: to_csv(sources_table(data), french_excel=french),
    }
    cols = st.columns(2)
    for i, (name, build) in enumerate(tables.items()):
        cols[i % 2].download_button(
            t(f"share.csv.{name}", lang),
            data=build,
            file_name=f"{stem}_{name}.csv",
            mime="text/csv",
            key=f"share-csv-{name}",
            on_click="ignore",
            icon=":material/table:",
            width="stretch",
        )
    cols[len(tables) % 2].download_button(
        t("share.xlsx", lang),
        data=lambda: to_xlsx(data, labels),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="share-xlsx",
        on_click="ignore",
        icon=":material/grid_on:",
        width="stretch",
    )


def share_panel(page: str, *, exports: bool = True, map_view: bool = True) -> None:
    """The "Partager" popover: link, presentation, embed, image and data exports."""
    if not controls_shown():
        return
    lang = state.lang()
    link = state.permalink()
    # Lazy: what the exports need (the view's figures and initiatives) is computed only
    # while the popover is open (opening it reruns the page), not on every rerun of
    # every session.
    with st.popover(
        t("share.button", lang), icon=":material/share:", key="share-popover", on_change="rerun"
    ) as popover:
        st.markdown(f"**{t('share.link', lang)}**")
        st.code(link, language=None, wrap_lines=True)
        copy_link_button(link, lang)
        if map_view:
            st.markdown(f"**{t('share.presentation', lang)}**")
            cols = st.columns(2)
            for col, preset in zip(cols, ("16x9", "1x1"), strict=True):
                col.link_button(
                    t(f"share.preset.{preset}", lang),
                    link_with(presentation=preset),
                    icon=":material/present_to_all:",
                    width="stretch",
                )
        if exports and popover.open:
            data = current_view_data(page)
            if map_view:
                st.markdown(f"**{t('share.image', lang)}**")
                image_downloads(data, lang)
            st.markdown(f"**{t('share.data', lang)}**")
            st.caption(
                t("share.data_count", lang, rows=len(data.figures), items=len(data.initiatives))
            )
            data_downloads(data, lang)
        if map_view:
            st.markdown(f"**{t('share.embed', lang)}**")
            st.caption(t("share.embed_help", lang))
            snippet = iframe_snippet(
                with_embed(link), t("share.embed_title", lang), height=EMBED_HEIGHT
            )
            st.code(snippet, language="html", wrap_lines=True)


def embed_footer() -> None:
    """Under an embedded map: the source and a link to the full view (new tab)."""
    lang = state.lang()
    link = state.permalink()
    data_source = current_view_data("carte").source_text
    st.html(
        f'<div style="font-size:12px;color:#444">{escape(data_source)} · '
        f'<a href="{escape(link, quote=True)}" target="_blank" rel="noopener">'
        f"{escape(t('share.open_full', lang))}</a></div>"
    )
