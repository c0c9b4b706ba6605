"""The cover map: the département view of the atlas (communes by APL, its initiatives),
drawn by the image export at print resolution.

The spec is :func:`components.share.image_spec.image_spec` of the département's view
(:func:`components.share.export_data.view_data`), so the classes, colours, markers,
legend rows and source line are those of the interactive map and of the PNG/SVG export.
Only the map and its locator are drawn as a picture; the legend is text in the PDF.
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
from matplotlib.figure import Figure
from PIL.Image import Image

from components.dossier.raster import figure_image
from components.share import image_draw
from components.share.export_data import ViewData, view_data
from components.share.image_spec import ImageSpec, image_spec
from components.view_params import ViewState
from data.atlas import Atlas

PX_PER_POINT = image_draw.DPI / 72  # the figure is drawn at its printed size
MAP_DPI = 250


def departement_view(
    atlas: Atlas,
    dep: str,
    lang: str,
    *,
    link: str,
    today: dt.date,
    shapes: gpd.GeoDataFrame | None = None,
) -> tuple[ViewData, ImageSpec]:
    """The data and image spec of the map page drilled down to ``dep`` (default indicator,
    no filter): what the atlas link on the cover opens."""
    view = ViewState(atlas.default_indicator.id, dep=dep, lang=lang)
    data = view_data(
        atlas,
        view,
        page="carte",
        place_labels={},
        commune_shapes=shapes,
        permalink=link,
        today=today,
    )
    return data, image_spec(atlas, data)


def map_image(spec: ImageSpec, width_pt: float, height_pt: float, dpi: int = MAP_DPI) -> Image:
    """The map (communes, neighbours, outline, markers) and its locator, drawn by the
    image export at ``width_pt`` x ``height_pt`` points (its printed size) and ``dpi``."""
    w, h = round(width_pt * PX_PER_POINT), round(height_pt * PX_PER_POINT)
    fig = Figure(figsize=(w / image_draw.DPI, h / image_draw.DPI), dpi=image_draw.DPI)
    fig.patch.set_facecolor("white")
    image_draw._map(fig, spec, (0, 0, w, h), w, h)
    if spec.locator:
        size = round(min(w, h) * 0.24)
        image_draw._locator(fig, spec, (w - size - 4, h - size - 4, size, size), w, h)
    return figure_image(fig, dpi)
