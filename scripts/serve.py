"""The atlas server, as users, the README, scripts/run.sh and the tests start it.

    .venv/bin/streamlit run scripts/serve.py [--server.port 8501 ...]

An ``st.App`` around ``app.py`` (Streamlit 1.67) that, before the first visitor:

- makes every request go through ``app.py``'s ``st.navigation``. Because ``pages/``
  exists, Streamlit otherwise starts in its old multipage mode
  (``PagesManager.uses_pages_directory``, set False only once ``st.navigation`` has
  run): until someone opens ``/``, a direct link such as ``/departement?dep=55`` runs
  that page file alone (no navigation, no language switch, no wide layout) and the
  sidebar lists the raw files. The flag is set here, before any session exists;
- warms the caches in its lifespan hook (the geometry files checked, data, store,
  search index, one render of the national map; ``components.cache.warm``): the
  server accepts connections once they are filled;
- then freezes the warm heap (``gc.freeze``): Streamlit runs a full garbage collection
  after every script run (``runner.postScriptGC``), which walked the ~430,000 objects
  of the loaded data and libraries (a quarter of a second holding the GIL, every run,
  for every session); frozen, they are skipped and each collection only sees what the
  runs themselves made;
- mounts the popup route (``components.map.api``): popups load on demand.

``streamlit run app.py`` still works (no popup route: popups travel with the map).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import sys
from contextlib import asynccontextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import streamlit as st  # noqa: E402
from streamlit import config  # noqa: E402
from streamlit.runtime.pages_manager import PagesManager  # noqa: E402

from components.map import api as map_api  # noqa: E402

PagesManager.uses_pages_directory = False
os.environ[map_api.ENV_FLAG] = "1"
log = logging.getLogger("atlas.serve")


@asynccontextmanager
async def lifespan(_app):
    from components import cache

    try:
        steps = await asyncio.to_thread(cache.warm)
        print(f"  Atlas caches warm in {steps['done']:.1f} s: {steps}", flush=True)
    except Exception:  # noqa: BLE001 - the pages show a kind error on their own
        log.exception("warming the caches failed; the first visit will load the data")
    gc.collect()
    gc.freeze()
    yield


def _base_url_path() -> str:
    try:
        return str(config.get_option("server.baseUrlPath") or "")
    except Exception:  # noqa: BLE001 - config not parsed: no base path
        return ""


app = st.App(str(REPO / "app.py"), routes=map_api.routes(_base_url_path()), lifespan=lifespan)
