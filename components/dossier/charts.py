"""Small line charts of a series (département, France, region) for the PDF, with
matplotlib (Agg, DejaVu Sans, no network).

Lines differ by colour, dash and marker, so they read in black and white. Only
published points are drawn; a missing value leaves a gap (nothing is interpolated).
The values themselves are printed as text under each chart by the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator
from PIL.Image import Image

from components.dossier.raster import figure_image
from data.formatting import format_number

FONT = "DejaVu Sans"
INK, GRID = "#1a1a1a", "#dddddd"


@dataclass(frozen=True)
class Line:
    label: str
    values: tuple[float | None, ...]
    colour: str
    dash: str
    marker: str


STYLES = {
    "departement": ("#0b3954", "-", "o"),
    "france": ("#555555", "--", "s"),
    "region": ("#d95f0e", ":", "^"),
}


def line(kind: str, label: str, values: Sequence[float | None]) -> Line:
    colour, dash, marker = STYLES[kind]
    return Line(label, tuple(values), colour, dash, marker)


def _tick_decimals(values: list[float], decimals: int) -> int:
    spread = max(values) - min(values) if values else 0.0
    return 0 if spread >= 10 else min(decimals, 1 if spread >= 1 else 2)


def series_image(
    years: Sequence[int],
    lines: Sequence[Line],
    *,
    decimals: int,
    lang: str,
    width_pt: float,
    height_pt: float,
    dpi: int = 220,
) -> Image:
    """The chart at ``width_pt`` x ``height_pt`` points (its printed size) and ``dpi``."""
    fig = Figure(figsize=(width_pt / 72, height_pt / 72), dpi=100)
    fig.patch.set_facecolor("white")
    ax = fig.add_axes((0.13, 0.17, 0.84, 0.63))
    shown: list[float] = []
    for ln in lines:
        points = [(x, v) for x, v in zip(years, ln.values, strict=True) if v is not None]
        if not points:
            continue
        xs, ys = zip(*points, strict=True)
        shown += ys
        ax.plot(
            xs,
            ys,
            color=ln.colour,
            linestyle=ln.dash,
            marker=ln.marker,
            markersize=4.5,
            linewidth=1.6 if ln.colour == STYLES["departement"][0] else 1.2,
            label=ln.label,
        )
    ax.xaxis.set_major_locator(FixedLocator(list(years)))
    ax.set_xlim(min(years) - 0.4, max(years) + 0.4)
    ax.yaxis.set_major_locator(MaxNLocator(4))
    places = _tick_decimals(shown, decimals)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_number(v, places, lang)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: str(int(round(v)))))
    if shown:
        low, high = min(shown), max(shown)
        pad = (high - low) * 0.25 or abs(high) * 0.05 or 1.0
        ax.set_ylim(low - pad, high + pad)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.tick_params(labelsize=7, colors=INK, length=2)
    for label in (*ax.get_xticklabels(), *ax.get_yticklabels()):
        label.set_fontfamily(FONT)
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0.0, 1.02),
        ncol=3,
        frameon=False,
        fontsize=6.5,
        prop={"family": FONT, "size": 6.5},
        handlelength=2.2,
        borderaxespad=0.0,
        columnspacing=1.0,
    )
    return figure_image(fig, dpi)
