"""Moderation access: the shared secret and a limit on failed attempts (plain Python).

There is no default secret: without ``ATLAS_MODERATION_SECRET`` (or
``moderation_secret`` in Streamlit's secrets, read by the page) moderation is off.
Secrets are compared in constant time, on their SHA-256 digests so that not even
their length leaks.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping

SECRET_ENV = "ATLAS_MODERATION_SECRET"  # noqa: S105 (a variable name)
SECRET_KEY = "moderation_secret"  # noqa: S105 (a key name)
MIN_SECRET_LENGTH = 12


class SecretTooShort(ValueError):
    """A secret is configured but too short to be a secret."""


def configured_secret(
    environ: Mapping[str, str] | None = None, secrets: Mapping[str, object] | None = None
) -> str | None:
    """The moderation secret from the environment, else from ``secrets``; None if unset.

    Raises :class:`SecretTooShort` for a secret under :data:`MIN_SECRET_LENGTH` characters.
    """
    env = os.environ if environ is None else environ
    value = env.get(SECRET_ENV) or ""
    if not value and secrets is not None:
        candidate = secrets.get(SECRET_KEY)
        value = candidate if isinstance(candidate, str) else ""
    value = value.strip()
    if not value:
        return None
    if len(value) < MIN_SECRET_LENGTH:
        raise SecretTooShort(f"secret de modération trop court (minimum {MIN_SECRET_LENGTH})")
    return value


def secret_matches(given: str, expected: str) -> bool:
    """Constant-time comparison (digests of equal length, :func:`hmac.compare_digest`)."""
    a = hashlib.sha256(given.encode("utf-8")).digest()
    b = hashlib.sha256(expected.encode("utf-8")).digest()
    return hmac.compare_digest(a, b)


def secret_fingerprint(secret: str) -> str:
    """A short, non-reversible tag of the secret: a session authenticated with an old
    secret is logged out when the secret changes."""
    return hashlib.sha256(b"atlas-moderation:" + secret.encode("utf-8")).hexdigest()[:16]


class RateLimiter:
    """At most ``max_failures`` failed attempts per key within ``window`` seconds.

    Thread-safe; one instance per server process (shared by all sessions). Keys are
    e.g. the client's address; :data:`GLOBAL_KEY` caps failures from everywhere.
    """

    GLOBAL_KEY = "*"

    def __init__(
        self,
        max_failures: int = 5,
        window: float = 900.0,
        *,
        global_max_failures: int = 50,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window = window
        self.global_max_failures = global_max_failures
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def retry_after(self, key: str) -> float:
        """Seconds to wait before the next attempt from ``key`` (0 = allowed now)."""
        with self._lock:
            now = self._clock()
            waits = [0.0]
            for k, limit in ((key, self.max_failures), (self.GLOBAL_KEY, self.global_max_failures)):
                times = self._recent(k, now)
                if len(times) >= limit:
                    waits.append(times[len(times) - limit] + self.window - now)
            return max(waits)

    def failure(self, key: str) -> None:
        with self._lock:
            now = self._clock()
            for k in (key, self.GLOBAL_KEY):
                self._recent(k, now).append(now)

    def success(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)
