"""The on-screen map: a stable base (mounted once per view) and an update applied in place."""

from __future__ import annotations

import json

import pytest

from components.map import geometry_files
from components.map.build import classify_indicator, encoded_geometries
from components.map.documents import map_document
from components.map.live_build import LiveOptions, departement_live, national_live
from data.atlas import load_atlas, load_commune_shapes
from data.filters import InitiativeFilter, filter_initiatives

LAZY = LiveOptions(popup_url="/api/map/popup")


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


def national(atlas, *, indicator=None, method="quantiles", levers=(), opts=LAZY):
    ind = atlas.indicator(indicator) if indicator else atlas.default_indicator
    shown = filter_initiatives(atlas.initiatives, InitiativeFilter(levers=levers))
    m, update = national_live(
        atlas.departements_rapproches,
        ind,
        classify_indicator(atlas.departements, ind, method),
        shown,
        {},
        opts=opts,
    )
    return map_document(m, update)


def drill(atlas, dep, *, levers=(), opts=LAZY):
    shown = filter_initiatives(atlas.initiatives, InitiativeFilter(levers=levers, departement=dep))
    m, update = departement_live(
        dep,
        atlas.departements,
        atlas.neighbours.get(dep, ()),
        load_commune_shapes(dep),
        atlas.communes,
        atlas.indicator("apl_2023"),
        shown,
        {},
        opts=opts,
    )
    return map_document(m, update)


def update_payload(doc) -> dict:
    start = doc.update.index("window.atlasMap.update(") + len("window.atlasMap.update(")
    end = doc.update.rindex("); }")
    return json.loads(doc.update[start:end].replace("\\u007b", "{"))


def test_a_filter_or_indicator_change_keeps_the_mounted_map(atlas):
    base = national(atlas)
    other_ind = next(i.id for i in atlas.indicators if i.id != atlas.default_indicator.id)
    changed = [
        national(atlas, levers=("telemedecine",)),
        national(atlas, method="jenks"),
        national(atlas, indicator=other_ind),
    ]
    for doc in changed:
        assert doc.key() == base.key()  # same component key: no re-mount, zoom kept
        assert doc.script == base.script
        assert doc.update != base.update  # what changed travels in the update
    # the lever filter changes the markers only
    assert len(update_payload(changed[0])["markers"]["rows"]) < len(
        update_payload(base)["markers"]["rows"]
    )
    assert update_payload(changed[0])["styles"] == update_payload(base)["styles"]
    # another indicator restyles the same polygons
    assert update_payload(changed[2])["styles"] != update_payload(base)["styles"]
    assert update_payload(changed[2])["styles"]["national"].keys() == (
        update_payload(base)["styles"]["national"].keys()
    )


def test_the_documents_carry_no_polygon_and_no_popup(atlas):
    doc = national(atlas)
    national_rows = geometry_files.encoded("national")
    sample = next(iter(national_rows.values()))[0][0]  # one encoded ring
    assert sample not in doc.script and sample not in doc.update
    assert "atlas-popup" not in doc.update  # popups are fetched when a marker opens
    assert doc.size < 150 * 1024
    assert geometry_files.geometry_url("national") in doc.update
    meuse = drill(atlas, "55")
    assert geometry_files.geometry_url("communes-55") in meuse.update
    assert meuse.size < 150 * 1024


def test_without_the_popup_route_popups_travel_in_the_update(atlas):
    doc = national(atlas, opts=LiveOptions())
    payload = update_payload(doc)
    popups = payload["markers"]["popups"]
    assert set(popups) == {row[0] for row in payload["markers"]["rows"]}
    assert all(html.startswith('<div class="atlas-popup"') for html in popups.values())


def test_the_same_map_stays_mounted_from_the_national_view_to_any_drill_down(atlas):
    meuse, creuse = drill(atlas, "55"), drill(atlas, "23")
    assert meuse.key() == creuse.key() == national(atlas).key()
    views = [update_payload(d)["view"] for d in (meuse, creuse, national(atlas))]
    assert [v["key"] for v in views] == ["departement-55", "departement-23", "national"]
    assert views[0]["layers"]["outline"]["only"] == ["55"]
    assert set(views[0]["layers"]["neighbours"]["only"]) == set(atlas.neighbours["55"])
    filtered = drill(atlas, "55", levers=("telemedecine",))
    assert update_payload(filtered)["view"] == views[0]
    communes = update_payload(meuse)["styles"]["communes"]
    assert set(communes) == set(load_commune_shapes("55").index)


def test_the_geometry_files_hold_the_encoding_of_the_built_polygons(atlas):
    assert geometry_files.is_current()
    assert geometry_files.encoded("national") == encoded_geometries(atlas.departements_rapproches)
    shapes = load_commune_shapes("2A")
    assert geometry_files.encoded("communes-2A") == encoded_geometries(shapes)


def test_geometry_urls_follow_the_base_path():
    url = geometry_files.geometry_url("national", "/atlas/")
    assert url.startswith("/atlas/app/static/built/map/national.") and url.endswith(".json")


def test_the_popup_route_serves_the_escaped_popup_of_a_published_initiative(atlas):
    from html import escape

    from components.map.api import popup_html, popup_url

    first = atlas.initiatives.iloc[0]
    html = popup_html(first["id"], "fr")
    assert html.startswith('<div class="atlas-popup" lang="fr">')
    assert escape(first["name"]) in html
    assert popup_html(first["id"], "en").startswith('<div class="atlas-popup" lang="en">')
    assert popup_html("no-such-initiative", "fr") is None
    assert popup_html(first["id"], "<script>") is None
    assert popup_url() is None  # not mounted outside scripts/serve.py


def test_with_the_marker_route_an_update_names_the_table_and_masks_its_rows(atlas):
    import base64

    from components.map import marker_tables
    from components.map.build import lever_label

    def label(code):
        return lever_label(code, "fr")

    table = marker_tables.table_for("v1", "fr", "national", atlas.initiatives, label)
    assert marker_tables.get(table.token) is table
    assert marker_tables.table_for("v2", "fr", "national", atlas.initiatives, label) is not table
    assert len(table.rows) == len(atlas.initiatives)
    opts = LiveOptions(popup_url="/api/map/popup", marker_url="/api/map/markers")
    shown = filter_initiatives(atlas.initiatives, InitiativeFilter(levers=("telemedecine",)))
    ind = atlas.default_indicator
    m, update = national_live(
        atlas.departements_rapproches,
        ind,
        classify_indicator(atlas.departements, ind, "quantiles"),
        shown,
        {},
        opts=opts,
        table=table,
    )
    markers = update_payload(map_document(m, update))["markers"]
    assert markers["url"] == f"/api/map/markers/{table.token}.json"
    bits = base64.b64decode(markers["mask"])
    kept = {row[0] for i, row in enumerate(table.rows) if bits[i // 8] & (1 << (i % 8))}
    assert kept == set(shown["id"]) and markers["count"] == len(shown)
    assert len(markers["mask"]) < len(table.rows) // 4 + 8  # bytes, not rows
