"""The on-screen map in two parts: a stable base and an update applied in place.

streamlit-folium re-mounts its iframe only when the map's own script changes (the
component key is a hash of it); ``feature_group_to_add`` is evaluated again in the
mounted map on every rerun. So:

- :class:`LiveBase` (in the map's script, identical for every filter, indicator and
  class method of one view): empty polygon layers that fetch their geometry from the
  static files (:mod:`components.map.geometry_files`), the legend boxes, one marker
  cluster, and ``window.atlasMap``, the small API the update calls;
- :class:`LiveUpdate` (inside the feature group): the colours and tooltips of the
  polygons, the legend texts and the visible markers, as one escaped JSON document.

A filter change therefore changes the markers in place (zoom and pan kept, polygons
untouched), a new indicator restyles the same polygons. Popups are fetched when a
marker opens (``popup_url``, served by ``scripts/serve.py``) or, without that route,
travel in the update. Every text is built and escaped on the server
(:mod:`components.map.popups`, :mod:`components.map.legend`) and travels as JSON.

The first view is fitted to the space the legends leave: beside them (a wide map) or
above them (a tall one), whichever shows the territory larger.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Template

from components.map.layers import DECODE_JS, HATCH_ID, RawMacroElement, js_json

LIVE_JS = """
(function (map, cfg) {
  var api = {map: map, cfg: cfg, layers: {}, specs: {}, styles: {}, ready: false,
             updates: 0, markers: {}, userMoved: false, fitting: false, fitted: null};
  window.atlasMap = api;

  function addHatch() {
    var svg = map.getPanes().overlayPane.querySelector("svg");
    if (!svg || svg.querySelector("#__HATCH__")) { return; }
    var ns = "http://www.w3.org/2000/svg";
    var defs = document.createElementNS(ns, "defs");
    defs.innerHTML = '<pattern id="__HATCH__" width="6" height="6" ' +
      'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
      '<rect width="6" height="6" fill="#e6e6e6"/>' +
      '<line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" stroke-width="2"/></pattern>';
    svg.insertBefore(defs, svg.firstChild);
  }

  function styleRow(spec, feature) {
    return (api.styles[spec.name] || {})[feature.properties[spec.key]];
  }
  function styleOf(spec, feature) {
    var s = styleRow(spec, feature);
    return {fillColor: s ? s[0] : "#dde3e8", fillOpacity: spec.fillOpacity,
            color: (s && s[2]) || spec.stroke, weight: (s && s[3]) || spec.weight,
            className: spec.className};
  }

  // One empty layer per spec, on the map from the start: streamlit-folium binds its
  // click handler (the selection that comes back to Python) to the layers it finds.
  cfg.layers.forEach(function (spec) {
    api.specs[spec.name] = spec;
    api.layers[spec.name] = L.geoJSON(null, {
      interactive: spec.interactive,
      style: function (f) { return styleOf(spec, f); },
      onEachFeature: function (f, layer) {
        // Runs before the path exists: a class per feature lets tests and styles find it.
        var id = f.properties[spec.key];
        if (spec.idClass && id) { layer.options.className += " " + spec.idClass + id; }
        if (spec.tips) {
          layer.bindTooltip(function () {
            var s = styleRow(spec, f);
            return s ? s[1] : "";
          }, {sticky: true, direction: "top", opacity: 0.95});
        }
      }
    }).addTo(map);
  });

  // A click on a département goes back to Python at once: streamlit-folium sends the
  // same value 250 ms later (debounced), and then sees it unchanged.
  cfg.layers.forEach(function (spec) {
    if (!spec.select) { return; }
    api.layers[spec.name].on("click", function (e) {
      var g = window.__GLOBAL_DATA__;
      if (!g || !window.Streamlit || !e.layer || !e.layer.feature
          || JSON.stringify(g.returned_objects) !== '["last_active_drawing"]') { return; }
      var data = {last_active_drawing: e.layer.toGeoJSON()};
      g.last_active_drawing = data.last_active_drawing;
      g.previous_data = data;
      window.Streamlit.setComponentValue(data);
    });
  });

  var fetched = {};
  function rows(url) {
    if (!fetched[url]) {
      fetched[url] = fetch(url).then(function (r) {
        if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
        return r.json();
      });
    }
    return fetched[url];
  }
  // A view (national, or one département) says which layers hold which polygons. The
  // same view again changes nothing; another one refills every layer, in the order
  // of the specs once all files have arrived (SVG order = drawing order).
  // Says the map is loading until its polygons are drawn.
  var loading = L.DomUtil.create("div", "atlas-loading", map.getContainer());
  loading.textContent = cfg.loadingText;
  var viewKey = null, viewSequence = 0;
  function showView(view) {
    if (view.key === viewKey) { return false; }
    viewKey = view.key;
    api.bounds = view.bounds;
    api.ready = false;
    loading.style.display = "";
    document.body.setAttribute("data-atlas-ready", "0");
    var mine = ++viewSequence;
    var names = cfg.layers.map(function (s) { return s.name; })
      .filter(function (name) { return view.layers[name]; });
    Promise.all(names.map(function (name) { return rows(view.layers[name].url); }))
      .then(function (all) {
        if (mine !== viewSequence) { return; }
        cfg.layers.forEach(function (spec) { api.layers[spec.name].clearLayers(); });
        names.forEach(function (name, i) {
          var spec = api.specs[name], only = view.layers[name].only;
          var kept = only ? all[i].filter(function (row) {
            return only.indexOf(row[0][spec.key]) >= 0;
          }) : all[i];
          api.layers[name].addData(atlasFeatures(kept));
        });
        addHatch();
        api.ready = true;
        loading.style.display = "none";
        // What a drill-down will need, fetched while nobody waits for it.
        var later = view.prefetch || {};
        (later.rows || []).forEach(function (url) { rows(url).catch(function () {}); });
        (later.tables || []).forEach(function (url) { table(url).catch(function () {}); });
        document.body.setAttribute("data-atlas-ready", "1");
        document.body.setAttribute("data-atlas-view", view.key);
      }).catch(function (err) { console.error("atlas map geometry", err); });
    return true;
  }

  function control(position, className) {
    var div = L.DomUtil.create("div", className);
    var c = L.control({position: position});
    c.onAdd = function () {
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    c.addTo(map);
    return div;
  }
  var legend = control("bottomright", "atlas-legend");
  var levers = control("topright", "atlas-legend atlas-lever-legend");
  levers.style.display = "none";

  var cluster = L.markerClusterGroup(cfg.cluster);
  map.addLayer(cluster);
  api.cluster = cluster;

  function box(div) {
    if (div.style.display === "none") { return {width: 0, height: 0}; }
    var r = div.getBoundingClientRect();
    return {width: r.width, height: r.height};
  }
  // Fit the territory to the space the legends leave: a column on the right (wide
  // maps) or a band at the bottom (tall maps), whichever gives the larger zoom.
  api.fit = function () {
    api.fitting = true;
    map.invalidateSize({pan: false});
    var bounds = L.latLngBounds(api.bounds);
    var height = map.getSize().y;
    // The legends never take more than the map's height (they scroll inside instead).
    levers.style.maxHeight = Math.max(80, height - 20) + "px";
    legend.style.maxHeight = Math.max(120, height - box(levers).height - 40) + "px";
    var m = 10, lg = box(legend), lv = box(levers);
    var options = [
      {tl: [m, m], br: [Math.max(lg.width, lv.width) + 2 * m, m]},
      {tl: [m, lv.height ? lv.height + 2 * m : m], br: [m, lg.height + 2 * m]}
    ];
    var best = null;
    options.forEach(function (o) {
      o.zoom = map.getBoundsZoom(bounds, false, L.point(o.tl[0] + o.br[0], o.tl[1] + o.br[1]));
      if (!best || o.zoom > best.zoom) { best = o; }
    });
    map.fitBounds(bounds, {paddingTopLeft: best.tl, paddingBottomRight: best.br,
                           animate: false});
    api.fitting = false;
    api.fitted = {zoom: map.getZoom(), side: best === options[0] ? "right" : "bottom",
                  size: [map.getSize().x, map.getSize().y], legend: [lg.width, lg.height]};
    api.userMoved = false;
  };
  map.on("zoomstart movestart", function () { if (!api.fitting) { api.userMoved = true; } });
  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      if (api.fitted && !api.userMoved) { api.fit(); return; }
      api.fitting = true;
      map.invalidateSize({pan: false});
      api.fitting = false;
    }).observe(map.getContainer());
    // A legend whose size changes after the fit (a kiosk's touch styles arriving
    // late, a font loading) would cover the territory: fit again (ResizeObserver
    // reports real size changes only, so this settles).
    var legendWatch = new ResizeObserver(function () {
      if (api.fitted && !api.userMoved && !api.fitting) { api.fit(); }
    });
    legendWatch.observe(legend);
    legendWatch.observe(levers);
  }

  function popupOf(marker, id) {
    if (!cfg.popupUrl) { return; }
    marker.on("popupopen", function () {
      if (marker.atlasLoaded) { return; }
      var url = cfg.popupUrl + "?id=" + encodeURIComponent(id) + "&lang=" + cfg.lang;
      fetch(url).then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.json();
      }).then(function (data) {
        marker.atlasLoaded = true;
        marker.setPopupContent(data.html);
      }).catch(function () { marker.setPopupContent(cfg.popupError); });
    });
  }
  function markerOf(row, icons, popups) {
    var key = row.join("|");
    var marker = api.markers[key];
    if (marker) { return marker; }
    var icon = icons[row[3]];
    marker = L.marker([row[1], row[2]], {
      icon: L.divIcon({html: icon.svg, className: "atlas-marker", iconSize: icon.size,
                       iconAnchor: [icon.size[0] / 2, icon.size[1] / 2]}),
      title: row[4], alt: row[4], keyboard: true, riseOnHover: true, autoPanOnFocus: false
    });
    marker.atlasId = row[0];
    var inline = popups && popups[row[0]];
    // No taller than the map (it scrolls inside), so it can always be panned into view.
    marker.bindPopup(inline || cfg.popupLoading,
                     {maxWidth: 360, minWidth: 240, autoPanPadding: [20, 20],
                      maxHeight: Math.max(160, map.getSize().y - 90)});
    if (!inline) { popupOf(marker, row[0]); }
    api.markers[key] = marker;
    return marker;
  }

  var tables = {};
  function table(url) {
    if (!tables[url]) {
      tables[url] = fetch(url).then(function (r) {
        if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
        return r.json();
      });
    }
    return tables[url];
  }
  // The rows a bit mask keeps (bit i of byte i >> 3, low bit first).
  function masked(rows, mask) {
    var bytes = atob(mask), shown = [];
    for (var i = 0; i < rows.length; i++) {
      if (bytes.charCodeAt(i >> 3) & (1 << (i & 7))) { shown.push(rows[i]); }
    }
    return shown;
  }
  var sequence = 0;
  // Only the difference goes in and out of the cluster (a lever chip adds or removes
  // its own markers; re-clustering everything would cost more with a big catalogue).
  var shown = new Set();
  function showMarkers(rows, icons, popups) {
    var next = new Set(rows.map(function (row) { return markerOf(row, icons, popups); }));
    var gone = [], added = [];
    shown.forEach(function (marker) { if (!next.has(marker)) { gone.push(marker); } });
    next.forEach(function (marker) { if (!shown.has(marker)) { added.push(marker); } });
    if (gone.length) { cluster.removeLayers(gone); }
    if (added.length) { cluster.addLayers(added); }
    shown = next;
    api.updates += 1;
    document.body.setAttribute("data-atlas-markers", String(rows.length));
    document.body.setAttribute("data-atlas-updates", String(api.updates));
  }

  api.update = function (data) {
    var moved = showView(data.view);
    Object.keys(data.styles).forEach(function (name) {
      api.styles[name] = data.styles[name];
      var spec = api.specs[name];
      api.layers[name].eachLayer(function (layer) {
        layer.setStyle(styleOf(spec, layer.feature));
      });
    });
    Object.keys(api.styles).forEach(function (name) {
      if (!data.styles[name]) { delete api.styles[name]; }
    });
    legend.innerHTML = data.legend;
    levers.innerHTML = data.levers;
    levers.style.display = data.levers ? "" : "none";
    if (moved || !api.fitted) { api.fit(); }
    var m = data.markers, mine = ++sequence;
    if (!m.url) { showMarkers(m.rows, m.icons, m.popups); return; }
    table(m.url).then(function (t) {
      if (mine === sequence) { showMarkers(masked(t.rows, m.mask), t.icons, null); }
    }).catch(function (err) { console.error("atlas markers", err); });
  };
})("""

# Popups above the legend: the controls sit above Leaflet's map pane (whose transform
# traps the popup pane in it), so while a popup is open the right-hand controls go
# under the map pane. The legends' maximum height follows the map's (api.fit).
LIVE_CSS = """
.atlas-loading { position: absolute; left: 50%; top: 45%; transform: translate(-50%, -50%);
  z-index: 450; background: rgba(255,255,255,0.92); padding: 8px 14px; border-radius: 6px;
  color: #1a1a1a; font-size: 15px; pointer-events: none; }
.leaflet-container:has(.leaflet-popup) .leaflet-right { z-index: 350; }
.atlas-legend { overflow: auto; }
"""


class LiveBase(RawMacroElement):
    """The stable part of the on-screen map (see the module docstring), the same for
    the national view and every drill-down: a view change is an update too.

    ``layers``: dicts with ``name``, ``key`` (``code`` or ``commune``), ``className``,
    ``idClass`` (class prefix per feature, or ``""``), ``stroke``, ``weight``,
    ``fillOpacity``, ``tips`` (bool) and ``interactive`` (bool); each update's
    ``view`` says which geometry file (and which codes of it) each layer shows.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
"""
        + DECODE_JS
        + "{{ this.js_head }}{{ this._parent.get_name() }}, {{ this.config_js }});"
        + """
{% endmacro %}
"""
    )

    def __init__(
        self,
        layers: list[dict[str, Any]],
        *,
        lang: str,
        popup_url: str | None,
        popup_loading: str,
        popup_error: str,
        cluster: dict[str, Any],
        loading_text: str = "",
    ) -> None:
        super().__init__()
        self._name = "LiveBase"
        self.layers = layers
        self.config = {
            "layers": layers,
            "lang": lang,
            "popupUrl": popup_url,
            "popupLoading": popup_loading,
            "popupError": popup_error,
            "loadingText": loading_text,
            "cluster": cluster,
        }

        self.js_head = LIVE_JS.replace("__HATCH__", HATCH_ID)
        self.config_js = js_json(self.config)


class LiveUpdate(RawMacroElement):
    """What changes with the filters and the indicator, applied to the mounted map.

    ``view``: ``{"key", "bounds", "layers": {name: {"url", "only"}}}``;
    ``styles``: layer name -> code -> ``[fill, tooltip HTML(, stroke, weight)]``;
    ``legend``/``levers``: escaped HTML; ``markers``: ``{"icons": {key: {svg, size}},
    "rows": [[id, lat, lon, icon key, title]], "popups": {id: html} | None}``.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
window.feature_group = [];
if (window.atlasMap) { window.atlasMap.update({{ this.data_js }}); }
{% endmacro %}
"""
    )

    def __init__(self, payload: dict[str, Any]) -> None:
        super().__init__()
        self._name = "LiveUpdate"
        self.payload = payload
        self.data_js = js_json(payload)
