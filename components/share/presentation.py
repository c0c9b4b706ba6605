"""The presentation frame (``?presentation=16x9`` or ``?presentation=1x1``).

No control at all (the navigation is hidden by app.py, the page draws no widget, CSS
hides Streamlit's header and sidebar): a fixed-size frame holding the title, the
subtitle (indicator and year), the initiatives shown, the interactive map with its
legend, the source line, the date, and the view's permalink as text and as a QR code.
The link in the frame is the interactive view's (without ``presentation``).
"""

from __future__ import annotations

from html import escape

import streamlit as st
from streamlit_folium import st_folium

from components import cache, state
from components.i18n import t
from components.map.view import build_map
from components.share import panel as share
from components.share.export_data import initiative_filter
from data.filters import filter_initiatives

# preset -> (frame width, frame height, map height) in CSS pixels
FRAMES: dict[str, tuple[int, int, int]] = {"16x9": (1280, 720, 592), "1x1": (900, 900, 600)}
FRAME_KEY = "atlas-frame"

CSS = """
<style>
header[data-testid="stHeader"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"], [data-testid="stToolbar"],
[data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 12px !important; max-width: none !important; }
.st-key-atlas-frame { width: __W__px !important; height: __H__px !important; margin: 0 auto;
  flex: 0 0 auto !important; padding: 18px 24px;
  border: 1px solid #d0d7de; border-radius: 4px; background: #fff; box-sizing: border-box;
  overflow: hidden; gap: 6px; }
.atlas-frame-title { font-size: 30px; font-weight: 700; line-height: 1.15; margin: 0;
  color: #1a1a1a; }
.atlas-frame-subtitle { font-size: 18px; line-height: 1.3; margin: 4px 0 0; color: #1a1a1a; }
.atlas-frame-filters { font-size: 13px; color: #555; margin: 2px 0 0; }
.atlas-frame-side { font-size: 12px; color: #444; line-height: 1.35; }
.atlas-frame-side p { margin: 0 0 6px; }
.atlas-frame-link { color: #0b3954; word-break: break-all; }
.atlas-frame-qr img { width: 100%; max-width: __QR__px; height: auto; display: block;
  image-rendering: pixelated; }
</style>
"""


def qr_alt(link: str, lang: str) -> str:
    return t("share.frame.qr_alt", lang, link=link)


def _header(title: str, subtitle: str, filters: str) -> str:
    return (
        f'<div class="atlas-frame-header"><h1 class="atlas-frame-title">{escape(title)}</h1>'
        f'<p class="atlas-frame-subtitle">{escape(subtitle)}</p>'
        f'<p class="atlas-frame-filters">{escape(filters)}</p></div>'
    )


def _side(link: str, source: str, date: str, lang: str, *, qr: bool = True) -> str:
    parts = ['<div class="atlas-frame-side">']
    if qr:
        parts.append(f'<div class="atlas-frame-qr">{share.qr_img(link, qr_alt(link, lang))}</div>')
    parts += [
        f"<p><strong>{escape(t('share.frame.link', lang))}</strong><br>"
        f'<span class="atlas-frame-link" data-testid="atlas-frame-link">{escape(link)}</span></p>',
        f'<p class="atlas-frame-source">{escape(source)}</p>',
        f'<p class="atlas-frame-date">{escape(date)}</p>',
        "</div>",
    ]
    return "".join(parts)


def presentation_frame(preset: str) -> None:
    """The whole page in presentation mode (``preset`` is ``16x9`` or ``1x1``)."""
    width, height, map_height = FRAMES.get(preset, FRAMES["16x9"])
    lang = state.lang()
    data = share.current_view_data("carte")
    link = state.permalink()
    qr_size = 150 if preset == "16x9" else 120
    css = CSS.replace("__W__", str(width)).replace("__H__", str(height))
    st.html(css.replace("__QR__", str(qr_size)))
    shown = filter_initiatives(cache.atlas().initiatives, initiative_filter(state.view()))
    with st.container(key=FRAME_KEY):
        st.html(_header(data.title, data.subtitle, data.filters_text))
        if preset == "1x1":
            _map(shown, map_height)
            text_col, qr_col = st.columns([5, 1.3], vertical_alignment="bottom")
            with text_col:
                st.html(_side(link, data.source_text, data.date_text, lang, qr=False))
            with qr_col:
                st.html(
                    f'<div class="atlas-frame-qr">{share.qr_img(link, qr_alt(link, lang))}</div>'
                )
        else:
            map_col, side_col = st.columns([4.3, 1], vertical_alignment="bottom")
            with map_col:
                _map(shown, map_height)
            with side_col:
                st.html(_side(link, data.source_text, data.date_text, lang))


def _map(shown, height: int) -> None:
    # Interactions (pan, zoom, popups) stay; nothing goes back to Python.
    st_folium(
        build_map(shown, height=height),
        key="presentation_map",
        height=height,
        use_container_width=True,
        returned_objects=[],
    )
