"""Read the built commune tables and resolve commune codes and names.

Used by the data and initiatives code to turn a code or a name found in a
source (possibly an old one: a commune déléguée since a merger) into the
code of the current commune::

    lookup = CommuneLookup.from_built()
    lookup.resolve_code("22264")                      # "22264"
    lookup.resolve_name("La Roche-Derrien", "22")     # "22264" (La Roche-Jaudy)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from data.errors import InputError
from data.paths import BUILT_DIR
from geo.communes import ALIAS_COLUMNS, COMMUNE_COLUMNS

_COMMUNE_DTYPES = {
    "code": "string",
    "type": "string",
    "nom": "string",
    "departement_code": "string",
    "population": "Int64",
    "population_year": "string",
    "epci_code": "string",
    "epci_nom": "string",
    "lon": "Float64",
    "lat": "Float64",
}


def _read(path: Path, columns: list[str], dtypes: dict[str, str]) -> pd.DataFrame:
    if not path.is_file():
        raise InputError(str(path), "fichier absent (lancer python -m geo.build)")
    frame = pd.read_csv(
        path, dtype=dtypes, keep_default_na=False, na_values={c: [""] for c in columns}
    )
    if list(frame.columns) != columns:
        raise InputError(str(path), f"colonnes {list(frame.columns)} au lieu de {columns}")
    return frame


def load_communes(built_dir: Path = BUILT_DIR) -> pd.DataFrame:
    """``communes.csv`` with typed columns (codes as strings, empty cells as ``<NA>``)."""
    return _read(built_dir / "communes.csv", COMMUNE_COLUMNS, _COMMUNE_DTYPES)


def load_commune_aliases(built_dir: Path = BUILT_DIR) -> pd.DataFrame:
    """``commune_aliases.csv``: ``code``, ``parent_code``, ``nom`` (all strings)."""
    return _read(
        built_dir / "commune_aliases.csv", ALIAS_COLUMNS, dict.fromkeys(ALIAS_COLUMNS, "string")
    )


def normalise_name(nom: str) -> str:
    """Comparable form of a place name: no accents, no case, no punctuation, no leading article.

    >>> normalise_name("L'Abergement-Clémenciat")
    'abergement clemenciat'
    """
    text = unicodedata.normalize("NFKD", nom).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"^(le|la|les|l|aux|las|los) ", "", text)
    return re.sub(r"\bst\b", "saint", re.sub(r"\bste\b", "sainte", text))


@dataclass
class CommuneLookup:
    """Index of current communes and of their old names (communes déléguées/associées)."""

    communes: pd.DataFrame
    aliases: pd.DataFrame
    _current: set[str] = field(init=False, repr=False)
    _alias_parent: dict[str, str] = field(init=False, repr=False)
    _by_name: dict[str, set[tuple[str, str]]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._current = set(self.communes["code"])
        self._alias_parent = {}
        for code, parent in zip(self.aliases["code"], self.aliases["parent_code"], strict=True):
            if code not in self._current:
                self._alias_parent[code] = parent
        dep_of = dict(zip(self.communes["code"], self.communes["departement_code"], strict=True))
        self._by_name = {}
        for code, nom in zip(self.communes["code"], self.communes["nom"], strict=True):
            self._by_name.setdefault(normalise_name(nom), set()).add((code, dep_of[code]))
        for parent, nom in zip(self.aliases["parent_code"], self.aliases["nom"], strict=True):
            self._by_name.setdefault(normalise_name(nom), set()).add((parent, dep_of[parent]))

    @classmethod
    def from_built(cls, built_dir: Path = BUILT_DIR) -> CommuneLookup:
        return cls(load_communes(built_dir), load_commune_aliases(built_dir))

    def resolve_code(self, code: str) -> str | None:
        """Current commune (or arrondissement) for an INSEE code, old or current; else ``None``."""
        code = code.strip()
        if code in self._current:
            return code
        return self._alias_parent.get(code)

    def resolve_name(self, nom: str, departement_code: str | None = None) -> str | None:
        """Code of the current commune named ``nom`` now or before a merger.

        ``None`` when no commune or several communes match (give the département).
        """
        matches = self._by_name.get(normalise_name(nom), set())
        if departement_code is not None:
            matches = {m for m in matches if m[1] == departement_code}
        codes = {code for code, _ in matches}
        return codes.pop() if len(codes) == 1 else None


def resolve_commune_code(code: str, built_dir: Path = BUILT_DIR) -> str | None:
    """Shortcut for ``CommuneLookup.from_built(built_dir).resolve_code(code)`` (reads the files)."""
    return CommuneLookup.from_built(built_dir).resolve_code(code)
