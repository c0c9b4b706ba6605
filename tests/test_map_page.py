"""The Carte page around the map (AppTest): the département table is drawn on demand."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def test_the_departement_table_is_drawn_only_when_asked():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    assert len(at.dataframe) == 0  # its data frame JS would load with the map
    at.button(key="w_table").click().run()
    assert len(at.dataframe) == 1
    at.button(key="w_table").click().run()
    assert len(at.dataframe) == 0


def test_the_map_keeps_its_place_from_the_national_view_to_a_drill_down():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()

    def map_path():
        (element,) = [e for e in at.get("component_instance") if "folium" in e.proto.component_name]
        return element

    national = map_path()
    at.query_params["dep"] = "55"
    at.run()
    assert not at.exception
    drilled = map_path()
    # same component id (its key hashes the base script); the browser test checks the
    # frame itself stays mounted
    assert drilled.proto.id == national.proto.id
