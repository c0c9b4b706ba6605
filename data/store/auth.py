"""Moderation access: the shared secret (plain Python).

There is no default secret: without ``ATLAS_MODERATION_SECRET`` (or
``moderation_secret`` in Streamlit's secrets, read by the page) moderation is off.
Secrets are compared in constant time, on their SHA-256 digests so that not even
their length leaks. Failed attempts are limited per client address by
:class:`RateLimiter` (:mod:`data.store.login_attempts`, counted in the store; the
address behind proxies: :mod:`data.store.client_address`).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Mapping

from data.store.login_attempts import RateLimiter

SECRET_ENV = "ATLAS_MODERATION_SECRET"  # noqa: S105 (a variable name)
SECRET_KEY = "moderation_secret"  # noqa: S105 (a key name)
MIN_SECRET_LENGTH = 12

__all__ = [
    "MIN_SECRET_LENGTH",
    "SECRET_ENV",
    "SECRET_KEY",
    "RateLimiter",
    "SecretTooShort",
    "configured_secret",
    "secret_fingerprint",
    "secret_matches",
]


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
