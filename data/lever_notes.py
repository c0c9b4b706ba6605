"""What is known of each lever nationally: ``data/lever_notes.yaml``, checked on load.

For every lever of :mod:`data.levers`: what it is, who usually carries it, what national
evaluations and reports say of its results (each claim with its source, publisher and
year, written in our own words) and its known limits, in French and English. Our own
curated text, edited by hand; the loader refuses a missing lever, an unknown one, an
empty text or a claim without an http(s) source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from data.errors import InputError
from data.initiatives import is_http_url
from data.levers import LEVER_CODES
from data.paths import DATA_DIR

LEVER_NOTES_YAML = DATA_DIR / "lever_notes.yaml"
TEXTS = ("what_fr", "what_en", "carriers_fr", "carriers_en", "limits_fr", "limits_en")
CLAIM_TEXTS = ("claim_fr", "claim_en", "publisher")
FIRST_YEAR = 1990


@dataclass(frozen=True)
class EvidenceClaim:
    """One finding of a national evaluation or report about a lever."""

    claim_fr: str
    claim_en: str
    publisher: str
    year: int
    source_url: str
    third_party: bool

    def claim(self, lang: str) -> str:
        return self.claim_en if lang == "en" else self.claim_fr


@dataclass(frozen=True)
class LeverNote:
    code: str
    what_fr: str
    what_en: str
    carriers_fr: str
    carriers_en: str
    limits_fr: str
    limits_en: str
    evidence: tuple[EvidenceClaim, ...]
    limits_sources: tuple[str, ...]

    def text(self, field: str, lang: str) -> str:
        return getattr(self, f"{field}_{'en' if lang == 'en' else 'fr'}")


def _text(where: str, entry: dict[str, Any], key: str, path: Path) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(str(path), f"{where} : « {key} » manquant ou vide")
    return value.strip()


def _url(where: str, value: object, path: Path) -> str:
    if not isinstance(value, str) or not is_http_url(value.strip()):
        raise InputError(str(path), f"{where} : source {value!r} n'est pas une URL http(s)")
    return value.strip()


def _claim(where: str, entry: object, path: Path, this_year: int) -> EvidenceClaim:
    if not isinstance(entry, dict):
        raise InputError(str(path), f"{where} : une preuve doit être un dictionnaire")
    texts = {key: _text(where, entry, key, path) for key in CLAIM_TEXTS}
    year = entry.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not FIRST_YEAR <= year <= this_year:
        raise InputError(str(path), f"{where} : année {year!r} invalide")
    third_party = entry.get("third_party")
    if not isinstance(third_party, bool):
        raise InputError(str(path), f"{where} : « third_party » doit valoir true ou false")
    return EvidenceClaim(
        **texts,
        year=year,
        source_url=_url(where, entry.get("source_url"), path),
        third_party=third_party,
    )


def parse_lever_notes(
    data: object, path: Path = LEVER_NOTES_YAML, *, this_year: int | None = None
) -> dict[str, LeverNote]:
    """The notes of every lever, in the order of :data:`data.levers.LEVER_CODES`."""
    this_year = this_year or dt.date.today().year
    levers = data.get("levers") if isinstance(data, dict) else None
    if not isinstance(levers, dict):
        raise InputError(str(path), "clé « levers » absente")
    unknown = sorted(set(levers) - set(LEVER_CODES))
    missing = [code for code in LEVER_CODES if code not in levers]
    if unknown or missing:
        raise InputError(str(path), f"leviers inconnus {unknown}, manquants {missing}")
    notes: dict[str, LeverNote] = {}
    for code in LEVER_CODES:
        entry = levers[code]
        if not isinstance(entry, dict):
            raise InputError(str(path), f"levier {code} : un dictionnaire est attendu")
        claims = entry.get("evidence") or []
        if not isinstance(claims, list):
            raise InputError(str(path), f"levier {code} : « evidence » doit être une liste")
        extra = entry.get("limits_sources") or []
        if not isinstance(extra, list):
            raise InputError(str(path), f"levier {code} : « limits_sources » doit être une liste")
        notes[code] = LeverNote(
            code=code,
            **{key: _text(f"levier {code}", entry, key, path) for key in TEXTS},
            evidence=tuple(
                _claim(f"levier {code}, preuve {i + 1}", c, path, this_year)
                for i, c in enumerate(claims)
            ),
            limits_sources=tuple(_url(f"levier {code}", u, path) for u in extra),
        )
    return notes


def load_lever_notes(path: Path = LEVER_NOTES_YAML) -> dict[str, LeverNote]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(str(path), f"lecture impossible : {exc}") from exc
    return parse_lever_notes(data, path)
