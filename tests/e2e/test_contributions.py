"""A proposal sent through the real page in Chromium survives SIGKILL of the server.

The contributor sees "Merci" only once the row is committed: the test kills the
Streamlit server (SIGKILL, no shutdown) as soon as "Merci" is on screen and finds
the proposal in the database. The server is started as users start it
(``scripts/serve.py``).

The store itself is tested on SQLite and on PostgreSQL (``tests/test_store_*``); each
scenario here runs on one backend, the one its users meet (SQLite for a single server,
PostgreSQL for replicas), and both backends are driven through the browser.
"""

from __future__ import annotations

import signal
import sqlite3

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from store_support import postgres_url, sqlite_url  # noqa: F401 (fixtures)

from data.store import Proposal, open_store
from tests.e2e.conftest import StreamlitServer, shot, wait_for_run

NAME = "Centre de santé <b>municipal</b> de Vézelay"


def atlas_server(env: dict[str, str]) -> StreamlitServer:
    """The atlas as users start it (``scripts/serve.py``) on the given database."""
    return StreamlitServer(env)


def _fill(page, label: str, value: str, *, area: bool = False) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(value)
    box.press("Control+Enter" if area else "Enter")
    wait_for_run(page)


def _choose(page, label: str, option: str) -> None:
    """Pick an option of a selectbox (retried: a rerun may close the list meanwhile)."""
    select = page.locator("[data-testid='stSelectbox']").filter(has_text=label)
    choice = page.get_by_role("option", name=option).first
    for _ in range(5):
        wait_for_run(page)
        select.locator("input").click()
        try:
            choice.wait_for(timeout=5_000)
            choice.click(timeout=5_000)
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            continue
        wait_for_run(page)
        if select.locator("input").input_value() == option:
            return
    raise AssertionError(f"could not choose {option!r} in {label!r}")


def test_acknowledged_proposal_survives_sigkill_of_the_server(sqlite_url, page):  # noqa: F811
    open_store(sqlite_url).close()  # migrate and seed before the server starts
    server = atlas_server({"DATABASE_URL": sqlite_url})
    try:
        page.goto(f"{server.url}/proposer")
        wait_for_run(page)
        _fill(page, "Nom de l'initiative", NAME)
        _fill(page, "Commune", "vezelay")
        page.get_by_text("code INSEE 89446").wait_for()
        _choose(page, "Levier", "Centre de santé, médecins salariés")
        _fill(
            page,
            "Description",
            "La commune salarie deux médecins généralistes dans un centre de santé ouvert "
            "en 2023 près de la mairie.",
            area=True,
        )
        _fill(page, "Sources", "https://www.example.org/centre-de-sante", area=True)
        page.get_by_role("button", name="Envoyer la proposition").click()
        page.get_by_text("Merci !").wait_for(timeout=30_000)
        server.process.send_signal(signal.SIGKILL)  # right after the acknowledgement
        server.process.wait(30)
        assert server.process.returncode == -signal.SIGKILL
        shot(page, "contribution-acknowledged")
        assert page.recorder.external_requests() == []
    except Exception:
        print(server.log())
        raise
    finally:
        if server.process.poll() is None:
            server.process.kill()
        server._log.close()
    store = open_store(sqlite_url)
    try:
        pending = store.pending()
        assert [p.name for p in pending] == [NAME]
        assert pending[0].values["commune_code"] == "89446"
        assert NAME not in set(store.published_frame()["name"])
    finally:
        store.close()


def test_no_thank_you_when_the_database_cannot_commit(tmp_path, page):
    """Another client holds the SQLite write lock longer than the busy timeout: the
    contributor gets an error, never "Merci", and nothing is stored."""
    path = tmp_path / "atlas.sqlite"
    url = f"sqlite:///{path}"
    open_store(url).close()
    # a writer gives up after 2 s instead of 15 (the same path, a shorter wait)
    server = atlas_server({"DATABASE_URL": url, "ATLAS_SQLITE_BUSY_TIMEOUT_MS": "2000"})
    blocker = sqlite3.connect(path, isolation_level=None)
    try:
        page.goto(f"{server.url}/proposer")
        wait_for_run(page)
        _fill(page, "Nom de l'initiative", "Proposition pendant une panne")
        _fill(page, "Commune", "vezelay")
        _choose(page, "Levier", "Télémédecine")
        _fill(
            page, "Description", "Une cabine de téléconsultation installée à la mairie.", area=True
        )
        _fill(page, "Sources", "https://www.example.org/cabine", area=True)
        blocker.execute("BEGIN EXCLUSIVE")  # the database cannot take a write now
        page.get_by_role("button", name="Envoyer la proposition").click()
        page.get_by_text("n'a pas pu être enregistrée").wait_for(timeout=60_000)
        assert page.get_by_text("Merci !").count() == 0
        blocker.execute("ROLLBACK")
    finally:
        blocker.close()
        server.stop()
    store = open_store(url)
    try:
        assert store.counts()["pending"] == 0
    finally:
        store.close()


@pytest.mark.postgres
def test_moderator_sees_contributor_html_as_text_and_publishes(postgres_url, page):  # noqa: F811
    store = open_store(postgres_url)
    xss = "<img src=x onerror=alert(1)> Maison de santé"
    pk = store.submit(
        Proposal(
            name=xss,
            lever="maison_de_sante",
            description_fr="<script>alert('description')</script> ouverte en 2024 par la commune.",
            sources=["https://www.example.org/msp"],
            commune_code="89446",
        )
    ).pk
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    secret = "secret de moderation pour le test e2e"
    server = atlas_server({"DATABASE_URL": postgres_url, "ATLAS_MODERATION_SECRET": secret})
    try:
        page.goto(f"{server.url}/moderation")
        wait_for_run(page)
        page.get_by_label("Votre nom (pour le journal)").fill("Claire")
        page.get_by_label("Secret de modération").fill(secret)
        page.get_by_role("button", name="Entrer").click()
        wait_for_run(page)
        page.get_by_text(f"n° {pk} — {xss}").wait_for()
        assert page.locator("img[src='x']").count() == 0
        shot(page, "moderation-pending")
        page.get_by_role("button", name="Publier").click()
        page.get_by_text(f"Initiative n° {pk} publiée.").wait_for()
        shot(page, "moderation-published")
        assert dialogs == []
        assert page.recorder.external_requests() == []
    finally:
        server.stop()
    assert store.get(pk).state == "published"
    assert xss in set(store.published_frame()["name"])
    store.close()


def _login(page, secret: str) -> None:
    page.get_by_label("Votre nom (pour le journal)").fill("Claire")
    page.get_by_label("Secret de modération").fill(secret)
    page.get_by_role("button", name="Entrer").click()
    wait_for_run(page)


@pytest.mark.postgres
def test_two_servers_sharing_the_database_act_as_replicas(postgres_url, browser):  # noqa: F811
    """A proposal sent to replica A is moderated on replica B; A then counts it published."""
    open_store(postgres_url).close()
    secret = "secret partagé par les deux réplicas"
    env = {"DATABASE_URL": postgres_url, "ATLAS_MODERATION_SECRET": secret}
    a = atlas_server(env)
    b = atlas_server(env)
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(f"{a.url}/proposer")
        wait_for_run(page)
        _fill(page, "Nom de l'initiative", "Maison de santé des réplicas")
        _fill(page, "Commune", "verdun")
        page.get_by_text("code INSEE 55545").wait_for()
        _choose(page, "Levier", "Maison de santé pluriprofessionnelle")
        _fill(
            page, "Description", "Maison de santé ouverte par la communauté de communes.", area=True
        )
        _fill(page, "Sources", "https://www.example.org/replicas", area=True)
        page.get_by_role("button", name="Envoyer la proposition").click()
        page.get_by_text("Merci !").wait_for()
        other = context.new_page()
        other.goto(f"{b.url}/moderation")
        wait_for_run(other)
        _login(other, secret)
        other.get_by_text("Maison de santé des réplicas").wait_for()
        other.get_by_role("button", name="Publier").click()
        other.get_by_text("publiée.").wait_for()
        third = context.new_page()
        third.goto(f"{a.url}/moderation")
        wait_for_run(third)
        _login(third, secret)
        shared = open_store(postgres_url, seed_path=None)
        count = len(shared.published_rows())
        shared.close()
        third.get_by_text(f"{count} initiative(s) publiée(s)").wait_for()
        third.get_by_text("0 proposition(s) en attente").wait_for()
    finally:
        context.close()
        a.stop()
        b.stop()


def test_the_form_is_really_empty_after_thanks(sqlite_url, page):  # noqa: F811
    """After « Merci ! » the browser's fields are empty: sending again with only a new
    name must not store a copy of the first proposal."""
    open_store(sqlite_url).close()
    server = atlas_server({"DATABASE_URL": sqlite_url})
    try:
        page.goto(f"{server.url}/proposer")
        wait_for_run(page)
        _fill(page, "Nom de l'initiative", "Centre de santé de Vézelay")
        _fill(page, "Commune", "vezelay")
        page.get_by_text("code INSEE 89446").wait_for()
        _choose(page, "Levier", "Centre de santé, médecins salariés")
        _fill(
            page,
            "Description",
            "La commune salarie deux médecins généralistes dans un centre de santé ouvert "
            "en 2023 près de la mairie.",
            area=True,
        )
        _fill(page, "Sources", "https://www.example.org/centre-de-sante", area=True)
        page.get_by_role("button", name="Envoyer la proposition").click()
        page.get_by_text("Merci !").wait_for(timeout=30_000)
        wait_for_run(page)
        for label in ("Nom de l'initiative", "Commune"):
            assert page.get_by_label(label, exact=True).input_value() == ""
        for label in ("Description", "Sources"):
            assert page.get_by_label(label, exact=True).input_value() == ""
        shot(page, "contribution-form-emptied")
        _fill(page, "Nom de l'initiative", "Un deuxième centre")
        page.get_by_role("button", name="Envoyer la proposition").click()
        page.get_by_text("commune obligatoire").first.wait_for(timeout=30_000)
    except Exception:
        print(server.log())
        raise
    finally:
        server.stop()
    store = open_store(sqlite_url)
    try:
        assert [p.name for p in store.pending()] == ["Centre de santé de Vézelay"]
    finally:
        store.close()


def _import_csv(tmp_path) -> str:
    """Two catalogue rows: one valid, one with an unknown lever."""
    import csv as _csv

    from data.initiatives import COLUMNS, read_catalogue

    base = [dict(r.values) for _, r in read_catalogue().initiative_rows()]
    good = dict(base[0], id="importee-navigateur", name="Initiative importée", case_study="")
    bad = dict(base[1], id="importee-invalide", lever="inconnu")
    path = tmp_path / "import.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = _csv.DictWriter(handle, fieldnames=list(COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows([good, bad])
    return str(path)


@pytest.mark.postgres
def test_a_moderator_imports_and_stays_on_the_import_tab(postgres_url, page, tmp_path):  # noqa: F811
    open_store(postgres_url).close()
    secret = "secret de moderation pour l'import"
    server = atlas_server({"DATABASE_URL": postgres_url, "ATLAS_MODERATION_SECRET": secret})
    try:
        page.goto(f"{server.url}/moderation")
        wait_for_run(page)
        _login(page, secret)
        tab = page.get_by_role("tab", name="Importer un CSV")
        tab.click()
        # two uploaders on this tab: initiatives, then outcome records
        uploaders = page.locator("[data-testid='stFileUploader']")
        uploaders.nth(1).wait_for()
        # Streamlit's English instructions are hidden; the limit is said in French
        english = uploaders.get_by_text("per file")
        assert english.count() == 2
        assert english.evaluate_all("els => els.every(e => e.offsetParent === null)")
        page.get_by_text("Un fichier CSV (UTF-8) de 2 Mo au plus.").first.wait_for()
        initiatives = page.get_by_role("region", name="Fichier CSV", exact=True)
        initiatives.locator("input[type='file']").set_input_files(_import_csv(tmp_path))
        page.get_by_text("1 ligne(s) invalide(s) sur 2").wait_for()
        wait_for_run(page)
        shot(page, "moderation-import-report")
        valid_only = "Importer seulement les lignes valides (1 à écrire)"
        page.get_by_role("button", name=valid_only).click()
        page.get_by_text("1 initiative(s) importée(s) depuis « import.csv »").wait_for()
        wait_for_run(page)
        assert tab.get_attribute("aria-selected") == "true"
        assert page.get_by_text("1 ligne(s) invalide(s) sur 2").count() == 0
        shot(page, "moderation-import-done")
        assert page.recorder.external_requests() == []
    except Exception:
        print(server.log())
        raise
    finally:
        server.stop()
    store = open_store(postgres_url)
    try:
        assert store.get_by_slug("importee-navigateur") is not None
        assert store.get_by_slug("importee-invalide") is None
    finally:
        store.close()
