"""Bytes streamlit-folium sends for the national map and the département drill-downs.

    .venv/bin/python -m bench.map_payload [--scales 1,10,30]

The on-screen map is a base (sent when the view changes) and an update (sent with
every filter change): both are measured as streamlit-folium sends them
(``components.map.documents``), with popups and the marker table loaded on demand
(``scripts/serve.py``) and, for comparison, travelling with the map (``streamlit run
app.py``). The polygons are
static files fetched once (sizes given). ``--scales``: 10x, 30x the initiatives
(``bench.synthetic``). Targets: national document <= 150 KB, drill-down median <= 150 KB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from bench.synthetic import scaled_store
from components.map import geometry_files, marker_tables
from components.map.build import classify_indicator, lever_label
from components.map.documents import map_document
from components.map.live_build import LiveOptions, departement_live, national_live
from data.atlas import load_atlas, load_commune_shapes, place_initiatives
from data.store import open_store

LAZY = LiveOptions(popup_url="/api/map/popup", marker_url="/api/map/markers")
INLINE = LiveOptions()


def table(initiatives, layout: str, scale: int):
    return marker_tables.table_for(
        f"bench-x{scale}", "fr", layout, initiatives, lambda code: lever_label(code, "fr")
    )


def kb(n: float) -> str:
    return f"{n / 1024:.0f} KB"


def initiatives_at(scale: int, atlas):
    if scale == 1:
        return atlas.initiatives
    store = open_store(f"sqlite:///{scaled_store(scale)}", seed_path=None)
    try:
        return place_initiatives(store.published_frame(), atlas.departements)
    finally:
        store.close()


def national_doc(atlas, initiatives, opts, table=None):
    ind = atlas.default_indicator
    m, update = national_live(
        atlas.departements_rapproches,
        ind,
        classify_indicator(atlas.departements, ind, "quantiles"),
        initiatives,
        {},
        opts=opts,
        table=table,
    )
    return map_document(m, update)


def drill_doc(atlas, initiatives, dep, opts, table=None):
    m, update = departement_live(
        dep,
        atlas.departements,
        atlas.neighbours.get(dep, ()),
        load_commune_shapes(dep),
        atlas.communes,
        atlas.indicator("apl_2023"),
        initiatives[initiatives["departement_code"] == dep],
        {},
        opts=opts,
        table=table,
    )
    return map_document(m, update)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", default="1")
    args = parser.parse_args()
    atlas = load_atlas()
    files = geometry_files.manifest_files()
    sizes = {name: (geometry_files.OUT_DIR / f).stat().st_size for name, f in files.items()}
    communes = [v for k, v in sizes.items() if k.startswith("communes-")]
    print(
        f"polygon files (fetched once, cached): national {kb(sizes['national'])},"
        f" départements {kb(sizes['departements'])}, communes median"
        f" {kb(statistics.median(communes))} (largest {kb(max(communes))})"
    )
    curve = []
    for scale in (int(s) for s in args.scales.split(",")):
        initiatives = initiatives_at(scale, atlas)
        national_table, real_table = (table(initiatives, k, scale) for k in ("national", "real"))
        started = time.perf_counter()
        lazy = national_doc(atlas, initiatives, LAZY, national_table)
        build_ms = (time.perf_counter() - started) * 1000
        inline = national_doc(atlas, initiatives, INLINE)
        drills = {
            dep: drill_doc(atlas, initiatives, dep, LAZY, real_table).size
            for dep in atlas.departements.index
        }
        table_kb = len(json.dumps(national_table.payload(), ensure_ascii=False).encode())
        worst = sorted(drills, key=drills.get, reverse=True)[:3]
        print(f"\n== x{scale}: {len(initiatives)} initiatives ==")
        print(
            f"national document {kb(lazy.size)} (base {kb(len(lazy.script) + len(lazy.header))},"
            f" update {kb(len(lazy.update))}; popups inline: {kb(inline.size)})"
            f" — built in {build_ms:.0f} ms (target <= 150 KB)"
        )
        print(f"marker table (fetched once per store version, cached): {kb(table_kb)}")
        print(
            f"drill-down documents: median {kb(statistics.median(drills.values()))}, largest "
            + ", ".join(f"{d} {kb(drills[d])}" for d in worst)
            + " (target median <= 150 KB)"
        )
        curve.append((scale, len(initiatives), lazy.size, statistics.median(drills.values())))
    if len(curve) > 1:
        base = curve[0]
        print("\ncost growth (x initiatives -> x national document, x drill-down median):")
        for scale, count, nat, drill in curve:
            print(
                f"  x{scale} ({count}): national {kb(nat)} (x{nat / base[2]:.1f}),"
                f" drill-down median {kb(drill)} (x{drill / base[3]:.1f})"
            )


if __name__ == "__main__":
    main()
