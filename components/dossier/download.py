"""The "Dossier du département (PDF)" download button, and its cache.

The PDF is built when the button is clicked (``st.download_button`` with a callable), then
kept per (département, language, data version, atlas address, day): a second click, or
another visitor asking for the same dossier the same day, gets the cached bytes.
"""

from __future__ import annotations

import datetime as dt
import os
from urllib.parse import urlsplit

import streamlit as st

from components import cache, state
from components.contributions import store_access
from components.dossier.build import build_dossier
from components.dossier.fonts import FontMissing, register_fonts
from components.i18n import t
from components.kiosk.settings import ENV_PUBLIC_URL, public_url
from components.text import md_escape

LOCAL_ROOT = "http://localhost:8501"


def atlas_root() -> str:
    """The atlas address printed in the dossier: ``ATLAS_PUBLIC_URL`` when set, else the
    address this browser uses (origin and Streamlit's base path)."""
    public = public_url(os.environ.get(ENV_PUBLIC_URL), [])
    if public:
        return public
    parts = urlsplit(str(st.context.url or ""))
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else LOCAL_ROOT
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return origin + (f"/{base}" if base else "")


@st.cache_data(show_spinner=False, max_entries=64)
def dossier_bytes(dep: str, lang: str, version: str, root: str, day: str) -> bytes:
    """The dossier's PDF; ``version`` (the store's published version) is part of the key
    so that a newly published initiative gives a new dossier."""
    del version  # the cache key only: cache.atlas() reads the current version
    shapes = cache.commune_shapes(dep)[0]
    return build_dossier(
        cache.atlas(), dep, lang, root=root, today=dt.date.fromisoformat(day), shapes=shapes
    )


def file_name(dep: str, lang: str) -> str:
    return f"atlas-acces-soins_dossier_{dep}_{lang}.pdf"


def dossier_button(dep: str, *, key: str) -> None:
    """The download button of ``dep``'s dossier in the view's language."""
    lang = state.lang()
    try:
        register_fonts()
    except FontMissing as exc:
        st.warning(md_escape(t("dossier.error", lang, error=exc)), icon=":material/error:")
        return
    version = store_access.published_version()
    root = atlas_root()
    day = dt.date.today().isoformat()

    def build() -> bytes:
        return dossier_bytes(dep, lang, version, root, day)

    st.download_button(
        t("dossier.button", lang),
        data=build,
        file_name=file_name(dep, lang),
        mime="application/pdf",
        key=f"dossier-{key}-{dep}",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        help=t("dossier.button_help", lang),
        width="stretch",
    )
