"""Folium objects that load Leaflet from the app itself, never from a CDN.

``scripts/setup.sh`` copies the npm packages ``leaflet`` and ``leaflet.markercluster``
(pinned in package-lock.json) to ``static/vendor/``; Streamlit serves that folder at
``/app/static/`` (``server.enableStaticServing``). folium's default CDN links (Leaflet,
jQuery, Bootstrap, Font Awesome, awesome-markers) are replaced by these local files,
and nothing else is loaded: markers are inline SVG, the legend is plain HTML.
"""

from __future__ import annotations

from typing import Any

import folium
from folium.plugins import MarkerCluster

from components.map.layers import FocusWithoutScroll

VENDOR_PATH = "app/static/vendor"


def asset_url(path: str, base_url_path: str = "") -> str:
    """Root-relative URL of a vendored asset, honouring ``server.baseUrlPath``."""
    base = base_url_path.strip("/")
    prefix = f"/{base}" if base else ""
    return f"{prefix}/{VENDOR_PATH}/{path}"


def offline_map(
    base_url_path: str = "", *, min_zoom: int = 3, max_zoom: int = 14, **options: Any
) -> folium.Map:
    """A ``folium.Map`` without tiles whose only JS/CSS is the local Leaflet.

    folium passes ``min_zoom``/``max_zoom`` to the tile layer only; without tiles the map
    itself must carry them (Leaflet.markercluster refuses a map with no maxZoom).
    """
    options.setdefault("tiles", None)
    m = folium.Map(**options)
    m.options["minZoom"] = min_zoom
    m.options["maxZoom"] = max_zoom
    FocusWithoutScroll().add_to(m)
    m.default_js = [("leaflet", asset_url("leaflet/leaflet.js", base_url_path))]
    m.default_css = [("leaflet_css", asset_url("leaflet/leaflet.css", base_url_path))]
    return m


def offline_marker_cluster(base_url_path: str = "", **options: Any) -> MarkerCluster:
    """A ``MarkerCluster`` loading Leaflet.markercluster from the app itself."""
    cluster = MarkerCluster(**options)
    cluster.default_js = [
        (
            "markerclusterjs",
            asset_url("leaflet.markercluster/leaflet.markercluster.js", base_url_path),
        )
    ]
    cluster.default_css = [
        ("markerclustercss", asset_url("leaflet.markercluster/MarkerCluster.css", base_url_path)),
        (
            "markerclusterdefaultcss",
            asset_url("leaflet.markercluster/MarkerCluster.Default.css", base_url_path),
        ),
    ]
    return cluster
