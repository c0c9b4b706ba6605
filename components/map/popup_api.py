"""Popups on demand: ``GET /api/map/popup?id=<initiative id>&lang=fr|en``.

The map documents carry no popup: a marker asks for its own when it opens. The route
is mounted by the launcher (``scripts/serve.py``, an ``st.App``), which sets
``ATLAS_MAP_API=1``; without it (``streamlit run app.py``, AppTest) the popups travel
in the map's update as before. The HTML is the same :func:`initiative_popup`, every
text escaped, built from the initiatives published in the store.
"""

from __future__ import annotations

import os

from components import cache
from components.map.build import lever_label
from components.map.popups import initiative_popup

POPUP_PATH = "/api/map/popup"
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

    paths = [POPUP_PATH]
    base = base_url_path.strip("/")
    if base:
        paths.append(f"/{base}{POPUP_PATH}")
    return [Route(path, endpoint, methods=["GET"]) for path in paths]
