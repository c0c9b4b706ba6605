"""The catalogue's region folders and outcome records: every rejection names the file,
the line and the column; and the real catalogue is complete."""

from __future__ import annotations

import datetime
from pathlib import Path

import pandas as pd
import pytest
from initiatives_support import (
    OTHER,
    RECORD,
    VALID,
    catalogue_reference,
    write_initiatives,
    write_outcomes,
)

from data.errors import InputError
from data.initiatives import (
    INITIATIVES_FILE,
    REGIONS,
    Reference,
    load_catalogue,
    read_catalogue,
    region_folder_name,
    validate_catalogue,
)
from data.initiatives.catalogue import iter_incomplete

TODAY = datetime.date(2026, 6, 15)
BRETAGNE = {
    **VALID,
    "id": "msp-roche-derrien",
    "commune": "La Roche-Derrien",
    "commune_code": "22264",
    "departement_code": "22",
    "region_code": "53",
}


@pytest.fixture(scope="module")
def reference() -> Reference:
    return catalogue_reference()


def _errors(catalogue: Path, reference: Reference) -> list[tuple[str, int, str | None]]:
    """(file relative to the catalogue, line, column) of every error."""
    out = []
    for e in validate_catalogue(catalogue, reference, today=TODAY):
        out.append((Path(e.file).relative_to(catalogue).as_posix(), e.row, e.column))
    return out


# ---------------------------------------------------------------------------
# Folders


def test_region_folder_names() -> None:
    assert region_folder_name("44") == "44-grand-est"
    assert region_folder_name("93") == "93-provence-alpes-cote-d-azur"
    assert region_folder_name("11") == "11-ile-de-france"


def test_two_folders_are_merged_sorted_by_id(tmp_path: Path, reference: Reference) -> None:
    write_initiatives(tmp_path, VALID, OTHER)
    write_initiatives(tmp_path, BRETAGNE)
    catalogue = load_catalogue(tmp_path, reference=reference, today=TODAY)
    frame = catalogue.initiatives
    assert list(frame["id"]) == ["aaa-premier", "msp-exemple", "msp-roche-derrien"]
    assert list(frame["line"]) == [3, 2, 2]  # the line in each region's own file
    assert list(frame["status_date"]) == ["2021-03"] * 3
    assert list(frame["verified_on"]) == ["2025-11-20"] * 3


def test_an_initiative_in_the_folder_of_another_region(
    tmp_path: Path, reference: Reference
) -> None:
    path = write_initiatives(tmp_path, OTHER, BRETAGNE, region="44")
    # OTHER spans lines 2-3 (its description has a line break)
    assert _errors(tmp_path, reference) == [("44-grand-est/initiatives.csv", 4, "region_code")]
    with pytest.raises(InputError, match="53-bretagne") as caught:
        load_catalogue(tmp_path, reference=reference, today=TODAY)
    assert caught.value.file == str(path) and caught.value.row == 4


def test_the_same_id_in_two_folders(tmp_path: Path, reference: Reference) -> None:
    write_initiatives(tmp_path, VALID)
    write_initiatives(tmp_path, {**BRETAGNE, "id": "msp-exemple"})
    errors = validate_catalogue(tmp_path, reference, today=TODAY)
    assert [(e.row, e.column) for e in errors] == [(2, "id")]
    assert "déjà utilisé dans 44-grand-est/initiatives.csv, ligne 2" in errors[0].message
    assert errors[0].file.endswith("53-bretagne/initiatives.csv")


@pytest.mark.parametrize(
    ("folder", "snippet"),
    [
        ("44-lorraine", "dossier mal nommé : « 44-grand-est »"),
        ("99-atlantide", "pas un dossier de région"),
        ("grand-est", "pas un dossier de région"),
    ],
)
def test_badly_named_folders(tmp_path: Path, reference: Reference, folder: str, snippet: str):
    write_initiatives(tmp_path, VALID)
    (tmp_path / folder).mkdir()
    (tmp_path / folder / INITIATIVES_FILE).write_text("id\n", encoding="utf-8")
    errors = validate_catalogue(tmp_path, reference, today=TODAY)
    assert errors and errors[0].file == str(tmp_path / folder) and snippet in errors[0].message
    with pytest.raises(InputError, match=snippet):
        load_catalogue(tmp_path, reference=reference, today=TODAY)


def test_missing_and_unexpected_files(tmp_path: Path, reference: Reference) -> None:
    write_initiatives(tmp_path, VALID)
    (tmp_path / "53-bretagne").mkdir()
    (tmp_path / "44-grand-est" / "initiative.csv").write_text("", encoding="utf-8")
    assert _errors(tmp_path, reference) == [
        ("44-grand-est/initiative.csv", 0, None),
        ("53-bretagne/initiatives.csv", 0, None),
    ]
    assert [e.message for e in validate_catalogue(tmp_path, reference, today=TODAY)][1] == (
        "fichier absent"
    )


def test_an_empty_or_missing_catalogue(tmp_path: Path, reference: Reference) -> None:
    with pytest.raises(InputError, match="aucun dossier de région"):
        load_catalogue(tmp_path, reference=reference)
    with pytest.raises(InputError, match="dossier absent"):
        load_catalogue(tmp_path / "nowhere", reference=reference)


# ---------------------------------------------------------------------------
# Outcome records


def test_a_valid_outcome_record_is_loaded(tmp_path: Path, reference: Reference) -> None:
    write_initiatives(tmp_path, OTHER, VALID)
    announced = {"value": "", "unit": "", "baseline": "", "baseline_period": ""}
    write_outcomes(tmp_path, RECORD, {**RECORD, **announced})
    catalogue = load_catalogue(tmp_path, reference=reference, today=TODAY)
    assert list(catalogue.outcomes["value"].fillna(-1)) == [4.0, -1.0]  # same period: file order
    assert catalogue.initiatives.set_index("id")["evidence_level"].to_dict() == {
        "aaa-premier": 4,
        "msp-exemple": 2,
    }


OUTCOME_REJECTIONS = [
    ({"source": ""}, "source", "source obligatoire"),
    ({"source": "www.example.org/bilan"}, "source", "pas une URL"),
    ({"source": "https://a.org/x | https://b.org/y"}, "source", "une seule URL"),
    ({"value": "12,5"}, "value", "point décimal"),
    ({"value": "5 665"}, "value", "sans espace"),
    ({"value": "beaucoup"}, "value", "pas un nombre"),
    ({"baseline": "environ 3"}, "baseline", "pas un nombre"),
    ({"unit": ""}, "unit", "unité obligatoire"),
    ({"value": "", "unit": ""}, "unit", "unité obligatoire"),  # the baseline needs it too
    ({"period_end": ""}, "period_end", "obligatoire"),
    ({"period_end": "2027"}, "period_end", "dans le futur"),
    ({"period_end": "2026-07"}, "period_end", "dans le futur"),
    ({"period_end": "juin 2022"}, "period_end", "invalide"),
    ({"period_end": "2022-02-30"}, "period_end", "invalide"),
    ({"period_start": "2022-13"}, "period_start", "invalide"),
    ({"period_start": "2023"}, "period_start", "après la fin"),
    ({"baseline_period": "2030"}, "baseline_period", "dans le futur"),
    ({"baseline": "", "value": "4"}, "baseline_period", "sans valeur de référence"),
    ({"measured_by": ""}, "measured_by", "obligatoire"),
    ({"measured_by": "mairie"}, "measured_by", "inconnu"),
    ({"method": "avant/après"}, "method", "tiers"),
    ({"measured_by": "press", "method": "comptage"}, "method", "tiers"),
    ({"initiative_id": ""}, "initiative_id", "obligatoire"),
    ({"initiative_id": "n-existe-pas"}, "initiative_id", "inconnue"),
    ({"initiative_id": "msp-roche-derrien"}, "initiative_id", "53-bretagne"),
]


@pytest.mark.parametrize(("changes", "column", "snippet"), OUTCOME_REJECTIONS)
def test_outcome_rejections(
    tmp_path: Path, reference: Reference, changes: dict[str, str], column: str, snippet: str
) -> None:
    write_initiatives(tmp_path, OTHER, VALID)
    write_initiatives(tmp_path, BRETAGNE)
    path = write_outcomes(tmp_path, RECORD, {**RECORD, **changes})
    errors = validate_catalogue(tmp_path, reference, today=TODAY)
    assert [(e.file, e.row, e.column) for e in errors] == [(str(path), 3, column)]
    assert snippet in errors[0].message
    with pytest.raises(InputError) as caught:
        load_catalogue(tmp_path, reference=reference, today=TODAY)
    message = str(caught.value)
    assert str(path) in message and "ligne 3" in message and f"colonne « {column} »" in message


def test_a_third_party_record_with_its_method_is_valid(
    tmp_path: Path, reference: Reference
) -> None:
    write_initiatives(tmp_path, VALID)
    evaluated = {**RECORD, "measured_by": "third_party", "method": "comparaison avant/après"}
    write_outcomes(tmp_path, evaluated)
    assert validate_catalogue(tmp_path, reference, today=TODAY) == []


def test_every_error_of_an_outcome_record_is_listed(tmp_path: Path, reference: Reference):
    write_initiatives(tmp_path, VALID)
    bad = {**RECORD, "value": "x", "measured_by": "?", "source": "", "period_end": "2099"}
    write_outcomes(tmp_path, bad)
    columns = [e.column for e in validate_catalogue(tmp_path, reference, today=TODAY)]
    assert columns == ["value", "period_end", "measured_by", "source"]


def test_outcome_header_problems(tmp_path: Path, reference: Reference) -> None:
    write_initiatives(tmp_path, VALID)
    path = tmp_path / region_folder_name("44") / "outcomes.csv"
    path.write_text("initiative_id,value,valeur\n", encoding="utf-8")
    errors = validate_catalogue(tmp_path, reference, today=TODAY)
    assert {e.row for e in errors} == {1}
    assert {"source", "valeur"} <= {e.column for e in errors}


# ---------------------------------------------------------------------------
# The real catalogue: checked, and complete once re-verified


def test_one_folder_per_region() -> None:
    files = read_catalogue()
    assert files.folder_errors == ()
    assert [f.folder for f in files.initiatives] == [region_folder_name(c) for c in REGIONS]


def test_every_real_row_was_verified_and_every_known_status_is_dated() -> None:
    """``verified_on`` on every row; ``status_date`` whenever the status is known."""
    assert [str(notice) for notice in iter_incomplete(read_catalogue())] == []


def test_incomplete_rows_are_listed(tmp_path: Path) -> None:
    unknown = {**OTHER, "status": "unknown", "status_date": "", "verified_on": "2025-01-02"}
    path = write_initiatives(tmp_path, unknown, {**VALID, "verified_on": "", "status_date": ""})
    notices = list(iter_incomplete(read_catalogue(tmp_path)))
    assert [(n.file, n.row, n.column) for n in notices] == [
        (str(path), 4, "verified_on"),
        (str(path), 4, "status_date"),
    ]


def test_the_command_line_lists_errors_and_exits_with_1(tmp_path: Path, capsys) -> None:
    from data.initiatives.__main__ import main

    write_initiatives(tmp_path, VALID, {**OTHER, "lever": "potion", "verified_on": ""})
    assert main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "erreur :" in out and "colonne « lever »" in out and "levier inconnu" in out
    assert "à compléter :" in out and "colonne « verified_on »" in out
    write_initiatives(tmp_path, VALID)
    assert main([str(tmp_path)]) == 0


def test_real_outcome_records_point_to_initiatives_of_their_folder() -> None:
    files = read_catalogue()
    folder_of = {str(row.values["id"]): f.folder for f, row in files.initiative_rows()}
    for file, row in files.outcome_rows():
        assert folder_of.get(row.values["initiative_id"]) == file.folder, (file.name, row.line)


def test_loaded_real_catalogue_keeps_every_row(reference: Reference) -> None:
    catalogue = load_catalogue(reference=reference)
    files = read_catalogue()
    assert len(catalogue.initiatives) == sum(len(f.table.rows) for f in files.initiatives)
    assert len(catalogue.outcomes) == sum(len(f.table.rows) for f in files.outcomes)
    assert isinstance(catalogue.initiatives, pd.DataFrame)
