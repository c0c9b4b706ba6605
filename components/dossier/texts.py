"""UI texts (fr/en) of the département dossier (PDF), merged into components.i18n.TEXTS."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # the download button (components.dossier.download)
    "dossier.button": {"fr": "Dossier du département (PDF)", "en": "Département dossier (PDF)"},
    "dossier.button_help": {
        "fr": "Un PDF A4 à imprimer : carte des communes, chiffres clés, initiatives,"
        " territoires comparables, sources et méthode.",
        "en": "A printable A4 PDF: map of the municipalities, key figures, initiatives,"
        " comparable territories, sources and method.",
    },
    "dossier.error": {
        "fr": "Le dossier n'a pas pu être produit : {error}",
        "en": "The dossier could not be produced: {error}",
    },
    # cover
    "dossier.title": {"fr": "Dossier du département", "en": "Département dossier"},
    "dossier.name": {"fr": "{name} ({code})", "en": "{name} ({code})"},
    "dossier.region": {"fr": "Région : {region}", "en": "Region: {region}"},
    "dossier.date": {"fr": "Dossier produit le {date}", "en": "Dossier produced on {date}"},
    "dossier.link": {
        "fr": "Ce département dans l'Atlas (carte interactive, à jour) :",
        "en": "This département in the Atlas (interactive map, up to date):",
    },
    "dossier.qr": {"fr": "QR code du lien ci-contre", "en": "QR code of the link"},
    "dossier.contents": {
        "fr": "1. Chiffres clés · 2. Ce qui a été fait ici · 3. Territoires comparables ·"
        " 4. Sources et méthode",
        "en": "1. Key figures · 2. What was done here · 3. Comparable territories ·"
        " 4. Sources and method",
    },
    "dossier.missing_count": {"fr": "{label} ({count})", "en": "{label} ({count})"},
    # section titles
    "dossier.section.figures": {"fr": "1. Chiffres clés", "en": "1. Key figures"},
    "dossier.section.initiatives": {
        "fr": "2. Ce qui a été fait ici",
        "en": "2. What was done here",
    },
    "dossier.section.comparable": {
        "fr": "3. Territoires comparables",
        "en": "3. Comparable territories",
    },
    "dossier.section.sources": {"fr": "4. Sources et méthode", "en": "4. Sources and method"},
    # key figures
    "dossier.figures_intro": {
        "fr": "Les valeurs du portrait de l'Atlas, face à la France et à la région. Rang : 1 ="
        " situation la plus difficile parmi les départements qui ont une valeur.",
        "en": "The values of the Atlas profile, against France and the region. Rank: 1 ="
        " most difficult situation among the départements with a value.",
    },
    "dossier.col.indicator": {"fr": "Indicateur", "en": "Indicator"},
    "dossier.col.compare": {"fr": "Face à la France", "en": "Against France"},
    "dossier.no_rank": {"fr": "sans rang", "en": "no rank"},
    "dossier.no_compare": {"fr": "comparaison impossible", "en": "no comparison"},
    "dossier.unit_year": {"fr": "{unit} · {year}", "en": "{unit} · {year}"},
    "dossier.series": {"fr": "Évolution dans le temps", "en": "Change over time"},
    "dossier.series_note": {
        "fr": "Les points sont les valeurs publiées ; les traits relient deux dates sans"
        " valeur intermédiaire.",
        "en": "Points are the published values; lines join two dates with no value in between.",
    },
    "dossier.series_none": {
        "fr": "Aucune série à plusieurs dates n'a de valeur pour ce département.",
        "en": "No series with several dates has a value for this département.",
    },
    "dossier.series_values": {"fr": "{who} : {values}", "en": "{who}: {values}"},
    # initiatives
    "dossier.initiatives_intro": {
        "fr": "{count} initiative(s) recensée(s) dans le département, par levier. Chaque fait"
        " vient des sources citées sous l'initiative.",
        "en": "{count} initiative(s) recorded in the département, by lever. Every fact comes"
        " from the sources listed under the initiative.",
    },
    "dossier.regional": {
        "fr": "Programmes régionaux ({region})",
        "en": "Regional programmes ({region})",
    },
    "dossier.field.place": {"fr": "Lieu", "en": "Place"},
    "dossier.field.actor": {"fr": "Porteur", "en": "Led by"},
    "dossier.field.year": {"fr": "Depuis", "en": "Since"},
    "dossier.field.status": {"fr": "Statut", "en": "Status"},
    "dossier.field.description": {"fr": "Description", "en": "Description (in French)"},
    "dossier.field.outcome": {"fr": "Résultat mesuré", "en": "Measured outcome (in French)"},
    "dossier.field.sources": {"fr": "Sources", "en": "Sources"},
    "dossier.field.evidence": {"fr": "Niveau de preuve", "en": "Level of evidence"},
    "dossier.field.outcomes": {"fr": "Résultats relevés", "en": "Recorded outcomes"},
    "dossier.field.case_study": {"fr": "Étude de cas", "en": "Case study"},
    "dossier.status_as_of": {"fr": "{status} (au {date})", "en": "{status} (as of {date})"},
    "dossier.evidence.1": {"fr": "Évaluée par un tiers", "en": "Evaluated by a third party"},
    "dossier.evidence.2": {"fr": "Résultats chiffrés publiés", "en": "Figures published"},
    "dossier.evidence.3": {
        "fr": "Résultats annoncés sans chiffres",
        "en": "Results announced without figures",
    },
    "dossier.evidence.4": {"fr": "Aucun résultat connu", "en": "No known result"},
    "dossier.measured_by.carrier": {"fr": "chiffre du porteur", "en": "carrier's own figure"},
    "dossier.measured_by.press": {"fr": "décompte de presse", "en": "press count"},
    "dossier.measured_by.third_party": {"fr": "mesure d'un tiers", "en": "third-party measure"},
    "dossier.method_of": {"fr": "méthode : {method}", "en": "method: {method}"},
    "dossier.case_studies": {"fr": "Études de cas", "en": "Case studies"},
    # comparable territories
    "dossier.comparable_intro": {
        "fr": "Les {n} départements les plus proches de {name} par l'APL 2023, la part de"
        " population sous 2,5, la densité de généralistes et son évolution (écarts"
        " standardisés), comme dans le portrait de l'Atlas.",
        "en": "The {n} départements closest to {name} by APL 2023, share of population"
        " under 2.5, GP density and its change (standardised distances), as in the Atlas"
        " profile.",
    },
    "dossier.caution": {
        "fr": "Attention : qu'une initiative et une évolution des indicateurs aillent de pair"
        " ne prouve pas que l'une soit la cause de l'autre. Départs en retraite, démographie,"
        " installations et programmes nationaux jouent aussi ; seule une évaluation"
        " comparant avec des territoires témoins peut mesurer un effet.",
        "en": "Caution: an initiative and a change in the indicators occurring together does"
        " not prove that one caused the other. Retirements, demography, new practices and"
        " national programmes play a part too; only an evaluation against control"
        " territories can measure an effect.",
    },
    "dossier.comparable_none": {
        "fr": "Aucun département comparable : les indicateurs de comparaison ne sont pas"
        " disponibles pour ce département.",
        "en": "No comparable département: the comparison indicators are not available for"
        " this département.",
    },
    "dossier.col.initiatives": {"fr": "Initiatives", "en": "Initiatives"},
    "dossier.reference": {"fr": "{name} (ce dossier)", "en": "{name} (this dossier)"},
    "dossier.tried_there": {
        "fr": "{name} — {count} initiative(s)",
        "en": "{name} — {count} initiative(s)",
    },
    # sources and method
    "dossier.datasets": {"fr": "Jeux de données", "en": "Datasets"},
    "dossier.indicators": {"fr": "Indicateurs de ce dossier", "en": "Indicators in this dossier"},
    "dossier.col.method": {
        "fr": "Source et méthode",
        "en": "Source and method (method in French)",
    },
    "dossier.method": {"fr": "Comment les chiffres sont établis", "en": "How the figures are made"},
    "dossier.dataset_line": {
        "fr": "{producer} · année : {year} · licence : {licence}",
        "en": "{producer} · year: {year} · licence: {licence}",
    },
    "dossier.indicator_line": {
        "fr": "{producer}, {dataset} ({year}) · licence : {licence}",
        "en": "{producer}, {dataset} ({year}) · licence: {licence}",
    },
    "dossier.national_method": {"fr": "France : {method}", "en": "France: {method}"},
    "dossier.method.values": {
        "fr": "Les valeurs départementales sont celles des producteurs, calculées une seule fois"
        " à la construction des données de l'Atlas ; ce dossier les lit avec les mêmes"
        " fonctions que l'Atlas et n'en recalcule aucune.",
        "en": "Département values are the producers' ones, computed once when the Atlas"
        " data are built; this dossier reads them with the Atlas's own functions and"
        " recomputes none.",
    },
    "dossier.method.regional": {
        "fr": "Région : seulement quand un agrégat exact existe (APL pondérée par la population"
        " standardisée, part de population sous 2,5 rapportée à la population totale, densité"
        " de généralistes 2022 rapportée à la population implicite de la DREES, population) ;"
        " sinon « non disponible », jamais une moyenne de départements.",
        "en": "Region: only where an exact aggregate exists (APL weighted by the standardised"
        " population, share of population under 2.5 on the total population, 2022 GP density"
        " on the population implied by DREES, population); otherwise “not available”, never"
        " an average of départements.",
    },
    "dossier.method.rank": {
        "fr": "Rang : 1 = situation la plus difficile parmi les départements qui ont une valeur ;"
        " les ex aequo partagent le meilleur rang. « Mieux » ou « moins bien que la France »"
        " suit le sens de l'indicateur.",
        "en": "Rank: 1 = most difficult situation among the départements with a value; ties"
        " share the best rank. “Better” or “worse than France” follows the direction of the"
        " indicator.",
    },
    "dossier.method.map": {
        "fr": "Carte : communes colorées par les classes fixes d'APL de la carte interactive ;"
        " hachures = non disponible. Initiatives : forme et couleur du levier ; un anneau"
        " marque un programme départemental (position indicative).",
        "en": "Map: municipalities coloured by the fixed APL classes of the interactive map;"
        " hatching = not available. Initiatives: lever shape and colour; a ring marks a"
        " département-wide programme (indicative position).",
    },
    "dossier.method.comparable": {
        "fr": "Territoires comparables : {how}",
        "en": "Comparable territories: {how}",
    },
    "dossier.method.missing": {
        "fr": "Une valeur absente est écrite « non disponible » : jamais remplacée par 0 ni"
        " estimée.",
        "en": "A missing value is written “not available”: never replaced by 0 nor estimated.",
    },
    "dossier.method.initiatives": {
        "fr": "Initiatives : catalogue de l'Atlas (licence GPL-3.0), chaque fait vérifié sur les"
        " sources citées ; un statut n'est jamais déduit (il vaut à la date de sa source).",
        "en": "Initiatives: the Atlas catalogue (GPL-3.0 licence), each fact checked against"
        " the sources cited; a status is never inferred (it holds at the date of its"
        " source).",
    },
    "dossier.method.evidence": {
        "fr": "Niveau de preuve (calculé sur les résultats relevés) : 1 évaluée par un tiers"
        " avec une méthode ; 2 résultats chiffrés publiés ; 3 résultats annoncés sans chiffres ;"
        " 4 aucun résultat connu.",
        "en": "Level of evidence (computed from the recorded outcomes): 1 evaluated by a third"
        " party with a method; 2 figures published; 3 results announced without figures;"
        " 4 no known result.",
    },
    # running footer and PDF metadata
    "dossier.footer": {
        "fr": "Atlas des solutions — accès aux soins · {title} : {name} ({code}) · {date}",
        "en": "Atlas of solutions — access to care · {title}: {name} ({code}) · {date}",
    },
    "dossier.page": {"fr": "page {page} / {pages}", "en": "page {page} / {pages}"},
    "dossier.subject": {
        "fr": "Accès aux soins : chiffres, initiatives et sources du département",
        "en": "Access to care: figures, initiatives and sources of the département",
    },
}
