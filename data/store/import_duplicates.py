"""Probable duplicates of imported rows: an initiative already in the store under
another id with the same name and commune, or sharing a source URL. Only flagged:
the moderator decides."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, select

from data.initiatives import SOURCE_SEPARATOR, Reference, split_list
from data.initiatives.duplicates import normalise_url
from data.initiatives.names import SIMILARITY_THRESHOLD, similarity
from data.store.lookups import OPEN_STATES
from data.store.models import initiatives


@dataclass(frozen=True)
class ProbableDuplicate:
    slug: str  # the initiative already in the store
    name: str
    reason: str  # "same_name" (same commune, similar name) or "shared_source"
    detail: str  # the commune, or the shared URL

    def __str__(self) -> str:
        if self.reason == "same_name":
            return f"« {self.name} » ({self.slug}) : même nom, même commune ({self.detail})"
        return f"« {self.name} » ({self.slug}) : même source {self.detail}"


class DuplicateFinder:
    """The store's pending and published initiatives, indexed once per import."""

    def __init__(self, conn: Connection, reference: Reference) -> None:
        self.reference = reference
        query = select(
            initiatives.c.slug,
            initiatives.c.name,
            initiatives.c.commune_code,
            initiatives.c.sources,
        ).where(initiatives.c.state.in_(OPEN_STATES), initiatives.c.slug.is_not(None))
        self.by_commune: dict[str, list[tuple[str, str]]] = {}
        self.by_url: dict[str, list[tuple[str, str]]] = {}
        for slug, name, code, sources in conn.execute(query):
            if code:
                self.by_commune.setdefault(code, []).append((slug, name))
            for url in split_list(sources or "", SOURCE_SEPARATOR):
                self.by_url.setdefault(normalise_url(url), []).append((slug, name))

    def find(self, values: Mapping[str, str]) -> tuple[ProbableDuplicate, ...]:
        slug, code = values.get("id", ""), values.get("commune_code", "")
        found: dict[str, ProbableDuplicate] = {}
        if code:
            commune = self.reference.communes.get(code)
            place = commune.nom if commune else code
            for other, name in self.by_commune.get(code, ()):
                score = similarity(values.get("name", ""), name, place)
                if other != slug and score >= SIMILARITY_THRESHOLD:
                    found.setdefault(other, ProbableDuplicate(other, name, "same_name", place))
        for url in _urls(split_list(values.get("sources", ""), SOURCE_SEPARATOR)):
            for other, name in self.by_url.get(url, ()):
                if other != slug:
                    found.setdefault(other, ProbableDuplicate(other, name, "shared_source", url))
        return tuple(found[k] for k in sorted(found))


def _urls(urls: Iterable[str]) -> list[str]:
    return sorted({normalise_url(u) for u in urls})
