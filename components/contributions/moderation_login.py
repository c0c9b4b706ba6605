"""Moderation login: the secret, a rate limit per client address, logout."""

from __future__ import annotations

import math
from collections.abc import Mapping

import streamlit as st

from components.contributions import store_access
from components.contributions.moderation_state import (
    AUTH_KEY,
    W_LOGIN_NAME,
    W_LOGIN_SECRET,
    WHO_KEY,
)
from components.i18n import t
from data.store.auth import secret_fingerprint, secret_matches
from data.store.validation import (
    MODERATOR_MAX,
)


def streamlit_secrets() -> Mapping[str, object] | None:
    try:
        return {key: st.secrets[key] for key in st.secrets}
    except (FileNotFoundError, KeyError, OSError):
        return None


# -- login -------------------------------------------------------------------------------


def login(secret: str, lang: str) -> None:
    limiter = store_access.login_limiter()
    key = store_access.client_key()
    wait = limiter.retry_after(key)
    if wait > 0:
        st.error(t("mod.rate_limited", lang, minutes=math.ceil(wait / 60)), icon=":material/block:")
        return
    with st.form("mod_login"):
        st.text_input(t("mod.who", lang), key=W_LOGIN_NAME, max_chars=MODERATOR_MAX)
        st.text_input(t("mod.secret", lang), key=W_LOGIN_SECRET, type="password")
        submitted = st.form_submit_button(t("mod.login", lang), icon=":material/login:")
    if not submitted:
        return
    who = str(st.session_state.get(W_LOGIN_NAME) or "").strip()
    given = str(st.session_state.get(W_LOGIN_SECRET) or "")
    if not secret_matches(given, secret):
        limiter.failure(key)
        st.error(t("mod.wrong_secret", lang), icon=":material/error:")
        return
    if not who:
        st.error(t("mod.who_required", lang), icon=":material/error:")
        return
    limiter.success(key)
    st.session_state[AUTH_KEY] = secret_fingerprint(secret)
    st.session_state[WHO_KEY] = who
    st.rerun()


def logout() -> None:
    st.session_state.pop(AUTH_KEY, None)
    st.session_state.pop(WHO_KEY, None)
