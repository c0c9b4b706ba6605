"""Failed moderation logins, counted in the store (plain Python).

The count lives in the ``login_attempts`` table, so every replica sharing the
database sees the same count and a restart does not reset it. Only failures are
recorded, one row each (client key, UTC time); a success deletes the client's
rows, and every failure first deletes the rows older than the window, so the table
never holds more than one window of failures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Connection, Engine, delete, func, insert, select

from data.store.audit import as_utc, utcnow
from data.store.engine import WRITE
from data.store.models import login_attempts

CLIENT_MAX = 120  # length of login_attempts.client


class RateLimiter:
    """At most ``max_failures`` failed attempts per client key within ``window``
    seconds, and ``global_max_failures`` from all clients together.

    Keys are e.g. ``"ip:203.0.113.7"`` (:func:`data.store.client_address.client_address`).
    Safe to share between threads and processes: every call is one transaction.
    """

    def __init__(
        self,
        engine: Engine,
        max_failures: int = 5,
        window: float = 900.0,
        *,
        global_max_failures: int = 50,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.engine = engine
        self.max_failures = max_failures
        self.window = window
        self.global_max_failures = global_max_failures
        self._clock = clock

    def _cutoff(self, now: dt.datetime) -> dt.datetime:
        return now - dt.timedelta(seconds=self.window)

    def _wait(self, conn: Connection, key: str | None, limit: int, now: dt.datetime) -> float:
        """Seconds until fewer than ``limit`` failures (of ``key``, or of everybody)
        remain in the window: when the ``limit``-th most recent one leaves it."""
        query = select(login_attempts.c.at).where(login_attempts.c.at > self._cutoff(now))
        if key is not None:
            query = query.where(login_attempts.c.client == key[:CLIENT_MAX])
        query = query.order_by(login_attempts.c.at.desc()).limit(1).offset(limit - 1)
        oldest = as_utc(conn.execute(query).scalar())
        if oldest is None:
            return 0.0
        return max(0.0, (oldest - self._cutoff(now)).total_seconds())

    def retry_after(self, key: str) -> float:
        """Seconds to wait before the next attempt from ``key`` (0 = allowed now)."""
        now = self._clock()
        with self.engine.connect() as conn:
            return max(
                self._wait(conn, key, self.max_failures, now),
                self._wait(conn, None, self.global_max_failures, now),
            )

    def failure(self, key: str) -> None:
        """Record a failed attempt from ``key`` (and purge those out of the window)."""
        now = self._clock()
        with self.engine.execution_options(**WRITE).begin() as conn:
            conn.execute(delete(login_attempts).where(login_attempts.c.at <= self._cutoff(now)))
            conn.execute(insert(login_attempts).values(client=key[:CLIENT_MAX], at=now))

    def success(self, key: str) -> None:
        """A successful login: the failures of ``key`` are forgotten."""
        with self.engine.execution_options(**WRITE).begin() as conn:
            conn.execute(delete(login_attempts).where(login_attempts.c.client == key[:CLIENT_MAX]))

    def count(self, key: str | None = None) -> int:
        """Failures in the table (of ``key``, or all), whatever their age."""
        query = select(func.count()).select_from(login_attempts)
        if key is not None:
            query = query.where(login_attempts.c.client == key[:CLIENT_MAX])
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def clear(self) -> None:
        """Forget every failure (an operator lifting a block; tests)."""
        with self.engine.execution_options(**WRITE).begin() as conn:
            conn.execute(delete(login_attempts))
