"""Levers: codes, labels, and markers that never rely on colour alone."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from data.levers import LEVER_CODES, LEVERS, SHAPES, get_lever, marker_svg, shape_points

EXPECTED = (
    "maison_de_sante",
    "centre_de_sante_salariat",
    "telemedecine",
    "aide_installation",
    "bourse_etudes",
    "bus_itinerant_aller_vers",
    "guichet_unique_attractivite",
    "formation_stages_internat",
    "prevention",
    "coordination_cpts",
    "autre",
)


def test_the_eleven_levers_of_the_catalogue() -> None:
    assert LEVER_CODES == EXPECTED


def test_labels_colours_shapes_and_glyphs() -> None:
    for lever in LEVERS:
        assert lever.label_fr and lever.label_en
        assert re.fullmatch(r"#[0-9A-F]{6}", lever.colour)
        assert lever.shape in SHAPES
        assert 1 <= len(lever.glyph) <= 2
    assert len({lever.shape for lever in LEVERS}) == len(LEVERS), "one shape per lever"
    assert len({lever.colour for lever in LEVERS}) == len(LEVERS)
    assert len({lever.glyph for lever in LEVERS}) == len(LEVERS)


def test_lever_is_frozen() -> None:
    with pytest.raises(AttributeError):
        get_lever("autre").colour = "#000000"  # type: ignore[misc]


@pytest.mark.parametrize("shape", SHAPES)
def test_shapes_fit_the_unit_circle(shape: str) -> None:
    points = shape_points(shape)  # type: ignore[arg-type]
    assert shape == "circle" or len(points) >= 3
    assert all(x * x + y * y <= 1.0001 for x, y in points)


@pytest.mark.parametrize("code", LEVER_CODES)
def test_marker_svg_is_well_formed(code: str) -> None:
    svg = marker_svg(code, 20, glyph=True)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and root.get("width") == "20"
    assert get_lever(code).colour in svg
    assert root.get("aria-label") == get_lever(code).label_fr


def test_unknown_lever_raises() -> None:
    with pytest.raises(KeyError):
        get_lever("teleportation")
