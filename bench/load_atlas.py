"""Cold load of everything the app needs at start (``data.atlas.load_atlas``).

    .venv/bin/python -m bench.load_atlas [--runs 7]

Each run is a fresh Python process (a cold load: imports excluded, files read and
parsed, frames built); prints the median and the spread in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHILD = """
import time
import data.atlas as atlas_module
start = time.perf_counter()
atlas = atlas_module.load_atlas()
loaded = time.perf_counter() - start
start = time.perf_counter()
atlas_module.load_commune_shapes("62")
shapes = time.perf_counter() - start
print(f"{loaded * 1000:.1f} {shapes * 1000:.1f}")
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    loads, shapes = [], []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-c", CHILD], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.split()
        loads.append(float(out[0]))
        shapes.append(float(out[1]))
    print(
        f"load_atlas cold: median {statistics.median(loads):.0f} ms "
        f"(min {min(loads):.0f}, max {max(loads):.0f}, {args.runs} runs)"
    )
    print(f"load_commune_shapes('62'): median {statistics.median(shapes):.0f} ms")


if __name__ == "__main__":
    main()
