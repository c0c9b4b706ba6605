"""The moderation screen: login, pending queue, edits, CSV import/export, audit trail.

Access needs the secret of ``ATLAS_MODERATION_SECRET`` (or ``moderation_secret`` in
``.streamlit/secrets.toml``); without one, moderation is disabled. Failed logins are
rate-limited per client address (:func:`components.contributions.store_access.login_limiter`).
Contributors' text is shown as text: ``st.text``, dataframes, or Markdown-escaped.
"""

from __future__ import annotations

import os

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components.contributions import store_access
from components.contributions.moderation_login import login, logout, streamlit_secrets
from components.contributions.moderation_queue import pending_tab, published_tab
from components.contributions.moderation_state import AUTH_KEY, WHO_KEY, show_flash
from components.contributions.moderation_transfer import audit_tab, export_tab, import_tab
from components.i18n import t
from components.text import md_escape
from data.store.auth import SecretTooShort, configured_secret, secret_fingerprint


def render(lang: str) -> None:
    """The whole page body."""
    st.title(t("mod.title", lang))
    try:
        secret = configured_secret(os.environ, streamlit_secrets())
    except SecretTooShort:
        st.error(t("mod.secret_too_short", lang), icon=":material/lock:")
        return
    if secret is None:
        st.info(t("mod.disabled", lang), icon=":material/lock:")
        return
    if st.session_state.get(AUTH_KEY) != secret_fingerprint(secret):
        logout()
        login(secret, lang)
        return
    who = st.session_state.get(WHO_KEY, "")
    top, out = st.columns([4, 1])
    top.caption(t("mod.logged_in", lang, who=md_escape(who)))
    out.button(t("mod.logout", lang), on_click=logout, key="w_mod_logout")
    show_flash()
    try:
        counts = store_access.store().counts()
    except SQLAlchemyError:
        st.error(t("mod.db_error", lang), icon=":material/cloud_off:")
        return
    # Tab labels never change (a label with a count would change after an import or an
    # approval, and Streamlit would then jump back to the first tab): counts go above.
    st.caption(t("mod.counts", lang, pending=counts["pending"], published=counts["published"]))
    tabs = st.tabs(
        [
            t("mod.tab.pending", lang),
            t("mod.tab.published", lang),
            t("mod.tab.import", lang),
            t("mod.tab.export", lang),
            t("mod.tab.audit", lang),
        ],
        key="w_mod_tabs",
    )
    with tabs[0]:
        pending_tab(lang)
    with tabs[1]:
        published_tab(lang)
    with tabs[2]:
        import_tab(lang)
    with tabs[3]:
        export_tab(lang)
    with tabs[4]:
        audit_tab(lang)
