"""The initiatives catalogue: the real file, every rejection case, geolocation."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from initiatives_support import (
    OTHER,
    VALID,
    catalogue_reference,
    reference_paths,
    write_initiatives,
)

from data.errors import InputError
from data.initiatives import (
    ACTOR_TYPES,
    CATALOGUE_DIR,
    COLUMNS,
    DEPARTEMENTS_GEOJSON,
    FRAME_COLUMNS,
    REGIONS,
    Reference,
    load_initiatives,
    read_catalogue,
    read_initiative_csv,
    validate_catalogue,
    validate_initiative_rows,
    write_initiative_rows,
    write_outcome_rows,
)
from data.levers import LEVER_CODES
from data.paths import reference_dir


@pytest.fixture(scope="session")
def reference() -> Reference:
    return catalogue_reference()


@pytest.fixture(scope="session")
def initiatives() -> pd.DataFrame:
    communes, aliases, departements = reference_paths()
    return load_initiatives(
        CATALOGUE_DIR, communes=communes, aliases=aliases, departements=departements
    )


# ---------------------------------------------------------------------------
# The real file


def test_real_file_loads_with_typed_columns(initiatives: pd.DataFrame) -> None:
    assert tuple(initiatives.columns) == FRAME_COLUMNS
    assert len(initiatives) >= 137
    assert initiatives["id"].is_unique
    assert list(initiatives["id"]) == sorted(initiatives["id"])
    assert list(initiatives["lever"].cat.categories) == list(LEVER_CODES)
    assert initiatives["lever"].notna().all()
    assert list(initiatives["status"].cat.categories) == ["active", "project", "ended", "unknown"]
    assert initiatives["status"].notna().all()
    assert str(initiatives["year_started"].dtype) == "Int64"
    assert initiatives["lon"].dtype == "float64" and initiatives["lat"].dtype == "float64"
    assert all(isinstance(s, tuple) and s for s in initiatives["sources"])
    assert all(isinstance(a, tuple) for a in initiatives["carrying_actor"])
    assert list(initiatives["actor_type"].cat.categories) == list(ACTOR_TYPES)
    known = initiatives["actor_type"].notna()
    assert all(
        t[0] == a
        for t, a in zip(
            initiatives["carrying_actor"][known], initiatives["actor_type"][known], strict=True
        )
    )
    assert set(initiatives["region_code"]) <= set(REGIONS)
    assert initiatives["evidence_level"].dtype == "int64"
    assert set(initiatives["evidence_level"]) <= {1, 2, 3, 4}
    assert "outcome" not in initiatives.columns


def test_real_files_are_in_canonical_form(tmp_path: Path) -> None:
    """Sorted by id (outcomes: by initiative then period end), minimal quoting, \\n:
    rewriting a file changes nothing."""
    files = read_catalogue()
    assert len(files.initiatives) == len(REGIONS)
    for file in files.initiatives:
        assert file.table.columns == COLUMNS, file.name
        out = tmp_path / "initiatives.csv"
        write_initiative_rows([dict(r.values) for r in file.table.rows], out)
        assert out.read_bytes() == file.path.read_bytes(), file.name
    for file in files.outcomes:
        out = tmp_path / "outcomes.csv"
        write_outcome_rows([dict(r.values) for r in file.table.rows], out)
        assert out.read_bytes() == file.path.read_bytes(), file.name


def test_unknown_status_is_shown_as_non_renseigne(initiatives: pd.DataFrame) -> None:
    unknown = initiatives[initiatives["status"] == "unknown"]
    assert len(unknown) > 0
    assert set(unknown["status_label"]) == {"non renseigné"}


def test_every_commune_row_is_located_in_its_departement(
    initiatives: pd.DataFrame, reference: Reference
) -> None:
    rows = initiatives[initiatives["commune_code"] != ""]
    assert len(rows) > 80
    for row in rows.itertuples():
        commune = reference.communes.get(row.commune_code)
        assert commune is not None, f"{row.id}: commune {row.commune_code} inconnue"
        assert commune.departement_code == row.departement_code, row.id
        assert row.commune_code.startswith(row.departement_code), row.id
        assert reference.departements[row.departement_code].region_code == row.region_code, row.id
        assert row.scope == "commune" and row.precision == "commune", row.id
        assert not math.isnan(row.lon) and not math.isnan(row.lat), row.id
        assert (row.lon, row.lat) == (commune.lon, commune.lat), row.id


def _departement_polygons_file() -> Path | None:
    if DEPARTEMENTS_GEOJSON.is_file():
        return DEPARTEMENTS_GEOJSON
    ign = reference_dir() / "departements-ign-admin-express-2018.geojson"
    return ign if ign.is_file() else None


def test_every_commune_point_falls_inside_its_departement_polygon(
    initiatives: pd.DataFrame,
) -> None:
    path = _departement_polygons_file()
    if path is None:
        pytest.skip("data/built/departements.geojson absent (and no IGN reference to fall back on)")
    from shapely.geometry import Point, shape

    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    key = "code" if "code" in features[0]["properties"] else "INSEE_DEP"
    polygons = {f["properties"][key]: shape(f["geometry"]) for f in features}
    outside = []
    for row in initiatives[initiatives["precision"] == "commune"].itertuples():
        polygon = polygons[row.departement_code]
        point = Point(row.lon, row.lat)
        # 200 m of slack for the simplified coastline of the built polygons
        if not polygon.contains(point) and polygon.distance(point) > 0.002:
            outside.append((row.id, row.commune_code, row.departement_code))
    assert outside == []


def test_departement_and_regional_programmes_have_no_fake_position(
    initiatives: pd.DataFrame,
) -> None:
    wide = initiatives[initiatives["commune_code"] == ""]
    assert len(wide) > 30
    assert wide["lon"].isna().all() and wide["lat"].isna().all()
    deps = wide[wide["departement_code"] != ""]
    assert set(deps["precision"]) == {"departement"} and set(deps["scope"]) == {"departement"}
    regional = wide[wide["departement_code"] == ""]
    assert len(regional) >= 2
    assert set(regional["precision"]) == {"region"} and set(regional["scope"]) == {"region"}


def test_meuse_has_e_meuse_sante_initiatives(initiatives: pd.DataFrame) -> None:
    meuse = initiatives[initiatives["departement_code"] == "55"]
    e_meuse = meuse[meuse["name"].str.contains("e-Meuse santé", regex=False)]
    assert len(e_meuse) >= 2
    assert set(e_meuse["case_study"]) == {"e-meuse-sante"}
    assert "telemedecine" in set(e_meuse["lever"])


def test_merged_commune_uses_current_code(initiatives: pd.DataFrame) -> None:
    """La Roche-Derrien is a commune déléguée of La Roche-Jaudy (22264)."""
    row = initiatives[initiatives["commune"] == "La Roche-Derrien"].iloc[0]
    assert row["commune_code"] == "22264"
    assert "Roche-Jaudy" in row["commune_nom"]
    cyprien = initiatives[initiatives["commune"] == "Saint-Cyprien-sur-Dourdou"].iloc[0]
    assert cyprien["commune_code"] == "12218"  # Conques-en-Rouergue


# ---------------------------------------------------------------------------
# Rejections: one tiny CSV per case, the error names the line and the column


def _write(tmp_path: Path, *rows: dict[str, str]) -> Path:
    """A one-file catalogue in ``tmp_path/catalogue``; returns the file."""
    return write_initiatives(tmp_path / "catalogue", *rows)


def _load(path: Path, reference: Reference) -> pd.DataFrame:
    """Load the catalogue holding the file ``path``."""
    return load_initiatives(path.parent.parent, reference=reference)


def test_valid_fixture_loads(tmp_path: Path, reference: Reference) -> None:
    frame = _load(_write(tmp_path, OTHER, VALID), reference)
    assert list(frame["line"]) == [2, 4]  # the first row spans lines 2-3
    row = frame.iloc[1]
    assert row["carrying_actor"] == ("commune", "ars")
    assert row["sources"] == ("https://example.org/a", "http://example.org/b")
    assert row["precision"] == "commune" and not math.isnan(row["lon"])


REJECTIONS = [
    ("lever", "maison", "lever", "levier inconnu"),
    ("lever", "", "lever", "levier obligatoire"),
    ("commune_code", "5549", "commune_code", "invalide"),
    ("commune_code", "20001", "commune_code", "invalide"),
    ("commune_code", "2C001", "commune_code", "invalide"),
    ("commune_code", "55A98", "commune_code", "invalide"),
    ("commune_code", "55999", "commune_code", "inconnu"),
    ("departement_code", "54", "commune_code", "pas dans le département 54"),
    ("commune", "Verdun", "commune", "ne correspond pas"),
    ("sources", "javascript:alert(1)", "sources", "pas une URL http(s)"),
    ("sources", "ftp://example.org/file", "sources", "pas une URL http(s)"),
    ("sources", "https://ok.example.org | www.example.org", "sources", "pas une URL"),
    ("sources", "https://", "sources", "pas une URL"),
    ("sources", "https://example.org/a b", "sources", "pas une URL"),
    ("sources", "", "sources", "au moins une source"),
    ("sources", " | ", "sources", "au moins une source"),
    ("status", "finished", "status", "statut inconnu"),
    ("status_date", "2021-13", "status_date", "invalide"),
    ("status_date", "2021-02-30", "status_date", "invalide"),
    ("status_date", "03/2021", "status_date", "invalide"),
    ("status_date", "2999", "status_date", "dans le futur"),
    ("verified_on", "2025-11", "verified_on", "AAAA-MM-JJ"),
    ("verified_on", "20/11/2025", "verified_on", "invalide"),
    ("verified_on", "2999-01-01", "verified_on", "dans le futur"),
    ("verified_on", "2021-02-28", "verified_on", "avant la date de sa source"),
    ("year_started", "2020.0", "year_started", "invalide"),
    ("year_started", "vers 2010", "year_started", "invalide"),
    ("year_started", "1989", "year_started", "hors de la plage"),
    ("year_started", "2099", "year_started", "hors de la plage"),
    ("name", "  ", "name", "obligatoire"),
    ("description_fr", "", "description_fr", "obligatoire"),
    ("id", "", "id", "obligatoire"),
    ("id", "MSP Exemple", "id", "invalide"),
    ("id", "aaa-premier", "id", "déjà utilisé ligne 2"),
    ("carrying_actor", "mairie", "carrying_actor", "type d'acteur inconnu"),
    ("actor_type", "ars", "actor_type", "premier acteur"),
    ("region_code", "11", "region_code", "le département 55 est dans la région 44"),
    ("region_code", "99", "region_code", "inconnu"),
    ("scope", "departement", "scope", "au lieu de « commune »"),
    ("case_study", "Meuse!", "case_study", "invalide"),
]


@pytest.mark.parametrize(("column", "value", "reported", "snippet"), REJECTIONS)
def test_loader_rejects_bad_value(
    tmp_path: Path, reference: Reference, column: str, value: str, reported: str, snippet: str
) -> None:
    bad = {**VALID, column: value}
    path = _write(tmp_path, OTHER, bad)
    with pytest.raises(InputError) as caught:
        _load(path, reference)
    error = caught.value
    assert (error.row, error.column) == (4, reported)
    message = str(error)
    assert str(path) in message
    assert "ligne 4" in message
    assert f"colonne « {reported} »" in message
    assert snippet in message


def test_delegated_commune_code_points_to_current_code(
    tmp_path: Path, reference: Reference
) -> None:
    """12076 was Conques, now a commune déléguée of Conques-en-Rouergue (12218)."""
    bad = {
        **VALID,
        "commune": "Conques",
        "commune_code": "12076",
        "departement_code": "12",
        "region_code": "76",
    }
    with pytest.raises(InputError, match="utiliser le code actuel 12218") as caught:
        _load(_write(tmp_path, bad), reference)
    assert (caught.value.row, caught.value.column) == (2, "commune_code")


def test_commune_deleguee_name_is_accepted_with_current_code(
    tmp_path: Path, reference: Reference
) -> None:
    row = {
        **VALID,
        "commune": "La Roche-Derrien",
        "commune_code": "22264",
        "departement_code": "22",
        "region_code": "53",
    }
    frame = _load(_write(tmp_path, row), reference)
    assert frame.loc[0, "commune"] == "La Roche-Derrien"


def test_html_looking_name_is_kept_verbatim(tmp_path: Path, reference: Reference) -> None:
    """Escaping is the UI's job: data keeps exactly what was written."""
    row = {**VALID, "name": "<script>alert(1)</script>", "description_fr": "<b>x</b> & y"}
    frame = _load(_write(tmp_path, row), reference)
    assert frame.loc[0, "name"] == "<script>alert(1)</script>"
    assert frame.loc[0, "description_fr"] == "<b>x</b> & y"


def test_empty_status_means_unknown(tmp_path: Path, reference: Reference) -> None:
    frame = _load(_write(tmp_path, {**VALID, "status": "", "status_date": ""}), reference)
    assert frame.loc[0, "status"] == "unknown"
    assert frame.loc[0, "status_label"] == "non renseigné"


def test_empty_actor_is_unknown(tmp_path: Path, reference: Reference) -> None:
    row = {**VALID, "carrying_actor": "", "actor_type": ""}
    frame = _load(_write(tmp_path, row), reference)
    assert frame.loc[0, "carrying_actor"] == ()
    assert pd.isna(frame.loc[0, "actor_type"])
    assert frame.loc[0, "actor_label"] == "non renseigné"


def test_missing_header_column_is_reported_on_line_1(tmp_path: Path, reference: Reference) -> None:
    path = _write(tmp_path, VALID)
    path.write_text("id,name,lever\nx,y,autre\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        _load(path, reference)
    assert caught.value.row == 1 and caught.value.column == "year_started"


def test_row_with_wrong_number_of_values(tmp_path: Path, reference: Reference) -> None:
    path = _write(tmp_path, VALID)
    path.write_text(path.read_text(encoding="utf-8") + "x,y\n", encoding="utf-8")
    with pytest.raises(InputError, match="2 valeurs au lieu de 17") as caught:
        _load(path, reference)
    assert caught.value.row == 3


# ---------------------------------------------------------------------------
# validate_initiative_rows: every error, for the moderation report


def test_validate_returns_all_errors(tmp_path: Path, reference: Reference) -> None:
    path = _write(
        tmp_path,
        OTHER,
        {**VALID, "lever": "inconnu", "sources": "ftp://x.org"},
        {**VALID, "id": "second", "commune_code": "55999"},
        {**VALID, "id": "msp-exemple", "commune": "", "commune_code": "", "scope": "departement"},
    )
    errors = validate_initiative_rows(read_initiative_csv(path), reference)
    found = [(e.row, e.column) for e in errors]
    assert found == [
        (4, "lever"),
        (4, "sources"),
        (5, "commune_code"),
        (6, "id"),
    ]
    assert "déjà utilisé ligne 4" in errors[-1].message


def test_validate_accepts_plain_mappings(reference: Reference) -> None:
    errors = validate_initiative_rows([VALID, {**VALID, "id": "b", "lever": "x"}], reference)
    assert [(e.row, e.column) for e in errors] == [(3, "lever")]


def test_validate_reports_header_problems(reference: Reference) -> None:
    text = "id,name,lever,extra\n"
    errors = validate_initiative_rows(read_initiative_csv(text), reference)
    columns = {e.column for e in errors}
    assert "extra" in columns and "sources" in columns
    assert {e.row for e in errors} == {1}


def test_validate_without_reference_checks_formats_only() -> None:
    from data.initiatives import iter_row_errors

    ok = {**VALID, "commune_code": "55999"}  # unknown, but well formed
    assert list(iter_row_errors([ok], None)) == []
    bad = {**VALID, "commune_code": "5599"}
    assert [e.column for e in iter_row_errors([bad], None)] == ["commune_code"]


def test_real_catalogue_has_no_error_at_all(reference: Reference) -> None:
    assert [str(e) for e in validate_catalogue(reference=reference)] == []
