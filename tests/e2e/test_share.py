"""Sharing in a real browser: permalinks, copy link, presentation frame, embed, downloads,
English. Screenshots go to test-artifacts/screenshots (share-*.png)."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from matplotlib.image import imread
from openpyxl import load_workbook

from tests.e2e.conftest import map_frame, shot, wait_for_run

PERMALINK = "/?dep=55&ind=apl65_2023&levier=telemedecine,maison_de_sante"
APL65_LABEL = "APL aux médecins généralistes de 65 ans ou moins (2023)"


def canonical(url: str) -> tuple[str, dict[str, list[str]]]:
    """Path and decoded parameters: Streamlit writes ``,`` as ``%2C`` in the address bar,
    the shared link keeps it readable; both are the same URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path or '/'}", parse_qs(parts.query)


def open_view(page, url: str, *, map_shown: bool = True):
    page.goto(url)
    wait_for_run(page)
    return map_frame(page) if map_shown else None


def open_share_panel(page) -> None:
    page.get_by_role("button", name="Partager et exporter").click()
    page.locator("[data-atlas-permalink]").wait_for()


def assert_meuse_view(page, frame) -> None:
    """The view of PERMALINK: Meuse drilled down, APL ≤ 65 ans, two levers."""
    page.get_by_text("Portrait : Meuse (55)").first.wait_for()
    assert page.get_by_role("combobox", name="Indicateur").input_value() == APL65_LABEL
    sidebar = page.locator("[data-testid='stSidebar']")
    pressed = sidebar.locator("button[aria-pressed='true']").all_inner_texts()
    assert len(pressed) == 2
    assert any(p.startswith("Télémédecine") for p in pressed)
    assert any(p.startswith("Maison de santé") for p in pressed)
    # communes drawn (drill-down level), coloured by the APL ≤ 65 ans series
    assert frame.locator("path.atlas-commune").count() > 400
    legend = frame.locator(".atlas-legend-title").all_inner_texts()
    assert any("65 ans ou moins" in text for text in legend)


def test_permalink_reproduces_the_view_and_copy_link_gives_it(server, page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    frame = open_view(page, server.url + PERMALINK)
    assert_meuse_view(page, frame)
    shot(page, "share-permalink-meuse")

    open_share_panel(page)
    button = page.locator("[data-atlas-permalink]")
    shown = button.get_attribute("data-atlas-permalink")
    page.get_by_role("button", name="Copier le lien").click()
    page.locator("[data-atlas-permalink][data-copied]").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    page.get_by_text("Lien copié").wait_for()
    shot(page, "share-copy-link")
    assert copied == shown == button.get_attribute("data-copied")
    assert canonical(copied) == canonical(page.url)
    assert copied == server.url + "/?dep=55&ind=apl65_2023&levier=maison_de_sante,telemedecine"

    # the copied link, opened in a fresh session, gives the same view
    other = page.context.new_page()
    frame = open_view(other, copied)
    assert_meuse_view(other, frame)
    assert canonical(other.url) == canonical(copied)
    other.close()


def test_changing_the_view_updates_the_url_without_reload(server, page):
    open_view(page, server.url + "/")
    page.evaluate("window.__atlasNoReload = 1")
    page.locator("[data-testid='stSidebar'] button", has_text="Télémédecine").click()
    page.wait_for_url("**levier=telemedecine**")
    wait_for_run(page)
    page.get_by_role("combobox", name="Indicateur").click()
    page.get_by_role("option", name=APL65_LABEL).click()
    page.wait_for_url("**ind=apl65_2023**")
    assert page.evaluate("window.__atlasNoReload") == 1
    path, params = canonical(page.url)
    assert params == {"levier": ["telemedecine"], "ind": ["apl65_2023"]}


def test_bad_parameters_give_notices_and_keep_the_rest(server, page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    bad = (
        "/?dep=%3Cscript%3Ealert(1)%3C%2Fscript%3E&ind=" + "x" * 10_000 + "&levier=telemedecine"
        "&annees=2024-2015&lang=de&dep=%EF%BC%95%EF%BC%95&classes=jenks"
    )
    open_view(page, server.url + bad)
    warnings = page.locator("[data-testid='stAlertContentWarning']").all_inner_texts()
    text = "\n".join(warnings)
    assert "Département inconnu" in text  # the repeated key: the last value (full-width 55)
    assert "trop long" in text and "Période" in text and "Langue" in text
    assert len(warnings) == 4
    assert not dialogs
    pressed = page.locator("[data-testid='stSidebar'] button[aria-pressed='true']")
    assert pressed.all_inner_texts()[0].startswith("Télémédecine")
    page.wait_for_url("**classes=jenks**")
    _, params = canonical(page.url)
    assert params == {"levier": ["telemedecine"], "classes": ["jenks"]}
    shot(page, "share-bad-parameters")


@pytest.mark.parametrize(
    ("preset", "size", "query"),
    [
        ("16x9", (1280, 720), "ind=apl65_2023&levier=telemedecine"),
        ("1x1", (900, 900), "dep=55&levier=telemedecine"),
    ],
)
def test_presentation_frame_hides_every_control(server, page, preset, size, query):
    page.set_viewport_size({"width": 1440, "height": 1000})
    open_view(page, f"{server.url}/?{query}&presentation={preset}")
    frame = page.locator(".st-key-atlas-frame")
    box = frame.bounding_box()
    assert box is not None
    assert (round(box["width"]), round(box["height"])) == size
    for hidden in ("stSidebar", "stSidebarNav", "stHeader", "stToolbar"):
        assert not page.locator(f"[data-testid='{hidden}']").is_visible()
    assert page.locator("[data-testid='stWidgetLabel']").count() == 0
    assert page.locator("button", has_text="Partager").count() == 0
    text = frame.inner_text()
    assert "Accès aux soins" in text
    assert "Source : DREES" in text and "Carte produite le" in text
    # the link shown (and in the QR code) is the interactive view's, without the mode
    link = frame.locator("[data-testid='atlas-frame-link']").inner_text()
    assert link == f"{server.url}/?{query}"
    qr = frame.locator("img.atlas-qr")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    assert qr.get_attribute("alt") == f"QR code du lien {link}"
    shot(page, f"share-presentation-{preset}")


def test_embed_shows_the_map_alone(server, page):
    open_view(page, server.url + "/?embed=true&ind=apl65_2023")
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert page.locator("[data-testid='stWidgetLabel']").count() == 0
    assert "embed=true" in page.url  # Streamlit keeps its flag when the view is synced
    full = page.get_by_role("link", name="Ouvrir dans l'Atlas")
    assert full.get_attribute("href") == server.url + "/?ind=apl65_2023"
    assert full.get_attribute("target") == "_blank"
    shot(page, "share-embed")


def test_share_panel_gives_the_iframe_snippet(server, page):
    open_view(page, server.url + "/?ind=apl65_2023")
    open_share_panel(page)
    code = page.locator("[data-testid='stCode']", has_text="<iframe").inner_text()
    assert f'src="{server.url}/?ind=apl65_2023&amp;embed=true"' in code
    assert 'loading="lazy"' in code


def _download(page, name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=name).click()
    path = info.value.path()
    with open(path, "rb") as f:
        return f.read()


def test_downloads_match_the_view(server, page):
    open_view(page, server.url + "/?levier=telemedecine,bourse_etudes")
    count_text = page.locator("[data-testid='stSidebar']").get_by_text("initiative(s) affichée(s)")
    shown = int(count_text.inner_text().split()[0])
    open_share_panel(page)
    caption = page.get_by_text("ligne(s) de chiffres").inner_text()
    assert f"{shown} initiative(s)" in caption

    raw = _download(page, "Initiatives (CSV)")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert len(rows) - 1 == shown
    levers = {row[2] for row in rows[1:]}
    assert levers == {"Télémédecine", "Bourse d'études"}

    figures = _download(page, "Chiffres (CSV)")
    assert len(figures.decode("utf-8-sig").strip().split("\r\n")) - 1 == 101

    png = _download(page, "PNG 16:9")
    pixels = imread(io.BytesIO(png))
    assert pixels.shape[:2] == (900, 1600)
    square = imread(io.BytesIO(_download(page, "PNG 1:1 (carré)")))
    assert square.shape[:2] == (1080, 1080)

    workbook = load_workbook(io.BytesIO(_download(page, "Tout (XLSX)")))
    assert "Sources" in workbook.sheetnames
    assert workbook["Initiatives"].max_row - 1 == shown
    shot(page, "share-panel-downloads")


def test_language_switch_is_part_of_the_permalink(server, page):
    open_view(page, server.url + "/?dep=55")
    page.locator("[data-testid='stSidebar'] button", has_text="English").click()
    page.wait_for_url("**lang=en**")
    wait_for_run(page)
    page.get_by_text("Profile: Meuse (55)").first.wait_for()
    page.get_by_role("button", name="Share and export").wait_for()
    assert page.get_by_role("link", name="Map").count() >= 1  # navigation in English
    shot(page, "share-english")
    # the English link reopens in English
    other = page.context.new_page()
    open_view(other, page.url)
    other.get_by_text("Profile: Meuse (55)").first.wait_for()
    other.close()
