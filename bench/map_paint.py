"""Headless Chromium: time from opening the page to the national map painted.

    .venv/bin/python -m bench.map_paint [--runs 7]

One Streamlit server (warmed by a first visit), then each run opens a fresh browser
context, goes to the home page and waits until the 101 département shapes and the
markers are drawn. Prints the median and the spread (target: under 3 s).
"""

from __future__ import annotations

import argparse
import statistics
import time

from playwright.sync_api import sync_playwright

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, StreamlitServer


def paint_seconds(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
    frame.locator("path.atlas-dep").nth(100).wait_for(state="attached", timeout=60_000)
    frame.locator(".atlas-marker, .marker-cluster").first.wait_for(timeout=60_000)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    server = StreamlitServer()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            paint_seconds(browser, server.url)  # warm the server's caches
            times = [paint_seconds(browser, server.url) for _ in range(args.runs)]
            browser.close()
    finally:
        server.stop()
    print(
        f"page open -> national map painted: median {statistics.median(times):.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f}, {args.runs} runs)"
    )


if __name__ == "__main__":
    main()
