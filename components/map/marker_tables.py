"""Every published marker in one table per store version, fetched once by the browser.

With the launcher's route (``GET /api/map/markers/<token>.json``), a map update does
not carry its markers: it names the table (built once per store version, language and
layout, kept here for the route) and says which rows are shown as a bit mask, about
one byte per six initiatives. A filter change then sends a few hundred bytes of
markers whatever the catalogue's size; the table is cached by the browser (its token
changes with the store's version). No streamlit here.
"""

from __future__ import annotations

import base64
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from components.map.markers import initiative_icon

KEEP = 16  # tables kept for the route (versions x languages x layouts)
LAYOUTS = {"national": ("map_lon_r", "map_lat_r"), "real": ("map_lon", "map_lat")}


@dataclass(frozen=True)
class MarkerTable:
    token: str
    icons: dict[str, dict[str, Any]]
    rows: list[list[Any]]  # [id, lat, lon, icon key, title]
    index: dict[str, int]

    def payload(self) -> dict[str, Any]:
        return {"icons": self.icons, "rows": self.rows}

    def mask(self, ids: Iterable[str]) -> str:
        """Base64 bit mask of the rows shown (bit i of byte i // 8, low bit first)."""
        bits = bytearray((len(self.rows) + 7) // 8)
        for initiative_id in ids:
            i = self.index.get(initiative_id)
            if i is not None:
                bits[i // 8] |= 1 << (i % 8)
        return base64.b64encode(bytes(bits)).decode()


def marker_rows(
    initiatives: pd.DataFrame, *, lon_col: str, lat_col: str, lever_label
) -> tuple[dict[str, dict[str, Any]], list[list[Any]]]:
    """Icons (each once) and ``[id, lat, lon, icon key, title]`` per initiative."""
    icons: dict[str, dict[str, Any]] = {}
    rows: list[list[Any]] = []
    for row in initiatives.to_dict("records"):
        precision = row.get("precision") or "commune"
        key = f"{row['lever']}:{precision}"
        if key not in icons:
            icons[key] = initiative_icon(row["lever"], precision)
        rows.append(
            [
                row["id"],
                round(float(row[lat_col]), 5),
                round(float(row[lon_col]), 5),
                key,
                f"{row['name']} — {lever_label(row['lever'])}",
            ]
        )
    return icons, rows


_tables: OrderedDict[str, MarkerTable] = OrderedDict()
_lock = threading.Lock()


def table_for(
    version: str, lang: str, layout: str, initiatives: pd.DataFrame, lever_label
) -> MarkerTable:
    """The table of every initiative of ``initiatives`` (the published set of
    ``version``), built once and kept for the route."""
    token = hashlib.sha256(f"{version}|{lang}|{layout}".encode()).hexdigest()[:20]
    with _lock:
        if token in _tables:
            _tables.move_to_end(token)
            return _tables[token]
    lon_col, lat_col = LAYOUTS[layout]
    icons, rows = marker_rows(
        initiatives, lon_col=lon_col, lat_col=lat_col, lever_label=lever_label
    )
    table = MarkerTable(token, icons, rows, {row[0]: i for i, row in enumerate(rows)})
    with _lock:
        _tables[token] = table
        while len(_tables) > KEEP:
            _tables.popitem(last=False)
    return table


def get(token: str) -> MarkerTable | None:
    with _lock:
        return _tables.get(token)
