"""The contributions store on SQLite and PostgreSQL: seed, submit, moderate, import, export."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from sqlalchemy import func, select
from store_support import db_url, proposal, store, write_catalogue  # noqa: F401 (fixtures)

from components.map.popups import initiative_popup
from data.initiatives import (
    COLUMNS,
    catalogue_csv_text,
    load_initiatives,
    read_catalogue,
)
from data.store import (
    ImportFileError,
    ImportRejected,
    InvalidProposal,
    InvalidRow,
    StateError,
    StoreError,
    open_store,
    parse_import,
)
from data.store.models import audit_log, initiatives

XSS = '<script>alert("x")</script> <img src=x onerror=alert(1)> & ${x}'


def _published_ids(s) -> set[str]:
    return set(s.published_frame()["id"])


def _catalogue_rows() -> list[dict[str, str]]:
    """The rows of every region's file, sorted by id."""
    return [dict(row.values) for _, row in read_catalogue().initiative_rows()]


def _csv(rows: list[dict[str, str]], columns=COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
    return out.getvalue()


# -- seed -----------------------------------------------------------------------------


def test_seed_is_idempotent_and_gives_the_catalogue_frame(db_url):  # noqa: F811
    first = open_store(db_url)
    count, version = first.counts()["published"], first.version()
    first.close()
    second = open_store(db_url)  # a restart
    try:
        assert second.counts() == {"pending": 0, "published": count, "rejected": 0}
        assert second.version() == version
        expected = load_initiatives()
        assert count == len(expected) > 100
        frame = second.published_frame()
        assert list(frame.columns) == list(expected.columns)
        assert frame.dtypes.equals(expected.dtypes)
        # ``line``: the line in the store's CSV export, not in the region's file
        pd.testing.assert_frame_equal(frame.drop(columns="line"), expected.drop(columns="line"))
        assert list(frame["line"]) == list(range(2, count + 2))
        with second.engine.connect() as conn:
            seeds = conn.execute(
                select(func.count()).select_from(audit_log).where(audit_log.c.action == "seed")
            ).scalar_one()
        assert seeds == count
    finally:
        second.close()


def test_seed_adds_new_catalogue_rows_once_and_keeps_moderators_edits(db_url, tmp_path):  # noqa: F811
    rows = _catalogue_rows()
    path = tmp_path / "catalogue"
    write_catalogue(path, rows[:3])
    s = open_store(db_url, seed_path=path)
    s.edit(s.get_by_slug(rows[0]["id"]).pk, {"name": "Nom corrigé"}, "Modératrice")
    s.close()
    write_catalogue(path, rows[:5])
    for _ in range(2):
        s = open_store(db_url, seed_path=path)
        assert s.counts()["published"] == 5
        assert s.get_by_slug(rows[0]["id"]).values["name"] == "Nom corrigé"
        s.close()


# -- submit and moderate ----------------------------------------------------------------


def test_a_submission_is_pending_not_published(store):  # noqa: F811
    version = store.version()
    result = store.submit(proposal())
    assert result.state == "pending" and not result.already_recorded
    assert store.version() == version
    assert [p.pk for p in store.pending()] == [result.pk]
    frame = store.published_frame()
    assert "Centre de santé municipal de Vézelay" not in set(frame["name"])
    assert "contact_email" not in frame.columns
    assert store.pending()[0].contact_email == "mairie@example.org"


def test_approve_publishes_with_the_commune_point_and_changes_the_version(store):  # noqa: F811
    result = store.submit(proposal())
    version = store.version()
    item = store.approve(result.pk, "Claire (modération)")
    assert item.state == "published" and item.slug == "centre-de-sante-municipal-de-vezelay"
    assert store.version() != version
    frame = store.published_frame()
    row = frame.set_index("id").loc[item.slug]
    assert row["commune_nom"] == "Vézelay" and row["departement_code"] == "89"
    assert row["precision"] == "commune" and row["lon"] == pytest.approx(3.74, abs=0.1)
    assert row["sources"] == ("https://www.vezelay.fr/centre-de-sante",)
    assert not any("mairie@example.org" in str(v) for v in frame.to_numpy().ravel())
    assert store.pending() == []
    with pytest.raises(StateError):
        store.approve(result.pk, "Claire")
    entries = store.audit_trail(result.pk)
    assert [e.action for e in entries] == ["approve", "submit"]
    assert entries[0].actor == "Claire (modération)"
    assert entries[0].before["state"] == "pending" and entries[0].after["state"] == "published"


def test_writes_counts_committed_write_transactions_only(store):  # noqa: F811
    before = store.writes
    result = store.submit(proposal())
    assert store.writes == before + 1
    store.approve(result.pk, "Claire")
    assert store.writes == before + 2
    with pytest.raises(StateError):  # refused: rolled back, not counted
        store.approve(result.pk, "Claire")
    assert store.writes == before + 2
    store.version()
    store.published_frame()
    assert store.writes == before + 2


def test_same_name_approved_twice_gets_distinct_ids(store):  # noqa: F811
    a = store.approve(store.submit(proposal()).pk, "C")
    b = store.approve(store.submit(proposal(commune_code="89024")).pk, "C")  # Avallon
    assert a.slug != b.slug and b.slug.startswith(a.slug)


def test_reject_needs_a_reason_and_keeps_it(store):  # noqa: F811
    result = store.submit(proposal())
    version = store.version()
    with pytest.raises(StoreError, match="motif"):
        store.reject(result.pk, "Claire", "   ")
    item = store.reject(result.pk, "Claire", "Doublon de la fiche existante")
    assert item.state == "rejected" and item.reject_reason == "Doublon de la fiche existante"
    assert store.pending() == [] and store.version() == version
    assert "Centre de santé municipal de Vézelay" not in set(store.published_frame()["name"])
    entry = store.audit_trail(result.pk)[0]
    assert (entry.action, entry.actor, entry.reason) == (
        "reject",
        "Claire",
        "Doublon de la fiche existante",
    )
    with pytest.raises(StateError):
        store.reject(result.pk, "Claire", "encore")


def test_edit_records_before_and_after(store):  # noqa: F811
    result = store.submit(proposal())
    item = store.edit(
        result.pk, {"name": "Centre de santé de Vézelay", "year_started": 2022}, "Claire"
    )
    assert item.values["name"] == "Centre de santé de Vézelay"
    assert item.values["year_started"] == "2022"
    entry = store.audit_trail(result.pk)[0]
    assert entry.action == "edit" and entry.actor == "Claire"
    assert entry.before["name"] == "Centre de santé municipal de Vézelay"
    assert entry.after["name"] == "Centre de santé de Vézelay"
    assert entry.changed_fields() == ["name", "year_started"]


def test_editing_a_published_initiative_changes_the_version_and_the_frame(store):  # noqa: F811
    slug = "annonce-bon-coin-canular-druide-roche"
    item = store.get_by_slug(slug)
    version = store.version()
    store.edit(item.pk, {"status": "active", "status_date": "2024-05"}, "C")
    assert store.version() != version
    row = store.published_frame().set_index("id").loc[slug]
    assert row["status"] == "active" and row["status_date"] == "2024-05"
    # the commune déléguée name given by the sources is kept
    assert row["commune"] == "La Roche-Derrien"


def test_an_invalid_edit_changes_nothing(store):  # noqa: F811
    result = store.submit(proposal())
    before = store.audit_trail(result.pk)
    with pytest.raises(InvalidRow) as info:
        store.edit(result.pk, {"sources": ["javascript:alert(1)"], "lever": "x"}, "Claire")
    columns = {e.column for e in info.value.errors}
    assert {"sources", "lever"} <= columns
    assert store.get(result.pk).values["lever"] == "centre_de_sante_salariat"
    assert store.audit_trail(result.pk) == before
    with pytest.raises(StoreError):
        store.edit(result.pk, {"id": "autre-id"}, "Claire")


def test_changing_the_commune_derives_departement_and_region(store):  # noqa: F811
    result = store.submit(proposal())
    item = store.edit(result.pk, {"commune_code": "55545"}, "Claire")  # Verdun
    assert item.values["commune"] == "Verdun"
    assert (item.values["departement_code"], item.values["region_code"]) == ("55", "44")


# -- validation -----------------------------------------------------------------------


def test_an_invalid_proposal_gets_one_message_per_wrong_field_and_is_not_stored(store):  # noqa: F811
    bad = proposal(
        name="",
        lever="potion_magique",
        year_started=1850,
        description_fr="Trop court.",
        sources=["ftp://example.org/x", "pas une url"],
        contact_email="pas-une-adresse",
        commune_code="",
    )
    with pytest.raises(InvalidProposal) as info:
        store.submit(bad, require_commune=True)
    fields = {e.field for e in info.value.errors}
    assert fields == {
        "name",
        "lever",
        "year_started",
        "description_fr",
        "sources",
        "contact_email",
        "commune",
    }
    assert store.counts()["pending"] == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"description_fr": "x" * 1501}, "description_fr"),
        ({"name": "N" * 201}, "name"),
        ({"outcome": "o" * 801}, "outcome"),
        ({"sources": []}, "sources"),
        ({"sources": [f"https://example.org/{i}" for i in range(11)]}, "sources"),
        ({"name": "Nom\x00avec un octet nul"}, "name"),
        (
            {"description_fr": "Description avec un \x07 caractère de contrôle, assez longue."},
            "description_fr",
        ),
        ({"name": "Nom sur\ndeux lignes"}, "name"),
        ({"commune_code": "99999"}, "commune"),
        ({"carrying_actor": ["extraterrestre"]}, "carrying_actor"),
        ({"status": "peut-être"}, "status"),
        ({"contact_email": "a@b"}, "contact_email"),
    ],
)
def test_field_limits(store, changes, field):  # noqa: F811
    with pytest.raises(InvalidProposal) as info:
        store.submit(proposal(**changes))
    assert field in {e.field for e in info.value.errors}, info.value.errors


def test_the_same_token_is_stored_once(store):  # noqa: F811
    first = store.submit(proposal(token="form-0123456789abcdef"))
    again = store.submit(proposal(token="form-0123456789abcdef"))
    assert again.already_recorded and again.pk == first.pk
    assert store.counts()["pending"] == 1


# -- duplicates -------------------------------------------------------------------------


def test_likely_duplicates_are_flagged_to_contributor_and_moderator(store):  # noqa: F811
    first = store.submit(proposal())
    store.approve(first.pk, "Claire")
    second = store.submit(proposal(name="Centre municipal de santé (Vézelay)"))
    assert [d.pk for d in second.duplicates] == [first.pk]
    assert second.published_duplicates and not second.pending_duplicates
    third = store.submit(proposal(name="centre de sante municipal vezelay"))
    assert {d.pk for d in third.duplicates} == {first.pk, second.pk}
    pending = {p.pk: p for p in store.pending()}
    assert {d.pk for d in pending[second.pk].duplicates} == {first.pk, third.pk}
    # another kind of initiative in the same commune, or the same name elsewhere: no flag
    other = store.submit(proposal(name="Bourse d'études pour internes à Vézelay"))
    assert other.duplicates == ()
    elsewhere = store.submit(proposal(commune_code="89024"))
    assert elsewhere.duplicates == ()


def test_a_seeded_initiative_is_found_as_duplicate(store):  # noqa: F811
    found = store.find_duplicates("Canular du druide de La Roche-Derrien", "22264")
    assert [d.slug for d in found] == ["annonce-bon-coin-canular-druide-roche"]


# -- text safety --------------------------------------------------------------------------


def test_html_is_kept_verbatim_in_the_store_and_escaped_in_popups(store):  # noqa: F811
    result = store.submit(proposal(name=XSS, outcome=XSS))
    assert store.get(result.pk).values["name"] == XSS
    assert store.get(result.pk).values["outcome"] == XSS  # the note, for moderators
    item = store.approve(result.pk, "Claire")
    row = store.published_frame().set_index("id").loc[item.slug]
    assert row["name"] == XSS and "outcome" not in row.index
    html = initiative_popup(
        {**row.to_dict(), "sources": " | ".join(row["sources"])},
        lever_label="Centre",
        place_label="Vézelay",
    )
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    exported = store.export_published_csv().decode("utf-8")
    assert XSS.replace('"', '""') in exported  # CSV is data, not HTML: verbatim


def test_export_neutralises_formula_cells_and_reimports_unchanged(store):  # noqa: F811
    risky = {
        "name": '=HYPERLINK("http://evil.example";"clic")',
        "outcome": "-30 % de passages aux urgences",
        "description_fr": "+33 médecins installés grâce au dispositif, selon la mairie.",
    }
    result = store.submit(proposal(**risky))
    item = store.approve(result.pk, "C")
    item = store.edit(item.pk, {"case_study": ""}, "C")
    data = store.export_published_csv()
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(data.decode("utf-8")))}
    exported = rows[item.slug]
    assert exported["name"].startswith("'=")
    assert "outcome" not in exported and "-30 %" not in data.decode("utf-8")  # never published
    assert exported["description_fr"].startswith("'+33")
    for row in rows.values():
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    store.edit(item.pk, {"name": "@SUM(A1:A2) centre de santé"}, "C")
    exported = {
        r["id"]: r for r in csv.DictReader(io.StringIO(store.export_published_csv().decode()))
    }[item.slug]
    assert exported["name"] == "'@SUM(A1:A2) centre de santé"
    report = store.preview_import(parse_import(store.export_published_csv()))
    assert report.all_valid and {r.action for r in report.rows} == {"unchanged"}


def test_export_of_the_seed_is_the_merged_catalogue(store):  # noqa: F811
    expected = catalogue_csv_text(_catalogue_rows(), COLUMNS).encode("utf-8")
    assert store.export_published_csv() == expected


# -- CSV import -----------------------------------------------------------------------------


def _import_file() -> str:
    rows = _catalogue_rows()
    changed = dict(rows[0], description_fr="Description mise à jour par un import de fichier.")
    new = dict(
        rows[1],
        id="nouvelle-initiative-importee",
        name="Nouvelle initiative importée",
        case_study="",
    )
    bad = dict(rows[2], id="ligne-invalide", lever="inconnu", sources="pas-une-url")
    return _csv([changed, new, bad, rows[3]])


def test_import_reports_each_row_and_writes_nothing_unless_confirmed(store):  # noqa: F811
    table = parse_import(_import_file().encode("utf-8"))
    count, version = store.counts()["published"], store.version()
    report = store.preview_import(table)
    assert [(r.line, r.action) for r in report.rows] == [
        (2, "update"),
        (3, "create"),
        (4, "invalid"),
        (5, "unchanged"),
    ]
    assert {e.column for e in report.rows[2].errors} == {"lever", "sources"}
    assert store.counts()["published"] == count and store.version() == version
    with pytest.raises(ImportRejected) as info:
        store.import_rows(table, "Claire", only_valid=False)
    assert len(info.value.report.invalid) == 1
    assert store.counts()["published"] == count and store.version() == version
    assert store.get_by_slug("nouvelle-initiative-importee") is None


def test_import_only_the_valid_rows(store):  # noqa: F811
    rows = _catalogue_rows()
    table = parse_import(_import_file())
    count, version = store.counts()["published"], store.version()
    report = store.import_rows(table, "Claire", only_valid=True)
    assert report.committed and report.written == 2
    assert store.counts()["published"] == count + 1 and store.version() != version
    assert store.get_by_slug("ligne-invalide") is None
    updated = store.get_by_slug(rows[0]["id"])
    new_description = "Description mise à jour par un import de fichier."
    assert updated.values["description_fr"] == new_description
    actions = [e.action for e in store.audit_trail(limit=2)]
    assert sorted(actions) == ["import_create", "import_update"]
    update_entry = store.audit_trail(updated.pk)[0]
    assert update_entry.before["description_fr"] == rows[0]["description_fr"]
    assert update_entry.after["description_fr"] == new_description
    assert "nouvelle-initiative-importee" in _published_ids(store)


def test_import_all_rows_when_all_are_valid(store):  # noqa: F811
    rows = _catalogue_rows()
    new = [
        dict(rows[i], id=f"import-{i}", name=f"Initiative importée {i}", case_study="")
        for i in range(3)
    ]
    report = store.import_rows(parse_import(_csv(new)), "Claire", only_valid=False)
    assert report.written == 3
    assert {"import-0", "import-1", "import-2"} <= _published_ids(store)


def test_import_rejects_a_bad_header_and_bad_files(store):  # noqa: F811
    rows = _catalogue_rows()[:2]
    columns = [c for c in COLUMNS if c != "sources"] + ["extra"]
    table = parse_import(_csv(rows, columns))
    report = store.preview_import(table)
    assert {e.column for e in report.header_errors} == {"sources", "extra"}
    assert not report.all_valid
    with pytest.raises(ImportRejected):
        store.import_rows(table, "Claire", only_valid=True)
    with pytest.raises(ImportFileError, match="UTF-8"):
        parse_import("id,name\né,x\n".encode("latin-1"))
    with pytest.raises(ImportFileError, match="volumineux"):
        parse_import(b"x" * (3 * 1024 * 1024))
    with pytest.raises(ImportFileError, match="nuls"):
        parse_import(b"id,name\n\x00,x\n")


def test_import_needs_a_moderator_name(store):  # noqa: F811
    with pytest.raises(StoreError, match="modérateur"):
        store.import_rows(parse_import(_import_file()), "", only_valid=True)


# -- version --------------------------------------------------------------------------------


def test_the_version_changes_exactly_when_the_published_set_changes(store):  # noqa: F811
    versions = [store.version()]
    a = store.submit(proposal())
    b = store.submit(proposal(name="Bus santé de l'Avallonnais", lever="bus_itinerant_aller_vers"))
    store.edit(a.pk, {"outcome": ""}, "C")
    store.reject(b.pk, "C", "hors sujet")
    assert store.version() == versions[-1]
    store.approve(a.pk, "C")
    versions.append(store.version())
    store.edit(a.pk, {"outcome": "Nouveau résultat."}, "C")
    versions.append(store.version())
    store.edit(a.pk, {"outcome": "Nouveau résultat."}, "C")  # no change
    assert store.version() == versions[-1]
    assert len(set(versions)) == 3


def test_rows_in_the_database_are_what_the_store_says(store):  # noqa: F811
    result = store.submit(proposal())
    with store.engine.connect() as conn:
        row = (
            conn.execute(select(initiatives).where(initiatives.c.pk == result.pk)).mappings().one()
        )
    assert row["state"] == "pending" and row["slug"] is None
    assert row["contact_email"] == "mairie@example.org"
    assert row["submission_token"] == result.token


# -- schema ----------------------------------------------------------------------------------


def test_the_migrations_create_exactly_the_tables_of_the_models(db_url):  # noqa: F811
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from data.store.models import metadata

    s = open_store(db_url, seed_path=None)
    try:
        with s.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
            revision = MigrationContext.configure(conn).get_current_revision()
        assert diff == []
        assert revision == "0003_outcomes"
    finally:
        s.close()


def test_the_alembic_command_line_migrates_the_database_url(db_url, tmp_path):  # noqa: F811
    import os
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    alembic = Path(sys.executable).with_name("alembic")
    env = {**os.environ, "DATABASE_URL": db_url}
    for args in (["upgrade", "head"], ["current"]):
        done = subprocess.run(
            [str(alembic), "-c", str(repo / "alembic.ini"), *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
    assert "0003_outcomes (head)" in done.stdout
    s = open_store(db_url)  # then the app seeds it
    assert s.counts()["published"] > 100
    s.close()


def test_the_map_can_place_the_published_frame_like_the_catalogue(store):  # noqa: F811
    """What components.cache does: the store's frames through data.atlas.place_initiatives
    and with_outcome_records."""
    from data.atlas import load_atlas, place_initiatives, with_outcome_records

    atlas = load_atlas()
    published = store.published_catalogue()
    placed = with_outcome_records(
        place_initiatives(published.initiatives, atlas.departements), published.outcomes
    )
    pd.testing.assert_frame_equal(
        placed.drop(columns="line"), atlas.initiatives.drop(columns="line")
    )
    result = store.submit(proposal())
    store.approve(result.pk, "Claire")
    placed = place_initiatives(store.published_frame(), atlas.departements)
    row = placed.set_index("name").loc["Centre de santé municipal de Vézelay"]
    assert row["map_lon"] == pytest.approx(row["lon"]) and row["precision"] == "commune"
