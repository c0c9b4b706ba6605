"""A real Streamlit server on a free port and Debian's headless Chromium driven by Playwright.

Every request the page makes is recorded; ``assert_only_local_requests`` fails a test
on any request to a non-local host. Screenshots go to ``test-artifacts/screenshots``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The server as users start it (scripts/run.sh, README): the launcher around app.py.
LAUNCHER = REPO / "scripts" / "serve.py"


class StreamlitServer:
    """``streamlit run scripts/serve.py`` in a subprocess; its log is printed if it dies.
    ``script`` runs another file instead (a bench's bare page)."""

    def __init__(
        self, env: dict[str, str] | None = None, script: Path = LAUNCHER, timeout: float = 120
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = REPO / "test-artifacts" / f"streamlit-{self.port}.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(script),
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=REPO,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
        self.started_at = time.monotonic()
        self.wait_healthy(timeout)
        self.healthy_at = time.monotonic()

    def wait_healthy(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"streamlit not healthy after {timeout}s:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-5000:]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


@pytest.fixture(scope="module")
def server() -> Iterator[StreamlitServer]:
    srv = StreamlitServer()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/system-deps.sh installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class PageRecorder:
    """Collects requests and console errors of one page."""

    def __init__(self, page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", lambda req: self.requests.append(req.url))
        page.on(
            "console",
            lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))

    def external_requests(self) -> list[str]:
        out = []
        for url in self.requests:
            parsed = urlparse(url)
            if parsed.scheme in ("data", "blob", "about"):
                continue
            if parsed.hostname not in LOCAL_HOSTS:
                out.append(url)
        return out


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR")
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    recorder = PageRecorder(pg)
    pg.recorder = recorder  # type: ignore[attr-defined]
    yield pg
    if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
        shot(pg, f"FAILED-{request.node.name}")
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)


# Playwright's wait_for_function polls on requestAnimationFrame by default, and Chromium
# does not promise to run rAF callbacks: it skips frames for a page it is not painting
# (right after a navigation, or starved on a loaded machine) while the page itself is
# fine. A timer does not depend on painting: every wait on a page condition polls on one.
POLL_MS = 100


def wait_js(target, expression: str, arg=None, timeout: float | None = None):
    """Wait until ``expression`` is truthy in a page or frame, polling every POLL_MS."""
    return target.wait_for_function(expression, arg=arg, polling=POLL_MS, timeout=timeout)


class ScriptRuns:
    """The script runs the server finished for one page, counted on its websocket
    (Streamlit's ``script_finished`` messages, fragments' runs included).

    The page's own ``data-test-script-state`` is no count: a run quicker than a
    frame may never show as ``running`` (React renders both states at once). Attach
    before the page opens its websocket (before ``goto``)."""

    def __init__(self, page) -> None:
        self.page = page
        self.finished = 0
        self.websocket = None
        page.on("websocket", self._watch)

    def _watch(self, websocket) -> None:
        self.websocket = websocket
        websocket.on("framereceived", self._count)

    @staticmethod
    def _is_finished(payload) -> bool:
        from google.protobuf.message import DecodeError
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        if isinstance(payload, str):
            return False
        msg = ForwardMsg()
        try:
            msg.ParseFromString(payload)
        except DecodeError:
            return False
        return msg.WhichOneof("type") == "script_finished"

    def _count(self, payload) -> None:
        self.finished += self._is_finished(payload)

    def wait_beyond(self, count: int, timeout: float = 30.0) -> None:
        """Wait until more than ``count`` runs have finished (each websocket frame
        wakes the wait), then until the page has applied them."""
        deadline = time.monotonic() + timeout
        while self.finished <= count:
            left_ms = (deadline - time.monotonic()) * 1000
            if self.websocket is None or left_ms <= 0:
                raise AssertionError(f"no script run finished in {timeout} s (still {count})")
            self.websocket.wait_for_event("framereceived", timeout=left_ms)
        wait_for_run(self.page)


def shot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    print(f"screenshot saved: {path}")
    return path


def wait_for_run(page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished running the script (no fixed sleeps)."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    wait_js(
        page,
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")"
        " || document.querySelector(\"[data-testid='stStatusWidget']\").innerText === ''",
        timeout=timeout,
    )
    wait_js(
        page,
        "() => document.querySelector(\"[data-testid='stApp']\")"
        ".getAttribute('data-test-script-state') !== 'running'",
        timeout=timeout,
    )


def map_frame(page, timeout: float = 30_000):
    """The streamlit-folium iframe, once Leaflet has drawn département shapes."""
    page.wait_for_selector("iframe[title='streamlit_folium.st_folium']", timeout=timeout)
    frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
    frame.locator("path.leaflet-interactive").first.wait_for(timeout=timeout)
    return frame


def frame_of(page):
    """The map's frame (a Playwright Frame, for ``evaluate`` and waits inside it)."""
    return next(f for f in page.frames if "st_folium" in f.url)


def wait_map_idle(frame) -> None:
    """Wait until markers and clusters stop moving: they are placed after the map's
    first layout, and a cluster tapped by mistake zooms instead of selecting."""
    wait_js(
        frame,
        """() => {
          const now = [...document.querySelectorAll('.atlas-marker, .marker-cluster')]
            .map(e => e.style.transform).join('|');
          const still = now !== '' && window.__atlasMarkers === now
            && !document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim');
          window.__atlasMarkers = now;
          return still;
        }""",
    )


def wait_still(frame, selector: str) -> None:
    """Wait until the first element of ``selector`` stands still inside its frame's
    viewport: a popup pans the map to show itself, and a tap during the pan lands
    beside the link."""
    wait_js(
        frame,
        """(selector) => {
          const el = document.querySelector(selector);
          if (!el) return false;
          const r = el.getBoundingClientRect();
          const now = [r.left, r.top, r.width, r.height].join(',');
          const still = window.__atlasStill === now && r.top >= 0 && r.left >= 0
            && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
          window.__atlasStill = now;
          return still;
        }""",
        arg=selector,
    )


def click_shape(page, selector: str) -> None:
    """Click a map shape where it is really on top (not under a marker or a legend):
    scan its box for a point whose topmost element is the shape, then click there
    with the mouse, as a user would."""
    handle = page.locator("iframe[title='streamlit_folium.st_folium']")
    frame = frame_of(page)
    wait_map_idle(frame)
    point = frame.evaluate(
        """(selector) => {
          const el = document.querySelector(selector);
          if (!el) return null;
          const r = el.getBoundingClientRect();
          for (let step = 0; step < 400; step++) {
            const fx = ((step * 0.618) % 1), y = r.top + r.height * (((step * 0.382) % 1));
            const x = r.left + r.width * fx;
            if (document.elementFromPoint(x, y) === el) return [x, y];
          }
          return null;
        }""",
        selector,
    )
    assert point, f"no clickable point on {selector}"
    box = handle.bounding_box()
    page.mouse.click(box["x"] + point[0], box["y"] + point[1])
