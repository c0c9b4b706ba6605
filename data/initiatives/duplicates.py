"""The same initiative entered twice in the catalogue (``docs/catalogue.md``,
"Duplicates"): two rows are taken for one when

- they share a source URL, with the same lever and the same département (the same
  region for regional programmes): a press article may cover several initiatives,
  but not two of one kind in one place; or
- they have the same commune and lever and a similar name
  (:func:`data.initiatives.names.similarity`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from urllib.parse import urlsplit

from data.initiatives.names import SIMILARITY_THRESHOLD, similarity
from data.initiatives.row_error import getter
from data.initiatives.schema import SOURCE_SEPARATOR, split_list


@dataclass(frozen=True)
class CatalogueDuplicate:
    """Two rows taken for one initiative, and why (``shared_source`` or ``similar_name``)."""

    first: str  # id, the smaller of the two
    second: str
    reason: str
    detail: str  # the shared URL, or the similarity score

    def __str__(self) -> str:
        why = "même source" if self.reason == "shared_source" else "nom proche"
        return f"{self.first} ~ {self.second} ({why} : {self.detail})"


def normalise_url(url: str) -> str:
    """Compare URLs without scheme, ``www.``, case of the host, fragment or final slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def _place(get) -> str:  # noqa: ANN001 - a row getter
    dep = get("departement_code")
    return f"departement:{dep}" if dep else f"region:{get('region_code')}"


def find_catalogue_duplicates(
    rows: Iterable[Mapping[str, object]], threshold: float = SIMILARITY_THRESHOLD
) -> list[CatalogueDuplicate]:
    """Every pair of rows the rule takes for one initiative, sorted by ids."""
    by_source: dict[tuple[str, str, str], list[str]] = {}
    by_commune: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for values in rows:
        get = getter(values)
        ident, lever = get("id"), get("lever")
        for url in {normalise_url(u) for u in split_list(get("sources"), SOURCE_SEPARATOR)}:
            by_source.setdefault((url, lever, _place(get)), []).append(ident)
        if get("commune_code"):
            entry = (ident, get("name"), get("commune"))
            by_commune.setdefault((get("commune_code"), lever), []).append(entry)
    found: dict[tuple[str, str], CatalogueDuplicate] = {}
    for (url, _, _), ids in by_source.items():
        for a, b in combinations(sorted(set(ids)), 2):
            found.setdefault((a, b), CatalogueDuplicate(a, b, "shared_source", url))
    for entries in by_commune.values():
        for (ida, name_a, commune), (idb, name_b, _) in combinations(sorted(entries), 2):
            score = similarity(name_a, name_b, commune)
            if score >= threshold:
                detail = f"{score:.2f}"
                found.setdefault((ida, idb), CatalogueDuplicate(ida, idb, "similar_name", detail))
    return [found[key] for key in sorted(found)]
