"""The Baromètre indicators in the app: map (``?ind=``), portrait and Sources et méthode."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.map.build import classify_indicator, encoded_geometries, national_map
from components.map.layers import HATCH_FILL, ChoroplethLayer
from data.atlas import load_atlas
from data.formatting import format_number
from data.paths import BUILT_DIR
from data.portrait import KEY_FIGURES

TIMEOUT = 60
DITP_SOURCE = "ditp_barometre_sante"


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


@pytest.fixture(scope="module")
def ditp_ids(atlas) -> list[str]:
    ids = [ind.id for ind in atlas.indicators if ind.source == DITP_SOURCE]
    assert len(ids) == 13
    return ids


def app(**params: str) -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def _text(at: AppTest) -> str:
    parts = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning"):
        parts += [str(el.value) for el in getattr(at, kind)]
    text = re.sub(r"\\(.)", r"\1", "\n".join(parts))
    return text.replace("\u00a0", " ")  # French colons and units use no-break spaces


def _fills(m) -> dict[str, str]:
    for child in m._children.values():
        if isinstance(child, ChoroplethLayer):
            return {p["code"]: p["fill"] for p, _ in json.loads(child.data_js) if "code" in p}
    raise AssertionError("no choropleth layer")


def test_every_ditp_indicator_colours_the_national_map(atlas, ditp_ids) -> None:
    near = atlas.departements_rapproches
    geometries = encoded_geometries(near)
    for indicator_id in ditp_ids:
        ind = atlas.indicator(indicator_id)
        c = classify_indicator(atlas.departements, ind, "quantiles")
        fills = _fills(national_map(near, geometries, ind, c, atlas.initiatives.head(0), {}))
        assert len(fills) == 101, indicator_id
        for code, fill in fills.items():
            value = near.at[code, indicator_id]
            assert (fill == HATCH_FILL) == pd.isna(value), (indicator_id, code)
        assert len(set(fills.values()) - {HATCH_FILL}) >= 3, indicator_id
    # missing values are hatched, never coloured as 0
    assert pd.isna(near.at["976", "msp_densite_2025_06"])
    assert pd.isna(near.at["55", "cds_evol_2017_12_2024_12"])


@pytest.mark.parametrize("indicator", ["msp_densite_2025_06", "cpts_2026_02"])
def test_map_page_with_a_ditp_indicator_in_the_url(indicator: str) -> None:
    at = app(ind=indicator)
    at.run()
    assert not at.exception, at.exception
    assert not any("Indicateur inconnu" in w.value for w in at.warning)
    assert at.selectbox(key="w_indicator").value == indicator
    assert at.query_params["ind"] in (indicator, [indicator])


def test_portrait_shows_the_ditp_key_figures(atlas) -> None:
    at = app(dep="55", ind="asmed_densite_2025_11")
    at.run()
    assert not at.exception, at.exception
    figures = pd.read_csv(BUILT_DIR / "departements_figures.csv", dtype={"code": str})
    meuse = figures.set_index("code").loc["55"]
    metrics = {m.label: m.value for m in at.metric}
    ditp_figures = [i for i in KEY_FIGURES if atlas.indicator(i).source == DITP_SOURCE]
    assert len(ditp_figures) == 5
    for indicator_id in ditp_figures:
        ind = atlas.indicator(indicator_id)
        shown = metrics[ind.label_fr]
        assert shown.startswith(format_number(meuse[indicator_id], ind.decimals, "fr")), shown
    text = _text(at)
    national = atlas.national["value"]
    msp = atlas.indicator("msp_densite_2025_06")
    assert f"France : {format_number(national['msp_densite_2025_06'], msp.decimals)}" in text
    # no national CPTS value at the latest date in the source: shown as missing
    assert pd.isna(national["cpts_2026_02"])
    cpts = next(m for m in at.metric if m.label == atlas.indicator("cpts_2026_02").label_fr)
    assert "France\u00a0: non disponible" in cpts.help
    assert "non confirmée / not confirmed" in cpts.help


def test_sources_page_lists_the_barometre_with_its_licence_status(atlas, ditp_ids) -> None:
    at = app()
    at.run()
    at.switch_page("pages/sources.py").run()
    assert not at.exception, at.exception
    text = _text(at)
    assert "Baromètre des résultats de l'action publique" in text
    assert "Direction interministérielle de la transformation publique (DITP)" in text
    assert "non confirmée / not confirmed" in text
    assert "https://github.com/DITP-pilotage/barometre-resultats" in text
    table = next(d.value for d in at.dataframe if "id" in d.value.columns)
    rows = table.set_index("id")
    assert set(ditp_ids) <= set(rows.index)
    licence = next(c for c in rows.columns if "icence" in c)
    for indicator_id in ditp_ids:
        assert "non confirmée" in rows.at[indicator_id, licence], indicator_id
        assert "Licence Ouverte" not in rows.at[indicator_id, licence], indicator_id
    # the national methods, with the reported gap of IND-318
    assert "26 départements sont absents" in text


def test_sources_page_in_english(atlas) -> None:
    at = app(lang="en")
    at.run()
    at.switch_page("pages/sources.py").run()
    assert not at.exception, at.exception
    table = next(d.value for d in at.dataframe if "id" in d.value.columns)
    label = table.set_index("id").iloc[:, 0]
    assert label["msp_2025_06"] == atlas.indicator("msp_2025_06").label_en
