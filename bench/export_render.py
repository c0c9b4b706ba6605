"""Time and size of the share exports (server-side image, CSV, XLSX) for a few views.

    .venv/bin/python -m bench.export_render [--runs 5]

The atlas is loaded once (not timed); each figure is the median of ``--runs`` renders,
in milliseconds, with the output size in kilobytes. Figures go to the closing note;
nothing here is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from components.share.export_data import figures_table, initiatives_table, view_data
from components.share.export_files import to_csv, to_xlsx
from components.share.image_draw import render
from components.share.image_spec import image_spec
from components.view_params import ViewState
from data.atlas import load_atlas, load_commune_shapes

LINK = "http://localhost:8501/?dep=55&ind=apl65_2023&levier=telemedecine,maison_de_sante"
VIEWS = {
    "France, default": ViewState("part_pop_apl_inf_2_5_2023"),
    "France, 2 levers": ViewState("apl65_2023", levers=("telemedecine", "maison_de_sante")),
    "Meuse (499 communes)": ViewState("apl65_2023", dep="55"),
    "Pas-de-Calais (890 communes)": ViewState("apl_2023", dep="62"),
}


def timed(build: Callable[[], bytes], runs: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(build())
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    atlas = load_atlas()
    print(f"{'view':30} {'export':12} {'ms':>8} {'kB':>8}")
    for name, view in VIEWS.items():
        shapes = load_commune_shapes(view.dep) if view.dep else None
        data = view_data(atlas, view, place_labels={}, commune_shapes=shapes, permalink=LINK)
        spec = image_spec(atlas, data)
        builds: dict[str, Callable[[], bytes]] = {
            "PNG 16x9": lambda spec=spec: render(spec, "16x9", "png"),
            "PNG 1x1": lambda spec=spec: render(spec, "1x1", "png"),
            "SVG 16x9": lambda spec=spec: render(spec, "16x9", "svg"),
            "CSV figures": lambda data=data: to_csv(figures_table(data)),
            "CSV initiat.": lambda data=data: to_csv(initiatives_table(data.initiatives, {}, "fr")),
            "XLSX": lambda data=data: to_xlsx(data, {}),
        }
        for label, build in builds.items():
            ms, size = timed(build, args.runs)
            print(f"{name:30} {label:12} {ms:8.0f} {size / 1024:8.0f}")


if __name__ == "__main__":
    main()
