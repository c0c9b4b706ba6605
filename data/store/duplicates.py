"""Likely duplicates: another initiative in the same commune with a similar name
(:func:`data.initiatives.names.similarity`). It only flags: a moderator decides."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from data.initiatives.names import SIMILARITY_THRESHOLD, name_tokens, similarity

__all__ = ["SIMILARITY_THRESHOLD", "Duplicate", "find_similar", "name_tokens", "similarity"]


@dataclass(frozen=True)
class Duplicate:
    """An existing initiative that looks like the one being proposed."""

    pk: int
    slug: str | None
    name: str
    state: str  # "pending" or "published"
    score: float


def find_similar(
    name: str,
    commune_name: str,
    candidates: Iterable[tuple[int, str | None, str, str]],
    threshold: float = SIMILARITY_THRESHOLD,
) -> list[Duplicate]:
    """Candidates ``(pk, slug, name, state)`` of the same commune whose name is similar,
    most similar first."""
    found = [
        Duplicate(pk, slug, other, state, score)
        for pk, slug, other, state in candidates
        if (score := similarity(name, other, commune_name)) >= threshold
    ]
    found.sort(key=lambda d: (-d.score, d.pk))
    return found
