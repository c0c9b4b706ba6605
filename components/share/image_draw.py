"""Drawing the image of a view (PNG or SVG) from its :class:`ImageSpec`, on the server.

No streamlit and no network here: matplotlib's Agg and SVG back ends, DejaVu Sans.
The colours come from the very :class:`~data.classify.Classification` the interactive
map uses (:func:`components.share.export_data.view_data`), the legend rows from
:func:`components.map.legend.classes_rows`, the markers from :mod:`data.levers`.

What is drawn:

- France entière: the 101 départements in the "DROM rapprochés" layout with the inset
  frames, coloured by the indicator; missing values hatched; initiative markers (lever
  shape and colour; a ring for département-wide or regional programmes).
- A selected département: its communes coloured by APL (the fixed APL classes of the
  interactive commune map), the neighbouring départements in grey, its outline, its
  initiatives, and a small locator map of France.

Around the map: title, subtitle (indicator and year), the initiatives shown, the legend,
the source line, the date, the permalink as text and as a QR code. Presets:
``16x9`` (1600 x 900 px) and ``1x1`` (1080 x 1080 px). Web Mercator, as on screen.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Sequence

import numpy as np
import segno
import shapely
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path

from components.share.image_spec import OUTLINE, ImageSpec, Marker, Shapes
from data.levers import get_lever, shape_points

PRESETS: dict[str, tuple[int, int]] = {"16x9": (1600, 900), "1x1": (1080, 1080)}
FORMATS = ("png", "svg")
DPI = 100
FONT = "DejaVu Sans"
INK = "#1a1a1a"
GREY = "#555555"
HATCH_FACE, HATCH_INK = "#e6e6e6", "#8c8c8c"  # components.map.legend.HATCH_CSS
INSET_FRAME = "#9aa5ad"
SEA = "#ffffff"
_SVG_SIZE = re.compile(r'width="[0-9.]+pt" height="[0-9.]+pt"')
CHAR_WIDTH = 0.56  # average DejaVu Sans advance, in font sizes, to wrap text


# --- projection and geometry ---------------------------------------------------------------


def mercator(coords: np.ndarray) -> np.ndarray:
    """Web Mercator (unit sphere) of an (n, 2) array of lon/lat degrees."""
    out = np.empty_like(coords, dtype=float)
    out[:, 0] = np.radians(coords[:, 0])
    lat = np.clip(coords[:, 1], -85.0, 85.0)
    out[:, 1] = np.log(np.tan(math.pi / 4 + np.radians(lat) / 2))
    return out


def _project_bounds(b: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    (x0, y0), (x1, y1) = mercator(np.array([[b[0], b[1]], [b[2], b[3]]], dtype=float))
    return (x0, y0, x1, y1)


def _path(geom: shapely.Geometry) -> Path:
    """One compound path (holes included) of a projected polygon or multipolygon."""
    polygons = getattr(geom, "geoms", [geom])
    verts, codes = [], []
    for poly in polygons:
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        for ring in (poly.exterior, *poly.interiors):
            xy = mercator(np.asarray(ring.coords, dtype=float))
            c = np.full(len(xy), Path.LINETO, dtype=np.uint8)
            c[0], c[-1] = Path.MOVETO, Path.CLOSEPOLY
            verts.append(xy)
            codes.append(c)
    if not verts:
        return Path(np.zeros((1, 2)))
    return Path(np.concatenate(verts), np.concatenate(codes))


def _draw_shapes(ax, layer: Shapes) -> None:
    patches = [PathPatch(_path(g)) for g in layer.geometries]
    filled = [p for p, f in zip(patches, layer.fills, strict=True) if f is not None]
    colours = [f for f in layer.fills if f is not None]
    hatched = [p for p, f in zip(patches, layer.fills, strict=True) if f is None]
    if filled:
        ax.add_collection(
            PatchCollection(
                filled, facecolors=colours, edgecolors=layer.edge, linewidths=layer.linewidth
            )
        )
    if hatched:
        ax.add_collection(
            PatchCollection(
                hatched,
                facecolors=HATCH_FACE,
                edgecolors=layer.edge,
                linewidths=layer.linewidth,
                hatch="////",
                hatchcolor=HATCH_INK,
            )
        )


def _marker_path(shape: str) -> Path | str:
    points = shape_points(shape)  # type: ignore[arg-type]
    if not points:
        return "o"
    verts = [(x, -y) for x, y in points]  # SVG's y points down
    return Path([*verts, verts[0]], closed=True)


# --- drawing -------------------------------------------------------------------------------


def _pt(px: float) -> float:
    """Font size in points for a size in pixels (the figure is at DPI dots per inch)."""
    return px * 72 / DPI


def _wrap(
    text: str, px: float, width: float, max_lines: int, *, anywhere: bool = False
) -> list[str]:
    chars = max(8, int(width / (px * CHAR_WIDTH)))
    lines = textwrap.wrap(text, chars, break_long_words=anywhere, break_on_hyphens=not anywhere)
    if anywhere and not lines:
        lines = [text]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, chars - 1)].rstrip() + "…"
    return lines


class _Canvas:
    """An overlay axes in pixel coordinates (origin bottom-left) for text and swatches."""

    def __init__(self, fig: Figure, width: int, height: int) -> None:
        self.fig, self.w, self.h = fig, width, height
        self.ax = fig.add_axes((0, 0, 1, 1), zorder=5)
        self.ax.set_xlim(0, width)
        self.ax.set_ylim(0, height)
        self.ax.axis("off")
        self.ax.patch.set_alpha(0)

    def lines(
        self,
        x: float,
        top: float,
        lines: Sequence[str],
        px: float,
        *,
        color: str = INK,
        bold: bool = False,
        spacing: float = 1.3,
    ) -> float:
        """Draw lines downwards from ``top``; returns the y below the last one."""
        y = top
        for line in lines:
            self.ax.text(
                x,
                y,
                line,
                fontsize=_pt(px),
                fontfamily=FONT,
                fontweight="bold" if bold else "normal",
                color=color,
                va="top",
                ha="left",
            )
            y -= px * spacing
        return y

    def swatch(self, x: float, y_top: float, w: float, h: float, colour: str | None) -> None:
        if colour is None:
            self.ax.add_patch(
                Rectangle(
                    (x, y_top - h),
                    w,
                    h,
                    facecolor=HATCH_FACE,
                    edgecolor="#777777",
                    hatch="////",
                    hatchcolor=HATCH_INK,
                    linewidth=0.8,
                )
            )
        else:
            self.ax.add_patch(
                Rectangle((x, y_top - h), w, h, facecolor=colour, edgecolor="#777777", lw=0.8)
            )

    def marker(self, x: float, y: float, lever: str, size_px: float) -> None:
        lv = get_lever(lever)
        self.ax.plot(
            [x],
            [y],
            marker=_marker_path(lv.shape),
            markersize=_pt(size_px),
            markerfacecolor=lv.colour,
            markeredgecolor=INK,
            markeredgewidth=0.8,
            linestyle="none",
        )

    def qr(self, link: str, x: float, y: float, size: float) -> None:
        code = segno.make(link, error="m", micro=False)
        matrix = np.array([list(row) for row in code.matrix], dtype=float)
        matrix = np.pad(matrix, 2)  # quiet zone
        qax = self.fig.add_axes((x / self.w, y / self.h, size / self.w, size / self.h), zorder=6)
        qax.imshow(1 - matrix, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
        qax.axis("off")


def _legend(c: _Canvas, spec: ImageSpec, x: float, top: float, width: float, scale: float) -> float:
    """The class legend, as the interactive one; returns the y below it."""
    y = c.lines(x, top, _wrap(spec.legend_title, 17 * scale, width, 2), 17 * scale, bold=True)
    y = c.lines(x, y, [spec.legend_unit], 14 * scale, color=GREY)
    y = c.lines(x, y, [spec.legend_hint], 14 * scale, color=GREY)
    y -= 4 * scale
    sw, sh, row = 34 * scale, 20 * scale, 27 * scale
    rows: list[tuple[str | None, str]] = list(spec.legend_rows)
    if spec.missing_count:
        rows.append((None, f"{spec.missing_label} ({spec.missing_count})"))
    for colour, label in rows:
        c.swatch(x, y, sw, sh, colour)
        c.lines(x + sw + 10 * scale, y - 1 * scale, [label], 15 * scale)
        y -= row
    if spec.legend_note:
        y = c.lines(
            x, y - 2 * scale, _wrap(spec.legend_note, 13 * scale, width, 2), 13 * scale, color=GREY
        )
    return y


def _lever_legend(
    c: _Canvas, spec: ImageSpec, x: float, top: float, width: float, scale: float
) -> float:
    if not spec.lever_rows:
        return top
    y = c.lines(x, top, [spec.lever_title], 16 * scale, bold=True)
    row = 21 * scale
    for code, label in spec.lever_rows:
        c.marker(x + 8 * scale, y - 8 * scale, code, 15 * scale)
        c.lines(x + 22 * scale, y, _wrap(label, 13 * scale, width - 22 * scale, 1), 13 * scale)
        y -= row
    return y


def _map(fig: Figure, spec: ImageSpec, box: tuple[float, float, float, float], w: int, h: int):
    x0, y0, bw, bh = box
    ax = fig.add_axes((x0 / w, y0 / h, bw / w, bh / h), zorder=1)
    ax.axis("off")
    for layer in spec.layers:
        _draw_shapes(ax, layer)
    if spec.outline is not None:
        ax.add_patch(PathPatch(_path(spec.outline), facecolor="none", edgecolor=OUTLINE, lw=2.2))
    for bx0, by0, bx1, by1 in spec.insets:
        px0, py0, px1, py1 = _project_bounds((bx0, by0, bx1, by1))
        ax.add_patch(
            Rectangle((px0, py0), px1 - px0, py1 - py0, fill=False, edgecolor=INSET_FRAME, lw=1)
        )
    _draw_markers(ax, spec.markers, scale=min(w, h) / 900)
    _fit(ax, _project_bounds(spec.bounds), bw / bh)
    return ax


def _fit(ax, bounds: tuple[float, float, float, float], box_ratio: float) -> None:
    """Show ``bounds`` centred, at equal scale on both axes, in a box of ``box_ratio``
    (width / height): the limits are widened on one axis, never the shapes stretched."""
    x0, y0, x1, y1 = bounds
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w, h = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
    if w / h < box_ratio:
        w = h * box_ratio
    else:
        h = w / box_ratio
    ax.set_xlim(cx - w / 2, cx + w / 2)
    ax.set_ylim(cy - h / 2, cy + h / 2)


def _dot(
    ax, px: float, py: float, marker, size: float, face: str, edge_width: float, alpha: float = 1.0
) -> None:
    ax.plot(
        [px],
        [py],
        marker=marker,
        markersize=_pt(size),
        markerfacecolor=face,
        markeredgecolor=INK,
        markeredgewidth=edge_width,
        linestyle="none",
        alpha=alpha,
    )


def _draw_markers(ax, markers: Sequence[Marker], scale: float) -> None:
    """Lever shapes; a white ring under département-wide and regional programmes."""
    if not markers:
        return
    xy = mercator(np.array([(m.x, m.y) for m in markers], dtype=float))
    size = 11 * scale
    for (px, py), m in zip(xy, markers, strict=True):
        if m.precision != "commune":
            _dot(ax, px, py, "o", size * 1.65, "white", 0.9, alpha=0.95)
        if m.precision == "region":
            _dot(ax, px, py, "o", size * 1.3, "none", 0.7)
    for (px, py), m in zip(xy, markers, strict=True):
        lv = get_lever(m.lever)
        _dot(ax, px, py, _marker_path(lv.shape), size, lv.colour, 0.7)


def _locator(
    fig: Figure, spec: ImageSpec, box: tuple[float, float, float, float], w: int, h: int
) -> None:
    if not spec.locator or spec.locator_bounds is None:
        return
    x0, y0, bw, bh = box
    ax = fig.add_axes((x0 / w, y0 / h, bw / w, bh / h), zorder=2)
    ax.set_facecolor("white")
    for spine in ax.spines.values():
        spine.set_edgecolor("#bbbbbb")
    ax.set_xticks([])
    ax.set_yticks([])
    for layer in spec.locator:
        _draw_shapes(ax, layer)
    _fit(ax, _project_bounds(spec.locator_bounds), bw / bh)


def draw(spec: ImageSpec, preset: str = "16x9") -> tuple[Figure, object]:
    """The figure and its map axes (tests read pixel positions through ``ax.transData``)."""
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}")
    w, h = PRESETS[preset]
    wide = preset == "16x9"
    scale = 1.0 if wide else 0.95
    fig = Figure(figsize=(w / DPI, h / DPI), dpi=DPI, facecolor=SEA)
    c = _Canvas(fig, w, h)
    margin = 36
    inner = w - 2 * margin

    # header
    y = h - margin + 4
    y = c.lines(margin, y, _wrap(spec.title, 32, inner, 1), 32, bold=True, spacing=1.25)
    y = c.lines(margin, y - 2, _wrap(spec.subtitle, 20, inner, 2), 20, color=INK)
    y = c.lines(margin, y, _wrap(spec.filters_text, 15, inner, 2), 15, color=GREY)
    header_bottom = y - 6

    # footer: source, then date and link; QR code on the right
    qr_size = 118 if wide else 112
    foot_width = inner - qr_size - 24
    source = _wrap(spec.source_text, 13, foot_width, 3)
    link_lines = _wrap(spec.permalink, 13, foot_width, 2, anywhere=True) if spec.permalink else []
    foot_lines = len(source) + 1 + len(link_lines)
    foot_top = margin + foot_lines * 13 * 1.3 + 4
    fy = c.lines(margin, foot_top, source, 13, color=GREY)
    c.lines(margin, fy, [spec.date_text], 13, color=GREY)
    if link_lines:
        c.lines(margin, fy - 13 * 1.3, link_lines, 13, color=OUTLINE)
    qr_top = foot_top
    if spec.permalink:
        c.qr(spec.permalink, w - margin - qr_size, margin - 8, qr_size)
        qr_top = margin - 8 + qr_size

    if wide:
        panel_x = 1090
        map_box = (margin, foot_top + 12, panel_x - margin - 24, header_bottom - foot_top - 18)
        ly = _legend(c, spec, panel_x, header_bottom - 6, w - margin - panel_x, 1.0)
        ly_levers = _lever_legend(c, spec, panel_x, ly - 14, w - margin - panel_x, 1.0)
    else:
        column = (inner - 30) / 2
        probe = _CountingCanvas()
        legend_h = max(
            header_bottom - _legend(probe, spec, 0, header_bottom, column, scale),  # type: ignore[arg-type]
            header_bottom - _lever_legend(probe, spec, 0, header_bottom, column, scale),  # type: ignore[arg-type]
        )
        legend_top = max(foot_top, qr_top) + 14 + legend_h
        _legend(c, spec, margin, legend_top, column, scale)
        _lever_legend(c, spec, margin + column + 30, legend_top, column, scale)
        map_box = (margin, legend_top + 12, inner, header_bottom - legend_top - 18)
    ax = _map(fig, spec, map_box, w, h)
    if spec.locator:
        if wide:  # in the legend panel, above the QR code
            size = min(200, ly_levers - qr_top - 30)
            box = (panel_x, qr_top + 16, size, size)
        else:  # in the map's top-right corner
            size = 150
            box = (map_box[0] + map_box[2] - size, map_box[1] + map_box[3] - size, size, size)
        if size > 80:
            _locator(fig, spec, box, w, h)
    return fig, ax


class _CountingCanvas:
    """Measures the legend height without drawing (same calls as :class:`_Canvas`)."""

    def lines(self, x, top, lines, px, *, color=INK, bold=False, spacing=1.3):  # noqa: ARG002
        return top - px * spacing * len(lines)

    def swatch(self, *args) -> None:
        return None

    def marker(self, *args) -> None:
        return None


def render(spec: ImageSpec, preset: str = "16x9", fmt: str = "png") -> bytes:
    """PNG or SVG bytes of the view at the preset's size."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    fig, _ = draw(spec, preset)
    out = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": "Atlas des solutions"}
    fig.savefig(out, format=fmt, dpi=DPI, facecolor=SEA, metadata=metadata)
    if fmt == "png":
        return out.getvalue()
    # matplotlib sizes SVG in points; say pixels, as the PNG (the viewBox scales).
    w, h = PRESETS[preset]
    text = out.getvalue().decode("utf-8")
    text = _SVG_SIZE.sub(f'width="{w}px" height="{h}px"', text, count=1)
    return text.encode("utf-8")
