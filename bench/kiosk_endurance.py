"""Kiosk endurance: a simulated conference day against ONE Streamlit server.

    .venv/bin/python bench/kiosk_endurance.py            # 10 minutes
    .venv/bin/python bench/kiosk_endurance.py --quick    # about 1 minute
    .venv/bin/python bench/kiosk_endurance.py --minutes 30 --kiosks 1 --protocol 3

Starts ``streamlit run app.py`` with ``ATLAS_KIOSK=1`` and drives it with
- touch screens: headless Chromium (touch emulation, 1920x1080), one context each;
- protocol kiosks: clients of Streamlit's websocket protocol sending what a tap sends
  (button triggers, the map's selection, fragment reruns for the side panel), an idle
  reset being a new session as after the browser's reload. They add volume without the
  cost of rendering (the machine that runs the bench has few cores).

Each kiosk replays visitors: a visitor dismisses the attract loop, taps regions,
départements (buttons or the map), lever chips, neighbours, the back buttons, the
language, opens an initiative's QR codes; then either walks away (the idle timeout
resets the view and the attract loop starts) or taps "Recommencer".

Reported: server RSS (process and children, sampled every second) at start, middle
and end, growth over the second half, and rerun latency (tap -> Streamlit's script
finished, ``data-test-script-state`` of ``stApp``; for a panel choice that changes the
view, the end of the full run that follows) p50/p95. The bench waits 250 ms of quiet
after each run before the next tap; that wait is not part of the latency. Samples and a JSON summary
go to ``bench/results/`` (not committed).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import json
import random
import statistics
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, POLL_MS, StreamlitServer  # noqa: E402

RESULTS = REPO / "bench" / "results"
VIEWPORT = {"width": 1920, "height": 1080}
RUN_TIMEOUT_MS = 30_000
DEPARTEMENTS = ("01", "05", "15", "23", "29", "2A", "36", "48", "55", "58", "61", "71", "89", "973")
# Installed in every document (reloads included): counts finished script runs and
# measures the time from a tap (set by the bench just before it) to the end of the run.
BENCH_JS = """(() => {
  window.__bench = {runs: 0, tapAt: null, last: null, changedAt: 0};
  const hook = () => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app) return setTimeout(hook, 50);
    new MutationObserver(() => {
      const b = window.__bench; b.changedAt = performance.now();
      if (app.getAttribute('data-test-script-state') !== 'notRunning') return;
      b.runs++;
      if (b.tapAt !== null) b.last = performance.now() - b.tapAt;
    }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  };
  hook();
})();"""
# A tap's run is over when the script has finished and stayed so for 250 ms: a choice
# in the side panel (a fragment) that changes the view asks for a second, full run.
SETTLED_JS = """(n) => { const b = window.__bench;
  const app = document.querySelector("[data-testid='stApp']");
  return b.runs > n && app.getAttribute('data-test-script-state') === 'notRunning'
    && performance.now() - b.changedAt > 250; }"""
TAP_JS = """() => { const b = window.__bench; b.tapAt = performance.now(); b.last = null;
  return b.runs; }"""
LATENCY_JS = """() => { const b = window.__bench; const x = b.last; b.tapAt = null; return x; }"""
READY_JS = """() => { const k = window.__atlasKiosk;
  const app = document.querySelector("[data-testid='stApp']");
  return !!(k && k.state.view && k.state.stat && app
    && app.getAttribute('data-test-script-state') === 'notRunning'); }"""


@dataclass
class Stats:
    interactions: int = 0
    reruns: int = 0
    idle_resets: int = 0
    restarts: int = 0
    overlays: int = 0
    map_taps: int = 0
    errors: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    screenshots: int = 0
    ready_at: float | None = None  # time.monotonic() when a first screen showed the app
    proto_interactions: int = 0
    proto_map_taps: int = 0
    proto_idle_resets: int = 0
    proto_latencies_ms: list[float] = field(default_factory=list)
    error_messages: list[str] = field(default_factory=list)


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += proc.memory_info().rss
    return total


class RssSampler(threading.Thread):
    def __init__(self, pid: int, every: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.every = every
        self.samples: list[tuple[float, int]] = []
        self.stop_event = threading.Event()
        self.started_at = time.monotonic()

    def run(self) -> None:
        while not self.stop_event.is_set():
            self.samples.append((time.monotonic() - self.started_at, tree_rss(self.process)))
            self.stop_event.wait(self.every)


class Kiosk:
    """One touch screen and the visitors in front of it."""

    def __init__(self, page, url: str, rng: random.Random, stats: Stats) -> None:
        self.page = page
        self.url = url
        self.rng = rng
        self.stats = stats

    async def ready(self) -> None:
        await self.page.wait_for_function(READY_JS, polling=POLL_MS, timeout=RUN_TIMEOUT_MS)

    async def load(self) -> None:
        await self.page.goto(self.url)
        await self.ready()

    async def diagnose(self) -> str:
        """What the screen looked like when an interaction failed (and a screenshot)."""
        try:
            state = await self.page.evaluate(
                """() => { const k = window.__atlasKiosk;
                  const app = document.querySelector("[data-testid='stApp']");
                  const buttons = [...document.querySelectorAll('.stApp button')];
                  return {mode: k && k.state.mode, script: app
                    && app.getAttribute('data-test-script-state'),
                    disabled: buttons.filter(b => b.disabled).length, buttons: buttons.length,
                    url: location.search,
                    lastReset: sessionStorage.getItem('atlas-kiosk-last-reset'),
                    now: new Date().toISOString()}; }"""
            )
            RESULTS.mkdir(parents=True, exist_ok=True)
            self.stats.screenshots += 1
            if self.stats.screenshots <= 5:
                path = RESULTS / f"kiosk-error-{self.stats.screenshots}.png"
                await self.page.screenshot(path=str(path))
            return json.dumps(state)
        except Exception as exc:  # noqa: BLE001
            return f"(no diagnosis: {type(exc).__name__})"

    async def keys(self, prefix: str) -> list[str]:
        return await self.page.evaluate(
            """(prefix) => [...document.querySelectorAll(`[class*="st-key-${prefix}"]`)]
              .filter(e => e.getBoundingClientRect().height > 0)
              .map(e => [...e.classList].find(c => c.startsWith('st-key-')).slice(7))""",
            prefix,
        )

    async def continue_if_asked(self) -> None:
        countdown = self.page.locator(".kiosk-countdown")
        if await countdown.count():
            await countdown.tap()
            await countdown.wait_for(state="detached")
            self.stats.interactions += 1

    async def tap_rerun(self, key: str) -> None:
        """Tap a Streamlit button and wait for the script run it starts."""
        await self.continue_if_asked()
        runs = await self.page.evaluate(TAP_JS)
        await self.page.locator(f".st-key-{key} button").tap()
        await self.page.wait_for_function(
            SETTLED_JS, arg=runs, polling=POLL_MS, timeout=RUN_TIMEOUT_MS
        )
        latency = await self.page.evaluate(LATENCY_JS)
        if latency is not None:
            self.stats.latencies_ms.append(latency)
        self.stats.interactions += 1
        self.stats.reruns += 1

    async def tap_map(self) -> bool:
        """Tap a random département of the national map (if one is free to tap)."""
        frame = self.page.frame_locator("iframe[title='streamlit_folium.st_folium']")
        shapes = frame.locator("path.atlas-dep")
        await shapes.first.wait_for(state="attached", timeout=RUN_TIMEOUT_MS)
        points = await frame.locator("body").evaluate(
            """() => [...document.querySelectorAll('path.atlas-dep')].map(p => {
                 const r = p.getBoundingClientRect();
                 const x = r.left + r.width / 2, y = r.top + r.height / 2;
                 return document.elementFromPoint(x, y) === p ? {x, y} : null; })
               .filter(Boolean)"""
        )
        box = await self.page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
        if not points or not box:
            return False
        point = self.rng.choice(points)
        await self.continue_if_asked()
        runs = await self.page.evaluate(TAP_JS)
        await self.page.touchscreen.tap(box["x"] + point["x"], box["y"] + point["y"])
        await self.page.wait_for_function(
            SETTLED_JS, arg=runs, polling=POLL_MS, timeout=RUN_TIMEOUT_MS
        )
        latency = await self.page.evaluate(LATENCY_JS)
        if latency is not None:
            self.stats.latencies_ms.append(latency)
        self.stats.interactions += 1
        self.stats.reruns += 1
        self.stats.map_taps += 1
        return True

    async def open_initiative(self) -> bool:
        items = self.page.locator("[data-kiosk-initiative]")
        count = await items.count()
        if not count:
            return False
        await self.continue_if_asked()
        await items.nth(self.rng.randrange(min(count, 4))).tap()
        overlay = self.page.locator(".kiosk-initiative")
        await overlay.wait_for(timeout=RUN_TIMEOUT_MS)
        await overlay.locator(".kiosk-close").tap()
        await overlay.wait_for(state="detached")
        self.stats.interactions += 2
        self.stats.overlays += 1
        return True

    async def think(self) -> None:
        await asyncio.sleep(self.rng.uniform(0.05, 0.35))

    async def step(self) -> None:
        """One interaction chosen from what the screen shows."""
        rng = self.rng
        departements = await self.keys("kdep_")
        portrait = await self.page.locator(".kq-name").count()
        if portrait:
            roll = rng.random()
            if roll < 0.3:
                chips = await self.keys("kchip_")
                await self.tap_rerun(rng.choice([c for c in chips if c != "kchip_all"]))
            elif roll < 0.5:
                neighbours = await self.keys("knb_")
                await self.tap_rerun(rng.choice(neighbours) if neighbours else "kreg_back")
            elif roll < 0.65:
                if not await self.open_initiative():
                    await self.tap_rerun("kreg_back")
            elif roll < 0.8:
                await self.tap_rerun("kreg_back")
            elif roll < 0.95:
                await self.tap_rerun("map_back")
            else:
                await self.tap_rerun("kiosk_lang")
        elif departements:
            roll = rng.random()
            if roll < 0.8:
                await self.tap_rerun(rng.choice(departements))
            elif roll < 0.9:
                await self.tap_rerun("kreg_all")
            else:
                chips = await self.keys("kchip_")
                await self.tap_rerun(rng.choice([c for c in chips if c != "kchip_all"]))
        else:
            roll = rng.random()
            if roll < 0.25 and await self.tap_map():
                return
            if roll < 0.35:
                chips = await self.keys("kchip_")
                await self.tap_rerun(rng.choice([c for c in chips if c != "kchip_all"]))
            else:
                await self.tap_rerun(rng.choice(await self.keys("kreg_")))

    async def visitor(self, deadline: float) -> None:
        attract = self.page.locator(".kiosk-attract")
        if await attract.count():
            await attract.tap(position={"x": 40, "y": 40})
            await attract.wait_for(state="detached")
            self.stats.interactions += 1
        for _ in range(self.rng.randint(6, 18)):
            if time.monotonic() > deadline:
                return
            await self.step()
            await self.think()
        if self.rng.random() < 0.6:
            # walks away: countdown, reset to the clean view (reload), attract loop
            await attract.wait_for(timeout=60_000)
            await self.ready()
            self.stats.idle_resets += 1
            await asyncio.sleep(self.rng.uniform(0, 3))
        else:
            await self.tap_rerun("kiosk_restart")
            self.stats.restarts += 1

    async def run(self, deadline: float) -> None:
        await self.load()
        self.stats.ready_at = self.stats.ready_at or time.monotonic()
        while time.monotonic() < deadline:
            try:
                await self.visitor(deadline)
            except Exception as exc:  # noqa: BLE001 - count, recover, go on
                self.stats.errors += 1
                state = await self.diagnose()
                self.stats.error_messages.append(
                    f"{type(exc).__name__}: {str(exc)[:1500]} | page: {state}"
                )
                try:
                    await self.load()
                except Exception as again:  # noqa: BLE001
                    self.stats.error_messages.append(f"reload: {str(again)[:200]}")


class ProtocolKiosk:
    """A light kiosk speaking Streamlit's websocket protocol: the same button triggers a
    tap sends, and the map's selection value; an idle reset is a new session (the
    browser reloads). No rendering, so one machine can replay many more interactions."""

    def __init__(self, url: str, query: str, rng: random.Random, stats: Stats) -> None:
        self.ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.query = query
        self.rng = rng
        self.stats = stats
        self.ws = None
        self.page_hash = ""
        self.buttons: dict[str, tuple[str, str]] = {}  # key -> (widget id, fragment id)
        self.map_id: str | None = None
        self.portrait = False

    async def connect(self) -> None:
        from websockets.asyncio.client import connect

        if self.ws is not None:
            await self.ws.close()
        self.ws = await connect(
            self.ws_url, subprotocols=["streamlit"], max_size=2**26, open_timeout=30
        )
        await self.rerun()

    async def rerun(self, widgets=(), fragment: str = "") -> float:
        """One script run (the whole page, or one fragment as the browser asks for the
        side panel); returns its latency in ms and keeps the buttons it drew."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_script_hash = self.page_hash
        msg.rerun_script.fragment_id = fragment
        for widget in widgets:
            msg.rerun_script.widget_states.widgets.append(widget)
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        drawn: dict[str, tuple[str, str]] = {}
        portrait = False
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), RUN_TIMEOUT_MS / 1000)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = fwd.new_session.page_script_hash
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                which = element.WhichOneof("type")
                if which == "button":
                    key = element.button.id.rsplit("-", 1)[-1]
                    drawn[key] = (element.button.id, fwd.delta.fragment_id)
                elif which == "component_instance" and (
                    "folium" in element.component_instance.component_name
                ):
                    self.map_id = element.component_instance.id
                elif which == "html" and 'class="kq-name"' in element.html.body:
                    portrait = True
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    # the fragment asked for a full run (a département was chosen)
                    drawn, portrait, fragment = {}, False, ""
                    continue
                break
        elapsed = (time.perf_counter() - started) * 1000
        if fragment:
            kept = {k: v for k, v in self.buttons.items() if v[1] != fragment}
            self.buttons = {**kept, **drawn}
        else:
            self.buttons = drawn
        self.portrait = portrait
        return elapsed

    async def tap(self, key: str) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        widget_id, fragment = self.buttons[key]
        widget = WidgetState(id=widget_id, trigger_value=True)
        self.stats.proto_latencies_ms.append(await self.rerun([widget], fragment))
        self.stats.proto_interactions += 1

    async def tap_map(self, dep: str) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        if self.map_id is None:  # no map drawn yet: redraw the page
            await self.rerun()
            return
        value = {"last_active_drawing": {"type": "Feature", "properties": {"code": dep}}}
        widget = WidgetState(id=self.map_id, json_value=json.dumps(value))
        self.stats.proto_latencies_ms.append(await self.rerun([widget]))
        self.stats.proto_interactions += 1
        self.stats.proto_map_taps += 1

    def keys(self, prefix: str) -> list[str]:
        return [key for key in self.buttons if key.startswith(prefix) and key != "kchip_all"]

    async def visitor(self) -> None:
        rng = self.rng
        for _ in range(rng.randint(6, 18)):
            if not self.keys("kchip_"):
                await self.rerun()  # nothing drawn to tap (an interrupted run): redraw
                continue
            if self.portrait:
                roll = rng.random()
                if roll < 0.3:
                    await self.tap(rng.choice(self.keys("kchip_")))
                elif roll < 0.55 and self.keys("knb_"):
                    await self.tap(rng.choice(self.keys("knb_")))
                elif roll < 0.75:
                    await self.tap("kreg_back")
                elif roll < 0.95:
                    await self.tap("map_back")
                else:
                    await self.tap("kiosk_lang")
            elif self.keys("kdep_") and "kreg_all" in self.buttons:
                if rng.random() < 0.85:
                    await self.tap(rng.choice(self.keys("kdep_")))
                else:
                    await self.tap("kreg_all")
            elif rng.random() < 0.25 or not self.keys("kreg_"):
                await self.tap_map(rng.choice(DEPARTEMENTS))
            else:
                await self.tap(rng.choice(self.keys("kreg_")))
            await asyncio.sleep(rng.uniform(0.05, 0.3))
        if rng.random() < 0.6:
            await self.connect()  # idle reset: the browser reloads, a new session
            self.stats.proto_idle_resets += 1
        else:
            await self.tap("kiosk_restart")

    async def run(self, deadline: float) -> None:
        await self.connect()
        self.stats.ready_at = self.stats.ready_at or time.monotonic()
        while time.monotonic() < deadline:
            try:
                await self.visitor()
            except Exception as exc:  # noqa: BLE001 - count, reconnect, go on
                self.stats.errors += 1
                self.stats.error_messages.append(f"protocol {type(exc).__name__}: {exc!s:.300}")
                await self.connect()
        await self.ws.close()


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def rounded(value: float | None) -> int | None:
    return None if value is None else round(value)


def window_median(samples: list[tuple[float, int]], start: float, end: float) -> float:
    values = [rss for t, rss in samples if start <= t <= end]
    return statistics.median(values) if values else float("nan")


def slope_mb_per_min(samples: list[tuple[float, int]]) -> float:
    if len(samples) < 2:
        return float("nan")
    xs = [t / 60 for t, _ in samples]
    ys = [rss / 2**20 for _, rss in samples]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else 0.0


async def drive(
    url: str, query: str, kiosks: int, protocol: int, seconds: float, seed: int, stats: Stats
) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        screens = []
        for i in range(kiosks):
            context = await browser.new_context(
                viewport=VIEWPORT, has_touch=True, is_mobile=False, locale="fr-FR"
            )
            await context.add_init_script(BENCH_JS)
            page = await context.new_page()
            page.set_default_timeout(RUN_TIMEOUT_MS)
            screens.append(Kiosk(page, f"{url}/?{query}", random.Random(seed + i), stats))
        for i in range(protocol):
            screens.append(ProtocolKiosk(url, query, random.Random(seed + 100 + i), stats))
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(screen.run(deadline) for screen in screens))
        await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--kiosks", type=int, default=1, help="touch screens (Chromium)")
    parser.add_argument(
        "--protocol", type=int, default=2, help="light kiosks (websocket protocol, no browser)"
    )
    parser.add_argument("--idle", type=int, default=8, help="idle timeout of the screens (s)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="about one minute")
    args = parser.parse_args()
    minutes = 1.0 if args.quick else args.minutes

    server = StreamlitServer({"ATLAS_KIOSK": "1"})
    sampler = RssSampler(server.process.pid)
    sampler.start()
    stats = Stats()
    query = f"kiosk=1&idle={args.idle}&attract=3"
    began = time.monotonic()
    try:
        asyncio.run(
            drive(server.url, query, args.kiosks, args.protocol, minutes * 60, args.seed, stats)
        )
    finally:
        sampler.stop_event.set()
        sampler.join()
        server.stop()
    elapsed = time.monotonic() - began

    samples = sampler.samples
    duration = samples[-1][0] if samples else 0.0
    # "start": the first 10 s after a screen first showed the app (data loaded)
    ready = (stats.ready_at or sampler.started_at) - sampler.started_at
    start = window_median(samples, ready, ready + 10)
    mid = window_median(samples, 0.45 * duration, 0.55 * duration)
    end = window_median(samples, 0.95 * duration, duration)
    second_half = [(t, rss) for t, rss in samples if t >= duration / 2]
    lat = stats.latencies_ms
    proto = stats.proto_latencies_ms
    summary = {
        "date": datetime.now().isoformat(timespec="seconds"),
        "minutes": round(elapsed / 60, 2),
        "kiosks": args.kiosks,
        "protocol_kiosks": args.protocol,
        "idle_seconds": args.idle,
        "seed": args.seed,
        "rss_start_mb": round(start / 2**20, 1),
        "rss_mid_mb": round(mid / 2**20, 1),
        "rss_end_mb": round(end / 2**20, 1),
        "rss_max_mb": round(max(rss for _, rss in samples) / 2**20, 1),
        "growth_second_half_pct": round(100 * (end - mid) / mid, 2),
        "slope_second_half_mb_per_min": round(slope_mb_per_min(second_half), 3),
        "rerun_latency_p50_ms": rounded(percentile(lat, 50)),
        "rerun_latency_p95_ms": rounded(percentile(lat, 95)),
        "rerun_latency_max_ms": round(max(lat)) if lat else None,
        "latency_samples": len(lat),
        "protocol_rerun_p50_ms": rounded(percentile(proto, 50)),
        "protocol_rerun_p95_ms": rounded(percentile(proto, 95)),
        "total_interactions": stats.interactions + stats.proto_interactions,
        "total_idle_resets": stats.idle_resets + stats.proto_idle_resets,
        **{
            k: v
            for k, v in asdict(stats).items()
            if k
            not in (
                "latencies_ms",
                "proto_latencies_ms",
                "error_messages",
                "screenshots",
                "ready_at",
            )
        },
    }
    summary["error_messages"] = stats.error_messages[:20]
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base = RESULTS / f"kiosk-endurance-{stamp}"
    with base.with_suffix(".csv").open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["seconds", "rss_mb"])
        writer.writerows((round(t, 1), round(rss / 2**20, 2)) for t, rss in samples)
    base.with_suffix(".json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    (base.parent / f"{base.name}-latencies.json").write_text(json.dumps([round(x) for x in lat]))

    print(
        f"kiosk endurance: {summary['minutes']} min, {args.kiosks} touch screens (Chromium)"
        f" + {args.protocol} protocol kiosks, idle {args.idle} s"
    )
    print(
        f"interactions {summary['total_interactions']}, idle resets"
        f" {summary['total_idle_resets']}, errors {stats.errors}"
    )
    print(
        f"  touch screens: {stats.interactions} taps (reruns {stats.reruns}, map taps"
        f" {stats.map_taps}, QR overlays {stats.overlays}), idle resets {stats.idle_resets},"
        f" restarts {stats.restarts}"
    )
    print(
        f"  protocol kiosks: {stats.proto_interactions} reruns (map selections"
        f" {stats.proto_map_taps}), idle resets (new sessions) {stats.proto_idle_resets}"
    )
    print(
        f"server RSS: start {summary['rss_start_mb']} MB, mid {summary['rss_mid_mb']} MB,"
        f" end {summary['rss_end_mb']} MB (max {summary['rss_max_mb']} MB)"
    )
    print(
        f"growth over the second half: {summary['growth_second_half_pct']} %"
        f" (slope {summary['slope_second_half_mb_per_min']} MB/min)"
    )
    print(
        f"rerun latency (touch screens, tap -> script finished): p50"
        f" {summary['rerun_latency_p50_ms']} ms, p95 {summary['rerun_latency_p95_ms']} ms"
        f" (n={len(lat)})"
    )
    print(
        f"rerun latency (protocol kiosks, request -> script finished): p50"
        f" {summary['protocol_rerun_p50_ms']} ms, p95 {summary['protocol_rerun_p95_ms']} ms"
        f" (n={len(proto)})"
    )
    for message in stats.error_messages[:5]:
        print("  error:", message)
    print(f"results: {base}.json / .csv")


if __name__ == "__main__":
    main()
