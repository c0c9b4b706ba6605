"""Shared pieces of the browser benchmarks: servers side by side, timed page opens,
bytes on the wire (and what ``gzip on`` in front would make of them), ratios.

Used by ``bench.side_by_side``, ``bench.rerun_browser`` and ``bench.load_sessions``.
"""

from __future__ import annotations

import gzip
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from tests.e2e.conftest import REPO, StreamlitServer

BARE = REPO / "bench" / "bare_page.py"
MAP_IFRAME = "iframe[title='streamlit_folium.st_folium']"
COMPRESSIBLE = ("javascript", "css", "json", "html", "svg", "text/")
# The national map is painted: 101 départements and markers in the map's frame.
ATLAS_PAINTED_JS = """() => {
  const f = document.querySelector("iframe[title='streamlit_folium.st_folium']");
  const d = f && f.contentDocument;
  return !!(d && d.querySelectorAll('path.atlas-dep').length === 101
    && d.querySelector('.atlas-marker, .marker-cluster')); }"""
BARE_PAINTED_JS = """() => [...document.querySelectorAll('h1')]
  .some(h => h.innerText.includes('Bare Streamlit page'))"""


def atlas_server(db_path: Path | None = None) -> StreamlitServer:
    env = {"ATLAS_DB_PATH": str(db_path)} if db_path else {}
    return StreamlitServer(env)


def bare_server() -> StreamlitServer:
    return StreamlitServer(script=BARE)


@dataclass
class Visit:
    seconds: float
    wire_bytes: int = 0  # response bodies as received, plus websocket frames
    gzip_bytes: int = 0  # the same with every uncompressed text response gzipped
    by_type: dict[str, int] = field(default_factory=dict)


# Timed waits check on every animation frame and the page notes when the check first
# held (``performance.now()``: milliseconds since the navigation started). Playwright's
# clock around a 100 ms polling wait added up to 100 ms to every page open.
TIMED_POLLING = "raf"
STAMPED_JS = """() => {{ const ok = ({check})();
  if (ok && window.__paintedAt === undefined) window.__paintedAt = performance.now();
  return ok; }}"""


def visit(browser, url: str, painted_js: str, viewport=(1440, 900), measure_bytes=True) -> Visit:
    """Fresh context, open ``url``, wait until ``painted_js`` holds; bytes received.
    ``seconds``: navigation start -> first animation frame where it held."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    responses = []
    ws_bytes = [0]
    if measure_bytes:
        page.on("response", lambda r: responses.append(r))
        page.on(
            "websocket",
            lambda ws: ws.on(
                "framereceived",
                lambda payload: ws_bytes.__setitem__(0, ws_bytes[0] + len(payload)),
            ),
        )
    page.goto(url)
    stamped = STAMPED_JS.format(check=painted_js)
    page.wait_for_function(stamped, polling=TIMED_POLLING, timeout=120_000)
    result = Visit(page.evaluate("() => window.__paintedAt") / 1000)
    if measure_bytes:
        result.wire_bytes = result.gzip_bytes = ws_bytes[0]
        result.by_type["websocket"] = ws_bytes[0]
        for response in responses:
            try:
                body = response.body()
            except Exception:  # noqa: BLE001 - redirects, aborted requests
                continue
            headers = response.headers
            kind = headers.get("content-type", "?").split(";")[0]
            wire = response.request.sizes().get("responseBodySize", len(body))
            compressed = wire
            if "content-encoding" not in headers and any(k in kind for k in COMPRESSIBLE):
                compressed = len(gzip.compress(body, 6))
            result.wire_bytes += wire
            result.gzip_bytes += compressed
            result.by_type[kind] = result.by_type.get(kind, 0) + wire
    context.close()
    return result


def spread(values: list[float]) -> str:
    return f"min {min(values):.2f} / median {statistics.median(values):.2f} / max {max(values):.2f}"


def ratios(atlas: list[float], bare: list[float]) -> list[float]:
    return [a / b for a, b in zip(atlas, bare, strict=True)]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]
