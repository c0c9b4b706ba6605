"""The département dossier downloaded in a real browser, from the map's side panel and from
the Département page. Screenshots go to test-artifacts/screenshots (dossier-*.png)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from components.i18n import t
from tests.e2e.conftest import shot, wait_for_run

BUTTON = t("dossier.button", "fr")


def download_dossier(page, scope) -> bytes:
    button = scope.get_by_role("button", name=BUTTON)
    button.wait_for()
    with page.expect_download(timeout=120_000) as info:
        button.click()
    download = info.value
    assert re.fullmatch(r"atlas-acces-soins_dossier_\w+_fr\.pdf", download.suggested_filename)
    with open(download.path(), "rb") as f:
        return f.read()


def pdf_text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    text = "\n".join(p.extract_text() for p in pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def test_dossier_downloads_from_the_portrait_of_the_map(server, page):
    page.goto(server.url + "/?dep=55")
    wait_for_run(page)
    page.get_by_text("Portrait : Meuse (55)").first.wait_for()
    # the button of the side panel, next to the portrait (the map is the other column)
    panel = page.locator("[data-testid='stColumn']").filter(has_text="Portrait : Meuse (55)")
    pdf = download_dossier(page, panel.last)
    shot(page, "dossier-map-panel")
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    assert "Meuse (55)" in text
    assert t("dossier.section.figures", "fr") in text
    assert "3,48 3,75" in text  # APL 2023: Meuse, France, as in the portrait
    # the printed link is this server's view of the Meuse
    assert f"{server.url}/?dep=55" in text.replace(" ", "")
    assert page.recorder.external_requests() == []


def test_dossier_downloads_from_the_departement_page(server, page):
    page.goto(server.url + "/departement?dep=2A")
    wait_for_run(page)
    page.get_by_text("Portrait : Corse-du-Sud (2A)").first.wait_for()
    pdf = download_dossier(page, page.locator("[data-testid='stMain']"))
    shot(page, "dossier-departement-page")
    text = pdf_text(pdf)
    assert "Corse-du-Sud (2A)" in text
    assert t("dossier.section.sources", "fr") in text
    # Streamlit, opened on a page path, first probes <page>/_stcore/health (404): not ours
    errors = [e for e in page.recorder.console_errors if not e.startswith("Failed to load")]
    assert errors == []
