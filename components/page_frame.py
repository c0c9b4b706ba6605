"""What every page shares: data loading with a kind error, CSS, the sidebar's top."""

from __future__ import annotations

import os

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components import cache, sidebar
from components.i18n import t
from components.text import md_escape
from data.errors import InputError

APP_CSS = """
<style>
/* Keyboard focus stays visible (WCAG 2.4.7). */
button:focus-visible, [role="button"]:focus-visible, a:focus-visible, input:focus-visible {
  outline: 3px solid #1f5f8b !important; outline-offset: 2px;
}
</style>
"""


def load_or_stop() -> None:
    """Load the data once; on failure show what is wrong and stop (no traceback)."""
    try:
        cache.atlas()
    except (InputError, OSError, SQLAlchemyError) as exc:
        st.error(md_escape(t("error.load", "fr", error=exc)), icon=":material/error:")
        st.stop()


def page_chrome() -> None:
    st.html(APP_CSS)


def sidebar_top() -> None:
    sidebar.language_switch()


def kiosk_requested() -> bool:
    """Kiosk mode: ``?kiosk=1`` in the URL, or ``ATLAS_KIOSK=1`` to make it the default
    (then ``?kiosk=0`` gives the normal app)."""
    value = st.query_params.get("kiosk")
    if value is not None:
        return value == "1"
    return os.environ.get("ATLAS_KIOSK", "") == "1"
