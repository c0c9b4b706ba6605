"""The département dossier (PDF): opens, has its sections, holds the portrait's figures
formatted as the portrait, escapes every text, embeds its fonts, needs no network."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import socket
from urllib.parse import urlsplit

import pandas as pd
import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from streamlit.testing.v1 import AppTest

from components.dossier.build import build_dossier, dossier_link
from components.dossier.cover_map import departement_view, map_image
from components.dossier.fonts import REGULAR, FontMissing, find_fonts, register_fonts
from components.dossier.markup import esc, wrap_url
from components.i18n import t
from components.view_params import Vocabulary, parse_view
from data.atlas import Atlas, load_atlas
from data.formatting import format_number
from data.initiatives import ACTOR_TYPES, STATUSES
from data.levers import LEVER_CODES
from data.paths import BUILT_DIR
from data.portrait import comparable_departements

ROOT = "http://atlas.test:8501"
DAY = dt.date(2026, 3, 14)
SECTIONS = (
    "dossier.section.figures",
    "dossier.section.initiatives",
    "dossier.section.comparable",
    "dossier.section.sources",
)
A4 = (595.28, 841.89)


def normalise(text: str) -> str:
    """One space for every run of white space, non-breaking ones included."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    return normalise("\n".join(pdf_pages(pdf)))


def check_dossier(atlas: Atlas, dep: str, lang: str, pdf: bytes) -> str:
    """What every dossier must hold; returns its normalised text."""
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 4
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4
    text = pdf_text(pdf)
    name = str(atlas.departements.at[dep, "nom"])
    assert normalise(t("dossier.name", lang, name=name, code=dep)) in text
    for key in SECTIONS:
        assert normalise(t(key, lang)) in text, key
    assert dossier_link(atlas, ROOT, dep, lang) in text.replace(" ", "")
    for word in ("nan", "NaN", "None", "<NA>"):
        assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text), word
    return text


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return load_atlas()


_built: dict[tuple[str, str], bytes] = {}


def dossier(atlas: Atlas, dep: str, lang: str = "fr") -> bytes:
    if (dep, lang) not in _built:
        _built[dep, lang] = build_dossier(atlas, dep, lang, root=ROOT, today=DAY)
    return _built[dep, lang]


@pytest.mark.parametrize(
    ("dep", "lang"), [("55", "fr"), ("976", "fr"), ("2A", "fr"), ("75", "fr"), ("55", "en")]
)
def test_dossier_opens_and_has_every_section(atlas, dep, lang):
    text = check_dossier(atlas, dep, lang, dossier(atlas, dep, lang))
    assert normalise(t("dossier.caution", lang)) in text
    for source in atlas.sources:
        assert normalise(source.title) in text
        assert normalise(source.licence) in text


def test_text_is_selectable_and_fonts_are_embedded_dejavu(atlas):
    reader = PdfReader(io.BytesIO(dossier(atlas, "55")))
    assert len(pdf_text(dossier(atlas, "55"))) > 5000
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        used = set()
        current = None  # the font of each text-showing operator (Tj, TJ, ', ")
        for token in re.finditer(rb"/(\S+) [\d.]+ Tf|(Tj|TJ|')\s", page.get_contents().get_data()):
            if token.group(1):
                current = "/" + token.group(1).decode()
            else:
                used.add(current)
        assert used and None not in used
        for name in used:
            font = fonts[name].get_object()
            assert "DejaVuSans" in str(font["/BaseFont"]), font["/BaseFont"]
            if "/DescendantFonts" in font:  # a composite font: the descriptor is below
                font = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded TrueType


def portrait_cards(dep: str) -> list[tuple[str, str, str]]:
    """(label, value, caption) of each key figure card of the Département page."""
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.query_params["dep"] = dep
    at.run()
    at.switch_page("pages/departement.py").run()
    assert not at.exception
    captions = [c.value for c in at.caption if "France" in str(c.value)]
    metrics = list(at.metric)
    assert len(metrics) == len(captions) > 5
    return [(m.label, m.value, c) for m, c in zip(metrics, captions, strict=True)]


@pytest.mark.parametrize("dep", ["55", "976"])
def test_figures_are_those_of_the_portrait_formatted_the_same_way(atlas, dep):
    text = pdf_text(dossier(atlas, dep))
    for label, value, caption in portrait_cards(dep):
        pattern = r"France : (.+?) · Région : (.+?)(?: · (rang \d+/\d+))?$"
        match = re.search(pattern, normalise(caption))
        assert match, caption
        france, region, rank = match.groups()
        row = " ".join(
            normalise(p) for p in (value, france, region, rank or t("dossier.no_rank", "fr"))
        )
        assert row in text, (label, row)
        assert normalise(label) in text


def test_meuse_apl_2023_is_printed_as_in_the_built_table(atlas):
    figures = pd.read_csv(BUILT_DIR / "departements_figures.csv", dtype={"code": str})
    apl = format_number(figures.set_index("code").at["55", "apl_2023"], 2, "fr")
    assert apl == "3,48"
    text = pdf_text(dossier(atlas, "55"))
    unit_line = r"\(2023\) consultations/an/hab\. standardisé · 2023"
    assert re.search(rf"{unit_line} .{{0,120}}? 3,48 3,75", text)
    # the portrait's trend line, and the series values under the charts
    assert "Évolution 2018 → 2022 : 135,3 → 130,6 médecins pour 100 000 hab. (-3,5 %)" in text
    assert "Meuse : 2022 : 3,45 · 2023 : 3,48" in text


def test_mayotte_says_not_available(atlas):
    text = pdf_text(dossier(atlas, "976"))
    apl = normalise(t("map.missing", "fr"))
    assert re.search(rf"\(2023\) consultations/an/hab\. standardisé · 2023 .{{0,120}}? {apl}", text)
    shapes = departement_view(atlas, "976", "fr", link=ROOT, today=DAY)[1]
    assert shapes.missing_count > 0
    assert f"{apl} ({shapes.missing_count})" in text


def test_a_departement_with_no_initiative(atlas):
    # every département has one in the catalogue: take Lozère's away
    frame = atlas.initiatives[atlas.initiatives["departement_code"] != "48"]
    bare = dataclasses.replace(atlas, initiatives=frame)
    text = check_dossier(bare, "48", "fr", dossier(bare, "48"))
    assert normalise(t("portrait.no_initiative", "fr")) in text


def test_english_dossier_uses_english_formats(atlas):
    text = pdf_text(dossier(atlas, "55", "en"))
    assert "Key figures" in text and "3.48" in text and "3,48" not in text
    assert normalise(t("dossier.caution", "en")) in text


def test_comparable_departements_and_their_initiatives_are_listed(atlas):
    text = pdf_text(dossier(atlas, "55"))
    for code in comparable_departements("55", atlas.departements):
        name = atlas.departements.at[code, "nom"]
        assert f"{name} ({code})" in text
    ours = atlas.initiatives[atlas.initiatives["departement_code"] == "55"]
    for name in ours["name"]:
        assert normalise(name) in text


def test_link_reopens_the_departement_view(atlas):
    vocab = Vocabulary(
        tuple(i.id for i in atlas.indicators),
        atlas.default_indicator.id,
        tuple(atlas.departements.index),
        LEVER_CODES,
        tuple(ACTOR_TYPES),
        tuple(STATUSES),
    )
    for lang in ("fr", "en"):
        link = dossier_link(atlas, ROOT, "2A", lang)
        parts = urlsplit(link)
        assert f"{parts.scheme}://{parts.netloc}" == ROOT and parts.path == "/"
        params = dict(p.split("=") for p in parts.query.split("&"))
        view, notices = parse_view({k: [v] for k, v in params.items()}, vocab)
        assert not notices and view.dep == "2A" and view.lang == lang


def synthetic(atlas: Atlas, **fields: object) -> Atlas:
    """The atlas with one more initiative in the Meuse."""
    base = atlas.initiatives[atlas.initiatives["departement_code"] == "55"].iloc[[0]].copy()
    for key, value in {"id": "synthetic-test", "case_study": "", **fields}.items():
        base[key] = [value]
    frame = pd.concat([atlas.initiatives, base], ignore_index=True)
    return dataclasses.replace(atlas, initiatives=frame)


def test_texts_are_printed_as_typed_never_as_markup(atlas):
    name = "<b>x</b> {{7*7}} & <a href='javascript:alert(1)'>clic</a> ${7*7}"
    url = "https://example.org/" + "tres-long-chemin/" * 8 + "page?a=1&b=<2>"
    fake = synthetic(
        atlas,
        name=name,
        description_fr="<font color='red'>rouge</font>\x00</para>",
        outcome="5 < 7 > 3 &amp;",
        sources=(url,),
    )
    pdf = build_dossier(fake, "55", "fr", root=ROOT, today=DAY)
    text = pdf_text(pdf)
    assert normalise(name) in text
    assert "<font color='red'>rouge</font></para>" in text
    assert "5 < 7 > 3 &amp;" in text
    assert url in text.replace(" ", "")


def test_wrapped_urls_give_back_the_url_and_fit(atlas):
    register_fonts()
    url = "https://www.example.org/" + "un-chemin_tres/long.html?q=" + "x" * 300
    lines = wrap_url(url, REGULAR, 7.5, 200)
    assert "".join(lines) == url and len(lines) > 3
    assert all(stringWidth(line, REGULAR, 7.5) <= 200 for line in lines)
    longest = max((u for s in atlas.initiatives["sources"] for u in s), key=len)
    owner = atlas.initiatives[atlas.initiatives["sources"].map(lambda s: longest in s)].iloc[0]
    deps = atlas.departements
    dep = owner["departement_code"] or deps.index[deps["region_code"] == owner["region_code"]][0]
    text = pdf_text(dossier(atlas, dep))
    assert longest in text.replace(" ", "")


def test_escape_keeps_characters_and_drops_controls():
    assert esc("<b>&</b>\x07\nx") == "&lt;b&gt;&amp;&lt;/b&gt;<br/>x"


def test_level_of_evidence_and_outcome_records_are_printed_with_their_source(atlas):
    frame = atlas.initiatives.copy()
    frame["evidence_level"] = [1 if i == "e-meuse-sante-programme" else 4 for i in frame["id"]]
    outcomes = pd.DataFrame(
        [
            {
                "initiative_id": "e-meuse-sante-programme",
                "indicator_fr": "téléconsultations",
                "value": 5665.0,
                "unit": "consultations",
                "period_start": "2021",
                "period_end": "2025-10",
                "baseline": float("nan"),
                "baseline_period": "",
                "measured_by": "third_party",
                "measurer": "Cour des comptes <rapport>",
                "method": "comparaison avec des territoires témoins",
                "source": "https://example.org/rapport-e-meuse",
                "summary_fr": "5 665 téléconsultations de 2021 à octobre 2025.",
            }
        ]
    )
    rich = dataclasses.replace(atlas, initiatives=frame, outcomes=outcomes)
    text = pdf_text(build_dossier(rich, "55", "fr", root=ROOT, today=DAY))
    assert f"{t('dossier.field.evidence', 'fr')} 1 — {t('dossier.evidence.1', 'fr')}" in text
    assert "5 665 téléconsultations de 2021 à octobre 2025." in text
    assert "Cour des comptes <rapport>" in text
    assert "https://example.org/rapport-e-meuse" in text
    assert normalise(t("dossier.method.evidence", "fr")) in text


def test_the_real_catalogue_outcomes_reach_the_dossier(atlas):
    text = pdf_text(dossier(atlas, "55"))
    records = atlas.outcomes[atlas.outcomes["initiative_id"] == "e-meuse-sante-programme"]
    assert not records.empty
    assert normalise(records.iloc[0]["summary_fr"])[:40] in normalise(text)


def test_cover_map_uses_the_legend_colours_of_the_map(atlas):
    _, spec = departement_view(atlas, "55", "fr", link=ROOT, today=DAY)
    image = map_image(spec, 300, 220, dpi=100)
    colours = {c for _, c in image.getcolors(maxcolors=1 << 20)}
    for colour, _ in spec.legend_rows:
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert rgb in colours, colour


def test_rendering_needs_no_network(atlas, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access while rendering")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    pdf = build_dossier(atlas, "2B", "en", root=ROOT, today=DAY)
    check_dossier(atlas, "2B", "en", pdf)


def test_missing_fonts_fail_with_a_clear_message(tmp_path):
    with pytest.raises(FontMissing, match="fonts-dejavu-core"):
        find_fonts([tmp_path])


def test_bad_departement_or_language_is_refused(atlas):
    with pytest.raises(ValueError, match="département inconnu"):
        build_dossier(atlas, "99", "fr", root=ROOT)
    with pytest.raises(ValueError, match="langue inconnue"):
        build_dossier(atlas, "55", "de", root=ROOT)


@pytest.mark.parametrize("page", ["pages/carte.py", "pages/departement.py"])
def test_the_download_button_is_on_the_portrait_and_the_departement_page(page):
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.query_params["dep"] = "55"
    at.run()
    if page != "pages/carte.py":
        at.switch_page(page).run()
    assert not at.exception
    labels = [b.label for b in at.get("download_button")]
    assert labels.count(t("dossier.button", "fr")) == 1
