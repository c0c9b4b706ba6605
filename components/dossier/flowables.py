"""Small pieces of the PDF: pictures, legend swatches, lever markers, the QR code.

Colours and shapes come from the map's own definitions: class colours from the
classification (via the image spec), the hatching of missing values, lever shapes and
colours from :mod:`data.levers`.
"""

from __future__ import annotations

import segno
from PIL.Image import Image as PILImage
from reportlab.lib.colors import HexColor, white
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from components.share.image_draw import HATCH_FACE, HATCH_INK
from data.levers import get_lever, shape_points

EDGE = "#777777"


class Picture(Flowable):
    """Pixels (a PIL image) drawn at a given size: the map and the charts."""

    def __init__(self, image: PILImage, width: float, height: float) -> None:
        super().__init__()
        self.image, self.width, self.height = ImageReader(image), width, height

    def draw(self) -> None:
        self.canv.drawImage(self.image, 0, 0, self.width, self.height)


class Swatch(Flowable):
    """A legend swatch: a filled box, or hatched grey for "non disponible"."""

    def __init__(self, colour: str | None, width: float = 16, height: float = 10) -> None:
        super().__init__()
        self.colour, self.width, self.height = colour, width, height

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(HexColor(EDGE))
        c.setLineWidth(0.5)
        if self.colour is not None:
            c.setFillColor(HexColor(self.colour))
            c.rect(0, 0, self.width, self.height, stroke=1, fill=1)
            return
        c.setFillColor(HexColor(HATCH_FACE))
        c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        path = c.beginPath()
        path.rect(0, 0, self.width, self.height)
        c.saveState()
        c.clipPath(path, stroke=0, fill=0)
        c.setStrokeColor(HexColor(HATCH_INK))
        c.setLineWidth(0.6)
        step = 2.6
        x = -self.height
        while x < self.width:
            c.line(x, 0, x + self.height, self.height)
            x += step
        c.restoreState()
        c.setStrokeColor(HexColor(EDGE))
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)


class LeverMarker(Flowable):
    """A lever's marker (shape and colour), with the map's white ring for a
    département-wide (``ring="departement"``) or double ring for a regional programme."""

    def __init__(self, lever: str, size: float = 9, ring: str | None = None) -> None:
        super().__init__()
        self.lever, self.size, self.ring = lever, size, ring
        self.width = self.height = size * (1.7 if ring else 1.0)

    def draw(self) -> None:
        c = self.canv
        lv = get_lever(self.lever)
        cx = cy = self.width / 2
        r = self.size / 2
        c.setStrokeColor(HexColor("#1a1a1a"))
        if self.ring:
            c.setFillColor(white)
            c.setLineWidth(0.6)
            c.circle(cx, cy, r * 1.65, stroke=1, fill=1)
            if self.ring == "region":
                c.circle(cx, cy, r * 1.3, stroke=1, fill=0)
        c.setFillColor(HexColor(lv.colour))
        c.setLineWidth(0.5)
        points = shape_points(lv.shape)
        if not points:
            c.circle(cx, cy, r, stroke=1, fill=1)
            return
        path = c.beginPath()
        # shape_points has SVG's y axis (down); the PDF's points up.
        path.moveTo(cx + r * points[0][0], cy - r * points[0][1])
        for x, y in points[1:]:
            path.lineTo(cx + r * x, cy - r * y)
        path.close()
        c.drawPath(path, stroke=1, fill=1)


class QRCode(Flowable):
    """The link as a vector QR code (segno, error correction M, quiet zone of 2)."""

    def __init__(self, link: str, size: float) -> None:
        super().__init__()
        self.matrix = segno.make(link, error="m", micro=False).matrix
        self.width = self.height = size

    def draw(self) -> None:
        c = self.canv
        n = len(self.matrix) + 4
        cell = self.width / n
        c.setFillColor(white)
        c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        c.setFillColor(HexColor("#1a1a1a"))
        for i, row in enumerate(self.matrix):
            y = self.height - (i + 3) * cell
            j = 0
            while j < len(row):  # one rectangle per run of dark modules
                if row[j]:
                    start = j
                    while j < len(row) and row[j]:
                        j += 1
                    # a hair of overlap: no white seams between modules in viewers
                    w = (j - start) * cell + 0.08
                    c.rect((start + 2) * cell, y - 0.08, w, cell + 0.08, stroke=0, fill=1)
                else:
                    j += 1
