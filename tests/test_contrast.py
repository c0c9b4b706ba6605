"""Colour contrast of the map's text and marks (WCAG 2.1: text 4.5:1, UI parts 3:1)."""

from __future__ import annotations

import re

import pytest

from components.map.build import MAP_CSS
from components.map.markers import initiative_icon
from components.page_frame import APP_CSS
from data.classify import PALETTES
from data.levers import LEVERS


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("colour", sorted(set(re.findall(r"color: (#[0-9a-fA-F]{6})", MAP_CSS))))
def test_legend_and_popup_text_on_white(colour):
    assert contrast(colour, "#ffffff") >= 4.5


def test_cluster_count_is_readable():
    # white bold digits on the cluster's dark blue (rgba(11,57,84,0.9) over the map)
    assert contrast("#ffffff", "#0b3954") >= 4.5


def test_keyboard_focus_outline_is_visible():
    outline = re.search(r"outline: 3px solid (#[0-9a-fA-F]{6})", APP_CSS).group(1)
    assert contrast(outline, "#ffffff") >= 3.0


@pytest.mark.parametrize("lever", LEVERS, ids=lambda lv: lv.code)
def test_marker_outlines_stand_out_on_the_lighter_map_classes(lever):
    svg = initiative_icon(lever.code, "commune")["svg"]
    outline = re.search(r'stroke="(#[0-9A-Fa-f]{6})"', svg).group(1)
    # the three lighter classes are where markers sit most often; darker classes get
    # the white halo of the cluster or the popup instead
    for fill in PALETTES[5][:3]:
        assert contrast(outline, fill) >= 3.0, (lever.code, fill)
