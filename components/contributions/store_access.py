"""The store (one per server process) and the login rate limiter (counted in it).

The store is opened once per database URL (``DATABASE_URL``, else the SQLite file)
and shared by every session; :func:`published_initiatives` caches the published
frame per :meth:`~data.store.Store.version`, so an approval made by another process
(another replica sharing the PostgreSQL database) shows on the next rerun.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError
from streamlit.runtime.scriptrunner import get_script_run_ctx

from data.store import RateLimiter, Store, open_store, resolve_url
from data.store.client_address import client_address, trusted_proxies
from data.store.published import PublishedFrames


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> Store:
    return open_store(url)


def store() -> Store:
    """The store of this process (migrated and seeded on first use)."""
    return _store_for(resolve_url())


_last_version: dict[str, str] = {}
# Set on the script run's context: (that run's cursors, database URL, writes, version).
_RUN_VERSION = "_atlas_published_version"


def published_version() -> str:
    """The store's version token, read once per script run: every part of a page
    then shows the same published set, and a run asks the database once instead of
    once per part (each query hands the GIL over, which costs every other session
    under load). A write made through this process's store reads it again. Outside
    a run: one query each time.

    If the database cannot be reached after having answered once, the last token is
    returned so that pages keep showing the last published set instead of failing."""
    url = resolve_url()
    store = _store_for(url)
    ctx = get_script_run_ctx(suppress_warning=True)
    # Streamlit gives every run (a fragment's too) new cursors: they tell runs apart.
    run = getattr(ctx, "cursors", None)
    memo = getattr(ctx, _RUN_VERSION, None)
    if run is not None and memo is not None and memo[0] is run and memo[1:3] == (url, store.writes):
        return memo[3]
    writes = store.writes  # before the query: a write committed meanwhile reads again
    try:
        version = store.version()
    except SQLAlchemyError:
        if url in _last_version:
            return _last_version[url]
        raise
    _last_version[url] = version
    if run is not None:
        setattr(ctx, _RUN_VERSION, (run, url, writes, version))
    return version


@st.cache_resource(show_spinner=False, max_entries=4)
def _published(url: str, version: str) -> PublishedFrames:
    return _store_for(url).published_catalogue()


def published_catalogue(version: str | None = None) -> PublishedFrames:
    """Published initiatives and their outcome records (the frames of
    ``load_catalogue``), cached per version: pass the token you keyed your own cache
    on, or None for the current one.

    Shared read-only: copy before changing it.
    """
    return _published(resolve_url(), version or published_version())


def published_initiatives(version: str | None = None) -> pd.DataFrame:
    """The published initiatives alone (see :func:`published_catalogue`)."""
    return published_catalogue(version).initiatives


def login_limiter() -> RateLimiter:
    """Failed moderation logins: 5 per client address per 15 minutes, 50 in all,
    counted in the store (shared by the replicas, kept across restarts)."""
    return RateLimiter(store().engine, max_failures=5, window=900.0, global_max_failures=50)


def client_key() -> str:
    """The client's address (behind the proxies of ``ATLAS_TRUSTED_PROXIES``: the one
    they forwarded), or a shared key when unknown, so that opening new sessions does
    not reset the count."""
    try:
        peer, headers = st.context.ip_address, st.context.headers
    except (AttributeError, RuntimeError):
        peer, headers = None, None
    try:
        proxies = trusted_proxies()
    except ValueError as exc:  # shown; no proxy is trusted until the setting is fixed
        st.error(str(exc), icon=":material/settings:")
        proxies = ()
    address = client_address(peer, headers, proxies)
    return f"ip:{address}" if address else "ip:unknown"
