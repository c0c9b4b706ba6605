"""Overseas départements moved beside metropolitan France ("DROM rapprochés").

French official maps show Guadeloupe, Martinique, Guyane, La Réunion and
Mayotte in insets. Here each DROM is moved by a fixed affine transform into a
box in the Atlantic, west of Brittany and in the Bay of Biscay, north of the
Spanish coast (lat > 44) and clear of metropolitan islands:

=====  ==========  ================================  =====  ==============
code   name        source frame, WGS84 (lon_min,     scale  target centre
                   lat_min, lon_max, lat_max)               (lon, lat)
=====  ==========  ================================  =====  ==============
971    Guadeloupe  (-61.90, 15.75, -60.92, 16.59)    1.8    (-8.10, 48.75)
972    Martinique  (-61.30, 14.33, -60.74, 14.94)    2.4    (-8.10, 46.95)
973    Guyane      (-54.75, 1.95, -51.45, 5.90)      0.36   (-8.10, 45.05)
974    La Réunion  (55.15, -21.45, 55.90, -20.81)    2.0    (-5.45, 46.55)
976    Mayotte     (44.95, -13.06, 45.37, -12.58)    3.0    (-5.45, 44.85)
=====  ==========  ================================  =====  ==============

The source frame encloses the département with a margin; its centre is the
source anchor, moved to the target centre. ``scale`` is a ratio of ground
distances (2.0: the island is drawn twice as large as metropolitan France
would be at the same place); each inset has its own scale, chosen for
legibility as INSEE does, so areas are not comparable between insets.

To keep shapes (the map is shown in Web Mercator, a conformal projection),
longitudes are also multiplied by ``cos(lat_source) / cos(lat_target)``::

    lon' = lon_t + scale * (lon - lon_s) * cos(lat_s) / cos(lat_t)
    lat' = lat_t + scale * (lat - lat_s)

Each inset box is the image of its source frame. The transform is a pure
function of ``(dep_code, lon, lat)``, so markers (initiatives) are moved with
:func:`to_rapproche` exactly as the polygons are. Other codes are unchanged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import shapely


@dataclass(frozen=True)
class Inset:
    """Affine placement of one DROM."""

    code: str
    nom: str
    frame: tuple[float, float, float, float]
    scale: float
    target: tuple[float, float]

    @property
    def anchor(self) -> tuple[float, float]:
        """Source anchor: centre of the source frame."""
        lon_min, lat_min, lon_max, lat_max = self.frame
        return ((lon_min + lon_max) / 2, (lat_min + lat_max) / 2)

    @property
    def x_factor(self) -> float:
        """Multiplier of longitude offsets (scale and latitude correction)."""
        lat_s = math.radians(self.anchor[1])
        lat_t = math.radians(self.target[1])
        return self.scale * math.cos(lat_s) / math.cos(lat_t)

    def apply(self, lon: float, lat: float) -> tuple[float, float]:
        lon_s, lat_s = self.anchor
        lon_t, lat_t = self.target
        return (lon_t + self.x_factor * (lon - lon_s), lat_t + self.scale * (lat - lat_s))

    def box(self) -> tuple[float, float, float, float]:
        """The inset box (lon_min, lat_min, lon_max, lat_max), image of the frame."""
        lon_min, lat_min, lon_max, lat_max = self.frame
        x0, y0 = self.apply(lon_min, lat_min)
        x1, y1 = self.apply(lon_max, lat_max)
        return (x0, y0, x1, y1)


INSETS: dict[str, Inset] = {
    inset.code: inset
    for inset in (
        Inset("971", "Guadeloupe", (-61.90, 15.75, -60.92, 16.59), 1.8, (-8.10, 48.75)),
        Inset("972", "Martinique", (-61.30, 14.33, -60.74, 14.94), 2.4, (-8.10, 46.95)),
        Inset("973", "Guyane", (-54.75, 1.95, -51.45, 5.90), 0.36, (-8.10, 45.05)),
        Inset("974", "La Réunion", (55.15, -21.45, 55.90, -20.81), 2.0, (-5.45, 46.55)),
        Inset("976", "Mayotte", (44.95, -13.06, 45.37, -12.58), 3.0, (-5.45, 44.85)),
    )
}


def is_drom(dep_code: str) -> bool:
    """True for the five overseas départements."""
    return dep_code in INSETS


def to_rapproche(dep_code: str, lon: float, lat: float) -> tuple[float, float]:
    """Map coordinates of the "rapprochés" layout; unchanged outside the DROM."""
    inset = INSETS.get(dep_code)
    return (lon, lat) if inset is None else inset.apply(lon, lat)


def transform_geometry(dep_code: str, geom: shapely.Geometry) -> shapely.Geometry:
    """Apply :func:`to_rapproche` to every vertex of ``geom``."""
    inset = INSETS.get(dep_code)
    if inset is None:
        return geom
    lon_s, lat_s = inset.anchor
    lon_t, lat_t = inset.target
    factors = (inset.x_factor, inset.scale)

    def move(coords):  # numpy (n, 2) array
        out = coords.copy()
        out[:, 0] = lon_t + factors[0] * (coords[:, 0] - lon_s)
        out[:, 1] = lat_t + factors[1] * (coords[:, 1] - lat_s)
        return out

    return shapely.transform(geom, move)


def inset_boxes() -> dict[str, tuple[float, float, float, float]]:
    """Box of each inset, ``(lon_min, lat_min, lon_max, lat_max)``, by département code."""
    return {code: inset.box() for code, inset in INSETS.items()}
