"""UI texts (fr/en) of the store feature, merged into components.i18n.TEXTS."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # navigation
    "nav.propose": {"fr": "Proposer une initiative", "en": "Propose an initiative"},
    "nav.moderation": {"fr": "Modération", "en": "Moderation"},
    # contribution form
    "contrib.title": {"fr": "Proposer une initiative", "en": "Propose an initiative"},
    "contrib.intro": {
        "fr": "Votre commune, votre hôpital ou votre association a tenté quelque chose contre "
        "le manque de médecins ? Décrivez-le ici. Chaque proposition est relue par un "
        "modérateur avant d'apparaître sur la carte.",
        "en": "Has your municipality, hospital or association tried something against the "
        "shortage of doctors? Describe it here. Every proposal is checked by a moderator "
        "before it appears on the map.",
    },
    "contrib.name": {"fr": "Nom de l'initiative", "en": "Name of the initiative"},
    "contrib.name_help": {
        "fr": "Sur une ligne, {high} caractères au plus.",
        "en": "On one line, {high} characters at most.",
    },
    "contrib.commune": {"fr": "Commune", "en": "Municipality"},
    "contrib.commune_placeholder": {
        "fr": "ex. Vézelay, vezelay, Saint-Étienne",
        "en": "e.g. Vézelay, vezelay, Saint-Étienne",
    },
    "contrib.commune_help": {
        "fr": "Tapez le début du nom, avec ou sans accents, puis choisissez dans la liste.",
        "en": "Type the start of the name, with or without accents, then pick from the list.",
    },
    "contrib.commune_pick": {"fr": "Commune trouvée", "en": "Matching municipality"},
    "contrib.commune_none": {
        "fr": "Aucune commune ne correspond à « {q} ».",
        "en": "No municipality matches “{q}”.",
    },
    "contrib.commune_resolved": {
        "fr": "{name} : code INSEE {code}",
        "en": "{name}: INSEE code {code}",
    },
    "contrib.commune_point": {
        "fr": "point de la carte {lat} N, {lon} E",
        "en": "map point {lat} N, {lon} E",
    },
    "contrib.commune_no_point": {
        "fr": "pas de point connu : placée sur le département",
        "en": "no known point: placed on the département",
    },
    "contrib.lever": {"fr": "Levier", "en": "Lever"},
    "contrib.choose": {"fr": "Choisir…", "en": "Choose…"},
    "contrib.year": {"fr": "Année de lancement", "en": "Year started"},
    "contrib.optional": {"fr": "facultatif", "en": "optional"},
    "contrib.actors": {"fr": "Porteur(s)", "en": "Led by"},
    "contrib.actors_help": {
        "fr": "Le porteur principal en premier.",
        "en": "The main lead actor first.",
    },
    "contrib.status": {"fr": "Statut", "en": "Status"},
    "contrib.description": {"fr": "Description", "en": "Description (in French)"},
    "contrib.description_help": {
        "fr": "Avec vos mots : ce qui a été fait, par qui, pour qui ({low} à {high} caractères).",
        "en": "In your own words: what was done, by whom, for whom ({low} to {high} characters).",
    },
    "contrib.outcome": {"fr": "Résultat mesuré (facultatif)", "en": "Measured outcome (optional)"},
    "contrib.outcome_help": {
        "fr": "Un chiffre donné par une source : ce qui a été mesuré, la valeur, l'unité, la "
        "fin de la période, qui l'a mesuré et la page qui le dit. Laissez vide si vous n'en "
        "avez pas.",
        "en": "A figure given by a source: what was measured, the value, the unit, the end of "
        "the period, who measured it and the page that says so. Leave empty if you have none.",
    },
    "contrib.out.indicator_fr": {"fr": "Ce qui a été mesuré", "en": "What was measured"},
    "contrib.out.indicator_fr_help": {
        "fr": "Par exemple « médecins installés », « consultations ».",
        "en": "For instance “doctors settled”, “consultations”.",
    },
    "contrib.out.value": {"fr": "Valeur", "en": "Value"},
    "contrib.out.value_help": {
        "fr": "Un nombre (12, 3.5), sans unité.",
        "en": "A number (12, 3.5), without unit.",
    },
    "contrib.out.unit": {"fr": "Unité", "en": "Unit"},
    "contrib.out.unit_help": {
        "fr": "« médecins », « consultations », « % »…",
        "en": "“médecins”, “consultations”, “%”…",
    },
    "contrib.out.period_end": {"fr": "Fin de la période mesurée", "en": "End of the period"},
    "contrib.out.period_end_help": {
        "fr": "AAAA, AAAA-MM ou AAAA-MM-JJ (la date du chiffre), pas dans le futur.",
        "en": "YYYY, YYYY-MM or YYYY-MM-DD (the date of the figure), not in the future.",
    },
    "contrib.out.measured_by": {"fr": "Qui a mesuré", "en": "Measured by"},
    "contrib.out.by.carrier": {"fr": "Le porteur ou ses partenaires", "en": "The carrier"},
    "contrib.out.by.press": {"fr": "La presse", "en": "The press"},
    "contrib.out.by.third_party": {
        "fr": "Un tiers (ARS, Assurance Maladie, DREES, université…)",
        "en": "A third party (ARS, Assurance Maladie, DREES, university…)",
    },
    "contrib.out.measurer": {"fr": "Qui, nommément", "en": "Who, by name"},
    "contrib.out.measurer_help": {
        "fr": "Par exemple « Mairie de Hésingue », « Le Télégramme ».",
        "en": "For instance “Mairie de Hésingue”, “Le Télégramme”.",
    },
    "contrib.out.source": {"fr": "Source du chiffre (URL)", "en": "Source of the figure (URL)"},
    "contrib.out.source_help": {
        "fr": "Une seule adresse http(s), obligatoire pour un résultat.",
        "en": "One http(s) address, required for an outcome.",
    },
    "contrib.out.summary_fr": {"fr": "Résumé en une phrase", "en": "One-sentence summary"},
    "contrib.sources": {"fr": "Sources", "en": "Sources"},
    "contrib.sources_help": {
        "fr": "Au moins une adresse web (http ou https), une par ligne : article, "
        "délibération, site officiel.",
        "en": "At least one web address (http or https), one per line: article, council "
        "decision, official site.",
    },
    "contrib.email": {"fr": "Courriel de contact", "en": "Contact e-mail"},
    "contrib.email_help": {
        "fr": "Facultatif. Seuls les modérateurs le voient ; il n'est jamais publié.",
        "en": "Optional. Only moderators see it; it is never published.",
    },
    "contrib.submit": {"fr": "Envoyer la proposition", "en": "Send the proposal"},
    "contrib.moderation_note": {
        "fr": "Votre proposition ne sera visible qu'après validation par un modérateur.",
        "en": "Your proposal will only be visible once a moderator has approved it.",
    },
    "contrib.thanks": {
        "fr": "Merci ! Votre proposition n° {number} est enregistrée. Un modérateur la "
        "relira avant de la publier sur la carte.",
        "en": "Thank you! Your proposal no. {number} is saved. A moderator will check it "
        "before publishing it on the map.",
    },
    "contrib.failure": {
        "fr": "Votre proposition n'a pas pu être enregistrée (base de données indisponible). "
        "Rien n'a été perdu de votre saisie : réessayez dans un instant.",
        "en": "Your proposal could not be saved (database unavailable). What you typed is "
        "still here: try again in a moment.",
    },
    "contrib.has_errors": {
        "fr": "La proposition n'a pas été envoyée : corrigez les champs signalés ci-dessous.",
        "en": "The proposal was not sent: please fix the fields marked below.",
    },
    "contrib.duplicates_published": {
        "fr": "Une initiative semblable est déjà sur la carte dans cette commune : {names}. "
        "Si c'est la même, inutile de la proposer à nouveau.",
        "en": "A similar initiative is already on the map in this municipality: {names}. "
        "If it is the same one, there is no need to propose it again.",
    },
    "contrib.duplicates_pending": {
        "fr": "{count} proposition(s) semblable(s) dans cette commune attendent déjà une "
        "modération.",
        "en": "{count} similar proposal(s) in this municipality are already waiting for "
        "moderation.",
    },
    # moderation
    "mod.title": {"fr": "Modération", "en": "Moderation"},
    "mod.disabled": {
        "fr": "La modération est désactivée : aucun secret n'est configuré "
        "(variable d'environnement ATLAS_MODERATION_SECRET ou moderation_secret dans "
        ".streamlit/secrets.toml).",
        "en": "Moderation is disabled: no secret is configured (environment variable "
        "ATLAS_MODERATION_SECRET or moderation_secret in .streamlit/secrets.toml).",
    },
    "mod.secret_too_short": {
        "fr": "La modération est désactivée : le secret configuré est trop court "
        "(12 caractères au moins).",
        "en": "Moderation is disabled: the configured secret is too short (at least 12 "
        "characters).",
    },
    "mod.who": {"fr": "Votre nom (pour le journal)", "en": "Your name (for the audit trail)"},
    "mod.secret": {"fr": "Secret de modération", "en": "Moderation secret"},
    "mod.login": {"fr": "Entrer", "en": "Log in"},
    "mod.logout": {"fr": "Sortir", "en": "Log out"},
    "mod.wrong_secret": {"fr": "Secret incorrect.", "en": "Wrong secret."},
    "mod.who_required": {
        "fr": "Indiquez votre nom : il est inscrit au journal de chaque modification.",
        "en": "Give your name: it is written in the audit trail of every change.",
    },
    "mod.rate_limited": {
        "fr": "Trop de tentatives infructueuses. Réessayez dans {minutes} min.",
        "en": "Too many failed attempts. Try again in {minutes} min.",
    },
    "mod.logged_in": {"fr": "Connecté·e : {who}", "en": "Logged in: {who}"},
    "mod.db_error": {
        "fr": "La base de données n'a pas répondu : rien n'a été modifié. Réessayez.",
        "en": "The database did not answer: nothing was changed. Try again.",
    },
    "mod.tab.pending": {"fr": "En attente", "en": "Pending"},
    "mod.tab.published": {"fr": "Publiées", "en": "Published"},
    "mod.counts": {
        "fr": "{pending} proposition(s) en attente · {published} initiative(s) publiée(s)",
        "en": "{pending} proposal(s) pending · {published} initiative(s) published",
    },
    "mod.tab.import": {"fr": "Importer un CSV", "en": "Import a CSV"},
    "mod.tab.export": {"fr": "Exporter", "en": "Export"},
    "mod.tab.audit": {"fr": "Journal", "en": "Audit trail"},
    "mod.queue_empty": {
        "fr": "Aucune proposition en attente.",
        "en": "No proposal waiting.",
    },
    "mod.duplicates": {
        "fr": "Doublon possible (même commune, nom semblable) :",
        "en": "Possible duplicate (same municipality, similar name):",
    },
    "mod.state.pending": {"fr": "en attente", "en": "pending"},
    "mod.state.published": {"fr": "publiée", "en": "published"},
    "mod.state.rejected": {"fr": "refusée", "en": "rejected"},
    "mod.field": {"fr": "Champ", "en": "Field"},
    "mod.value": {"fr": "Valeur", "en": "Value"},
    "mod.place": {"fr": "Lieu", "en": "Place"},
    "mod.received": {"fr": "Reçue le", "en": "Received"},
    "mod.edit": {"fr": "Modifier", "en": "Edit"},
    "mod.save": {"fr": "Enregistrer les modifications", "en": "Save changes"},
    "mod.saved": {"fr": "Initiative n° {number} modifiée.", "en": "Initiative no. {number} saved."},
    "mod.commune_code": {"fr": "Code INSEE de la commune", "en": "INSEE code of the municipality"},
    "mod.case_study": {"fr": "Étude de cas liée (identifiant)", "en": "Linked case study (id)"},
    "mod.approve": {"fr": "Publier", "en": "Publish"},
    "mod.approved": {
        "fr": "Initiative n° {number} publiée.",
        "en": "Initiative no. {number} published.",
    },
    "mod.reason": {"fr": "Motif du refus", "en": "Reason for rejecting"},
    "mod.reject": {"fr": "Refuser", "en": "Reject"},
    "mod.rejected": {
        "fr": "Proposition n° {number} refusée.",
        "en": "Proposal no. {number} rejected.",
    },
    "mod.none_published": {"fr": "Aucune initiative publiée.", "en": "No published initiative."},
    "mod.pick_published": {
        "fr": "Initiative publiée à modifier",
        "en": "Published initiative to edit",
    },
    "mod.import_help": {
        "fr": "Un fichier CSV au format du catalogue (les colonnes de "
        "data/catalogue/*/initiatives.csv, décrites dans docs/catalogue.md). Une ligne dont l'id "
        "existe met à jour l'initiative ; rien n'est écrit avant votre confirmation.",
        "en": "A CSV file in the catalogue's format (the columns of "
        "data/catalogue/*/initiatives.csv, described in docs/catalogue.md). A row whose id "
        "exists updates that initiative; nothing is written before you confirm.",
    },
    "mod.upload": {"fr": "Fichier CSV", "en": "CSV file"},
    "mod.status_date": {"fr": "Date du statut", "en": "Status date"},
    "mod.status_date_help": {
        "fr": "Date de la source la plus récente sur le statut : AAAA, AAAA-MM ou AAAA-MM-JJ ; "
        "vide si le statut est inconnu.",
        "en": "Date of the most recent source on the status: YYYY, YYYY-MM or YYYY-MM-DD; "
        "empty when the status is unknown.",
    },
    "mod.verified_on": {"fr": "Vérifiée le", "en": "Verified on"},
    "mod.verified_on_help": {
        "fr": "AAAA-MM-JJ : le jour où les sources ont été relues.",
        "en": "YYYY-MM-DD: the day the sources were last re-read.",
    },
    "mod.outcome_note": {
        "fr": "Note libre sur les résultats (jamais publiée)",
        "en": "Free-text note on results (never published)",
    },
    "mod.outcomes": {"fr": "Résultats mesurés", "en": "Measured outcomes"},
    "mod.outcomes_help": {
        "fr": "Une ligne par résultat, aux colonnes de outcomes.csv (docs/catalogue.md) ; "
        "ajoutez ou supprimez des lignes, puis enregistrez.",
        "en": "One row per outcome record, with the columns of outcomes.csv "
        "(docs/catalogue.md); add or delete rows, then save.",
    },
    "mod.save_outcomes": {"fr": "Enregistrer les résultats", "en": "Save the outcome records"},
    "mod.outcomes_saved": {
        "fr": "Résultats de n° {number} enregistrés ({count}).",
        "en": "Outcome records of no. {number} saved ({count}).",
    },
    "mod.outcome_error": {
        "fr": "Résultat {number}, {field} : {message}",
        "en": "Record {number}, {field}: {message}",
    },
    "mod.upload_outcomes": {
        "fr": "Fichier des résultats (outcomes.csv, facultatif)",
        "en": "Outcome records file (outcomes.csv, optional)",
    },
    "mod.outcome_summary": {
        "fr": "Résultats : {rows} ligne(s), {invalid} invalide(s) ; les résultats de {sets} "
        "initiative(s) seront remplacés.",
        "en": "Outcome records: {rows} row(s), {invalid} invalid; the records of {sets} "
        "initiative(s) will be replaced.",
    },
    "mod.flagged": {
        "fr": "{count} ligne(s) ressemblent à une initiative déjà enregistrée sous un autre id "
        "(⚠ doublon probable) : vérifiez avant d'importer.",
        "en": "{count} row(s) look like an initiative already stored under another id "
        "(⚠ probable duplicate): check before importing.",
    },
    "mod.file": {"fr": "Fichier", "en": "File"},
    "mod.file.initiatives": {"fr": "initiatives", "en": "initiatives"},
    "mod.file.outcomes": {"fr": "résultats", "en": "outcomes"},
    "mod.duplicate": {"fr": "Doublon probable de", "en": "Probable duplicate of"},
    "mod.action.duplicate": {"fr": "doublon probable", "en": "probable duplicate"},
    "mod.outcome.write": {"fr": "résultat à écrire", "en": "record to write"},
    "mod.outcome.unchanged": {"fr": "résultat inchangé", "en": "record unchanged"},
    "mod.outcome.invalid": {"fr": "résultat invalide (ignoré)", "en": "invalid record (skipped)"},
    "mod.export_outcomes": {
        "fr": "Télécharger les résultats (outcomes.csv)",
        "en": "Download the outcome records (outcomes.csv)",
    },
    "mod.upload_button": {"fr": "Choisir un fichier", "en": "Choose a file"},
    "mod.upload_limit": {
        "fr": "Un fichier CSV (UTF-8) de {megabytes} Mo au plus.",
        "en": "One CSV file (UTF-8), {megabytes} MB at most.",
    },
    "mod.import_blocked": {
        "fr": "{invalid} ligne(s) invalide(s) sur {rows} : corrigez le fichier, ou n'importez "
        "que les lignes valides.",
        "en": "{invalid} invalid row(s) of {rows}: correct the file, or import only the valid "
        "rows.",
    },
    "mod.too_big": {
        "fr": "Fichier trop volumineux ({megabytes} Mo au plus).",
        "en": "File too large (at most {megabytes} MB).",
    },
    "mod.import_summary": {
        "fr": "{rows} ligne(s) : {valid} valide(s), {invalid} invalide(s) ; {writes} à écrire.",
        "en": "{rows} row(s): {valid} valid, {invalid} invalid; {writes} to write.",
    },
    "mod.line": {"fr": "Ligne", "en": "Line"},
    "mod.action": {"fr": "Action", "en": "Action"},
    "mod.errors": {"fr": "Erreurs", "en": "Errors"},
    "mod.action.create": {"fr": "nouvelle", "en": "new"},
    "mod.action.update": {"fr": "mise à jour", "en": "update"},
    "mod.action.unchanged": {"fr": "inchangée", "en": "unchanged"},
    "mod.action.invalid": {"fr": "invalide (ignorée)", "en": "invalid (skipped)"},
    "mod.import_all": {
        "fr": "Importer toutes les lignes ({count} ligne(s) du fichier)",
        "en": "Import all rows ({count} row(s) in the file)",
    },
    "mod.import_valid": {
        "fr": "Importer seulement les lignes valides ({count} à écrire)",
        "en": "Import only the valid rows ({count} to write)",
    },
    "mod.imported": {
        "fr": "{count} initiative(s) importée(s) depuis « {name} ».",
        "en": "{count} initiative(s) imported from “{name}”.",
    },
    "mod.export_help": {
        "fr": "Toutes les initiatives publiées, au format du catalogue. Les cellules qui "
        "commencent par = + - @ sont précédées d'une apostrophe pour qu'un tableur ne les "
        "exécute pas ; les courriels de contact ne sont jamais exportés.",
        "en": "Every published initiative, in the catalogue's format. Cells beginning with "
        "= + - @ get a leading apostrophe so that spreadsheets do not run them; contact "
        "e-mails are never exported.",
    },
    "mod.export": {"fr": "Télécharger le CSV", "en": "Download the CSV"},
    "mod.audit_empty": {"fr": "Journal vide.", "en": "Empty audit trail."},
    "mod.when": {"fr": "Quand", "en": "When"},
    "mod.who_col": {"fr": "Qui", "en": "Who"},
    "mod.initiative": {"fr": "Initiative n°", "en": "Initiative no."},
    "mod.changed": {"fr": "Champs modifiés", "en": "Changed fields"},
    "mod.reason_col": {"fr": "Motif", "en": "Reason"},
    "mod.audit_pick": {
        "fr": "Voir l'avant/après d'une entrée",
        "en": "Show before/after of an entry",
    },
    "mod.before": {"fr": "Avant", "en": "Before"},
    "mod.after": {"fr": "Après", "en": "After"},
}
