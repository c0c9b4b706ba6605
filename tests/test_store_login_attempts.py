"""The moderation login limit, counted in the store: shared by processes (replicas),
kept across restarts, old failures purged. On SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import subprocess
import textwrap

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from store_support import PYTHON, db_url, python_env  # noqa: F401 (fixture)

from data.store import alembic_config, auth, open_store
from data.store.engine import WRITE
from data.store.login_attempts import RateLimiter

TIMEOUT = 120


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def store(db_url):  # noqa: F811
    s = open_store(db_url, seed_path=None)
    yield s
    s.close()


def test_the_migration_comes_right_after_the_initial_one_in_one_line():
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert script.get_revision("0002_login_attempts").down_revision == "0001_initial"


def test_the_migration_goes_down_and_up(store):
    with store.engine.execution_options(**WRITE).begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0001_initial")
        assert "login_attempts" not in inspect(conn).get_table_names()
        assert "initiatives" in inspect(conn).get_table_names()
        command.upgrade(config, "head")
        assert "login_attempts" in inspect(conn).get_table_names()


def test_failures_block_a_client_until_the_window_passes(store):
    clock = Clock()
    limiter = RateLimiter(
        store.engine, max_failures=3, window=60, global_max_failures=5, clock=clock
    )
    for _ in range(3):
        assert limiter.retry_after("ip:a") == 0
        limiter.failure("ip:a")
    assert limiter.retry_after("ip:a") == pytest.approx(60)
    assert limiter.retry_after("ip:b") == 0  # another client is not blocked...
    limiter.failure("ip:b")
    limiter.failure("ip:c")
    assert limiter.retry_after("ip:d") > 0  # ...until the global cap is reached
    clock.advance(30)
    assert limiter.retry_after("ip:a") == pytest.approx(30)
    clock.advance(31)
    assert limiter.retry_after("ip:a") == 0
    limiter.failure("ip:a")
    limiter.success("ip:a")
    assert limiter.retry_after("ip:a") == 0
    assert limiter.count("ip:a") == 0


def test_a_success_forgets_only_that_client(store):
    limiter = RateLimiter(store.engine, max_failures=2, clock=Clock())
    for key in ("ip:a", "ip:a", "ip:b", "ip:b"):
        limiter.failure(key)
    limiter.success("ip:a")
    assert limiter.retry_after("ip:a") == 0
    assert limiter.retry_after("ip:b") > 0
    assert (limiter.count("ip:a"), limiter.count("ip:b")) == (0, 2)


def test_failures_older_than_the_window_are_purged(store):
    clock = Clock()
    limiter = RateLimiter(store.engine, max_failures=5, window=900, clock=clock)
    for key in ("ip:a", "ip:a", "ip:b"):
        limiter.failure(key)
    clock.advance(600)
    limiter.failure("ip:c")
    assert limiter.count() == 4  # all still in the window
    clock.advance(301)
    limiter.failure("ip:c")
    assert limiter.count() == 2  # the first three left the table
    assert limiter.count("ip:c") == 2


REPLICA = textwrap.dedent(
    """
    import sys
    from data.store import open_store
    from data.store.login_attempts import RateLimiter

    url, key, failures = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = open_store(url, seed_path=None)
    limiter = RateLimiter(store.engine, max_failures=5, window=900.0)
    for _ in range(failures):
        limiter.failure(key)
    print(limiter.retry_after(key), limiter.count(key))
    store.close()
    """
)


def _replica(url: str, key: str, failures: int) -> subprocess.Popen:
    return subprocess.Popen(
        [PYTHON, "-c", REPLICA, url, key, str(failures)],
        env=python_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _answer(proc: subprocess.Popen) -> tuple[float, int]:
    out, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == 0, err
    wait, count = out.split()
    return float(wait), int(count)


def test_two_processes_share_the_counter_and_it_survives_them(db_url):  # noqa: F811
    open_store(db_url, seed_path=None).close()
    key = "ip:203.0.113.7"
    # Two "replicas" fail 3 times each for the same client, at the same time.
    first, second = _replica(db_url, key, 3), _replica(db_url, key, 3)
    answers = [_answer(first), _answer(second)]
    assert max(count for _, count in answers) == 6  # no failure lost
    # A third process, started after both ended (a restart), sees the block...
    wait, count = _answer(_replica(db_url, key, 0))
    assert count == 6 and 0 < wait <= 900
    # ...for that client only.
    assert _answer(_replica(db_url, "ip:198.51.100.23", 0)) == (0.0, 0)


def test_the_secret_check_stays_constant_time(monkeypatch):
    calls = []
    real = auth.hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    assert not auth.secret_matches("x", "un secret assez long")
    assert auth.secret_matches("un secret assez long", "un secret assez long")
    # digests of equal length whatever the inputs' lengths: not even the length leaks
    assert [(len(a), len(b)) for a, b in calls] == [(32, 32), (32, 32)]
