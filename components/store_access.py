"""The store and the login rate limiter, one of each per server process.

The store is opened once per database URL (``DATABASE_URL``, else the SQLite file)
and shared by every session; :func:`published_initiatives` caches the published
frame per :meth:`~data.store.Store.version`, so an approval made by another process
(another replica sharing the PostgreSQL database) shows on the next rerun.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data.store import RateLimiter, Store, open_store, resolve_url


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> Store:
    return open_store(url)


def store() -> Store:
    """The store of this process (migrated and seeded on first use)."""
    return _store_for(resolve_url())


@st.cache_resource(show_spinner=False, max_entries=4)
def _published(url: str, version: str) -> pd.DataFrame:
    return _store_for(url).published_frame()


def published_initiatives() -> pd.DataFrame:
    """Published initiatives (columns of ``load_initiatives``), cached per version.

    Shared read-only: copy before changing it.
    """
    url = resolve_url()
    return _published(url, _store_for(url).version())


@st.cache_resource(show_spinner=False)
def login_limiter() -> RateLimiter:
    """Failed moderation logins: 5 per client address per 15 minutes, 50 in all."""
    return RateLimiter(max_failures=5, window=900.0, global_max_failures=50)


def client_key() -> str:
    """The client's address as Streamlit sees it (behind a proxy: the proxy's), or a
    shared key when unknown, so that opening new sessions does not reset the count."""
    try:
        address = st.context.ip_address
    except (AttributeError, RuntimeError):
        address = None
    return f"ip:{address}" if isinstance(address, str) and address else "ip:unknown"
