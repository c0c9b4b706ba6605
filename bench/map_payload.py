"""Bytes of HTML/JS sent for the national map and for département drill-downs.

    .venv/bin/python -m bench.map_payload

Measures what streamlit-folium sends to the browser (the rendered folium document:
geometry, styles, markers, popups, legend) plus the Leaflet files served locally.
Budgets (issue "map dashboard"): national ≤ 600 KB, drill-down ≤ 1 MB.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from components.map.build import (
    classify_indicator,
    departement_map,
    encoded_geometries,
    national_map,
)
from data.atlas import load_atlas, load_commune_shapes
from geo.drom import inset_boxes

REPO = Path(__file__).resolve().parents[1]
VENDOR = REPO / "static" / "vendor"


def vendor_bytes() -> int:
    files = [
        VENDOR / "leaflet" / "leaflet.js",
        VENDOR / "leaflet" / "leaflet.css",
        VENDOR / "leaflet.markercluster" / "leaflet.markercluster.js",
        VENDOR / "leaflet.markercluster" / "MarkerCluster.css",
        VENDOR / "leaflet.markercluster" / "MarkerCluster.Default.css",
    ]
    return sum(f.stat().st_size for f in files if f.exists())


def main() -> None:
    a = load_atlas()
    ind = a.default_indicator
    national_geoms = encoded_geometries(a.departements_rapproches)
    real_geoms = encoded_geometries(a.departements)
    c = classify_indicator(a.departements, ind, "quantiles")
    times = []
    for _ in range(5):
        start = time.perf_counter()
        m = national_map(
            a.departements_rapproches,
            national_geoms,
            ind,
            c,
            a.initiatives,
            {},
            insets=list(inset_boxes().items()),
        )
        html = m.get_root().render()
        times.append(time.perf_counter() - start)
    assets = vendor_bytes()
    print(
        f"national map document: {len(html.encode()) / 1024:.0f} KB "
        f"(+ {assets / 1024:.0f} KB Leaflet files) — build+render median "
        f"{statistics.median(times) * 1000:.0f} ms"
    )
    sizes = {}
    for dep in a.departements.index:
        shapes = load_commune_shapes(dep)
        m = departement_map(
            dep,
            a.departements,
            real_geoms,
            a.neighbours.get(dep, ()),
            shapes,
            encoded_geometries(shapes),
            a.communes,
            a.indicator("apl_2023"),
            a.initiatives[a.initiatives["departement_code"] == dep],
            {},
        )
        sizes[dep] = len(m.get_root().render().encode())
    worst = sorted(sizes, key=sizes.get, reverse=True)[:3]
    print(
        "drill-down documents: median "
        f"{statistics.median(sizes.values()) / 1024:.0f} KB, largest "
        + ", ".join(f"{d} {sizes[d] / 1024:.0f} KB" for d in worst)
    )


if __name__ == "__main__":
    main()
