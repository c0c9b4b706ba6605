"""Session keys and one-shot messages of the moderation screen."""

from __future__ import annotations

import streamlit as st

AUTH_KEY = "_moderation_auth"  # fingerprint of the secret the session logged in with
WHO_KEY = "_moderation_who"
FLASH_KEY = "_moderation_flash"
IMPORT_KEY = "_moderation_import"
W_LOGIN_NAME = "w_mod_login_name"
W_LOGIN_SECRET = "w_mod_login_secret"  # noqa: S105 (a widget key)


def flash(kind: str, text: str) -> None:
    st.session_state.setdefault(FLASH_KEY, []).append((kind, text))


def show_flash() -> None:
    for kind, text in st.session_state.pop(FLASH_KEY, []):
        (st.success if kind == "success" else st.error)(text)
