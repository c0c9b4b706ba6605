"""Loose comparison of initiative names: "Maison de santé de Vézelay" and "MSP Vézelay"
are the same thing.

Names are compared without accents, case, small words and the commune's own name;
common abbreviations are expanded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from unidecode import unidecode

STOPWORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "pour",
        "sur",
        "un",
        "une",
        "dans",
        "par",
        "avec",
    ]
)
ABBREVIATIONS = {
    "msp": ("maison", "sante", "pluriprofessionnelle"),
    "mmg": ("maison", "medicale", "garde"),
    "cds": ("centre", "sante"),
    "pluridisciplinaire": ("pluriprofessionnelle",),
    "st": ("saint",),
    "ste": ("sainte",),
}
SIMILARITY_THRESHOLD = 0.75


def name_tokens(name: str, ignore: Iterable[str] = ()) -> list[str]:
    """Significant words of a name, accents and case removed, abbreviations expanded."""
    words = re.sub(r"[^a-z0-9]+", " ", unidecode(name).lower()).split()
    skip = set(ignore)
    out: list[str] = []
    for word in words:
        for token in ABBREVIATIONS.get(word, (word,)):
            if token not in STOPWORDS and token not in skip:
                out.append(token)
    return out


def similarity(a: str, b: str, commune_name: str = "") -> float:
    """0 (unrelated) to 1 (same name), ignoring the commune's own name in both."""
    ignore = set(name_tokens(commune_name))
    ta, tb = name_tokens(a, ignore), name_tokens(b, ignore)
    if not ta or not tb:
        # Nothing left but the commune's name (or nothing at all): compare as typed.
        ta, tb = name_tokens(a), name_tokens(b)
        if not ta or not tb:
            return 0.0
    if ta == tb:
        return 1.0
    sa, sb = set(ta), set(tb)
    common = len(sa & sb)
    jaccard = common / len(sa | sb)
    containment = common / min(len(sa), len(sb))
    matcher = SequenceMatcher(None, " ".join(sorted(sa)), " ".join(sorted(sb)))
    # quick_ratio() bounds ratio() from above and is much cheaper
    ratio = matcher.ratio() if matcher.quick_ratio() >= SIMILARITY_THRESHOLD else 0.0
    # All the words of the shorter name are in the longer one: very likely the same.
    contained = 0.9 if containment == 1 and min(len(sa), len(sb)) >= 2 else 0.0
    return round(max(jaccard, ratio, contained), 3)


def slugify(text: str, max_length: int = 80) -> str:
    """``"Maison de santé de Vézelay"`` -> ``"maison-de-sante-de-vezelay"``."""
    words = re.sub(r"[^a-z0-9]+", " ", unidecode(text).lower()).split()
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or (words[0][:max_length] if words else "")
