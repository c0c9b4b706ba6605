"""UI texts (fr/en) of the exploring panels (portrait charts, comparable territories),
merged into components.i18n.TEXTS."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "series.title": {
        "fr": "Évolution dans le temps (Baromètre de l'action publique)",
        "en": "Over time (Baromètre de l'action publique)",
    },
    "series.zone.departement": {"fr": "Département", "en": "Département"},
    "series.zone.region": {"fr": "Région", "en": "Region"},
    "series.zone.france": {"fr": "France", "en": "France"},
    "series.date": {"fr": "Date", "en": "Date"},
    "series.value": {"fr": "Valeur", "en": "Value"},
    "series.gaps": {
        "fr": "Une date sans valeur est laissée vide (jamais 0 ni interpolée). Source : {source}.",
        "en": "A date without a value is left empty (never 0, never interpolated). "
        "Source: {source}.",
    },
    "cmp.title": {
        "fr": "Territoires comparables : ce qu'ils ont fait, ce que disent les chiffres",
        "en": "Comparable territories: what they did, what the figures say",
    },
    "cmp.note": {
        "fr": "Description, pas démonstration : qu'une initiative et l'évolution d'un "
        "indicateur aillent ensemble ne prouve pas que l'une a causé l'autre.",
        "en": "A description, not a proof: an initiative and the change of an indicator "
        "going together does not show that one caused the other.",
    },
    "cmp.departement": {"fr": "Département", "en": "Département"},
    "cmp.initiatives": {"fr": "Initiatives (par levier)", "en": "Initiatives (by lever)"},
    "cmp.evidence": {"fr": "Niveau de preuve", "en": "Level of evidence"},
    "cmp.none": {"fr": "aucune recensée", "en": "none recorded"},
    "cmp.selected": {"fr": "(sélectionné)", "en": "(selected)"},
    "cmp.change.mg": {
        "fr": "Généralistes pour 100 000 hab.",
        "en": "GPs per 100,000",
    },
    "cmp.change.apl": {"fr": "APL médecins généralistes", "en": "GP accessibility (APL)"},
    "cmp.change.msp": {"fr": "Maisons de santé (nombre)", "en": "Health practices (count)"},
    "cmp.change.cpts": {"fr": "Couverture CPTS (%)", "en": "CPTS coverage (%)"},
    "cmp.no_initiative_here": {
        "fr": "Aucune initiative n'est recensée ici. Voici ce qu'ont tenté les départements "
        "comparables :",
        "en": "No initiative is recorded here. Here is what comparable départements tried:",
    },
}
