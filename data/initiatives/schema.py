"""The catalogue's columns, code lists and formats (what a row may contain).

Plain constants and the small text helpers every check shares; no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from data.paths import BUILT_DIR, DATA_DIR

CATALOGUE_DIR = DATA_DIR / "catalogue"
INITIATIVES_FILE = "initiatives.csv"
OUTCOMES_FILE = "outcomes.csv"
COMMUNES_CSV = BUILT_DIR / "communes.csv"
COMMUNE_ALIASES_CSV = BUILT_DIR / "commune_aliases.csv"
DEPARTEMENTS_GEOJSON = BUILT_DIR / "departements.geojson"

COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "lever",
    "year_started",
    "carrying_actor",
    "actor_type",
    "status",
    "status_date",
    "verified_on",
    "description_fr",
    "sources",
    "commune",
    "commune_code",
    "departement_code",
    "region_code",
    "scope",
    "case_study",
)

ACTOR_TYPES: dict[str, str] = {
    "commune": "Commune",
    "intercommunalite": "Intercommunalité",
    "departement": "Département",
    "region": "Région",
    "ars": "Agence régionale de santé (ARS)",
    "etat": "État",
    "hopital": "Hôpital",
    "association": "Association",
    "prive": "Acteur privé",
    "autre": "Autre",
}
STATUSES: dict[str, str] = {
    "active": "en cours",
    "project": "en projet",
    "ended": "terminée",
    "unknown": "non renseigné",
}
SCOPES: tuple[str, ...] = ("commune", "departement", "region")
UNKNOWN_LABEL = "non renseigné"

# INSEE region codes (COG), current since 2016.
REGIONS: dict[str, str] = {
    "01": "Guadeloupe",
    "02": "Martinique",
    "03": "Guyane",
    "04": "La Réunion",
    "06": "Mayotte",
    "11": "Île-de-France",
    "24": "Centre-Val de Loire",
    "27": "Bourgogne-Franche-Comté",
    "28": "Normandie",
    "32": "Hauts-de-France",
    "44": "Grand Est",
    "52": "Pays de la Loire",
    "53": "Bretagne",
    "75": "Nouvelle-Aquitaine",
    "76": "Occitanie",
    "84": "Auvergne-Rhône-Alpes",
    "93": "Provence-Alpes-Côte d'Azur",
    "94": "Corse",
}

FIRST_YEAR = 1990
SOURCE_SEPARATOR = "|"
ACTOR_SEPARATOR = ";"

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DEPARTEMENT_RE = re.compile(r"^(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6])$")
COMMUNE_RE = re.compile(r"^(?:(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5])\d{3}|97[1-6]\d{2})$")


def split_list(text: str, separator: str) -> list[str]:
    """Items of a separated cell, stripped, empty items dropped."""
    return [item.strip() for item in text.split(separator) if item.strip()]


def is_http_url(url: str) -> bool:
    """An absolute http(s) URL with a host and no whitespace."""
    if not url or any(ch.isspace() for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def normalise_place_name(name: str) -> str:
    """Compare commune names loosely: accents, case, hyphens, apostrophes and leading article."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    if words and words[0] in ("le", "la", "les", "l"):
        words = words[1:]
    words = ["saint" if w == "st" else "sainte" if w == "ste" else w for w in words]
    return " ".join(words)


def derive_scope(commune_code: str, departement_code: str) -> str:
    if commune_code:
        return "commune"
    return "departement" if departement_code else "region"


# -- outcome records (``outcomes.csv``) ---------------------------------------------------

OUTCOME_COLUMNS: tuple[str, ...] = (
    "initiative_id",
    "indicator_fr",
    "value",
    "unit",
    "period_start",
    "period_end",
    "baseline",
    "baseline_period",
    "measured_by",
    "measurer",
    "method",
    "source",
    "summary_fr",
)
# Who measured: the carrier (or its partners), a journalist, or a third party.
MEASURED_BY: dict[str, str] = {
    "carrier": "le porteur ou ses partenaires",
    "press": "la presse",
    "third_party": "un tiers (ARS, Assurance Maladie, DREES, Cour des comptes, université…)",
}
NUMBER_RE = re.compile(r"^-?\d+(?:\.\d+)?$")
