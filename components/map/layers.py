"""Leaflet layers whose data travel as JSON, never as code.

folium's ``Popup`` and ``GeoJsonTooltip`` paste text into JavaScript template
literals or ``innerHTML``; a name like ``${alert(1)}`` or ``<script>`` would run.
These layers instead embed a JSON document (with ``</`` escaped so it cannot close
the script tag) and bind popup and tooltip HTML that the server built with every
text escaped (see ``components.map.popups``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from geo.polyline import encode_geometry

HATCH_ID = "atlas-hatch"
HATCH_FILL = f"url(#{HATCH_ID})"


# branca renders each element's script, then parses the result AGAIN as a Jinja
# template (branca.element.MacroElement.render wraps it in Element(...)). Text such
# as "{{ ... }}" in data would be evaluated: template injection. "{" followed by
# "{", "%" or "#" only occurs inside JSON strings, where \u007b is the same "{".
_JINJA_OPENERS = re.compile(r"\{(?=[{%#])")


def js_json(value: Any) -> str:
    """JSON safe to paste inside a ``<script>`` element of a folium map."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/").replace("<!--", "<\\!--")
    return _JINJA_OPENERS.sub(r"\\u007b", text)


# Decodes geo.polyline rings (encoded-polyline algorithm, 1e-4) into GeoJSON features.
DECODE_JS = """
function atlasDecodeRing(text) {
  var points = [], index = 0, x = 0, y = 0, values = [];
  while (index < text.length) {
    var shift = 0, result = 0, byte;
    do {
      byte = text.charCodeAt(index++) - 63;
      result |= (byte & 0x1f) << shift;
      shift += 5;
    } while (byte >= 0x20);
    values.push(result & 1 ? ~(result >> 1) : result >> 1);
    if (values.length === 2) {
      y += values[0]; x += values[1];
      points.push([x / 1e4, y / 1e4]);
      values = [];
    }
  }
  return points;
}
function atlasFeatures(rows) {
  return {type: "FeatureCollection", features: rows.map(function (row) {
    return {type: "Feature", properties: row[0], geometry: {type: "MultiPolygon",
      coordinates: row[1].map(function (poly) { return poly.map(atlasDecodeRing); })}};
  })};
}
"""


def encoded_rows(features: list[dict[str, Any]]) -> list[list[Any]]:
    """[properties, encoded polygons] per feature; ``encoded`` may be precomputed."""
    rows = []
    for feature in features:
        encoded = feature.get("encoded")
        if encoded is None:
            encoded = encode_geometry(feature["geometry"])
        rows.append([feature["properties"], encoded])
    return rows


class _Raw(Element):
    """Already rendered text, added to the document as it is (no template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class RawMacroElement(MacroElement):
    """A MacroElement whose rendered header/script are NOT parsed again as templates.

    branca wraps each rendered macro in ``Element(text)``, i.e. a new Jinja template:
    data inside it would be lexed (slow for our 300 KB of geometry) and evaluated
    (template injection). Here the rendered text goes in as it is.
    """

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        assert isinstance(figure, Figure), "render the element inside a Figure"
        for part in ("header", "html", "script"):
            macro = self._template.module.__dict__.get(part)
            if macro is not None:
                getattr(figure, part).add_child(_Raw(macro(self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)


class ChoroplethLayer(RawMacroElement):
    """Polygons filled with ``properties.fill``; ``properties.tip`` is their tooltip HTML.

    Geometry travels as encoded polylines (``geo.polyline``), five times smaller than
    GeoJSON text. A fill of ``HATCH_FILL`` draws the "non disponible" hatch pattern.
    Feature ``properties.code`` comes back to Python through streamlit-folium's
    ``last_active_drawing`` when a shape is clicked.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
"""
        + DECODE_JS
        + """
var {{ this.get_name() }} = L.geoJSON(atlasFeatures({{ this.data_js }}), {
  style: function (f) {
    return {
      fillColor: f.properties.fill, fillOpacity: {{ this.fill_opacity }},
      color: f.properties.stroke || "{{ this.stroke }}",
      weight: f.properties.weight || {{ this.weight }},
      className: "{{ this.class_name }}"
    };
  },
  onEachFeature: function (f, layer) {
    // Runs before the path exists: a class per feature lets tests and styles find it.
    if (f.properties.code) { layer.options.className += " atlas-code-" + f.properties.code; }
    if (f.properties.commune) {
      layer.options.className += " atlas-commune-" + f.properties.commune;
    }
    if (f.properties.tip) {
      layer.bindTooltip(f.properties.tip, {sticky: true, direction: "top", opacity: 0.95});
    }
  }
}).addTo({{ this._parent.get_name() }});
(function (map) {
  var svg = map.getPanes().overlayPane.querySelector("svg");
  if (svg && !svg.querySelector("#{{ hatch_id }}")) {
    var ns = "http://www.w3.org/2000/svg";
    var defs = document.createElementNS(ns, "defs");
    defs.innerHTML = '<pattern id="{{ hatch_id }}" width="6" height="6" ' +
      'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
      '<rect width="6" height="6" fill="#e6e6e6"/>' +
      '<line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" stroke-width="2"/></pattern>';
    svg.insertBefore(defs, svg.firstChild);
  }
})({{ this._parent.get_name() }});
{% endmacro %}
""".replace("{{ hatch_id }}", HATCH_ID)
    )

    def __init__(
        self,
        features: list[dict[str, Any]],
        *,
        class_name: str = "atlas-shape",
        stroke: str = "#ffffff",
        weight: float = 0.8,
        fill_opacity: float = 0.9,
    ) -> None:
        super().__init__()
        self._name = "ChoroplethLayer"
        self.data_js = js_json(encoded_rows(features))
        self.class_name = class_name
        self.stroke = stroke
        self.weight = weight
        self.fill_opacity = fill_opacity


class MarkerLayer(RawMacroElement):
    """Point features drawn as inline-SVG div icons, optionally clustered.

    ``icons`` maps an icon key to its SVG (sent once, not per marker); each feature
    has ``properties.icon``, ``properties.popup`` (escaped HTML), ``properties.title``
    (plain text: tooltip and accessible name) and ``properties.id``.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function (parent) {
  var icons = {{ this.icons_js }};
  var layer = L.geoJSON({{ this.data_js }}, {
    pointToLayer: function (f, latlng) {
      var icon = icons[f.properties.icon];
      var marker = L.marker(latlng, {
        icon: L.divIcon({html: icon.svg, className: "atlas-marker", iconSize: icon.size,
                         iconAnchor: [icon.size[0] / 2, icon.size[1] / 2]}),
        title: f.properties.title, alt: f.properties.title, keyboard: true, riseOnHover: true,
        autoPanOnFocus: false
      });

      marker.bindPopup(f.properties.popup,
                       {maxWidth: 360, minWidth: 240, autoPanPadding: [20, 20]});
      return marker;
    }
  });
  parent.addLayer(layer);
})({{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    def __init__(self, features: list[dict[str, Any]], icons: dict[str, dict[str, Any]]) -> None:
        super().__init__()
        self._name = "MarkerLayer"
        self.data_js = js_json({"type": "FeatureCollection", "features": features})
        self.icons_js = js_json(icons)


class HtmlControl(RawMacroElement):
    """A Leaflet control showing server-built (escaped) HTML, e.g. the legend."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function (map) {
  var control = L.control({position: "{{ this.position }}"});
  control.onAdd = function () {
    var div = L.DomUtil.create("div", "{{ this.class_name }}");
    div.innerHTML = {{ this.html_js }};
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  control.addTo(map);
})({{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    def __init__(self, html: str, *, position: str = "bottomleft", class_name: str) -> None:
        super().__init__()
        self._name = "HtmlControl"
        self.html_js = js_json(html)
        self.position = position
        self.class_name = class_name


class StyleSheet(RawMacroElement):
    """A ``<style>`` element in the map document (header)."""

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>{{ this.css }}</style>
{% endmacro %}
"""
    )

    def __init__(self, css: str) -> None:
        super().__init__()
        self._name = "StyleSheet"
        self.css = css.replace("</", "<\\/")


class FocusWithoutScroll(MacroElement):
    """Keep the page still when the map is clicked.

    Leaflet's keyboard handler focuses the map container on every mousedown. When the
    map's frame is partly below the fold, the browser then scrolls the page to show
    it, so whatever was under the pointer moves before the mouseup: a click on a
    marker or a département never arrives. Focus without scrolling instead; keyboard
    navigation (Tab, arrows, +/-) is unchanged.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function (map) {
  var kb = map.keyboard;
  if (!kb) { return; }
  kb.disable();
  kb._onMouseDown = function () {
    if (this._focused) { return; }
    this._map._container.focus({preventScroll: true});
  };
  kb.enable();
})({{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "FocusWithoutScroll"
