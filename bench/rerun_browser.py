"""In the browser: a filter click -> markers updated in place, a class change -> polygons
restyled, a département click -> its communes drawn; against a bare Streamlit rerun.

    .venv/bin/python -m bench.rerun_browser [--clicks 20] [--drills 6] [--scales 1,10,30]

Headless Chromium, 1440x900, one page per server (the atlas via ``scripts/serve.py``,
``bench/bare_page.py``). Times are taken in the page: from the click to the moment the
map's update has been applied (``data-atlas-updates`` on the map frame's body, set by
``window.atlasMap.update``), for the bare page to its counter's text changing. Also
reported: websocket bytes per click (the update travels, the polygons do not) and
whether the polygons' elements and the zoom survived every click.
Targets: lever click p50 <= 300 ms, class change p50 <= 400 ms, drill-down p50 <= 800 ms.
"""

from __future__ import annotations

import argparse
import statistics

from playwright.sync_api import sync_playwright

from bench.browser_common import (
    ATLAS_PAINTED_JS,
    BARE_PAINTED_JS,
    TIMED_POLLING,
    atlas_server,
    bare_server,
    percentile,
)
from bench.synthetic import scaled_store
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, POLL_MS, frame_of, wait_map_idle

# Every time is read in the page's own clock: frames' clocks are not comparable.
NOW = "performance.now()"
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
FRAME_JS = "document.querySelector(\"iframe[title='streamlit_folium.st_folium']\").contentWindow"
WATCH_JS = f"""() => {{ const w = {FRAME_JS}; const d = w.document;
  window.__updatedAt = null; w.__probe = d.querySelector('path.atlas-code-55');
  w.__zoom = w.atlasMap.map.getZoom();
  if (window.__watcher) window.__watcher.disconnect();
  window.__watcher = new MutationObserver(() => {{ window.__updatedAt = {NOW}; }});
  window.__watcher.observe(
    d.body, {{attributes: true, attributeFilter: ['data-atlas-updates']}});
  return Number(d.body.dataset.atlasUpdates); }}"""
UPDATED_JS = f"""(n) => {{ const w = {FRAME_JS};
  return Number(w.document.body.dataset.atlasUpdates) > n && window.__updatedAt !== null; }}"""
CLICK_JS = f"""(selector) => {{ const t0 = {NOW};
  document.querySelectorAll(selector)[window.__clickIndex || 0].click(); return t0; }}"""
# The département table's toggle (key w_table) is a checkbox too: the classes radios
# are found by their group.


def summary(label: str, values: list[float], target: str = "") -> str:
    if not values:
        return f"{label}: no sample (no shape free of markers to click)"
    return (
        f"{label}: p50 {statistics.median(values):.0f} ms, p95 {percentile(values, 95):.0f} ms"
        f" (min {min(values):.0f}, max {max(values):.0f}, n={len(values)}){target}"
    )


def ws_counter(page) -> list[int]:
    total = [0]
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived", lambda payload: total.__setitem__(0, total[0] + len(payload))
        ),
    )
    return total


def timed_clicks(
    page, ws: list[int], selector: str, count: int, indexes
) -> tuple[list[float], list[int], bool]:
    """Click ``selector``'s n-th element ``count`` times; latency to the map update."""
    times, sizes, kept = [], [], True
    for i in range(count):
        n = page.evaluate(WATCH_JS)
        page.evaluate(f"() => {{ window.__clickIndex = {indexes(i)}; }}")
        before = ws[0]
        t0 = page.evaluate(CLICK_JS, selector)
        page.wait_for_function(UPDATED_JS, arg=n, polling=POLL_MS, timeout=60_000)
        times.append(page.evaluate("() => window.__updatedAt") - t0)
        page.wait_for_function(
            "() => document.querySelector(\"[data-testid='stApp']\")"
            ".getAttribute('data-test-script-state') !== 'running'",
            polling=POLL_MS,
        )
        sizes.append(ws[0] - before)
        kept &= page.evaluate(
            f"""() => {{ const w = {FRAME_JS};
              return w.__probe === w.document.querySelector('path.atlas-code-55')
                && w.atlasMap.map.getZoom() === w.__zoom; }}"""
        )
    return times, sizes, kept


def bare_clicks(browser, count: int) -> list[float]:
    server = bare_server()
    try:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(server.url)
        page.wait_for_function(BARE_PAINTED_JS, polling=POLL_MS, timeout=60_000)
        page.locator(".st-key-bare_click button").wait_for()
        times = []
        for i in range(count):
            t0 = page.evaluate(
                f"""() => {{ window.__changed = null;
                  const text = [...document.querySelectorAll('p')]
                    .find(p => p.innerText.startsWith('clicks:'));
                  new MutationObserver(() => {{ window.__changed = {NOW}; }})
                    .observe(document.querySelector("[data-testid='stMain']"),
                             {{subtree: true, characterData: true, childList: true}});
                  const t0 = {NOW}; document.querySelector('.st-key-bare_click button').click();
                  return t0; }}"""
            )
            page.wait_for_function(
                f"""() => [...document.querySelectorAll('p')]
                  .some(p => p.innerText === 'clicks: {i + 1}') && window.__changed""",
                polling=POLL_MS,
                timeout=60_000,
            )
            times.append(page.evaluate("() => window.__changed") - t0)
        page.close()
        return times
    finally:
        server.stop()


POINT_JS = """(selector) => {
  const el = document.querySelector(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  for (let step = 0; step < 400; step++) {
    const x = r.left + r.width * ((step * 0.618) % 1);
    const y = r.top + r.height * ((step * 0.382) % 1);
    if (document.elementFromPoint(x, y) === el) return [x, y];
  }
  return null; }"""


def shape_point(page, selector: str):
    """Where a click lands on the shape itself (not a marker), once markers are still."""
    frame = frame_of(page)
    wait_map_idle(frame)
    point = frame.evaluate(POINT_JS, selector)
    box = page.locator(MAP_FRAME).bounding_box()
    return None if point is None or box is None else (box["x"] + point[0], box["y"] + point[1])


def drill_downs(page, count: int) -> list[float]:
    codes = ["55", "71", "29", "12", "89", "40", "24", "36"]
    times = []
    for i in range(count):
        page.wait_for_function(ATLAS_PAINTED_JS, polling=POLL_MS, timeout=60_000)
        point = shape_point(page, f"path.atlas-code-{codes[i % len(codes)]}")
        if point is None:  # covered by markers at this size: the next one
            continue
        t0 = page.evaluate(f"() => {NOW}")
        page.mouse.click(*point)
        page.wait_for_function(
            f"""() => {{ const f = document.querySelector(
                  "iframe[title='streamlit_folium.st_folium']");
              const w = f && f.contentWindow;
              if (!w || !w.atlasMap || !w.atlasMap.ready || !w.atlasMap.updates
                  || !w.document.querySelector('path.atlas-commune')) return false;
              window.__drawnAt = window.__drawnAt || {NOW}; return true; }}""",
            polling=TIMED_POLLING,
            timeout=60_000,
        )
        times.append(page.evaluate("() => window.__drawnAt") - t0)
        page.evaluate("() => { window.__drawnAt = null; }")
        page.get_by_role("button", name="Retour à la France entière").click()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clicks", type=int, default=20)
    parser.add_argument("--drills", type=int, default=6)
    parser.add_argument("--scales", default="1")
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        bare = bare_clicks(browser, args.clicks)
        print(summary("bare Streamlit rerun (click -> text updated)", bare))
        for scale in (int(s) for s in args.scales.split(",")):
            server = atlas_server(scaled_store(scale))
            try:
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                ws = ws_counter(page)
                page.goto(server.url)
                page.wait_for_function(ATLAS_PAINTED_JS, polling=POLL_MS, timeout=120_000)
                # chips 0..3 toggled on then off, in turn
                levers, sizes, kept = timed_clicks(
                    page, ws, ".st-key-w_levers button", args.clicks, lambda i: (i // 2) % 4
                )
                classes, _, kept2 = timed_clicks(
                    page,
                    ws,
                    "[data-testid='stSidebar'] [role='radiogroup'] input",
                    max(4, args.clicks // 2),
                    lambda i: 1 - i % 2,
                )
                drills = drill_downs(page, args.drills)
                page.close()
            finally:
                server.stop()
            print(f"\n== x{scale} initiatives ==")
            print(summary("lever chip -> markers updated", levers, " (target p50 <= 300)"))
            ratio = statistics.median(levers) / statistics.median(bare)
            print(f"  ratio to the bare rerun (p50): {ratio:.2f}")
            print(
                f"  websocket bytes per click: median {statistics.median(sizes) / 1024:.0f} KB;"
                f" polygons' elements and zoom kept on every click: {kept and kept2}"
            )
            print(summary("classes -> polygons restyled", classes, " (target p50 <= 400)"))
            print(summary("département click -> communes drawn", drills, " (target p50 <= 800)"))


if __name__ == "__main__":
    main()
