"""The levers (kinds of solution) an initiative can use, and how the map draws them.

Every lever has a French and an English label, a colour and a marker shape with a
short glyph: the map must never tell levers apart by colour alone. The nine colours
of Paul Tol's colour-blind-safe "muted" scheme go to the first nine levers; the last
two use Tol's dark and pale greys. Every lever has its own shape, so two levers never
share both colour and shape.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, get_args

Shape = Literal[
    "circle",
    "square",
    "diamond",
    "triangle",
    "triangle-down",
    "pentagon",
    "hexagon",
    "star",
    "cross",
    "plus",
    "octagon",
]

SHAPES: tuple[Shape, ...] = get_args(Shape)


@dataclass(frozen=True)
class Lever:
    """One lever of the catalogue."""

    code: str
    label_fr: str
    label_en: str
    colour: str  # "#RRGGBB"
    shape: Shape
    glyph: str  # one or two letters, drawn in legends and large markers


LEVERS: tuple[Lever, ...] = (
    Lever(
        "maison_de_sante",
        "Maison de santé pluriprofessionnelle",
        "Multi-professional health practice",
        "#332288",
        "circle",
        "MS",
    ),
    Lever(
        "centre_de_sante_salariat",
        "Centre de santé, médecins salariés",
        "Health centre with salaried doctors",
        "#88CCEE",
        "square",
        "CS",
    ),
    Lever("telemedecine", "Télémédecine", "Telemedicine", "#44AA99", "diamond", "T"),
    Lever(
        "aide_installation",
        "Aide à l'installation",
        "Help for doctors to set up practice",
        "#117733",
        "triangle",
        "AI",
    ),
    Lever(
        "bourse_etudes",
        "Bourse d'études",
        "Study grants",
        "#999933",
        "triangle-down",
        "B",
    ),
    Lever(
        "bus_itinerant_aller_vers",
        "Bus itinérant, aller-vers",
        "Mobile clinic, outreach",
        "#DDCC77",
        "pentagon",
        "Bu",
    ),
    Lever(
        "guichet_unique_attractivite",
        "Guichet unique, attractivité du territoire",
        "One-stop shop, making the area attractive",
        "#CC6677",
        "hexagon",
        "G",
    ),
    Lever(
        "formation_stages_internat",
        "Formation, stages, accueil des internes",
        "Training, placements, hosting junior doctors",
        "#882255",
        "star",
        "F",
    ),
    Lever("prevention", "Prévention", "Prevention", "#AA4499", "cross", "P"),
    Lever(
        "coordination_cpts",
        "Coordination des soins, CPTS",
        "Care coordination (CPTS)",
        "#555555",
        "plus",
        "CP",
    ),
    Lever("autre", "Autre", "Other", "#BBBBBB", "octagon", "?"),
)

LEVER_CODES: tuple[str, ...] = tuple(lever.code for lever in LEVERS)
_BY_CODE: dict[str, Lever] = {lever.code: lever for lever in LEVERS}


def get_lever(code: str) -> Lever:
    """The lever with this code; ``KeyError`` if unknown."""
    return _BY_CODE[code]


def is_lever(code: str) -> bool:
    """Whether ``code`` is a known lever code."""
    return code in _BY_CODE


def _regular(n: int, radius: float, rotation: float = -math.pi / 2) -> list[tuple[float, float]]:
    return [
        (
            radius * math.cos(rotation + 2 * math.pi * k / n),
            radius * math.sin(rotation + 2 * math.pi * k / n),
        )
        for k in range(n)
    ]


def shape_points(shape: Shape) -> list[tuple[float, float]]:
    """Polygon vertices of a marker shape centred on (0, 0), within a radius of 1.

    ``circle`` is drawn as a circle, not a polygon: it returns an empty list.
    SVG's y axis points down, so ``triangle`` points up on screen.
    """
    if shape == "circle":
        return []
    if shape == "square":
        s = 0.7
        return [(-s, -s), (s, -s), (s, s), (-s, s)]
    if shape == "diamond":
        return [(0, -1), (1, 0), (0, 1), (-1, 0)]
    if shape == "triangle":
        return _regular(3, 1.0)
    if shape == "triangle-down":
        return _regular(3, 1.0, math.pi / 2)
    if shape == "pentagon":
        return _regular(5, 1.0)
    if shape == "hexagon":
        return _regular(6, 1.0, 0.0)
    if shape == "octagon":
        return _regular(8, 1.0, math.pi / 8)
    if shape == "star":
        outer, inner = _regular(5, 1.0), _regular(5, 0.45, -math.pi / 2 + math.pi / 5)
        return [p for pair in zip(outer, inner, strict=True) for p in pair]
    if shape in ("plus", "cross"):
        a, b = 0.3, 0.95
        plus = [(-a, -b), (a, -b), (a, -a), (b, -a), (b, a), (a, a), (a, b), (-a, b), (-a, a)]
        plus += [(-b, a), (-b, -a), (-a, -a)]
        if shape == "plus":
            return plus
        c = math.cos(math.pi / 4)
        return [((x - y) * c, (x + y) * c) for x, y in plus]
    raise ValueError(f"forme inconnue : {shape}")


def marker_svg(code: str, size: int = 18, *, glyph: bool = False, outline: str = "#FFFFFF") -> str:
    """A standalone inline SVG marker for a lever (colour and shape, optional glyph).

    The output only contains values from this module, never user text.
    """
    lever = get_lever(code)
    half = size / 2
    radius = half - 1.5
    style = f'fill="{lever.colour}" stroke="{outline}" stroke-width="1.5"'
    points = shape_points(lever.shape)
    if points:
        coords = " ".join(f"{half + radius * x:.2f},{half + radius * y:.2f}" for x, y in points)
        body = f'<polygon points="{coords}" {style}/>'
    else:
        body = f'<circle cx="{half:.2f}" cy="{half:.2f}" r="{radius:.2f}" {style}/>'
    if glyph:
        text_colour = "#000000" if _is_light(lever.colour) else "#FFFFFF"
        body += (
            f'<text x="{half:.2f}" y="{half:.2f}" font-size="{size * 0.4:.1f}" '
            f'font-family="sans-serif" font-weight="bold" text-anchor="middle" '
            f'dominant-baseline="central" fill="{text_colour}">{lever.glyph}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="img" aria-label="{lever.label_fr}">{body}</svg>'
    )


def _is_light(colour: str) -> bool:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b > 150
