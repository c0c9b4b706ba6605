"""The kiosk's browser side: ``static/kiosk/kiosk.js`` mounted as a components.v2 module.

Two mounts feed one controller in the page (see the JS header):

- ``static``: what does not change with the view (texts, attract slides, the small map
  of France, case studies, QR matrices of every external link). Same bytes on every
  rerun, so Streamlit's message cache sends it once per browser session;
- ``view``: timers, the reset and health URLs, whether the view is clean.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st
import streamlit.components.v2 as components_v2

from components import cache
from components.i18n import TEXTS, t
from components.kiosk.content import (
    attract_slides,
    case_study_details,
    external_urls,
    france_paths,
)
from components.kiosk.qr import phone_url, qr_registry
from components.kiosk.settings import HEALTH_POLL_SECONDS, KioskSettings

STATIC_DIR = Path(__file__).resolve().parents[2] / "static" / "kiosk"
JS_FILE = STATIC_DIR / "kiosk.js"
CSS_FILE = STATIC_DIR / "kiosk.css"


@st.cache_resource(show_spinner=False)
def _controller():
    return components_v2.component("atlas_kiosk", js=JS_FILE.read_text(encoding="utf-8"))


@st.cache_resource(show_spinner=False)
def _qr_codes() -> dict[str, dict[str, object]]:
    return qr_registry(external_urls(cache.atlas()))


def warm_qr_codes() -> None:
    """Fill the QR cache (the server's start calls it when kiosk is the default mode)."""
    _qr_codes()


@st.cache_resource(show_spinner=False)
def _france() -> tuple[dict[str, str], tuple[float, float]]:
    return france_paths(cache.atlas().departements_rapproches)


@st.cache_resource(show_spinner=False, max_entries=8)
def static_payload(lang: str, public_root: str, local: bool) -> dict[str, Any]:
    """Everything the controller needs that does not depend on the view."""
    a = cache.atlas()
    urls = {cs.slug: _case_study_url(cs.slug, public_root, local=local) for cs in a.case_studies}
    paths, size = _france()
    texts = {key: t(key, lang) for key in TEXTS if key.startswith("kiosk.")}
    return {
        "lang": lang,
        "texts": texts,
        "slides": attract_slides(a, lang),
        "paths": paths,
        "mapSize": list(size),
        "caseStudies": case_study_details(a, urls),
        "qr": {**_qr_codes(), **qr_registry(urls.values())},
    }


def _case_study_url(slug: str, root: str, *, local: bool) -> str:
    query = f"cas={slug}" + ("&kiosk=0" if local else "")
    return f"{root.rstrip('/')}/etudes-de-cas?{query}"


def base_path() -> str:
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def page_origin() -> str:
    """The origin the kiosk's browser uses (``http://host:port``)."""
    url = str(st.context.url or "")
    parts = url.split("/", 3)
    return "/".join(parts[:3]) if len(parts) >= 3 else "http://localhost"


def phone_link(params: dict[str, str], settings: KioskSettings) -> str:
    return phone_url(
        params, public_url=settings.public_url, page_origin=page_origin(), base_path=base_path()
    )


def mount(
    settings: KioskSettings,
    *,
    lang: str,
    clean: bool,
    kiosk_in_url: bool,
) -> None:
    """Mount the controller (call once per run, anywhere: it draws nothing in place)."""
    root = settings.public_url or (page_origin() + base_path())
    controller = _controller()
    controller(
        key="kiosk_static",
        data={"static": static_payload(lang, root, settings.public_url is None)},
    )
    query = settings.reset_query(kiosk_in_url)
    controller(
        key="kiosk_view",
        data={
            "view": {
                "lang": lang,
                "clean": clean,
                "idleSeconds": settings.idle_seconds,
                "countdownSeconds": settings.countdown_seconds,
                "attractSeconds": settings.attract_seconds,
                "healthSeconds": HEALTH_POLL_SECONDS,
                "resetPath": f"{base_path()}/" + (f"?{query}" if query else ""),
                "healthPath": f"{base_path()}/_stcore/health",
            }
        },
    )
