"""Every UI text in French (default) and English, in one catalogue.

Indicator labels and units come from ``data/indicators.yaml``, lever labels from
``data.levers``; everything else the user reads is here. ``t(key, lang, **values)``
formats with ``str.format``.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # navigation
    "nav.map": {"fr": "Carte", "en": "Map"},
    "nav.departement": {"fr": "Département", "en": "Département"},
    "nav.initiatives": {"fr": "Initiatives", "en": "Initiatives"},
    "nav.case_studies": {"fr": "Études de cas", "en": "Case studies"},
    "nav.levers": {"fr": "Leviers", "en": "Levers"},
    "nav.sources": {"fr": "Sources et méthode", "en": "Sources and method"},
    "app.title": {
        "fr": "Atlas des solutions — accès aux soins",
        "en": "Atlas of solutions — access to care",
    },
    "app.subtitle": {
        "fr": "Où l'accès au médecin est le plus difficile, et ce que les territoires ont tenté.",
        "en": "Where seeing a doctor is hardest, and what local authorities have tried.",
    },
    # map
    "map.indicator": {"fr": "Indicateur", "en": "Indicator"},
    "map.classes": {"fr": "Classes", "en": "Classes"},
    "map.classes.quantiles": {"fr": "Quantiles", "en": "Quantiles"},
    "map.classes.jenks": {"fr": "Seuils naturels (Jenks)", "en": "Natural breaks (Jenks)"},
    "map.back": {"fr": "← Retour à la France entière", "en": "← Back to all of France"},
    "map.rank": {
        "fr": "Rang {rank} sur {count} (1 = situation la plus difficile)",
        "en": "Rank {rank} of {count} (1 = most difficult)",
    },
    "map.no_rank": {"fr": "Pas de rang (valeur non disponible)", "en": "No rank (no value)"},
    "map.missing": {"fr": "non disponible", "en": "not available"},
    "map.source": {"fr": "Source", "en": "Source"},
    "map.legend.initiatives": {"fr": "Initiatives", "en": "Initiatives"},
    "map.legend.dep_wide": {
        "fr": "anneau pointillé : programme départemental (position indicative)",
        "en": "dashed ring: département-wide programme (indicative position)",
    },
    "map.legend.region_wide": {
        "fr": "double anneau : programme régional (position indicative)",
        "en": "double ring: regional programme (indicative position)",
    },
    "map.communes_apl": {
        "fr": "Communes : APL aux médecins généralistes, {year}",
        "en": "Municipalities: GP accessibility (APL), {year}",
    },
    "map.darker_worse": {"fr": "plus foncé = plus difficile", "en": "darker = more difficult"},
    "map.drom_note": {
        "fr": "Outre-mer rapprochés (échelles différentes)",
        "en": "Overseas départements moved closer (different scales)",
    },
    "map.help": {
        "fr": "Cliquez un département pour voir ses communes, ses initiatives et son portrait.",
        "en": "Click a département to see its municipalities, initiatives and profile.",
    },
    # popups
    "popup.commune": {"fr": "Commune", "en": "Municipality"},
    "popup.scope.departement": {
        "fr": "Programme à l'échelle du département",
        "en": "Département-wide programme",
    },
    "popup.scope.region": {"fr": "Programme régional", "en": "Regional programme"},
    "popup.year": {"fr": "Depuis", "en": "Since"},
    "popup.actor": {"fr": "Porteur", "en": "Led by"},
    "popup.status": {"fr": "Statut", "en": "Status"},
    "popup.outcome": {"fr": "Résultats mesurés", "en": "Measured outcomes"},
    "popup.status_date": {"fr": "selon une source de {date}", "en": "per a source of {date}"},
    "popup.sources": {"fr": "Sources", "en": "Sources"},
    "popup.case_study": {"fr": "Lire l'étude de cas", "en": "Read the case study"},
    "popup.unknown": {"fr": "non renseigné", "en": "not stated"},
    # filters
    "filters.title": {"fr": "Filtrer les initiatives", "en": "Filter initiatives"},
    "filters.levers": {"fr": "Leviers", "en": "Levers"},
    "filters.evidence": {"fr": "Niveau de preuve des résultats", "en": "Level of evidence"},
    "filters.region_only": {
        "fr": "Région : {region} (retirer)",
        "en": "Region: {region} (remove)",
    },
    "filters.actors": {"fr": "Type de porteur", "en": "Type of lead actor"},
    "filters.statuses": {"fr": "Statut", "en": "Status"},
    "filters.years": {"fr": "Année de lancement", "en": "Year started"},
    "filters.years_unknown": {
        "fr": "Inclure les initiatives sans année connue",
        "en": "Include initiatives with no known year",
    },
    "filters.reset": {"fr": "Réinitialiser les filtres", "en": "Reset filters"},
    "filters.count": {
        "fr": "{shown} initiative(s) affichée(s) sur {total}",
        "en": "{shown} of {total} initiatives shown",
    },
    "search.label": {
        "fr": "Rechercher un département ou une commune",
        "en": "Search a département or municipality",
    },
    "search.placeholder": {"fr": "ex. Meuse, 2A, Vézelay", "en": "e.g. Meuse, 2A, Vézelay"},
    "search.none": {"fr": "Aucun résultat pour « {q} ».", "en": "No match for “{q}”."},
    # portrait
    "portrait.title": {"fr": "Portrait : {name} ({code})", "en": "Profile: {name} ({code})"},
    "portrait.key_figures": {"fr": "Chiffres clés", "en": "Key figures"},
    "portrait.national": {"fr": "France", "en": "France"},
    "portrait.regional": {"fr": "Région", "en": "Region"},
    "portrait.better": {"fr": "mieux que la France", "en": "better than France"},
    "portrait.worse": {"fr": "moins bien que la France", "en": "worse than France"},
    "portrait.same": {"fr": "comme la France", "en": "same as France"},
    "portrait.rank_short": {"fr": "rang {rank}/{count}", "en": "rank {rank}/{count}"},
    "portrait.trend": {"fr": "Évolution 2018 → 2022", "en": "Change 2018 → 2022"},
    "portrait.initiatives": {"fr": "Initiatives dans le département", "en": "Initiatives here"},
    "portrait.no_initiative": {
        "fr": "Aucune initiative recensée pour l'instant.",
        "en": "No initiative recorded yet.",
    },
    "portrait.neighbours": {"fr": "Départements voisins", "en": "Neighbouring départements"},
    "portrait.comparable": {"fr": "Départements comparables", "en": "Comparable départements"},
    "portrait.comparable_help": {
        "fr": "Les plus proches par APL 2023, part de population sous 2,5, densité de"
        " généralistes et son évolution (écarts standardisés).",
        "en": "Closest by APL 2023, share of population under 2.5, GP density and its"
        " change (standardised distances).",
    },
    "portrait.tried_there": {"fr": "Ce qui y a été tenté", "en": "What was tried there"},
    "portrait.case_studies": {"fr": "Études de cas", "en": "Case studies"},
    "portrait.choose": {
        "fr": "Choisissez un département sur la carte ou dans la recherche.",
        "en": "Pick a département on the map or in the search.",
    },
    "portrait.open_page": {"fr": "Ouvrir le portrait complet", "en": "Open the full profile"},
    # tables and pages
    "table.title": {"fr": "Tableau des départements", "en": "Table of départements"},
    "table.help": {
        "fr": "Le même contenu que la carte, triable (cliquez un en-tête).",
        "en": "Same content as the map, sortable (click a header).",
    },
    "initiatives.title": {"fr": "Initiatives recensées", "en": "Recorded initiatives"},
    "initiatives.search": {"fr": "Rechercher (nom, commune, porteur…)", "en": "Search"},
    "case.title": {"fr": "Études de cas", "en": "Case studies"},
    "case.sources": {"fr": "Sources", "en": "Sources"},
    "case.linked": {"fr": "Initiatives liées", "en": "Linked initiatives"},
    "case.unknown": {"fr": "Étude de cas inconnue : {slug}", "en": "Unknown case study: {slug}"},
    "sources.title": {"fr": "Sources et méthode", "en": "Sources and method"},
    "error.load": {
        "fr": "Les données de l'atlas n'ont pas pu être chargées : {error}",
        "en": "The atlas data could not be loaded: {error}",
    },
    "lang.label": {"fr": "Langue", "en": "Language"},
}

LANG_NAMES = {"fr": "Français", "en": "English"}


def _merge_feature_texts() -> None:
    """Each feature keeps its texts in its own module; keys must not collide."""
    from components.contributions import texts as texts_store
    from components.dossier import texts as texts_dossier
    from components.explore import texts as texts_explore
    from components.kiosk import texts as texts_kiosk
    from components.share import texts as texts_share

    for module in (texts_share, texts_kiosk, texts_store, texts_explore, texts_dossier):
        clash = set(module.TEXTS) & set(TEXTS)
        if clash:
            raise ValueError(f"duplicate UI text keys: {sorted(clash)}")
        TEXTS.update(module.TEXTS)


_merge_feature_texts()


def colon(lang: str = "fr") -> str:
    """French puts a (non-breaking) space before a colon, English does not."""
    return "\u00a0:" if lang == "fr" else ":"


def t(key: str, lang: str = "fr", **values: object) -> str:
    """The text for ``key`` in ``lang`` (French if missing), formatted with ``values``."""
    entry = TEXTS[key]
    text = entry.get(lang) or entry["fr"]
    return text.format(**values) if values else text
