"""What streamlit-folium sends to the browser for a map: its document, in parts.

The same calls as ``st_folium`` (script, header, html, the feature group evaluated in
place), for measuring the document (``bench/map_payload.py``, tests) and for warming
the server (``components.cache.warm``).
"""

from __future__ import annotations

from dataclasses import dataclass

import folium
import streamlit_folium as sf


@dataclass(frozen=True)
class MapDocument:
    script: str  # the map's own script: its hash is the component's key
    header: str
    html: str
    update: str  # feature_group_to_add, evaluated in the mounted map

    @property
    def size(self) -> int:
        """Bytes of the component's arguments that carry the map (UTF-8)."""
        parts = (self.script, self.header, self.html, self.update)
        return sum(len(part.encode()) for part in parts)

    def key(self, key: str = "atlas_map") -> str:
        """The component key streamlit-folium derives: same key, same mounted map."""
        return sf.generate_js_hash(self.script, key, False)


def register_component() -> None:
    """Register streamlit-folium's component with the running server.

    ``declare_component`` registers only inside a script run: a module importing
    streamlit_folium first outside one (the launcher's warm-up) would leave the
    component unserved (HTTP 404 for its iframe) for the whole process.
    """
    from streamlit import runtime

    if runtime.exists():
        runtime.get_instance().component_registry.register_component(sf._component_func)


def map_document(m: folium.Map, update: folium.FeatureGroup | None = None) -> MapDocument:
    m.get_root().render()
    m.render()
    html = sf._get_html(m)
    header = sf._get_header(m)
    script = sf._get_map_string(m)
    group = sf._get_feature_group_string(update, map=m) if update is not None else ""
    return MapDocument(script, header, html, group)
