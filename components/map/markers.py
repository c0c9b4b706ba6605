"""Initiative markers: the lever's shape and colour (data.levers) plus a precision ring.

A département-wide programme gets a dashed ring, a regional one a double ring, so a
marker placed at a département's or region's centre is never read as a precise spot.
"""

from __future__ import annotations

from data.levers import marker_svg

PRECISIONS = ("commune", "departement", "region")


def _ring(precision: str, c: float) -> str:
    if precision == "departement":
        return (
            f'<circle cx="{c}" cy="{c}" r="{c - 1.5}" fill="white" fill-opacity="0.9" '
            'stroke="#1a1a1a" stroke-width="1.5" stroke-dasharray="3 2"/>'
        )
    if precision == "region":
        return (
            f'<circle cx="{c}" cy="{c}" r="{c - 1.5}" fill="white" fill-opacity="0.9" '
            'stroke="#1a1a1a" stroke-width="1.2"/>'
            f'<circle cx="{c}" cy="{c}" r="{c - 4}" fill="none" stroke="#1a1a1a" stroke-width="1"/>'
        )
    return ""


def initiative_icon(lever: str, precision: str, size: int = 22) -> dict[str, object]:
    """``{"svg": ..., "size": [w, h]}`` for a lever at a given precision."""
    if precision not in PRECISIONS:
        raise ValueError(f"unknown precision {precision!r}")
    inner = marker_svg(lever, size, outline="#1a1a1a")
    if precision == "commune":
        return {"svg": inner, "size": [size, size]}
    pad = 6
    full = size + 2 * pad
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{full}" height="{full}" '
        f'viewBox="0 0 {full} {full}">{_ring(precision, full / 2)}'
        f'<svg x="{pad}" y="{pad}" width="{size}" height="{size}">{inner}</svg></svg>'
    )
    return {"svg": svg, "size": [full, full]}
