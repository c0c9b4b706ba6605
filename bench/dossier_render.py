"""Time and size of the département dossier (PDF) for each of the 101 départements.

    .venv/bin/python -m bench.dossier_render [--lang fr] [--deps 55,976]

The atlas is loaded once and one dossier is built first to warm up (fonts, imports), not
timed. Prints the median and the maximum time (ms) and size (kB) over the départements,
and the five slowest and largest. Figures go to the closing note; nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import time

from components.dossier.build import build_dossier
from data.atlas import load_atlas

ROOT = "https://atlas.example.org"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="fr", choices=("fr", "en"))
    parser.add_argument("--deps", default="", help="comma-separated codes (default: all 101)")
    args = parser.parse_args()
    atlas = load_atlas()
    codes = [c for c in args.deps.split(",") if c] or list(atlas.departements.index)
    build_dossier(atlas, codes[0], args.lang, root=ROOT)  # warm-up
    rows: list[tuple[str, float, int, int]] = []
    for code in codes:
        start = time.perf_counter()
        pdf = build_dossier(atlas, code, args.lang, root=ROOT)
        ms = (time.perf_counter() - start) * 1000
        rows.append((code, ms, len(pdf), pdf.count(b"/Type /Page\n")))
    times, sizes = [r[1] for r in rows], [r[2] / 1024 for r in rows]
    print(f"{len(rows)} dossiers ({args.lang})")
    print(f"{'':8} {'median':>10} {'max':>10}")
    print(f"{'ms':8} {statistics.median(times):10.0f} {max(times):10.0f}")
    print(f"{'kB':8} {statistics.median(sizes):10.0f} {max(sizes):10.0f}")
    print(f"{'pages':8} {statistics.median(r[3] for r in rows):10.0f} {max(r[3] for r in rows):10}")
    print(f"total {sum(times) / 1000:.1f} s")
    for title, key in (("slowest", 1), ("largest", 2)):
        top = sorted(rows, key=lambda r: r[key], reverse=True)[:5]
        items = [f"{c} ({ms:.0f} ms, {size / 1024:.0f} kB)" for c, ms, size, _ in top]
        print(f"{title}: " + ", ".join(items))


if __name__ == "__main__":
    main()
