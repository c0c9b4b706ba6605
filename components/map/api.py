"""The map's routes, mounted by the launcher (``scripts/serve.py``, an ``st.App``):

- ``GET /api/map/popup?id=<initiative id>&lang=fr|en``: the map documents carry no
  popup, a marker asks for its own when it opens. Same :func:`initiative_popup`, every
  text escaped, built from the initiatives published in the store;
- ``GET /api/map/markers/<token>.json``: every published marker of one store version,
  language and layout (:mod:`components.map.marker_tables`); updates send a bit mask.

The launcher sets ``ATLAS_MAP_API=1``; without it (``streamlit run app.py``, AppTest)
markers and popups travel in the map's update as before.
"""

from __future__ import annotations

import os

from components import cache
from components.map import marker_tables
from components.map.build import lever_label
from components.map.popups import initiative_popup

POPUP_PATH = "/api/map/popup"
MARKERS_PATH = "/api/map/markers"
ENV_FLAG = "ATLAS_MAP_API"
LANGS = ("fr", "en")


def api_mounted() -> bool:
    return os.environ.get(ENV_FLAG) == "1"


def popup_url(base_url_path: str = "") -> str | None:
    """The popup route as the browser reaches it, or None when it is not mounted."""
    if not api_mounted():
        return None
    base = base_url_path.strip("/")
    return f"/{base}{POPUP_PATH}" if base else POPUP_PATH


def marker_url(base_url_path: str = "") -> str | None:
    """Prefix of the marker tables' route, or None when it is not mounted."""
    if not api_mounted():
        return None
    base = base_url_path.strip("/")
    return f"/{base}{MARKERS_PATH}" if base else MARKERS_PATH


def popup_html(initiative_id: str, lang: str, base_url_path: str = "") -> str | None:
    """The popup of one published initiative, or None if there is none by that id."""
    if lang not in LANGS:
        return None
    frame = cache.atlas().initiatives
    rows = frame[frame["id"] == initiative_id]
    if rows.empty:
        return None
    row = rows.iloc[0].to_dict()
    return initiative_popup(
        row,
        lever_label=lever_label(row["lever"], lang),
        place_label=cache.place_labels().get(initiative_id, ""),
        lang=lang,
        base_url_path=base_url_path,
    )


def routes(base_url_path: str = ""):
    """Starlette routes of the popup endpoint (at ``/`` and under the base path)."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    async def endpoint(request):
        initiative_id = request.query_params.get("id", "")
        lang = request.query_params.get("lang", "fr")
        html = await run_in_threadpool(popup_html, initiative_id, lang, base_url_path)
        if html is None:
            return JSONResponse({"error": "unknown initiative or language"}, status_code=404)
        response = JSONResponse({"html": html})
        response.headers["Cache-Control"] = "private, max-age=60"
        return response

    async def markers(request):
        table = marker_tables.get(request.path_params["token"])
        if table is None:
            return JSONResponse({"error": "unknown marker table"}, status_code=404)
        response = JSONResponse(table.payload())
        # the token changes with the store's version: a table never changes
        response.headers["Cache-Control"] = "public, max-age=86400, immutable"
        return response

    prefixes = [""]
    base = base_url_path.strip("/")
    if base:
        prefixes.append(f"/{base}")
    out = []
    for prefix in prefixes:
        out.append(Route(f"{prefix}{POPUP_PATH}", endpoint, methods=["GET"]))
        out.append(Route(f"{prefix}{MARKERS_PATH}/{{token}}.json", markers, methods=["GET"]))
    return out
