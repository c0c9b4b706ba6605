"""Showing untrusted text in Streamlit as text: Markdown-escaped, never HTML."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$:])")


def md_escape(text: object) -> str:
    """Escape Markdown so ``st.markdown``/``st.warning`` show the characters as typed."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))
