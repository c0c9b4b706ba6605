"""The store and the login rate limiter, one of each per server process.

The store is opened once per database URL (``DATABASE_URL``, else the SQLite file)
and shared by every session; :func:`published_initiatives` caches the published
frame per :meth:`~data.store.Store.version`, so an approval made by another process
(another replica sharing the PostgreSQL database) shows on the next rerun.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from data.store import RateLimiter, Store, open_store, resolve_url


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> Store:
    return open_store(url)


def store() -> Store:
    """The store of this process (migrated and seeded on first use)."""
    return _store_for(resolve_url())


_last_version: dict[str, str] = {}


def published_version() -> str:
    """The store's version token (one cheap query). If the database cannot be reached
    after having answered once, the last token is returned so that pages keep
    showing the last published set instead of failing."""
    url = resolve_url()
    try:
        version = _store_for(url).version()
    except SQLAlchemyError:
        if url in _last_version:
            return _last_version[url]
        raise
    _last_version[url] = version
    return version


@st.cache_resource(show_spinner=False, max_entries=4)
def _published(url: str, version: str) -> pd.DataFrame:
    return _store_for(url).published_frame()


def published_initiatives(version: str | None = None) -> pd.DataFrame:
    """Published initiatives (columns and dtypes of ``load_initiatives``), cached per
    version: pass the token you keyed your own cache on, or None for the current one.

    Shared read-only: copy before changing it.
    """
    return _published(resolve_url(), version or published_version())


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
