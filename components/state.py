"""The one owner of the view state: URL parameters -> session state -> URL.

On a session's first run the URL is parsed (bad parameters give a notice and fall
back one by one); afterwards the session's ViewState is the truth and every change is
written back to the URL, so every view is a permalink. When the URL changes from
outside (browser back/forward, a link edited by hand), the view follows it.
"""

from __future__ import annotations

import streamlit as st

from components import cache
from components.text import md_escape
from components.view_params import ViewState, build_link, parse_view, to_params

VIEW_KEY = "_atlas_view"
NOTICES_KEY = "_atlas_notices"
URL_KEY = "_atlas_url"  # the query parameters the app last wrote (or read)
# Parameters owned by other features, kept as they are in the URL. (Streamlit keeps
# ``embed``/``embed_options`` itself and hides them from st.query_params.)
PASSTHROUGH = ("kiosk", "cas")
# Of those, the ones that are part of the view a shared link must reproduce.
SHARED_PASSTHROUGH = ("cas",)
MAX_PASSTHROUGH_LENGTH = 60


def _raw_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _fingerprint(params: dict[str, list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(sorted((key, tuple(values)) for key, values in params.items()))


def view() -> ViewState:
    """The current view: parsed from the URL on the session's first run, and again
    whenever the URL is no longer the one the app last wrote."""
    raw = _raw_params()
    seen = _fingerprint(raw)
    if VIEW_KEY not in st.session_state or st.session_state.get(URL_KEY) != seen:
        state, notices = parse_view(raw, cache.vocabulary())
        st.session_state[VIEW_KEY] = state
        st.session_state[NOTICES_KEY] = notices
        st.session_state[URL_KEY] = seen
    return st.session_state[VIEW_KEY]


def set_view(state: ViewState) -> None:
    """Replace the view (call from widget callbacks or before st.rerun)."""
    st.session_state[VIEW_KEY] = state


def update(**changes: object) -> None:
    set_view(view().with_(**changes))


def lang() -> str:
    return view().lang


def _passthrough(keys: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for key in keys:
        value = st.query_params.get(key)
        if value and len(value) <= MAX_PASSTHROUGH_LENGTH:
            out[key] = value
    return out


def permalink_params() -> dict[str, str]:
    """What the URL must hold: the view, its display mode, the pages' own parameters."""
    return {**to_params(view(), cache.vocabulary()), **_passthrough(PASSTHROUGH)}


def share_params() -> dict[str, str]:
    """The parameters of the link to share: the view without the display mode."""
    params = to_params(view(), cache.vocabulary(), display=False)
    return {**params, **_passthrough(SHARED_PASSTHROUGH)}


def page_url() -> str:
    """Absolute URL of the current page without query (relative when unknown, e.g. in
    AppTest)."""
    url = st.context.url
    if not url:
        return "/"
    return url if url.count("/") > 2 else url + "/"


def permalink() -> str:
    """The absolute link reproducing the current view on the current page."""
    return build_link(page_url(), share_params())


def sync_url() -> None:
    """Write the view to the URL if it differs (no page reload)."""
    params = permalink_params()
    current = {key: st.query_params.get(key) for key in st.query_params}
    if current != params:
        st.query_params.from_dict(params)
    st.session_state[URL_KEY] = _fingerprint(_raw_params())


def show_notices() -> None:
    """Tell, once, which URL parameters were ignored. In a container that is always
    there: without it, the elements after the notices would move up a place on the
    next run, and the map's frame, no longer where it was, would be mounted again
    (polygons sent again, zoom and pan lost)."""
    with st.container(key="url_notices"):
        for notice in st.session_state.pop(NOTICES_KEY, []):
            st.warning(md_escape(notice), icon=":material/link_off:")
