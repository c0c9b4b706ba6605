"""Case studies: the real files, links with the catalogue, and each rejection."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from data.case_studies import CASE_STUDIES_DIR, CaseStudy, load_case_studies, parse_case_study
from data.errors import InputError
from data.initiatives import CATALOGUE_DIR, read_catalogue, split_list


@pytest.fixture(scope="module")
def studies() -> list[CaseStudy]:
    return load_case_studies()


@pytest.fixture(scope="module")
def catalogue() -> dict[str, dict[str, str]]:
    return {row.values["id"]: dict(row.values) for _, row in read_catalogue().initiative_rows()}


def test_six_case_studies_e_meuse_first(studies: list[CaseStudy]) -> None:
    assert len(studies) == 6
    assert [s.order for s in studies] == sorted(s.order for s in studies)
    first = studies[0]
    assert first.slug == "e-meuse-sante"
    assert first.departements == ("55", "52", "54")
    assert "telemedecine" in first.levers
    assert first.body_markdown.startswith("e-Meuse santé est né")


def test_every_file_is_a_case_study() -> None:
    files = sorted(p.stem for p in CASE_STUDIES_DIR.glob("*.md"))
    assert files == sorted(s.slug for s in load_case_studies())


def test_meuse_has_the_e_meuse_case_study(
    studies: list[CaseStudy], catalogue: dict[str, dict[str, str]]
) -> None:
    meuse = [s for s in studies if "55" in s.departements]
    assert [s.slug for s in meuse] == ["e-meuse-sante"]
    linked = [catalogue[i] for i in meuse[0].initiatives]
    assert len(linked) >= 2
    assert {row["departement_code"] for row in linked} == {"55"}


def test_links_agree_both_ways(
    studies: list[CaseStudy], catalogue: dict[str, dict[str, str]]
) -> None:
    from_studies = {(ident, s.slug) for s in studies for ident in s.initiatives}
    from_csv = {(ident, row["case_study"]) for ident, row in catalogue.items() if row["case_study"]}
    assert from_studies == from_csv


def test_levers_and_departements_cover_linked_initiatives(
    studies: list[CaseStudy], catalogue: dict[str, dict[str, str]]
) -> None:
    for study in studies:
        rows = [catalogue[i] for i in study.initiatives]
        assert {r["lever"] for r in rows} <= set(study.levers), study.slug
        deps = {r["departement_code"] for r in rows if r["departement_code"]}
        assert deps <= set(study.departements), study.slug


def test_sources_come_from_the_linked_initiatives(
    studies: list[CaseStudy], catalogue: dict[str, dict[str, str]]
) -> None:
    """No invented URL: every case study source is a source of one of its initiatives."""
    for study in studies:
        known = {u for i in study.initiatives for u in split_list(catalogue[i]["sources"], "|")}
        assert study.sources, study.slug
        for source in study.sources:
            assert source.url.startswith(("https://", "http://"))
            assert source.url in known, (study.slug, source.url)


def test_summary_is_one_sentence(studies: list[CaseStudy]) -> None:
    for study in studies:
        assert study.summary.endswith("."), study.slug
        assert study.summary.count(". ") == 0, study.slug


# ---------------------------------------------------------------------------
# Rejections

GOOD = """---
slug: exemple
order: 1
title: "Exemple"
departements: ["55"]
levers: [telemedecine]
initiatives: [x]
summary: "Une phrase."
sources:
  - url: https://example.org/a
---

Texte.
"""


def _write(tmp_path: Path, text: str, name: str = "exemple") -> Path:
    folder = tmp_path / "cs"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_file_parses(tmp_path: Path) -> None:
    study = parse_case_study(_write(tmp_path, GOOD))
    assert study.slug == "exemple" and study.sources[0].title is None
    assert study.body_markdown == "Texte."


@pytest.mark.parametrize(
    ("old", "new", "field", "snippet"),
    [
        ("slug: exemple", "slug: autre", "slug", "nom du fichier"),
        ("levers: [telemedecine]", "levers: [teleportation]", "levers", "levier inconnu"),
        ("url: https://example.org/a", "url: javascript:alert(1)", "sources", "pas une URL"),
        ("url: https://example.org/a", "url: ftp://example.org/a", "sources", "pas une URL"),
        ('departements: ["55"]', 'departements: ["555"]', "departements", "invalide"),
        ("order: 1", "order: premier", "order", "entier"),
        ('summary: "Une phrase."', 'summary: ""', "summary", "non vide"),
        ("initiatives: [x]", "initiatives: [x]\nauteur: moi", "auteur", "champ inconnu"),
    ],
)
def test_bad_front_matter_is_rejected(
    tmp_path: Path, old: str, new: str, field: str, snippet: str
) -> None:
    text = GOOD.replace(old, new)
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        parse_case_study(path)
    assert caught.value.column == field
    assert snippet in str(caught.value)
    assert str(path) in str(caught.value)


def test_unquoted_departement_numbers_are_read_as_codes(tmp_path: Path) -> None:
    text = GOOD.replace('["55"]', "[1, 55, 971]")
    assert parse_case_study(_write(tmp_path, text)).departements == ("01", "55", "971")


def test_missing_front_matter_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="front matter"):
        parse_case_study(_write(tmp_path, "# Titre\n\nTexte.\n"))


def _copy_catalogue(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "cs"
    shutil.copytree(CASE_STUDIES_DIR, folder)
    catalogue = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE_DIR, catalogue)
    return folder, catalogue


def test_unknown_linked_initiative_is_rejected(tmp_path: Path) -> None:
    folder, catalogue = _copy_catalogue(tmp_path)
    path = folder / "e-meuse-sante.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  - e-meuse-sante-programme\n", "  - e-meuse-sante-programme\n  - n-existe-pas\n"
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="n-existe-pas") as caught:
        load_case_studies(folder, catalogue)
    assert caught.value.column == "initiatives"


def test_one_sided_link_is_rejected(tmp_path: Path) -> None:
    folder, catalogue = _copy_catalogue(tmp_path)
    path = folder / "e-meuse-sante.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  - e-meuse-sante-teleconsultation-assistee\n", ""
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="ne cite pas") as caught:
        load_case_studies(folder, catalogue)
    assert caught.value.column == "case_study" and caught.value.row is not None
    assert caught.value.file == str(catalogue / "44-grand-est" / "initiatives.csv")


def test_duplicate_order_is_rejected(tmp_path: Path) -> None:
    folder, catalogue = _copy_catalogue(tmp_path)
    path = folder / "orne-perche.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("order: 6", "order: 1"), encoding="utf-8"
    )
    with pytest.raises(InputError, match="ordre 1"):
        load_case_studies(folder, catalogue)
