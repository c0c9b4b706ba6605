"""Many sessions on one server: each changes a filter every 10 s; server rerun times,
errors, and memory per extra session. Loopback only, bounded in count and time.

    .venv/bin/python -m bench.load_sessions [--sessions 100] [--minutes 5] [--browsers 0]
    .venv/bin/python -m bench.load_sessions --sessions 0 --browsers 20 --minutes 5
    .venv/bin/python -m bench.load_sessions --scale 30   # 30x the initiatives

``--sessions`` clients of Streamlit's websocket protocol (what a browser sends: a
rerun with the lever pills' new value), started a few at a time, each choosing another
lever every ``--every`` seconds (10). Latency: request -> ``script_finished`` (the
server's rerun, map included). ``--browsers`` headless Chromium pages, opened a second
apart (page open -> map painted), do the same by clicking a lever chip (click -> map
updated in place). The same protocol load is then
run against ``bench/bare_page.py`` (its button) for comparison (``--no-bare`` skips it).
Server RSS (process and children) is sampled every second: before any session, once
all are connected, at the end; growth per extra session is reported.
Target: rerun p95 < 1 s with 100 sessions, no error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
from dataclasses import dataclass, field

from bench.browser_common import (
    ATLAS_PAINTED_JS,
    STAMPED_JS,
    TIMED_POLLING,
    atlas_server,
    bare_server,
    percentile,
)
from bench.kiosk_endurance import RssSampler
from bench.synthetic import scaled_store
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, POLL_MS

TIMEOUT = 120
BROWSER_ARRIVALS_S = 1.0  # between two browsers' first page opens


@dataclass
class Load:
    latencies_ms: list[float] = field(default_factory=list)
    browser_ms: list[float] = field(default_factory=list)
    browser_open_ms: list[float] = field(default_factory=list)  # page open -> map painted
    first_ms: list[float] = field(default_factory=list)  # a new session's first page run
    errors: list[str] = field(default_factory=list)
    connected: int = 0


class Session:
    """One protocol client: a browser tab without the rendering."""

    def __init__(self, url: str, rng: random.Random, load: Load, bare: bool) -> None:
        self.ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.rng, self.load, self.bare = rng, load, bare
        self.page_hash = ""
        self.widget_id: str | None = None
        self.options: list[str] = []

    async def rerun(self, widgets=()) -> float:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_script_hash = self.page_hash
        for widget in widgets:
            msg.rerun_script.widget_states.widgets.append(widget)
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await asyncio.wait_for(self.ws.recv(), TIMEOUT))
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = fwd.new_session.page_script_hash
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                which = element.WhichOneof("type")
                if which == "exception":
                    self.load.errors.append(element.exception.message[:300])
                elif which == "button_group" and element.button_group.id.endswith("w_levers"):
                    self.widget_id = element.button_group.id
                    self.options = [o.content for o in element.button_group.options]
                elif which == "button" and self.bare:
                    self.widget_id = element.button.id
            elif (
                kind == "script_finished"
                and fwd.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
            ):
                return (time.perf_counter() - started) * 1000

    async def change(self) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        if self.widget_id is None:
            await self.rerun()
            return
        if self.bare:
            widget = WidgetState(id=self.widget_id, trigger_value=True)
        else:
            widget = WidgetState(id=self.widget_id)
            chosen = self.rng.sample(self.options, self.rng.randint(0, 2))
            widget.string_array_value.data.extend(chosen)
        self.load.latencies_ms.append(await self.rerun([widget]))

    async def run(self, deadline: float, every: float) -> None:
        from websockets.asyncio.client import connect

        try:
            # No client pings (browsers send none): a busy server answers them late.
            async with connect(
                self.ws_url,
                subprotocols=["streamlit"],
                max_size=2**26,
                open_timeout=60,
                ping_interval=None,
            ) as ws:
                self.ws = ws
                self.load.first_ms.append(await self.rerun())
                self.load.connected += 1
                await asyncio.sleep(self.rng.uniform(0, every))
                while time.monotonic() < deadline:
                    started = time.monotonic()
                    await self.change()
                    await asyncio.sleep(max(0.0, every - (time.monotonic() - started)))
        except Exception as exc:  # noqa: BLE001 - counted, reported
            self.load.errors.append(f"{type(exc).__name__}: {exc!s:.200}")


WATCH_JS = """() => { const w = document.querySelector(
    "iframe[title='streamlit_folium.st_folium']").contentWindow;
  return Number(w.document.body.dataset.atlasUpdates); }"""
UPDATED_JS = """(n) => Number(document.querySelector(
    "iframe[title='streamlit_folium.st_folium']").contentWindow
    .document.body.dataset.atlasUpdates) > n"""


async def browser_session(browser, url, rng, load, deadline, every) -> None:
    context = await browser.new_context(viewport={"width": 1440, "height": 900})
    page = await context.new_page()
    try:
        await page.goto(url)
        painted = STAMPED_JS.format(check=ATLAS_PAINTED_JS)
        await page.wait_for_function(painted, polling=TIMED_POLLING, timeout=TIMEOUT * 1000)
        load.browser_open_ms.append(await page.evaluate("() => window.__paintedAt"))
        load.connected += 1
        await asyncio.sleep(rng.uniform(0, every))
        while time.monotonic() < deadline:
            started = time.monotonic()
            n = await page.evaluate(WATCH_JS)
            chip = page.locator(".st-key-w_levers button").nth(rng.randrange(4))
            t0 = time.perf_counter()
            await chip.click()
            await page.wait_for_function(UPDATED_JS, arg=n, polling=POLL_MS, timeout=TIMEOUT * 1000)
            load.browser_ms.append((time.perf_counter() - t0) * 1000)
            await asyncio.sleep(max(0.0, every - (time.monotonic() - started)))
    except Exception as exc:  # noqa: BLE001
        load.errors.append(f"browser {type(exc).__name__}: {exc!s:.200}")
    finally:
        await context.close()


async def drive(url, sessions, browsers, seconds, every, seed, load, bare) -> float:
    """Returns the monotonic time at which every session had connected."""
    deadline = time.monotonic() + seconds
    tasks = []
    for i in range(sessions):
        session = Session(url, random.Random(seed + i), load, bare)
        tasks.append(asyncio.create_task(session.run(deadline, every)))
        if i % 10 == 9:
            await asyncio.sleep(2.0)  # ramp up: ten at a time
    browser = pw = None
    if browsers:
        from playwright.async_api import async_playwright

        pw = await async_playwright().start()
        browser = await pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        for i in range(browsers):
            rng = random.Random(seed + 1000 + i)
            tasks.append(
                asyncio.create_task(browser_session(browser, url, rng, load, deadline, every))
            )
            # Visitors arrive one after another, as phones do in a hall. A page open costs
            # Chromium about 1.4 s of CPU here: on two cores shared with the server,
            # twenty pages opening (and clicking) mostly measure the browsers.
            await asyncio.sleep(BROWSER_ARRIVALS_S)
    while load.connected < sessions + browsers and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    connected_at = time.monotonic()
    await asyncio.gather(*tasks)
    if browser:
        await browser.close()
        await pw.stop()
    return connected_at


def rss_at(samples, started_at: float, when: float) -> float:
    t = when - started_at
    near = [rss for s, rss in samples if abs(s - t) <= 2] or [samples[-1][1]]
    return statistics.median(near) / 2**20


def run_load(server, args, bare: bool) -> dict:
    sampler = RssSampler(server.process.pid)
    sampler.start()
    time.sleep(3)
    before = time.monotonic()
    load = Load()
    sessions = args.sessions if bare is False else max(args.sessions, args.browsers)
    browsers = 0 if bare else args.browsers
    try:
        connected_at = asyncio.run(
            drive(server.url, sessions, browsers, args.minutes * 60, args.every, 1, load, bare)
        )
    finally:
        sampler.stop_event.set()
        sampler.join()
        server.stop()
    samples = sampler.samples
    rss0 = rss_at(samples, sampler.started_at, before - 1)
    rss1 = rss_at(samples, sampler.started_at, connected_at + 2)
    rss_end = statistics.median(rss for _, rss in samples[-5:]) / 2**20
    n = sessions + browsers
    return {
        "load": load,
        "sessions": n,
        "protocol_sessions": sessions,
        "rss_before": rss0,
        "rss_connected": rss1,
        "rss_end": rss_end,
        "per_session": (rss1 - rss0) / n if n else 0.0,
        "per_session_end": (rss_end - rss0) / n if n else 0.0,
    }


def report(label: str, r: dict) -> None:
    load = r["load"]
    lat = load.latencies_ms
    print(f"\n== {label}: {r['sessions']} sessions ==")
    if lat:
        print(
            f"server rerun (request -> script finished): p50 {statistics.median(lat):.0f} ms,"
            f" p95 {percentile(lat, 95):.0f} ms, max {max(lat):.0f} ms (n={len(lat)})"
            " (target p95 < 1000)"
        )
    if load.first_ms:
        f = load.first_ms
        print(
            f"first page run of a new session: p50 {statistics.median(f):.0f} ms,"
            f" p95 {percentile(f, 95):.0f} ms ({len(f)} of {r['protocol_sessions']} sessions"
            " connected)"
        )
    elif r["protocol_sessions"]:
        print(f"no session finished its first page run (of {r['protocol_sessions']})")
    if load.browser_open_ms:
        o = load.browser_open_ms
        print(
            f"browsers, page open -> map painted: p50 {statistics.median(o):.0f} ms,"
            f" p95 {percentile(o, 95):.0f} ms ({len(o)} of {r['sessions'] - r['protocol_sessions']}"
            " browsers)"
        )
    if load.browser_ms:
        b = load.browser_ms
        print(
            f"browsers, click -> map updated: p50 {statistics.median(b):.0f} ms,"
            f" p95 {percentile(b, 95):.0f} ms (n={len(b)})"
        )
    print(
        f"server RSS: {r['rss_before']:.0f} MB before, {r['rss_connected']:.0f} MB with every"
        f" session connected, {r['rss_end']:.0f} MB at the end: {r['per_session']:.2f} MB per"
        f" extra session ({r['per_session_end']:.2f} MB at the end)"
    )
    print(f"errors: {len(load.errors)}")
    for message in load.errors[:5]:
        print("  error:", message)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--browsers", type=int, default=0)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--every", type=float, default=10.0)
    parser.add_argument("--no-bare", action="store_true")
    parser.add_argument("--scale", type=int, default=1, help="x initiatives (bench.synthetic)")
    args = parser.parse_args()
    if args.sessions + args.browsers > 200 or args.minutes > 30:
        parser.error("bounded: at most 200 sessions and 30 minutes")
    db = scaled_store(args.scale) if args.scale > 1 else None
    atlas = run_load(atlas_server(db), args, bare=False)
    report("atlas (scripts/serve.py)", atlas)
    if not args.no_bare:
        report("bare Streamlit page", run_load(bare_server(), args, bare=True))
    print(json.dumps({"atlas_errors": len(atlas["load"].errors)}))


if __name__ == "__main__":
    main()
