"""Kiosk mode without a browser: settings, QR codes, content, texts, and the page
through AppTest (region -> département -> lever, restart, bad parameters)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import segno
from streamlit.testing.v1 import AppTest

from components.i18n import TEXTS
from components.kiosk.content import (
    attract_slides,
    external_urls,
    featured_departements,
    france_paths,
    regions,
)
from components.kiosk.qr import decode_bits, phone_url, qr_bits, qr_registry, qr_svg
from components.kiosk.settings import KioskSettings, kiosk_settings
from components.kiosk.texts import TEXTS as KIOSK_TEXTS
from components.state import VIEW_KEY
from data.atlas import load_atlas

REPO = Path(__file__).resolve().parents[1]
JS = (REPO / "static" / "kiosk" / "kiosk.js").read_text(encoding="utf-8")
CSS = (REPO / "static" / "kiosk" / "kiosk.css").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


# ---------- settings ----------


def test_default_settings():
    settings, notices = kiosk_settings({}, {})
    assert notices == []
    assert settings == KioskSettings()
    assert settings.idle_seconds == 90
    assert settings.countdown_seconds == 10
    assert settings.attract_seconds == 12
    assert settings.reset_query(kiosk_in_url=True) == "kiosk=1"
    assert settings.reset_query(kiosk_in_url=False) == ""


def test_environment_then_url_parameters():
    env = {"ATLAS_KIOSK_IDLE_SECONDS": "120", "ATLAS_KIOSK_ATTRACT_SECONDS": "20"}
    settings, notices = kiosk_settings(env, {})
    assert (settings.idle_seconds, settings.attract_seconds, notices) == (120, 20, [])
    settings, notices = kiosk_settings(env, {"idle": "8", "attract": "3"})
    assert (settings.idle_seconds, settings.attract_seconds, notices) == (8, 3, [])
    assert settings.countdown_seconds == 4
    # a configured screen keeps its settings when the view resets
    assert settings.reset_query(kiosk_in_url=True) == "kiosk=1&idle=8&attract=3"


@pytest.mark.parametrize("bad", ["0", "4", "3601", "-5", "abc", "9" * 40, "1e3", " 12x"])
def test_bad_idle_values_fall_back_with_a_notice(bad):
    settings, notices = kiosk_settings({"ATLAS_KIOSK_IDLE_SECONDS": bad}, {})
    assert settings.idle_seconds == 90
    assert len(notices) == 1
    settings, notices = kiosk_settings({"ATLAS_KIOSK_IDLE_SECONDS": "60"}, {"idle": bad})
    assert settings.idle_seconds == 60
    assert len(notices) == 1 and len(notices[0]) < 120
    assert settings.reset_query(kiosk_in_url=True) == "kiosk=1"


def test_public_url_is_validated():
    ok, notices = kiosk_settings({"ATLAS_PUBLIC_URL": "https://atlas.example.org/"}, {})
    assert ok.public_url == "https://atlas.example.org" and notices == []
    for bad in ("javascript:alert(1)", "atlas.example.org", "https://x.org/?a=1"):
        settings, notices = kiosk_settings({"ATLAS_PUBLIC_URL": bad}, {})
        assert settings.public_url is None and notices


def test_countdown_is_shorter_than_the_timeout():
    for idle in range(5, 200):
        settings = KioskSettings(idle_seconds=idle)
        assert 2 <= settings.countdown_seconds <= min(10, idle - 2)


# ---------- QR codes ----------


def test_qr_bits_round_trip_the_segno_matrix():
    url = "https://www.example.org/un/article?id=42&x=é"
    code = qr_bits(url)
    matrix = [[bool(v & 1) for v in row] for row in segno.make(url, error="m", mask=0).matrix]
    assert code["n"] == len(matrix)
    assert decode_bits(code) == matrix


def test_qr_svg_is_a_standalone_image():
    svg = qr_svg("https://example.org/x")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "<script" not in svg


def test_phone_url_prefers_the_public_site():
    params = {"dep": "55", "levier": "telemedecine,bourse_etudes"}
    public = phone_url(params, public_url="https://atlas.example.org", page_origin="http://x:1")
    assert public == "https://atlas.example.org/?dep=55&levier=telemedecine,bourse_etudes"
    local = phone_url({}, public_url=None, page_origin="http://192.168.1.20:8501", base_path="a")
    assert local == "http://192.168.1.20:8501/a/?kiosk=0"


def test_every_external_link_has_a_qr_code(atlas):
    urls = external_urls(atlas)
    assert len(urls) > 100
    assert all(urlsplit(u).scheme in ("http", "https") for u in urls)
    registry = qr_registry(urls[:20])
    assert set(registry) == set(urls[:20])


# ---------- content ----------


def test_regions_cover_every_departement_once(atlas):
    found = regions(atlas.departements)
    assert len(found) == 18
    codes = [code for region in found for code in region.departements]
    assert sorted(codes) == sorted(atlas.departements.index)
    names = [r.name for r in found]
    assert names[:2] == ["Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté"]
    assert names[-5:] == ["Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"]


def test_small_map_of_france(atlas):
    paths, (width, height) = france_paths(atlas.departements_rapproches)
    assert len(paths) == 101 and all(d.startswith("M") for d in paths.values())
    numbers = [float(n) for d in paths.values() for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    assert min(numbers) >= 0 and max(numbers) <= max(width, height)
    assert sum(len(d) for d in paths.values()) < 80_000


def test_attract_slides_alternate_case_studies_and_departements(atlas):
    slides = attract_slides(atlas, "en")
    assert slides[0]["title"].startswith("e-Meuse")
    assert slides[0]["kind"] == "Case study" and slides[1]["kind"] == "Département"
    assert len(slides) == len(atlas.case_studies) + len(featured_departements(atlas))
    worst = featured_departements(atlas)[0]
    assert slides[1]["dep"] == worst and slides[1]["figure"]["value"]
    assert all(s["highlight"] for s in slides)


# ---------- texts and client code ----------


def test_kiosk_texts_exist_in_both_languages():
    for key, entry in KIOSK_TEXTS.items():
        assert key.startswith("kiosk."), key
        assert entry["fr"] and entry["en"], key
        assert key in TEXTS


def test_every_text_the_browser_asks_for_is_sent():
    asked = set(re.findall(r'T\("([\w.]+)"\)', JS))
    assert asked, "no text found in kiosk.js"
    sent = {key for key in TEXTS if key.startswith("kiosk.")}
    assert asked <= sent, asked - sent


def test_client_code_never_uses_html_sinks_nor_remote_hosts():
    code = re.sub(r"^\s*//.*$", "", JS, flags=re.MULTILINE)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "document.write"):
        assert sink not in code, sink
    remote = re.findall(r"https?://[^\s\"')]+", JS + CSS)
    assert set(remote) <= {"http://www.w3.org/2000/svg"}, remote


# ---------- the page (AppTest) ----------


def kiosk_app(**params: str) -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.query_params["kiosk"] = "1"
    for key, value in params.items():
        at.query_params[key] = value
    return at


def html_text(at: AppTest) -> str:
    return "\n".join(str(h.value) for h in at.get("html"))


def test_region_then_departement_then_lever_then_restart():
    at = kiosk_app()
    at.run()
    assert not at.exception
    assert "Choisissez une région" in html_text(at)
    assert not [b for b in at.button if str(b.key).startswith("kdep_")]
    at.button(key="kreg_44").click().run()
    deps = {b.key for b in at.button if str(b.key).startswith("kdep_")}
    assert deps == {
        f"kdep_{c}" for c in ("08", "10", "51", "52", "54", "55", "57", "67", "68", "88")
    }
    at.button(key="kdep_55").click().run()
    assert not at.exception
    text = html_text(at)
    assert "Meuse (55)" in text and 'data-kiosk-case="e-meuse-sante"' in text
    assert "moins bien que la France" in text
    at.button(key="kchip_telemedecine").click().run()
    view = at.session_state[VIEW_KEY]
    assert (view.dep, view.levers) == ("55", ("telemedecine",))
    assert at.button(key="kchip_telemedecine").proto.type == "primary"
    # the permalink QR code takes this view to a phone
    link = re.search(r'class="kiosk-phone" data-url="([^"]+)"', html_text(at)).group(1)
    query = parse_qs(urlsplit(link.replace("&amp;", "&")).query)
    assert query["dep"] == ["55"] and query["levier"] == ["telemedecine"]
    assert query["kiosk"] == ["0"]
    at.button(key="kiosk_restart").click().run()
    view = at.session_state[VIEW_KEY]
    assert (view.dep, view.levers, view.lang) == (None, (), "fr")
    assert "Choisissez une région" in html_text(at)


def test_english_and_a_neighbour():
    at = kiosk_app(dep="55")
    at.run()
    at.button(key="kiosk_lang").click().run()
    assert "Choose" not in html_text(at)  # the portrait, not the picker
    assert "worse than France" in html_text(at)
    at.button(key="knb_52").click().run()
    assert at.session_state[VIEW_KEY].dep == "52"
    assert "Haute-Marne (52)" in html_text(at)


def test_bad_kiosk_parameters_give_a_notice_and_defaults():
    at = kiosk_app(idle="2")
    at.run()
    assert not at.exception
    assert any("idle" in w.value for w in at.warning)


def test_environment_makes_the_kiosk_the_default(monkeypatch):
    monkeypatch.setenv("ATLAS_KIOSK", "1")
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.run()
    assert "Choisissez une région" in html_text(at)
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.query_params["kiosk"] = "0"
    at.run()
    assert "Choisissez une région" not in html_text(at)
