"""Page open -> map painted, against a bare Streamlit page in the same run.

    .venv/bin/python -m bench.side_by_side [--runs 7] [--starts 3] [--scales 1,10,30]

Two servers started the way users start them: the atlas (``scripts/serve.py``) and
``bench/bare_page.py`` (``st.title`` only). Each visit is a fresh browser context
(headless Chromium, 1440x900).

- warm visitor: after one visit to each, ``--runs`` pairs (bare, atlas) alternate;
  the bare page is painted when its title is, the atlas when its 101 départements and
  its markers are (checked on every animation frame, timed in the page from the
  navigation's start). Target: atlas / bare <= 1.3. Each run also opens the map alone
  (``/?embed=true``: no sidebar, no control), the floor of a page with this map.
- first visitor after a server start: ``--starts`` times, both servers restarted and
  visited once as soon as they answer. Target: <= 1.6.
- bytes received by the browser (bodies as sent, websocket frames), and the same if
  every uncompressed text response were gzipped (``gzip on`` for JS/CSS/JSON in the
  README's nginx block): Streamlit serves its JS bundles uncompressed.
- ``--scales``: the same with 10x, 30x the initiatives (``bench.synthetic``).

Prints ratios with min/median/max; figures are for the closing note, never asserted.
"""

from __future__ import annotations

import argparse
import statistics

from playwright.sync_api import sync_playwright

from bench.browser_common import (
    ATLAS_PAINTED_JS,
    BARE_PAINTED_JS,
    atlas_server,
    bare_server,
    ratios,
    spread,
    visit,
)
from bench.synthetic import scaled_store
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

# The same map with no control around it (what an embedding site shows): the floor of
# a Streamlit page drawing this map, whatever the home page puts beside it.
EMBED = "/?embed=true"


def kb(n: float) -> str:
    return f"{n / 1024:.0f} KB"


def warm(browser, scale_db, runs: int) -> dict:
    atlas, bare = atlas_server(scale_db), bare_server()
    try:
        visit(browser, bare.url, BARE_PAINTED_JS, measure_bytes=False)
        visit(browser, atlas.url, ATLAS_PAINTED_JS, measure_bytes=False)
        bare_v, atlas_v, map_only = [], [], []
        for _ in range(runs):
            bare_v.append(visit(browser, bare.url, BARE_PAINTED_JS))
            atlas_v.append(visit(browser, atlas.url, ATLAS_PAINTED_JS))
            embed = visit(browser, atlas.url + EMBED, ATLAS_PAINTED_JS, measure_bytes=False)
            map_only.append(embed.seconds)
    finally:
        atlas.stop()
        bare.stop()
    return {"bare": bare_v, "atlas": atlas_v, "map_only": map_only}


def first_visits(browser, scale_db, starts: int) -> dict:
    bare_t, atlas_t, startup = [], [], []
    for _ in range(starts):
        bare = bare_server()
        try:
            bare_t.append(visit(browser, bare.url, BARE_PAINTED_JS, measure_bytes=False).seconds)
        finally:
            bare.stop()
        atlas = atlas_server(scale_db)
        startup.append(atlas.healthy_at - atlas.started_at)
        try:
            atlas_t.append(visit(browser, atlas.url, ATLAS_PAINTED_JS, measure_bytes=False).seconds)
        finally:
            atlas.stop()
    return {"bare": bare_t, "atlas": atlas_t, "startup": startup}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--scales", default="1", help="comma-separated, e.g. 1,10,30")
    args = parser.parse_args()
    curve = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for scale in (int(s) for s in args.scales.split(",")):
            db = scaled_store(scale)
            w = warm(browser, db, args.runs)
            bare_s = [v.seconds for v in w["bare"]]
            atlas_s = [v.seconds for v in w["atlas"]]
            r = ratios(atlas_s, bare_s)
            print(f"\n== x{scale} initiatives ==")
            print(f"warm: bare first paint {spread(bare_s)} s")
            print(f"warm: atlas map painted {spread(atlas_s)} s")
            print(f"warm: ratio atlas/bare {spread(r)} (target <= 1.3)")
            print(
                f"warm: the map alone ({EMBED}) {spread(w['map_only'])} s,"
                f" ratio to bare {spread(ratios(w['map_only'], bare_s))}"
            )
            f = first_visits(browser, db, args.starts)
            fr = ratios(f["atlas"], f["bare"])
            print(f"first visitor: bare {spread(f['bare'])} s, atlas {spread(f['atlas'])} s")
            print(f"first visitor: ratio atlas/bare {spread(fr)} (target <= 1.6)")
            print(f"atlas server start (process -> healthy, caches warm): {spread(f['startup'])} s")
            bare_b = statistics.median(v.wire_bytes for v in w["bare"])
            atlas_b = statistics.median(v.wire_bytes for v in w["atlas"])
            bare_g = statistics.median(v.gzip_bytes for v in w["bare"])
            atlas_g = statistics.median(v.gzip_bytes for v in w["atlas"])
            print(
                f"bytes received: bare {kb(bare_b)}, atlas {kb(atlas_b)}"
                f" (+{kb(atlas_b - bare_b)} over the bare page)"
            )
            print(
                f"with gzip in front (nginx): bare {kb(bare_g)}, atlas {kb(atlas_g)}"
                f" (+{kb(atlas_g - bare_g)})"
            )
            top = sorted(w["atlas"][-1].by_type.items(), key=lambda kv: -kv[1])[:5]
            print("atlas bytes by type: " + ", ".join(f"{k} {kb(v)}" for k, v in top))
            curve.append((scale, statistics.median(atlas_s), statistics.median(r), atlas_b))
    if len(curve) > 1:
        print("\ncost growth: scale, atlas paint median (s), ratio median, bytes")
        for scale, paint, ratio, size in curve:
            print(f"  x{scale}: {paint:.2f} s, {ratio:.2f}, {kb(size)}")


if __name__ == "__main__":
    main()
