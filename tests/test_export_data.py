"""Data exports of the current view: what they hold, and that Excel reads them safely."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pandas as pd
import pytest
from openpyxl import load_workbook

from components.map import build as map_build
from components.map.build import MapOptions, classify_indicator, national_map
from components.map.layers import HATCH_FILL, ChoroplethLayer
from components.share.export_data import figures_table, initiatives_table, sources_table, view_data
from components.share.export_files import neutralise, to_csv, to_xlsx, xlsx_sheet_names
from components.view_params import ViewState
from data.atlas import load_atlas
from data.filters import InitiativeFilter, filter_initiatives

DAY = dt.date(2025, 3, 14)


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


def data_for(atlas, view: ViewState, page: str = "carte"):
    return view_data(
        atlas, view, page=page, place_labels={}, permalink="http://x/?dep=55", today=DAY
    )


def read_csv(raw: bytes, sep: str) -> list[list[str]]:
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark for Excel"
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+33 6", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "＝1+1", '=HYPERLINK("x")'],
)
def test_formula_like_text_is_neutralised(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Meuse", "", "a=b", " =1", 3, -2.5, None])
def test_other_values_are_kept(value):
    assert neutralise(value) == value


def test_french_excel_csv_has_bom_semicolons_and_decimal_commas(atlas):
    data = data_for(atlas, ViewState("apl_2023"))
    rows = read_csv(to_csv(figures_table(data), french_excel=True), ";")
    header, body = rows[0], rows[1:]
    assert len(body) == len(atlas.departements) == 101
    assert header[:3] == ["Code", "Département", "Région"]
    meuse = next(r for r in body if r[0] == "55")
    expected = atlas.departements.at["55", "apl_2023"]
    assert float(meuse[3].replace(",", ".")) == pytest.approx(expected)
    assert "," in meuse[3] and "." not in meuse[3]


def test_english_csv_uses_commas_and_points(atlas):
    data = data_for(atlas, ViewState("apl_2023", lang="en"))
    rows = read_csv(to_csv(figures_table(data), french_excel=False), ",")
    assert rows[0][:3] == ["Code", "Département", "Region"]
    meuse = next(r for r in rows[1:] if r[0] == "55")
    assert float(meuse[3]) == pytest.approx(atlas.departements.at["55", "apl_2023"])


def test_missing_values_are_empty_cells_never_zero(atlas):
    data = data_for(atlas, ViewState("apl_2023"))
    rows = read_csv(to_csv(figures_table(data)), ";")
    mayotte = next(r for r in rows[1:] if r[0] == "976")
    assert mayotte[3] == "" and mayotte[5] == "non disponible"


@pytest.mark.parametrize(
    ("view", "page"),
    [
        (ViewState("apl_2023"), "carte"),
        (ViewState("apl_2023", levers=("telemedecine", "maison_de_sante")), "carte"),
        (ViewState("apl_2023", statuses=("active",), years=(2015, 2022)), "carte"),
        (ViewState("apl_2023", dep="55"), "carte"),
        (ViewState("apl_2023", dep="13", levers=("centre_de_sante_salariat",)), "carte"),
        (ViewState("apl_2023", dep="55"), "initiatives"),  # no drill-down on this page
        (ViewState("apl_2023", query="telemed"), "initiatives"),
    ],
)
def test_csv_rows_are_the_items_of_the_view(atlas, view, page):
    data = data_for(atlas, view, page)
    # the initiatives the page shows, computed here independently
    f = InitiativeFilter(
        levers=view.levers, actors=view.actors, statuses=view.statuses, years=view.years
    )
    expected = filter_initiatives(atlas.initiatives, f)
    if view.dep and page == "carte":
        expected = expected[expected["departement_code"] == view.dep]
    if view.query:
        assert 0 < len(data.initiatives) < len(expected)
    else:
        assert list(data.initiatives["id"]) == list(expected["id"])
    rows = read_csv(to_csv(initiatives_table(data.initiatives, {}, view.lang)), ";")
    assert len(rows) - 1 == len(data.initiatives)
    figures = read_csv(to_csv(figures_table(data)), ";")
    if data.level == "communes":
        assert len(figures) - 1 == len(data.shapes) > 100
    else:
        assert len(figures) - 1 == 101


def test_a_hostile_initiative_cannot_run_in_excel(atlas):
    frame = atlas.initiatives.head(2).copy()
    frame["name"] = ['=HYPERLINK("http://evil","x")', "@cmd"]
    frame["description_fr"] = ["+1", "-1"]
    table = initiatives_table(frame, {}, "fr")
    rows = read_csv(to_csv(table), ";")
    assert rows[1][1].startswith("'=") and rows[2][1].startswith("'@")
    assert rows[1][rows[0].index("Description")] == "'+1"
    wb = load_workbook(io.BytesIO(to_xlsx(data_with(atlas, frame), {})))
    sheet = wb[xlsx_sheet_names("fr")["initiatives"]]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert sheet["B2"].value.startswith("'=")


def data_with(atlas, initiatives: pd.DataFrame):
    data = data_for(atlas, ViewState("apl_2023"))
    return data.__class__(**{**data.__dict__, "initiatives": initiatives})


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_xlsx_opens_with_figures_initiatives_sources_and_about(atlas, lang):
    view = ViewState("part_pop_apl_inf_2_5_2023", dep="55", levers=("telemedecine",), lang=lang)
    data = data_for(atlas, view)
    wb = load_workbook(io.BytesIO(to_xlsx(data, {})))
    names = xlsx_sheet_names(lang)
    keys = ("figures", "initiatives", "outcomes", "sources", "about")
    assert wb.sheetnames == [names[k] for k in keys]
    # one row per outcome record of the initiatives shown
    assert wb[names["outcomes"]].max_row - 1 == len(data.outcomes)
    assert set(data.outcomes["initiative_id"]) <= set(data.initiatives["id"])
    assert names["sources"] == "Sources"
    assert wb[names["figures"]].max_row - 1 == len(data.figures)
    assert wb[names["initiatives"]].max_row - 1 == len(data.initiatives) > 0
    sources = wb[names["sources"]]
    texts = " ".join(str(c.value) for row in sources.iter_rows() for c in row if c.value)
    assert "DREES" in texts and "Licence Ouverte" in texts and "GPL-3.0" in texts
    about = {r[0].value: r[1].value for r in wb[names["about"]].iter_rows(min_row=2)}
    assert "http://x/?dep=55" in about.values()
    # numbers stay numbers in the workbook
    value = wb[names["figures"]]["D2"].value
    assert isinstance(value, float) or value is None


def test_sources_table_names_the_indicators_and_their_datasets(atlas):
    data = data_for(atlas, ViewState("mg_densite_2022", dep="23"))
    table = sources_table(data)
    ids = list(table["Identifiant"])
    # the chosen indicator, the commune APL series drawn (same year), their datasets,
    # the catalogue
    assert ids[:2] == ["mg_densite_2022", "apl_2022"]
    assert "drees_apl_2022_2023" in ids and ids[-1] == "initiatives"


def test_titles_and_source_line_follow_the_language(atlas):
    fr = data_for(atlas, ViewState("apl65_2023", dep="55"))
    en = data_for(atlas, ViewState("apl65_2023", dep="55", lang="en"))
    assert fr.title == "Accès aux soins : Meuse (55)"
    assert en.title == "Access to care: Meuse (55)"
    assert fr.source_text.startswith("Source : DREES") and en.source_text.startswith("Source: ")
    assert fr.date_text.endswith("14/03/2025") and en.date_text.endswith("2025-03-14")


def _interactive_fills(m) -> dict[str, str]:
    """``properties.fill`` per département code, as sent to Leaflet."""
    fills = {}
    for child in m._children.values():
        if isinstance(child, ChoroplethLayer):
            for props, _geometry in json.loads(child.data_js):
                if "code" in props:
                    fills[props["code"]] = props["fill"]
    return fills


@pytest.mark.parametrize("method", ["quantiles", "jenks"])
@pytest.mark.parametrize("indicator", ["part_pop_apl_inf_2_5_2023", "mg_densite_2022"])
def test_exported_classes_and_colours_are_those_of_the_interactive_map(atlas, indicator, method):
    view = ViewState(indicator, classes=method)
    data = data_for(atlas, view)
    ind = atlas.indicator(indicator)
    interactive = classify_indicator(atlas.departements, ind, method)
    assert data.classification == interactive  # same breaks, same colours
    # the map's geometry helper (its name changed with the encoded-polyline transport)
    geometries = getattr(map_build, "encoded_geometries", None) or map_build.geometry_features
    m = national_map(
        atlas.departements_rapproches,
        geometries(atlas.departements_rapproches),
        ind,
        interactive,
        atlas.initiatives.head(0),
        {},
        opts=MapOptions(),
    )
    fills = _interactive_fills(m)
    assert len(fills) == 101
    for code, row in data.figures.iterrows():
        shown = fills[code]
        if pd.isna(row["class_index"]):
            assert shown == HATCH_FILL
        else:
            assert shown == row["colour"] == interactive.colors[int(row["class_index"])]
    # the figures table says the same
    table = figures_table(data)
    assert list(table["Couleur"]) == list(data.figures["colour"])
