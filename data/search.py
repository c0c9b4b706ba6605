"""Accent- and case-insensitive search of départements and communes by name or code."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import pandas as pd
from unidecode import unidecode

PlaceKind = Literal["departement", "commune"]
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def normalize(text: str) -> str:
    """``"Vézelay"`` -> ``"vezelay"``; ``"Saint-Étienne"`` -> ``"saint etienne"``."""
    return _NON_ALNUM.sub(" ", unidecode(text).lower()).strip()


@dataclass(frozen=True)
class Place:
    kind: PlaceKind
    code: str
    name: str
    departement_code: str
    population: int = 0

    @property
    def label(self) -> str:
        if self.kind == "departement":
            return f"{self.name} ({self.code})"
        return f"{self.name} ({self.departement_code})"


@dataclass(frozen=True)
class _Entry:
    place: Place
    key: str
    code: str


class PlaceIndex:
    """Pre-normalised names, so a search over 35,000 communes stays instant."""

    def __init__(self, places: Iterable[Place]) -> None:
        self._entries = [_Entry(p, normalize(p.name), p.code.lower()) for p in places]

    def search(self, query: str, limit: int = 10) -> list[Place]:
        """Best matches first: code, exact name, name prefix, word prefix, substring.

        Within a tier, départements come before communes and bigger communes first.
        """
        q = normalize(query)
        if not q:
            return []
        q_code = q.replace(" ", "")
        ranked: list[tuple[int, int, int, str, Place]] = []
        for entry in self._entries:
            tier = self._tier(entry, q, q_code)
            if tier is not None:
                p = entry.place
                kind_rank = 0 if p.kind == "departement" else 1
                ranked.append((tier, kind_rank, -p.population, p.code, p))
        ranked.sort(key=lambda item: item[:4])
        return [item[4] for item in ranked[:limit]]

    @staticmethod
    def _tier(entry: _Entry, q: str, q_code: str) -> int | None:
        if entry.code == q_code or (
            entry.place.kind == "departement" and entry.code.lstrip("0") == q_code.lstrip("0")
        ):
            return 0
        if entry.key == q:
            return 1
        if entry.key.startswith(q):
            return 2
        if f" {q}" in f" {entry.key}":
            return 3
        if q in entry.key:
            return 4
        return None


def commune_places(communes: pd.DataFrame, aliases: pd.DataFrame | None = None) -> list[Place]:
    """Places for every commune (index: code; columns nom, departement_code, population)
    and, when ``aliases`` (code, parent_code, nom) is given, for every commune déléguée
    or associée under its own name, resolving to its current commune's code."""
    places = [
        Place("commune", str(code), str(name), str(dep), int(pop) if pop == pop else 0)
        for code, name, dep, pop in zip(
            communes.index,
            communes["nom"],
            communes["departement_code"],
            communes["population"],
            strict=True,
        )
    ]
    if aliases is not None:
        for parent, name in zip(aliases["parent_code"], aliases["nom"], strict=True):
            if parent in communes.index:
                dep = str(communes.at[parent, "departement_code"])
                places.append(Place("commune", str(parent), str(name), dep))
    return places
