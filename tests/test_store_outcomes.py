"""Outcome records in the store, on SQLite and PostgreSQL: seeded with the catalogue,
proposed, edited by moderators, imported and exported with their initiatives."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd
import pytest
from store_support import db_url, proposal, store, write_catalogue  # noqa: F401 (fixtures)

from data.initiatives import (
    COLUMNS,
    OUTCOME_COLUMNS,
    OUTCOME_FRAME_COLUMNS,
    catalogue_csv_text,
    load_catalogue,
    read_catalogue,
)
from data.store import (
    ImportRejected,
    InvalidOutcomes,
    InvalidProposal,
    check_outcome_fields,
    open_store,
    outcome_field,
    parse_import,
)


def _rows() -> list[dict[str, str]]:
    return [dict(row.values) for _, row in read_catalogue().initiative_rows()]


def record(initiative_id: str = "", **changes: str) -> dict[str, str]:
    values = {
        "initiative_id": initiative_id,
        "indicator_fr": "médecins installés",
        "value": "4",
        "unit": "médecins",
        "period_start": "2019",
        "period_end": "2022-06",
        "baseline": "",
        "baseline_period": "",
        "measured_by": "carrier",
        "measurer": "Mairie",
        "method": "",
        "source": "https://example.org/bilan",
        "summary_fr": "Quatre médecins installés entre 2019 et juin 2022.",
    }
    return values | changes


EVALUATED = {"measured_by": "third_party", "measurer": "ARS", "method": "avant/après"}


def _text(rows, columns) -> str:
    return catalogue_csv_text(rows, columns)


# -- seed ---------------------------------------------------------------------------------


def test_the_seed_stores_the_records_and_the_frames_are_the_catalogue(db_url, tmp_path):  # noqa: F811
    rows = _rows()[:4]
    records = [
        record(rows[0]["id"]),
        record(rows[0]["id"], period_end="2023", value="", unit="", **EVALUATED),
        record(rows[2]["id"], value="-30", unit="%"),
    ]
    path = tmp_path / "catalogue"
    write_catalogue(path, rows, records)
    expected = load_catalogue(path)
    s = open_store(db_url, seed_path=path)
    try:
        version = s.version()
        frames = s.published_catalogue()
        assert frames.version == version
        pd.testing.assert_frame_equal(
            frames.initiatives.drop(columns="line"), expected.initiatives.drop(columns="line")
        )
        pd.testing.assert_frame_equal(frames.outcomes, expected.outcomes)
        levels = frames.initiatives.set_index("id")["evidence_level"]
        assert [levels[r["id"]] for r in rows] == [1, 4, 2, 4]
        assert tuple(s.published_outcomes().columns) == OUTCOME_FRAME_COLUMNS
        item = s.get_by_slug(rows[0]["id"])
        assert [r["period_end"] for r in item.outcomes] == ["2022-06", "2023"]
        assert s.audit_trail(item.pk)[0].after["outcomes"][1]["method"] == "avant/après"
    finally:
        s.close()
    again = open_store(db_url, seed_path=path)  # a restart adds nothing
    try:
        assert again.version() == version
        assert len(again.published_outcomes()) == 3
    finally:
        again.close()


def test_the_seed_follows_the_catalogue_for_rows_nobody_changed(db_url, tmp_path):  # noqa: F811
    rows = _rows()[:3]
    path = tmp_path / "catalogue"
    write_catalogue(path, rows)
    s = open_store(db_url, seed_path=path)
    edited = s.get_by_slug(rows[1]["id"])
    s.edit(edited.pk, {"name": "Nom corrigé par la modération"}, "Claire")
    version = s.version()
    s.close()
    # re-verification lands in the files: a date, a status date, a record
    checked = [dict(r, verified_on="2026-11-30") for r in rows]
    write_catalogue(path, checked, [record(rows[0]["id"]), record(rows[1]["id"])])
    s = open_store(db_url, seed_path=path)
    try:
        assert s.version() != version
        first = s.get_by_slug(rows[0]["id"])
        assert first.values["verified_on"] == "2026-11-30" and len(first.outcomes) == 1
        entry = s.audit_trail(first.pk)[0]
        assert (entry.action, entry.actor) == ("seed_update", "système")
        assert entry.changed_fields() == ["outcomes", "verified_on"]
        second = s.get_by_slug(rows[1]["id"])  # edited by a moderator: left alone
        assert second.values["name"] == "Nom corrigé par la modération"
        assert second.values["verified_on"] == rows[1]["verified_on"] and second.outcomes == ()
        version = s.version()
    finally:
        s.close()
    s = open_store(db_url, seed_path=path)  # idempotent
    try:
        assert s.version() == version
        assert len(s.get_by_slug(rows[0]["id"]).outcomes) == 1
    finally:
        s.close()


# -- moderators edit the records -------------------------------------------------------------


def _without_records(s) -> str:
    """A published initiative that has no outcome record in the catalogue."""
    with_records = set(s.published_outcomes()["initiative_id"])
    return sorted(set(s.published_frame()["id"]) - with_records)[0]


def test_a_moderator_replaces_the_records_with_an_audit_trail(store):  # noqa: F811
    slug = _without_records(store)
    item = store.get_by_slug(slug)
    version = store.version()
    updated = store.set_outcomes(item.pk, [record(value=12.0), record(**EVALUATED)], "Claire")
    assert [r["value"] for r in updated.outcomes] == ["12", "4"]
    assert updated.outcomes[0]["initiative_id"] == slug
    assert store.version() != version
    row = store.published_frame().set_index("id").loc[slug]
    assert row["evidence_level"] == 1
    outcomes = store.published_outcomes()
    assert list(outcomes[outcomes["initiative_id"] == slug]["value"]) == [12.0, 4.0]
    entry = store.audit_trail(item.pk)[0]
    assert (entry.action, entry.actor) == ("edit_outcomes", "Claire")
    assert entry.before["outcomes"] == [] and len(entry.after["outcomes"]) == 2
    version = store.version()
    store.set_outcomes(item.pk, [record(value="12"), record(**EVALUATED)], "Claire")  # same
    assert store.version() == version
    store.set_outcomes(item.pk, [], "Claire")
    assert store.get(item.pk).outcomes == ()
    assert store.published_frame().set_index("id").loc[slug]["evidence_level"] == 4


def test_invalid_records_change_nothing_and_say_which_field(store):  # noqa: F811
    item = store.get_by_slug(_without_records(store))
    version = store.version()
    bad = [record(), record(value="12,5", measured_by="mairie", source="")]
    with pytest.raises(InvalidOutcomes) as info:
        store.set_outcomes(item.pk, bad, "Claire")
    by_record = info.value.by_record()
    assert list(by_record) == [1]  # the first record is fine
    assert set(by_record[1]) == {"value", "measured_by", "source"}
    assert "point décimal" in by_record[1]["value"][0]
    assert {e.field for e in info.value.errors} == {
        outcome_field(1, "value"),
        outcome_field(1, "measured_by"),
        outcome_field(1, "source"),
    }
    assert store.version() == version and store.get(item.pk).outcomes == ()
    with pytest.raises(InvalidOutcomes, match="maximum"):
        store.set_outcomes(item.pk, [record()] * 21, "Claire")


# -- proposals ------------------------------------------------------------------------------


def test_a_proposal_comes_with_its_records(store):  # noqa: F811
    result = store.submit(proposal(outcomes=[record(period_end=dt.date(2024, 3, 1))]))
    pending = store.get(result.pk)
    assert [r["period_end"] for r in pending.outcomes] == ["2024-03-01"]
    assert pending.outcomes[0]["initiative_id"] == ""
    assert store.published_outcomes()["source"].tolist().count("https://example.org/bilan") == 0
    item = store.approve(result.pk, "Claire")
    outcomes = store.published_outcomes()
    assert list(outcomes[outcomes["initiative_id"] == item.slug]["period_end"]) == ["2024-03-01"]
    assert store.published_frame().set_index("id").loc[item.slug]["evidence_level"] == 2


def test_a_proposal_with_a_bad_record_is_refused_field_by_field(store):  # noqa: F811
    bad = [record(), record(period_end="2999", unit="", method="avant/après")]
    with pytest.raises(InvalidProposal) as info:
        store.submit(proposal(outcomes=bad))
    fields = {e.field for e in info.value.errors}
    assert fields == {
        outcome_field(1, "period_end"),
        outcome_field(1, "unit"),
        outcome_field(1, "method"),
    }
    assert store.counts()["pending"] == 0


# -- the form check ---------------------------------------------------------------------------


def test_one_record_of_a_form_is_checked_field_by_field():
    check = check_outcome_fields(
        {"value": 5665.0, "unit": "consultations", "period_end": dt.date(2023, 12, 31)}
        | {"measured_by": "carrier", "source": "https://example.org/x"},
        today=dt.date(2024, 1, 1),
    )
    assert check.ok, check.errors
    assert (check.row["value"], check.row["period_end"]) == ("5665", "2023-12-31")
    bad = check_outcome_fields(
        {
            "value": "beaucoup",
            "baseline_period": "2020",
            "period_start": "2024-02",
            "period_end": "2024-01",
            "measured_by": "press",
            "method": "comptage",
            "summary_fr": "Une ligne\npuis une autre",
            "indicator_fr": "x" * 201,
        },
        today=dt.date(2024, 6, 1),
    )
    assert list(bad.by_field()) == [
        "indicator_fr",
        "value",
        "unit",
        "period_start",
        "baseline_period",
        "method",
        "source",
        "summary_fr",
    ]
    assert "trop long" in bad.by_field()["indicator_fr"][0]
    assert "après la fin" in bad.by_field()["period_start"][0]


# -- export and import ---------------------------------------------------------------------------


def _seed_with_records(db_url, tmp_path):  # noqa: F811
    rows = _rows()[:3]
    path = tmp_path / "catalogue"
    write_catalogue(path, rows, [record(rows[0]["id"], value="-30", unit="%")])
    return rows, open_store(db_url, seed_path=path)


def test_export_gives_both_files_neutralised_and_they_reimport_unchanged(db_url, tmp_path):  # noqa: F811
    rows, s = _seed_with_records(db_url, tmp_path)
    try:
        files = s.export_published_files()
        assert set(files) == {"initiatives.csv", "outcomes.csv"}
        assert files["initiatives.csv"] == s.export_published_csv()
        assert files["outcomes.csv"] == s.export_published_outcomes_csv()
        exported = list(csv.DictReader(io.StringIO(files["outcomes.csv"].decode("utf-8"))))
        assert [r["initiative_id"] for r in exported] == [rows[0]["id"]]
        assert exported[0]["value"] == "'-30"  # a formula-like cell, neutralised
        assert tuple(exported[0]) == OUTCOME_COLUMNS
        report = s.preview_import(
            parse_import(files["initiatives.csv"]), parse_import(files["outcomes.csv"])
        )
        assert report.all_valid
        assert {r.action for r in report.rows} == {"unchanged"}
        assert [r.action for r in report.outcomes] == ["unchanged"]
        assert report.flagged == ()
    finally:
        s.close()


def test_import_with_records_reports_each_row_and_writes_only_when_confirmed(db_url, tmp_path):  # noqa: F811
    rows, s = _seed_with_records(db_url, tmp_path)
    try:
        new = dict(rows[1], id="nouvelle-importee", name="Initiative importée", case_study="")
        new["sources"] = "https://nouvelle.example.org/page"
        initiatives = parse_import(_text([rows[0], new], COLUMNS))
        outcomes = parse_import(
            _text(
                [
                    record(rows[0]["id"], value="5", unit="%"),  # line 2: replaces the record
                    record("nouvelle-importee"),  # line 3: valid
                    record("nouvelle-importee", value="12,5"),  # line 4: invalid
                    record("n-existe-pas"),  # line 5: unknown
                    record(rows[2]["id"], **EVALUATED),  # line 6: outcomes only
                ],
                OUTCOME_COLUMNS,
            )
        )
        version, count = s.version(), s.counts()["published"]
        report = s.preview_import(initiatives, outcomes)
        assert [(r.line, r.action) for r in report.rows] == [(2, "unchanged"), (3, "create")]
        assert [(r.line, r.action) for r in report.outcomes] == [
            (2, "write"),
            (3, "invalid"),
            (4, "invalid"),
            (5, "invalid"),
            (6, "write"),
        ]
        errors = {r.line: [(e.column, e.message) for e in r.errors] for r in report.outcomes}
        assert errors[4][0][0] == "value" and "point décimal" in errors[4][0][1]
        assert errors[3][0][0] == "initiative_id" and "ligne 4" in errors[3][0][1]
        assert errors[5][0][0] == "initiative_id" and "inconnue" in errors[5][0][1]
        assert report.outcome_sets_to_write == tuple(sorted([rows[0]["id"], rows[2]["id"]]))
        assert not report.all_valid
        with pytest.raises(ImportRejected):
            s.import_rows(initiatives, "Claire", only_valid=False, outcomes=outcomes)
        assert (s.version(), s.counts()["published"]) == (version, count)
        done = s.import_rows(initiatives, "Claire", only_valid=True, outcomes=outcomes)
        assert done.committed and done.written == 3  # one created, two sets of records
        assert s.version() != version
        assert [r["value"] for r in s.get_by_slug(rows[0]["id"]).outcomes] == ["5"]
        assert s.get_by_slug("nouvelle-importee").outcomes == ()  # its records were invalid
        third = s.get_by_slug(rows[2]["id"])
        assert third.outcomes[0]["measured_by"] == "third_party"
        assert s.audit_trail(third.pk)[0].action == "import_outcomes"
    finally:
        s.close()


def test_a_bad_outcomes_header_rejects_the_import(store):  # noqa: F811
    rows = _rows()[:1]
    initiatives = parse_import(_text(rows, COLUMNS))
    outcomes = parse_import("initiative_id,valeur\nx,1\n")
    report = store.preview_import(initiatives, outcomes)
    assert {e.column for e in report.outcome_header_errors} >= {"valeur", "source"}
    with pytest.raises(ImportRejected, match="en-tête"):
        store.import_rows(initiatives, "Claire", only_valid=True, outcomes=outcomes)


def test_an_import_flags_a_probable_duplicate_under_another_id(store):  # noqa: F811
    existing = store.get_by_slug("annonce-bon-coin-canular-druide-roche").values
    same_name = dict(existing, id="canular-druide-bis", sources="https://autre.example.org/x")
    same_source = dict(
        existing,
        id="autre-initiative",
        name="Tout autre chose",
        commune="",
        commune_code="",
        scope="departement",
    )
    unrelated = dict(same_source, id="sans-rapport", sources="https://sans-rapport.example.org/y")
    rows = [same_name, same_source, unrelated]
    report = store.preview_import(parse_import(_text(rows, COLUMNS)))
    assert [r.action for r in report.rows] == ["create", "create", "create"]  # not refused
    flags = {r.slug: [(d.slug, d.reason) for d in r.duplicates] for r in report.rows}
    slug = "annonce-bon-coin-canular-druide-roche"
    assert flags == {
        "canular-druide-bis": [(slug, "same_name")],
        "autre-initiative": [(slug, "shared_source")],
        "sans-rapport": [],
    }
    assert "même nom" in str(report.rows[0].duplicates[0])
    assert [r.slug for r in report.flagged] == ["canular-druide-bis", "autre-initiative"]


def test_a_store_of_the_first_schema_is_migrated_and_follows_the_catalogue(db_url, tmp_path):  # noqa: F811
    """A database seeded before outcome records existed: its rows are kept (with the
    former free-text outcome as the moderators' note) and take the catalogue's dates
    and records."""
    from alembic import command
    from sqlalchemy import text

    from data.store import alembic_config
    from data.store.engine import make_engine, resolve_url

    row = _rows()[0]
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "0001_initial")
            old = {c: row[c] for c in COLUMNS if c not in ("id", "status_date", "verified_on")}
            old |= {"slug": row["id"], "outcome": "Ancien résultat en texte libre."}
            old["year_started"] = int(row["year_started"]) if row["year_started"] else None
            columns = ", ".join([*old, "state", "origin", "created_at", "updated_at"])
            values = ", ".join(f":{c}" for c in old)
            conn.execute(
                text(
                    f"INSERT INTO initiatives ({columns}) "
                    f"VALUES ({values}, 'published', 'seed', :now, :now)"
                ),
                old | {"now": dt.datetime(2025, 1, 1, tzinfo=dt.UTC)},
            )
            conn.execute(
                text(
                    "INSERT INTO audit_log (at, actor, action, initiative_pk) "
                    "VALUES (:now, 'système', 'seed', 1)"
                ),
                {"now": dt.datetime(2025, 1, 1, tzinfo=dt.UTC)},
            )
    finally:
        engine.dispose()
    path = tmp_path / "catalogue"
    write_catalogue(path, [dict(row, verified_on="2026-11-30")], [record(row["id"])])
    s = open_store(db_url, seed_path=path)
    try:
        item = s.get_by_slug(row["id"])
        assert item.pk == 1 and item.values["verified_on"] == "2026-11-30"
        assert item.values["outcome"] == "Ancien résultat en texte libre."
        assert len(item.outcomes) == 1
        assert s.published_frame().set_index("id").loc[row["id"]]["evidence_level"] == 2
    finally:
        s.close()
