"""The server-side image of the view: size, content, and the interactive map's colours."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.image import imread
from shapely import Point

from components.map.build import apl_classification, classify_indicator
from components.map.legend import classes_rows
from components.share.export_data import view_data
from components.share.image_draw import PRESETS, draw, mercator, render
from components.share.image_spec import image_spec
from components.view_params import ViewState
from data.atlas import load_atlas

LINK = "http://127.0.0.1:8501/?dep=55&ind=apl65_2023&levier=telemedecine,maison_de_sante"


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


def spec_for(atlas, view: ViewState):
    data = view_data(atlas, view, place_labels={}, permalink=LINK, today=dt.date(2025, 3, 14))
    return data, image_spec(atlas, data)


def hex_rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)


@pytest.mark.parametrize("preset", ["16x9", "1x1"])
@pytest.mark.parametrize(
    "view",
    [
        ViewState("part_pop_apl_inf_2_5_2023"),
        ViewState("apl65_2023", dep="55", levers=("telemedecine",)),
        ViewState("mg_densite_2022", dep="974", lang="en"),
    ],
    ids=["france", "meuse", "reunion-en"],
)
def test_png_has_the_requested_size_and_is_not_blank(atlas, view, preset):
    _, spec = spec_for(atlas, view)
    png = render(spec, preset, "png")
    assert png.startswith(b"\x89PNG")
    pixels = imread(io.BytesIO(png))
    width, height = PRESETS[preset]
    assert pixels.shape[:2] == (height, width)
    rgb = (pixels[:, :, :3] * 255).round().astype(int)
    non_white = (rgb < 245).any(axis=2).mean()
    assert non_white > 0.15  # a map, a legend, text: not an empty canvas
    colours = {tuple(c) for c in rgb[::7, ::7].reshape(-1, 3)}
    assert len(colours) > 30


@pytest.mark.parametrize("preset", ["16x9", "1x1"])
def test_svg_is_sized_in_pixels_like_the_png(atlas, preset):
    _, spec = spec_for(atlas, ViewState("apl_2023"))
    svg = render(spec, preset, "svg").decode("utf-8")
    width, height = PRESETS[preset]
    assert re.search(rf'<svg [^>]*width="{width}px" height="{height}px"', svg)
    assert svg.count("<path") > 100


def test_unknown_preset_or_format_is_refused(atlas):
    _, spec = spec_for(atlas, ViewState("apl_2023"))
    with pytest.raises(ValueError):
        render(spec, "4x3")
    with pytest.raises(ValueError):
        render(spec, "16x9", "gif")


@pytest.mark.parametrize("method", ["quantiles", "jenks"])
def test_image_uses_the_interactive_classes_and_legend(atlas, method):
    view = ViewState("part_pop_apl_inf_2_5_2023", classes=method)
    data, spec = spec_for(atlas, view)
    ind = atlas.indicator(view.indicator)
    interactive = classify_indicator(atlas.departements, ind, method)
    assert data.classification == interactive
    assert spec.legend_rows == tuple(classes_rows(interactive, ind.decimals, "fr"))
    for code in atlas.departements.index:
        value = atlas.departements.at[code, ind.id]
        expected = None if np.isnan(value) else interactive.color(float(value))
        assert spec.fill_by_code[code] == expected, code
    assert spec.fill_by_code["976"] is None and spec.missing_count == 1  # Mayotte: no APL


def test_commune_view_uses_the_fixed_apl_classes(atlas):
    data, spec = spec_for(atlas, ViewState("apl65_2023", dep="55"))
    c = apl_classification()
    assert data.classification == c
    assert spec.legend_rows == tuple(classes_rows(c, 1, "fr"))
    for code in list(data.shapes.index)[:50]:
        raw = atlas.communes.at[code, "apl65_2023"] if code in atlas.communes.index else np.nan
        expected = None if np.isnan(raw) else c.color(float(raw))
        assert spec.fill_by_code[code] == expected


def _pixels(fig) -> np.ndarray:
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[:, :, :3].astype(float)


def _pixel_at(fig, ax, pixels: np.ndarray, lon: float, lat: float) -> np.ndarray:
    x, y = ax.transData.transform(mercator(np.array([[lon, lat]]))[0])
    height = pixels.shape[0]
    return pixels[int(round(height - y)), int(round(x))]


@pytest.mark.parametrize("preset", ["16x9", "1x1"])
def test_drawn_colours_are_the_class_colours(atlas, preset):
    """Inside each large département, the image has exactly its class colour."""
    view = ViewState("part_pop_apl_inf_2_5_2023")
    _, spec = spec_for(atlas, view)
    ind = atlas.indicator(view.indicator)
    interactive = classify_indicator(atlas.departements, ind, "quantiles")
    spec = dataclasses.replace(spec, markers=())  # nothing on top of the fills
    fig, ax = draw(spec, preset)
    pixels = _pixels(fig)
    near = atlas.departements_rapproches
    checked = 0
    for code in ("12", "21", "23", "33", "40", "45", "51", "64", "973"):
        point = near.at[code, "geometry"].buffer(-0.15).representative_point()
        got = _pixel_at(fig, ax, pixels, point.x, point.y)
        fill = interactive.color(float(atlas.departements.at[code, ind.id]))
        assert np.abs(got - hex_rgb(fill)).max() <= 2, (code, got, fill)
        checked += 1
    assert checked == 9


def test_missing_value_is_hatched_in_the_image(atlas):
    _, spec = spec_for(atlas, ViewState("part_pop_apl_inf_2_5_2023"))
    spec = dataclasses.replace(spec, markers=())
    fig, ax = draw(spec, "16x9")
    pixels = _pixels(fig)
    mayotte = atlas.departements_rapproches.at["976", "geometry"]
    minx, miny, maxx, maxy = mayotte.bounds
    samples = {
        tuple(_pixel_at(fig, ax, pixels, x, y).astype(int))
        for x in np.linspace(minx, maxx, 25)
        for y in np.linspace(miny, maxy, 25)
        if mayotte.contains(Point(x, y))
    }
    assert (0xE6, 0xE6, 0xE6) in samples and (0x8C, 0x8C, 0x8C) in samples


def test_texts_of_the_image(atlas):
    data, spec = spec_for(atlas, ViewState("apl65_2023", levers=("telemedecine",)))
    assert spec.title == "Accès aux soins : France entière"
    assert "65 ans ou moins (2023)" in spec.subtitle
    assert spec.source_text.startswith("Source : DREES")
    assert spec.date_text == "Carte produite le 14/03/2025"
    assert spec.permalink == LINK
    assert [code for code, _ in spec.lever_rows] == ["telemedecine"]
    assert len(spec.markers) == len(data.initiatives) > 0
    fig, _ = draw(spec, "16x9")
    drawn = " ".join(t.get_text() for a in fig.axes for t in a.texts)
    for needle in ("Accès aux soins", "Source : DREES", "14/03/2025", "Télémédecine"):
        assert needle in drawn
