"""Where the seconds of a warm page open go: a timeline of one visit to the atlas home.

    .venv/bin/python -m bench.paint_timeline [--runs 3] [--path /]

Headless Chromium, 1440x900, a fresh context per visit, on a server started as users
start it (``scripts/serve.py``), visited once before the timed visits. Every frame
records, in one clock (``performance.timeOrigin + performance.now()``, milliseconds
after the navigation started), when the page's milestones happened: the app shell,
the script running and done, the map's frame created and loaded, Leaflet ready, the
first and the 101st département drawn, the first marker. The slowest resources of
each frame are listed too. For the closing note and for finding what to cut; nothing
is asserted.
"""

from __future__ import annotations

import argparse
import statistics

from playwright.sync_api import sync_playwright

from bench.browser_common import ATLAS_PAINTED_JS, atlas_server
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, POLL_MS

# Runs in every frame before its own scripts: milestones in a shared clock.
PROBE_JS = """(() => {
  const t = () => performance.timeOrigin + performance.now();
  const marks = (window.top.__atlasMarks = window.top.__atlasMarks || {});
  const mark = (name) => { if (!(name in marks)) marks[name] = t(); };
  const top = window === window.top;
  const checks = top ? [
    ['app shell', () => document.querySelector("[data-testid='stApp']")],
    ['script running', () => document.querySelector(
      "[data-testid='stApp'][data-test-script-state='running']")],
    ['sidebar widgets', () => document.querySelector(
      "[data-testid='stSidebar'] [data-testid='stRadio'], [data-testid='stSidebar'] button")],
    ['map frame created', () => document.querySelector(
      "iframe[title='streamlit_folium.st_folium']")],
    ['script done', () => marks['script running'] && document.querySelector(
      "[data-testid='stApp'][data-test-script-state='notRunning']")],
  ] : [
    ['map frame document', () => document.body],
    ['leaflet ready', () => window.atlasMap && window.atlasMap.map],
    ['first département', () => document.querySelector('path.atlas-dep')],
    ['101 départements', () => document.querySelectorAll('path.atlas-dep').length === 101],
    ['first marker', () => document.querySelector('.atlas-marker, .marker-cluster')],
  ];
  if (top) marks['navigation'] = performance.timeOrigin;
  const poll = () => {
    for (const [name, check] of checks) { try { if (check()) mark(name); } catch (e) {} }
    if (checks.some(([name]) => !(name in marks))) setTimeout(poll, 5);
  };
  poll();
})();"""

SLOW_RESOURCES_JS = """(limit) => {
  const out = [];
  const walk = (w, label) => {
    for (const r of w.performance.getEntriesByType('resource'))
      out.push([label, r.name.split('/').slice(-1)[0].slice(0, 50),
                Math.round(w.performance.timeOrigin + r.startTime - window.__nav),
                Math.round(r.duration), r.transferSize]);
    for (const f of w.document.querySelectorAll('iframe'))
      try { walk(f.contentWindow, 'map'); } catch (e) {}
  };
  window.__nav = performance.timeOrigin; walk(window, 'top');
  return out.sort((a, b) => b[3] - a[3]).slice(0, limit); }"""


def one_visit(browser, url: str) -> tuple[dict[str, float], list]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.add_init_script(PROBE_JS)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(ATLAS_PAINTED_JS, polling=POLL_MS, timeout=120_000)
    page.wait_for_function(
        "() => window.__atlasMarks && window.__atlasMarks['first marker']",
        polling=POLL_MS,
        timeout=60_000,
    )
    marks = page.evaluate("() => window.__atlasMarks")
    resources = page.evaluate(SLOW_RESOURCES_JS, 8)
    context.close()
    start = marks.pop("navigation")
    return {name: at - start for name, at in marks.items()}, resources


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--path", default="/")
    args = parser.parse_args()
    server = atlas_server()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            one_visit(browser, server.url + args.path)  # warm the server's caches
            visits = [one_visit(browser, server.url + args.path) for _ in range(args.runs)]
            browser.close()
    finally:
        server.stop()
    seen = {name for marks, _ in visits for name in marks}
    names = sorted(
        seen, key=lambda name: statistics.median(m[name] for m, _ in visits if name in m)
    )
    print(f"milestones, ms after navigation start (min / median / max of {args.runs} visits)")
    for name in names:
        values = [marks[name] for marks, _ in visits if name in marks]
        lost = args.runs - len(values)
        missing = f" (missing in {lost} visits)" if lost else ""
        low, mid, high = min(values), statistics.median(values), max(values)
        print(f"  {name:20s} {low:6.0f} / {mid:6.0f} / {high:6.0f}{missing}")
    print("slowest resources of the last visit (frame, file, start ms, duration ms, bytes)")
    for row in visits[-1][1]:
        print("  ", *row)


if __name__ == "__main__":
    main()
