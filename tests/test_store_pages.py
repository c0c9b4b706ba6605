"""The "Proposer une initiative" and "Modération" pages through AppTest (no browser).

Each test points ``DATABASE_URL`` at its own SQLite file (the pages open the store
of that URL, where the login rate limiter counts failures too).
"""

from __future__ import annotations

import os
import re

import pytest
from store_support import db_url, proposal  # noqa: F401 (fixture)
from streamlit.testing.v1 import AppTest

from components.contributions import store_access
from data.initiatives import COLUMNS, OUTCOME_COLUMNS, read_catalogue
from data.store import open_store
from data.store.auth import SECRET_ENV

TIMEOUT = 60
SECRET = "un secret de test assez long"
XSS = "<script>alert('x')</script> Centre"


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'pages.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv(SECRET_ENV, raising=False)
    yield url


def page(name: str, **params: str) -> AppTest:
    at = AppTest.from_file(f"../pages/{name}.py", default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def texts(at: AppTest, *kinds: str) -> list[str]:
    kinds = kinds or ("markdown", "caption", "title", "subheader", "info", "warning", "error")
    out = []
    for kind in kinds:
        out += [str(el.value) for el in getattr(at, kind)]
    return out


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def fill_form(at: AppTest, *, name: str, commune: str = "vezelay", description: str | None = None):
    at.text_input(key="w_contrib_name").input(name)
    at.text_input(key="w_contrib_commune_query").input(commune).run()
    at.selectbox(key="w_contrib_lever").set_value("centre_de_sante_salariat")
    at.multiselect(key="w_contrib_actors").set_value(["commune"])
    at.text_area(key="w_contrib_description").input(
        description
        or "La commune salarie deux médecins généralistes dans un centre de santé ouvert en 2023."
    )
    at.text_area(key="w_contrib_sources").input("https://www.example.org/centre\nhttps://x.fr/a")
    at.text_input(key="w_contrib_email").input("mairie@example.org")
    return at


# -- proposer -------------------------------------------------------------------------------


def test_commune_autocomplete_ignores_accents_and_resolves_code_and_point(db):
    at = page("proposer")
    at.run()
    assert not at.exception
    at.text_input(key="w_contrib_commune_query").input("VEZELAY").run()
    assert at.selectbox(key="w_contrib_commune").value == "89446|Vézelay"
    resolved = [c for c in texts(at, "caption") if "89446" in c]
    assert resolved and "47,4" in resolved[0] and "3,7" in resolved[0]
    at.text_input(key="w_contrib_commune_query").input("saint etienne").run()
    options = at.selectbox(key="w_contrib_commune").options
    assert any("Saint-Étienne (42)" in o for o in options)


def test_errors_are_shown_next_to_each_field_and_nothing_is_stored(db):
    at = page("proposer")
    at.run()
    at.text_input(key="w_contrib_name").input("X")
    at.text_area(key="w_contrib_description").input("court")
    at.text_area(key="w_contrib_sources").input("javascript:alert(1)")
    at.text_input(key="w_contrib_email").input("pas-une-adresse")
    at.button(key="w_contrib_submit").click().run()
    assert not at.exception
    errors = [unescape(e) for e in texts(at, "error")]
    assert any("corrigez les champs" in e for e in errors)
    assert any("trop court" in e and "minimum 3" in e for e in errors)  # name
    assert any("commune obligatoire" in e for e in errors)
    assert any("levier obligatoire" in e for e in errors)
    assert any("minimum 30" in e for e in errors)  # description
    assert any("javascript:alert(1)" in e and "URL" in e for e in errors)
    assert any("adresse électronique invalide" in e for e in errors)
    assert not any("Merci" in s for s in texts(at, "success"))
    # the error of the name comes right after the name field (same block, next element)
    body = list(at.main)
    name_at = next(i for i, el in enumerate(body) if getattr(el, "key", None) == "w_contrib_name")
    assert body[name_at + 1].type == "alert" or "minimum 3" in str(body[name_at + 1].value)
    s = open_store(db)
    assert s.counts()["pending"] == 0


def test_a_valid_proposal_is_acknowledged_after_commit_and_goes_to_the_queue(db):
    at = page("proposer")
    at.run()
    fill_form(at, name=XSS)
    at.button(key="w_contrib_submit").click().run()
    assert not at.exception
    thanks = [s for s in texts(at, "success") if "Merci" in s]
    assert thanks, texts(at)
    s = open_store(db)
    pending = s.pending()
    assert [p.name for p in pending] == [XSS]
    assert f"n° {pending[0].pk}" in thanks[0]
    assert pending[0].contact_email == "mairie@example.org"
    assert XSS not in set(s.published_frame()["name"])
    # the form is empty again, ready for another proposal
    assert at.text_input(key="w_contrib_name").value == ""
    # a second click on the emptied form stores nothing and keeps the thank-you
    at.button(key="w_contrib_submit").click().run()
    assert s.counts()["pending"] == 1
    assert [m for m in texts(at, "success") if "Merci" in m] == thanks
    assert not texts(at, "error")


def test_after_thanks_every_field_is_empty_and_a_new_name_alone_stores_nothing(db):
    at = page("proposer")
    at.run()
    fill_form(at, name="Centre de santé de Vézelay")
    at.button(key="w_contrib_submit").click().run()
    assert [m for m in texts(at, "success") if "Merci" in m]
    assert at.text_input(key="w_contrib_name").value == ""
    assert at.text_input(key="w_contrib_commune_query").value == ""
    assert at.selectbox(key="w_contrib_lever").value is None
    assert at.multiselect(key="w_contrib_actors").value == []
    assert at.text_area(key="w_contrib_description").value == ""
    assert at.text_area(key="w_contrib_sources").value == ""
    assert at.text_input(key="w_contrib_email").value == ""
    at.text_input(key="w_contrib_name").input("Un autre centre")
    at.button(key="w_contrib_submit").click().run()
    errors = [unescape(e) for e in texts(at, "error")]
    assert any("commune obligatoire" in e for e in errors)
    assert open_store(db).counts()["pending"] == 1


def test_a_paste_over_a_limit_is_kept_and_the_message_says_why(db):
    at = page("proposer")
    at.run()
    fill_form(at, name="N" * 245)
    at.button(key="w_contrib_submit").click().run()
    assert at.text_input(key="w_contrib_name").value == "N" * 245
    errors = [unescape(e) for e in texts(at, "error")]
    assert any("trop long (245 caractères, maximum 200)" in e for e in errors)
    assert open_store(db).counts()["pending"] == 0


def test_a_field_error_goes_once_the_field_is_corrected(db):
    at = page("proposer")
    at.run()
    at.text_input(key="w_contrib_name").input("X")
    at.button(key="w_contrib_submit").click().run()
    errors = [unescape(e) for e in texts(at, "error")]
    assert any("minimum 3" in e for e in errors)
    assert any("commune obligatoire" in e for e in errors)
    at.text_input(key="w_contrib_name").input("Centre de santé").run()
    errors = [unescape(e) for e in texts(at, "error")]
    assert not any("minimum 3" in e for e in errors)
    assert any("commune obligatoire" in e for e in errors)  # that field was not changed


def _fill_outcome(at: AppTest, **values: str) -> AppTest:
    for column, value in values.items():
        widget = at.text_area if column == "summary" else at.text_input
        widget(key=f"w_contrib_out_{column}").input(value)
    return at


def test_an_outcome_record_gets_per_field_messages_then_is_stored_with_the_proposal(db):
    at = page("proposer")
    at.run()
    fill_form(at, name="Centre de santé de Vézelay")
    _fill_outcome(at, indicator="médecins installés", value="beaucoup", period_end="2099-01")
    at.button(key="w_contrib_submit").click().run()
    assert not at.exception, at.exception
    errors = [unescape(e) for e in texts(at, "error")]
    assert any("« beaucoup » n'est pas un nombre" in e for e in errors), errors
    assert any("2099-01 dans le futur" in e for e in errors)
    assert any("source obligatoire" in e for e in errors)
    assert any("unité obligatoire" in e for e in errors)
    assert any("obligatoire (valeurs : carrier" in e for e in errors)  # who measured
    s = open_store(db)
    assert s.counts()["pending"] == 0
    # the value's message goes once the value is corrected, the others stay
    _fill_outcome(at, value="2").run()
    errors = [unescape(e) for e in texts(at, "error")]
    assert not any("beaucoup" in e for e in errors)
    assert any("source obligatoire" in e for e in errors)
    _fill_outcome(
        at,
        unit="médecins",
        period_end="2024-05",
        measurer="Mairie de Vézelay",
        source="https://www.example.org/bilan",
        summary="Deux médecins installés en mai 2024.",
    )
    at.selectbox(key="w_contrib_out_measured_by").set_value("carrier")
    at.button(key="w_contrib_submit").click().run()
    assert not at.exception, at.exception
    assert [m for m in texts(at, "success") if "Merci" in m], texts(at)
    [item] = s.pending()
    [record] = item.outcomes
    assert (record["value"], record["unit"], record["period_end"]) == ("2", "médecins", "2024-05")
    assert (
        record["measured_by"] == "carrier" and record["source"] == "https://www.example.org/bilan"
    )
    assert at.text_input(key="w_contrib_out_value").value == ""
    assert at.selectbox(key="w_contrib_out_measured_by").value is None


def test_the_contributor_is_told_about_a_likely_duplicate(db):
    at = page("proposer")
    at.run()
    fill_form(at, name="Canular du druide", commune="roche derrien")
    # a commune déléguée resolves to the current commune's code, its name is kept
    assert at.selectbox(key="w_contrib_commune").value == "22264|La Roche-Derrien"
    assert any(
        "La Roche-Derrien (22) → La Roche-Jaudy — 22264" in o
        for o in at.selectbox(key="w_contrib_commune").options
    )
    warnings = [unescape(w) for w in texts(at, "warning")]
    assert any("Annonce Le Bon Coin et canular du « druide »" in w for w in warnings)
    at.button(key="w_contrib_submit").click().run()
    warnings = [unescape(w) for w in texts(at, "warning")]
    assert any("déjà sur la carte" in w for w in warnings)
    s = open_store(db)
    item = s.pending()[0]
    assert [d.slug for d in item.duplicates] == ["annonce-bon-coin-canular-druide-roche"]
    assert (item.values["commune"], item.values["commune_code"]) == ("La Roche-Derrien", "22264")


def test_the_form_in_english(db):
    at = page("proposer", lang="en")
    at.run()
    assert not at.exception
    assert "Propose an initiative" in texts(at, "title")
    assert at.button(key="w_contrib_submit").label == "Send the proposal"


# -- moderation -------------------------------------------------------------------------------


def login(at: AppTest, secret: str = SECRET, who: str = "Claire") -> AppTest:
    at.text_input(key="w_mod_login_name").input(who)
    at.text_input(key="w_mod_login_secret").input(secret)
    at.button[0].click().run()
    return at


def test_moderation_is_disabled_without_a_secret(db):
    at = page("moderation")
    at.run()
    assert not at.exception
    assert any("désactivée" in i for i in texts(at, "info"))
    assert not at.text_input  # no login form at all


def test_a_too_short_secret_disables_moderation(db, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, "court")
    at = page("moderation")
    at.run()
    assert any("trop court" in e for e in texts(at, "error"))
    assert not at.text_input


def test_a_wrong_secret_is_refused_then_logins_are_rate_limited(db, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, SECRET)
    at = page("moderation")
    at.run()
    for _ in range(5):
        login(at, "mauvais secret")
        assert any("Secret incorrect" in e for e in texts(at, "error"))
        assert not at.tabs
    at = page("moderation")  # a new session does not reset the count
    at.run()
    assert any("Trop de tentatives" in e for e in texts(at, "error"))
    assert not at.text_input  # the right secret cannot even be tried
    counted = store_access.login_limiter()  # in the store, for every replica
    assert counted.count("ip:unknown") == 5  # AppTest has no client address
    counted.clear()
    at.run()
    login(at)
    assert at.tabs


def test_the_secret_can_come_from_streamlit_secrets(db):
    at = page("moderation")
    at.secrets["moderation_secret"] = SECRET
    at.run()
    login(at)
    assert not at.exception
    assert any("0 proposition(s) en attente" in c for c in texts(at, "caption"))


def test_moderator_approves_rejects_and_edits_with_an_audit_trail(db, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, SECRET)
    s = open_store(db)
    first = s.submit(proposal(name=XSS))
    second = s.submit(proposal(name="Bus santé de l'Avallonnais", commune_code="89024"))
    third = s.submit(proposal(name="Téléconsultation à la mairie", lever="telemedecine"))
    version = s.version()
    at = page("moderation")
    at.run()
    login(at)
    assert not at.exception
    assert any("3 proposition(s) en attente" in c for c in texts(at, "caption"))
    headers = texts(at, "subheader")
    assert any("\\<script\\>" in h for h in headers)  # shown as text, escaped
    at.button(key=f"w_mod_approve_{first.pk}").click().run()
    assert any(f"n° {first.pk} publiée" in m for m in texts(at, "success"))
    assert s.version() != version and XSS in set(s.published_frame()["name"])
    # rejecting needs a reason
    at.button(key=f"w_mod_reject_{second.pk}").click().run()
    assert any("motif du refus obligatoire" in unescape(e) for e in texts(at, "error"))
    at.text_input(key=f"w_mod_reason_{second.pk}").input("Hors sujet")
    at.button(key=f"w_mod_reject_{second.pk}").click().run()
    assert s.get(second.pk).state == "rejected" and s.get(second.pk).reject_reason == "Hors sujet"
    # edit the last one through its form
    at.text_input(key=f"w_mod_edit_{third.pk}_name").input("Téléconsultation en mairie")
    submit = next(b for b in at.button if "Enregistrer" in str(b.label))
    submit.click().run()
    assert not at.exception, at.exception
    assert s.get(third.pk).name == "Téléconsultation en mairie"
    trail = s.audit_trail(third.pk)
    assert trail[0].action == "edit" and trail[0].actor == "Claire"
    assert trail[0].before["name"] == "Téléconsultation à la mairie"
    assert any("1 proposition(s) en attente" in c for c in texts(at, "caption"))


def _csv_bytes(rows) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_csv_import_shows_a_report_and_writes_only_when_confirmed(db, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, SECRET)
    base = [dict(r.values) for _, r in read_catalogue().initiative_rows()]
    good = dict(base[0], id="importee-valide", name="Initiative importée", case_study="")
    bad = dict(base[1], id="importee-invalide", lever="inconnu")
    data = _csv_bytes([good, bad])
    s = open_store(db)
    count = s.counts()["published"]
    at = page("moderation")
    at.run()
    login(at)
    at.tabs[2].file_uploader[0].set_value(("import.csv", data, "text/csv")).run()
    assert not at.exception, at.exception
    report = next(d.value for d in at.dataframe if "Ligne" in d.value.columns)
    # what happens and why come first; invalid lines on top
    assert list(report.columns[:3]) == ["Action", "Erreurs", "Ligne"]
    assert list(report["Ligne"]) == [3, 2]
    assert "levier inconnu" in report.iloc[0]["Erreurs"]
    assert report.iloc[0]["Action"].startswith("⚠")
    assert s.counts()["published"] == count  # preview only
    import_all = at.button(key="w_mod_import_all")
    assert import_all.disabled
    assert "(2 ligne(s) du fichier)" in import_all.label
    assert "(1 à écrire)" in at.button(key="w_mod_import_valid").label
    assert any("1 ligne(s) invalide(s) sur 2" in w for w in texts(at, "warning"))
    at.button(key="w_mod_import_valid").click().run()
    assert any("1 initiative(s) importée(s) depuis" in m for m in texts(at, "success"))
    assert s.counts()["published"] == count + 1
    assert s.get_by_slug("importee-invalide") is None
    # the imported file does not stay in the uploader, to be read again as "0 à écrire"
    assert at.tabs[2].file_uploader[0].value is None
    assert not [d for d in at.dataframe if "Ligne" in d.value.columns]
    # tab labels carry no counts, so the selected tab does not move after an import
    assert [tab.label for tab in at.tabs] == [
        "En attente",
        "Publiées",
        "Importer un CSV",
        "Exporter",
        "Journal",
    ]


def _outcomes_bytes(rows) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(OUTCOME_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_csv_import_with_outcomes_reports_their_errors_and_probable_duplicates(db, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, SECRET)
    base = [dict(r.values) for _, r in read_catalogue().initiative_rows()]
    good = dict(base[0], id="importee-avec-resultat", name="Initiative importée", case_study="")
    copy = dict(base[1], id="meme-initiative-autre-id")
    record = dict(next(r.values for _, r in read_catalogue().outcome_rows()))
    valid = dict(record, initiative_id="importee-avec-resultat")
    not_a_number = dict(record, initiative_id="meme-initiative-autre-id", value="beaucoup")
    s = open_store(db)
    at = page("moderation")
    at.run()
    login(at)
    tab = at.tabs[2]
    assert len(tab.file_uploader) == 2
    tab.file_uploader[0].set_value(("i.csv", _csv_bytes([good, copy]), "text/csv"))
    tab.file_uploader[1].set_value(("o.csv", _outcomes_bytes([valid, not_a_number]), "text/csv"))
    at.run()
    assert not at.exception, at.exception
    report = next(d.value for d in at.dataframe if "Ligne" in d.value.columns)
    bad = report[report["Fichier"] == "résultats"].iloc[0]
    assert bad["Action"].startswith("⚠") and "value" in bad["Erreurs"]
    assert bad["id"] == "meme-initiative-autre-id"
    flagged = report[report["id"] == "meme-initiative-autre-id"]
    flagged = flagged[flagged["Fichier"] == "initiatives"].iloc[0]
    assert flagged["Action"].startswith("⚠") and "doublon probable" in flagged["Action"]
    assert base[1]["id"] in flagged["Doublon probable de"]
    assert any("doublon probable" in w for w in texts(at, "warning"))
    assert at.button(key="w_mod_import_all").disabled
    at.button(key="w_mod_import_valid").click().run()
    assert not at.exception, at.exception
    imported = s.get_by_slug("importee-avec-resultat")
    assert [o["value"] for o in imported.outcomes] == [valid["value"]]
    assert at.tabs[2].file_uploader[0].value is None
    assert at.tabs[2].file_uploader[1].value is None


def test_export_button_gives_the_neutralised_csv(db, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, SECRET)
    s = open_store(db)
    s.approve(s.submit(proposal(name="=1+1 centre de santé")).pk, "Claire")
    at = page("moderation")
    at.run()
    login(at)
    assert not at.exception
    keys = [b.proto.id for b in at.get("download_button")]
    assert len(keys) == 2, "no download button for both files"
    assert b"'=1+1 centre" in s.export_published_csv()


def test_published_initiatives_follow_the_version_and_survive_a_database_outage(db_url):  # noqa: F811
    from sqlalchemy import text

    os.environ["DATABASE_URL"] = db_url
    try:
        version = store_access.published_version()
        frame = store_access.published_initiatives()
        assert len(frame) > 100
        s = store_access.store()
        s.approve(s.submit(proposal()).pk, "Claire")
        assert store_access.published_version() != version
        assert len(store_access.published_initiatives()) == len(frame) + 1
        last = store_access.published_version()
        with s.engine.begin() as conn:  # the database stops answering
            conn.execute(text("DROP TABLE store_meta"))
        assert store_access.published_version() == last
        assert len(store_access.published_initiatives()) == len(frame) + 1
    finally:
        os.environ.pop("DATABASE_URL", None)
        store_access._store_for.clear()


def test_editing_a_published_initiative_with_a_bad_year_shows_the_error(db, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, SECRET)
    s = open_store(db)
    item = s.get_by_slug("annonce-bon-coin-canular-druide-roche")
    version = s.version()
    at = page("moderation")
    at.run()
    login(at)
    at.selectbox(key="w_mod_published_pick").set_value(item.pk).run()
    at.text_input(key=f"w_mod_edit_{item.pk}_year_started").input("deux mille")
    next(b for b in at.button if "Enregistrer" in str(b.label)).click().run()
    assert not at.exception, at.exception
    assert any("deux mille" in unescape(e) and "invalide" in e for e in texts(at, "error"))
    assert s.version() == version and s.get(item.pk).values["year_started"] == "2016"
    at.text_input(key=f"w_mod_edit_{item.pk}_year_started").input("2015")
    next(b for b in at.button if "Enregistrer" in str(b.label)).click().run()
    assert s.get(item.pk).values["year_started"] == "2015" and s.version() != version
    assert s.get(item.pk).values["commune"] == "La Roche-Derrien"


def test_moderator_edits_status_dates_and_outcome_records_with_per_record_messages(db, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, SECRET)
    s = open_store(db)
    item = s.get_by_slug("annonce-bon-coin-canular-druide-roche")
    before = [dict(r) for r in item.outcomes]
    at = page("moderation")
    at.run()
    login(at)
    at.selectbox(key="w_mod_published_pick").set_value(item.pk).run()
    editor = at.data_editor(key=f"w_mod_outcomes_{item.pk}_0")
    assert editor.editing_mode == "dynamic"
    assert "measured_by" in editor.value.columns and "initiative_id" not in editor.value.columns
    assert list(editor.value["value"]) == [r["value"] for r in before]
    at.text_input(key=f"w_mod_edit_{item.pk}_verified_on").input("2026-01-15")
    next(b for b in at.button if str(b.label) == "Enregistrer les modifications").click().run()
    assert not at.exception, at.exception
    assert s.get(item.pk).values["verified_on"] == "2026-01-15"
    # a number that is not one, and a new record without a source
    at.session_state[f"w_mod_outcomes_{item.pk}_0"] = {
        "edited_rows": {0: {"value": "beaucoup"}},
        "added_rows": [{"indicator_fr": "médecins installés", "value": "2", "unit": "médecins"}],
        "deleted_rows": [],
    }
    at.button(key=f"w_mod_save_outcomes_{item.pk}").click().run()
    assert not at.exception, at.exception
    errors = [unescape(e) for e in texts(at, "error")]
    assert any("Résultat 1, value" in e for e in errors), errors
    assert any("Résultat 2, source" in e for e in errors), errors
    assert [dict(r) for r in s.get(item.pk).outcomes] == before
    at.session_state[f"w_mod_outcomes_{item.pk}_0"] = {
        "edited_rows": {0: {"value": "650"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key=f"w_mod_save_outcomes_{item.pk}").click().run()
    assert not at.exception, at.exception
    assert [r["value"] for r in s.get(item.pk).outcomes] == ["650"]
    assert at.data_editor(key=f"w_mod_outcomes_{item.pk}_1").value["value"].tolist() == ["650"]
