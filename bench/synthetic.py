"""Synthetic copies of the catalogue, for the cost-growth benchmarks (never in the data).

``scaled_store(scale)`` makes a throwaway SQLite store (a temporary folder) holding the
published catalogue and ``scale - 1`` copies of each initiative; a copy with a commune
is moved to another commune of the same département (so the map spreads like a
bigger catalogue, not piles up), names get a "(copie N)" suffix. The benches start the
server with ``ATLAS_DB_PATH`` pointing there. Used by ``bench.side_by_side``,
``bench.rerun_browser``, ``bench.map_payload`` and ``bench.load_sessions``.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from sqlalchemy import insert, select, update

from data.atlas import load_communes
from data.store import open_store
from data.store.models import initiatives, store_meta


def scaled_store(scale: int, seed: int = 1) -> Path:
    """Path of a SQLite file with ``scale`` times the published initiatives."""
    folder = Path(tempfile.mkdtemp(prefix=f"atlas-bench-x{scale}-"))
    path = folder / "atlas.sqlite"
    store = open_store(f"sqlite:///{path}")
    if scale > 1:
        communes = load_communes()
        by_dep = {
            dep: list(frame.index)
            for dep, frame in communes[communes["type"] == "COM"].groupby("departement_code")
        }
        names = communes["nom"].to_dict()
        rng = random.Random(seed)
        with store.engine.begin() as conn:
            rows = [
                dict(r)
                for r in conn.execute(
                    select(initiatives).where(initiatives.c.state == "published")
                ).mappings()
            ]
            copies = []
            for k in range(2, scale + 1):
                for row in rows:
                    copy = {key: value for key, value in row.items() if key != "pk"}
                    copy["slug"] = f"{row['slug']}-x{k}"
                    copy["name"] = f"{row['name']} (copie {k})"
                    copy["submission_token"] = None
                    dep = row["departement_code"]
                    if row["commune_code"] and by_dep.get(dep):
                        code = rng.choice(by_dep[dep])
                        copy["commune_code"], copy["commune"] = code, names[code]
                    copies.append(copy)
            conn.execute(insert(initiatives), copies)
            conn.execute(
                update(store_meta)
                .where(store_meta.c.id == 1)
                .values(published_version=store_meta.c.published_version + 1)
            )
    count = len(store.published_frame())
    store.close()
    print(f"synthetic store x{scale}: {count} published initiatives in {path}")
    return path
