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
    "lever.title": {
        "fr": "Leviers : ce qui a été tenté, ce qu'on en sait",
        "en": "Levers: what was tried, what is known",
    },
    "lever.intro": {
        "fr": "Pour chaque levier : ce qu'il est, qui le porte, où l'atlas en recense, ce que "
        "montrent les résultats des initiatives et ce que disent les évaluations nationales. "
        "Chaque affirmation a sa source.",
        "en": "For each lever: what it is, who carries it, where the atlas records it, what the "
        "initiatives' results show and what national evaluations say. Every claim has its "
        "source.",
    },
    "lever.pick": {"fr": "Levier", "en": "Lever"},
    "lever.carriers": {"fr": "Qui le porte", "en": "Who carries it"},
    "lever.count": {
        "fr": "**{count}** initiative(s) de l'atlas utilisent ce levier.",
        "en": "**{count}** initiative(s) of the atlas use this lever.",
    },
    "lever.open_map": {"fr": "Voir sur la carte", "en": "Show on the map"},
    "lever.open_map_region": {
        "fr": "Ouvrir la carte filtrée sur ce levier et cette région",
        "en": "Open the map filtered on this lever and this region",
    },
    "lever.where": {"fr": "Où, par région", "en": "Where, by region"},
    "lever.none_yet": {"fr": "Aucune initiative recensée.", "en": "No initiative recorded."},
    "lever.results": {
        "fr": "Ce que montrent les résultats des initiatives de l'atlas",
        "en": "What the results of the atlas's initiatives show",
    },
    "lever.initiatives": {"fr": "Initiatives", "en": "Initiatives"},
    "lever.strongest": {
        "fr": "Les résultats chiffrés les mieux étayés :",
        "en": "The best-evidenced results with figures:",
    },
    "lever.no_figures": {
        "fr": "Aucun résultat chiffré n'est encore recensé pour ce levier.",
        "en": "No result with figures is recorded for this lever yet.",
    },
    "lever.national": {
        "fr": "Ce que disent les évaluations et rapports nationaux",
        "en": "What national evaluations and reports say",
    },
    "lever.no_national": {
        "fr": "Aucune évaluation nationale n'a été trouvée.",
        "en": "No national evaluation was found.",
    },
    "lever.third_party": {"fr": "évaluation par un tiers", "en": "third-party evaluation"},
    "lever.not_third": {"fr": "étude non indépendante", "en": "not an independent study"},
    "lever.limits": {"fr": "Limites connues", "en": "Known limits"},
    "lever.more": {"fr": "Ce levier : ce qu'on en sait", "en": "This lever: what is known"},
    "outcome.by.third_party": {"fr": "mesuré par un tiers", "en": "measured by a third party"},
    "outcome.by.carrier": {"fr": "chiffre du porteur", "en": "the carrier's figure"},
    "outcome.by.press": {"fr": "chiffre de presse", "en": "a press figure"},
    "sources.evidence": {"fr": "Niveaux de preuve des résultats", "en": "Levels of evidence"},
    "sources.evidence_intro": {
        "fr": "Chaque initiative porte zéro ou plusieurs résultats mesurés : ce qui est mesuré, "
        "la valeur et l'unité, la période, la source et **qui a mesuré** (le porteur, la presse "
        "ou un tiers : ARS, Assurance Maladie, DREES, IRDES, Cour des comptes, université, "
        "rapport parlementaire…). Le niveau de preuve est calculé à partir de ces résultats, "
        "jamais saisi à la main (docs/catalogue.md).",
        "en": "Each initiative has zero or more measured outcomes: what is measured, value and "
        "unit, period, source and **who measured it** (the carrier, the press or a third party: "
        "regional health agency, health insurance, DREES, IRDES, Court of Audit, a university, "
        "a parliamentary report…). The level of evidence is computed from them, never typed "
        "by hand (docs/catalogue.md).",
    },
    "sources.evidence_rule": {"fr": "Règle", "en": "Rule"},
    "sources.evidence_caveat": {
        "fr": "Un niveau de preuve dit comment on sait, pas si l'initiative a réussi : un "
        "résultat évalué par un tiers peut être modeste, une initiative sans résultat connu "
        "peut fonctionner.",
        "en": "A level of evidence says how we know, not whether the initiative worked: a "
        "third-party result may be modest, an initiative with no known result may work.",
    },
    "leverregion.title": {"fr": "Leviers × régions", "en": "Levers × regions"},
    "leverregion.help": {
        "fr": "Nombre d'initiatives par levier et par région (avec les autres filtres). "
        "Choisir une case filtre la carte sur ce levier et cette région.",
        "en": "Initiatives per lever and region (with the other filters). Selecting a cell "
        "filters the map on that lever and region.",
    },
}
