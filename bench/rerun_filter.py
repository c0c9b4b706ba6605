"""Server time of a rerun of the Carte page after a lever filter change.

    .venv/bin/python -m bench.rerun_filter [--runs 30]

Runs the real app script with streamlit.testing's AppTest (no browser): each
measured step toggles one lever chip and reruns the page, map included. Prints
p50/p95 in milliseconds (target: p50 under 250 ms).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]
LEVERS = ["telemedecine", "maison_de_sante", "bourse_etudes", "centre_de_sante_salariat"]


def measure(runs: int, dep: str | None) -> list[float]:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    if dep:
        at.query_params["dep"] = dep
    at.run()  # warm: data loaded and cached once per server
    at.run()
    times = []
    for i in range(runs):
        chosen = [] if i % 5 == 4 else LEVERS[: 1 + i % len(LEVERS)]
        widget = at.pills(key="w_levers").set_value(chosen)
        start = time.perf_counter()
        widget.run()
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return times


def report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"{label}: p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms ({len(times)} reruns)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    report("national view, lever filter change", measure(args.runs, None))
    report("Meuse drill-down, lever filter change", measure(args.runs, "55"))


if __name__ == "__main__":
    main()
