"""The published version as pages read it: once per script run, again after a write."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy.exc import OperationalError

from components.contributions import store_access


class CountingStore:
    """A store that counts its version queries; ``bump`` is another replica's approval."""

    def __init__(self) -> None:
        self.queries = 0
        self.published = 1
        self.writes = 0
        self.down = False

    def version(self) -> str:
        self.queries += 1
        if self.down:
            raise OperationalError("SELECT", {}, Exception("database is gone"))
        return f"v{self.published}"


@pytest.fixture
def counting(monkeypatch):
    fake = CountingStore()
    run = SimpleNamespace(ctx=None)
    monkeypatch.setattr(store_access, "_store_for", lambda url: fake)
    monkeypatch.setattr(store_access, "resolve_url", lambda: "sqlite:///counting")
    monkeypatch.setattr(store_access, "get_script_run_ctx", lambda suppress_warning: run.ctx)
    monkeypatch.setattr(store_access, "_last_version", {})

    def new_run(ctx=None):
        """Streamlit's context with new cursors, as when a run (or a fragment's) starts."""
        run.ctx = ctx or SimpleNamespace()
        run.ctx.cursors = {}
        return run.ctx

    return fake, new_run


def test_one_query_per_run_and_every_part_of_the_run_sees_the_same_version(counting):
    fake, new_run = counting
    new_run()
    assert [store_access.published_version() for _ in range(10)] == ["v1"] * 10
    assert fake.queries == 1
    fake.published = 2  # approved on another replica during the run
    assert store_access.published_version() == "v1"
    assert fake.queries == 1


def test_the_next_run_reads_the_version_again(counting):
    fake, new_run = counting
    ctx = new_run()
    assert store_access.published_version() == "v1"
    fake.published = 2
    new_run(ctx)  # the same session's context, reset for its next run
    assert store_access.published_version() == "v2"
    assert fake.queries == 2


def test_a_write_of_this_process_reads_the_version_again_within_the_run(counting):
    fake, new_run = counting
    new_run()
    assert store_access.published_version() == "v1"
    fake.published, fake.writes = 2, 1  # a moderator published, in this run
    assert store_access.published_version() == "v2"
    assert store_access.published_version() == "v2"
    assert fake.queries == 2


def test_outside_a_run_every_call_asks_the_database(counting):
    fake, _ = counting
    assert store_access.published_version() == "v1"
    fake.published = 2
    assert store_access.published_version() == "v2"
    assert fake.queries == 2


def test_an_unreachable_database_keeps_the_last_version_and_a_first_failure_raises(counting):
    fake, new_run = counting
    fake.down = True
    new_run()
    with pytest.raises(OperationalError):
        store_access.published_version()
    fake.down = False
    new_run()
    assert store_access.published_version() == "v1"
    fake.down, fake.published = True, 2
    new_run()
    assert store_access.published_version() == "v1"
