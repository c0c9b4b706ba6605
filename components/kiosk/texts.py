"""UI texts (fr/en) of the kiosk feature, merged into components.i18n.TEXTS.

Texts with ``{s}`` or ``{n}`` that the browser fills in (countdown) are passed to the
page unformatted.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "kiosk.tagline": {
        "fr": "Touchez une région, un département ou la carte.",
        "en": "Tap a region, a département or the map.",
    },
    "kiosk.regions": {"fr": "Choisissez une région", "en": "Choose a region"},
    "kiosk.departements": {"fr": "Choisissez un département", "en": "Choose a département"},
    "kiosk.all_regions": {"fr": "Toutes les régions", "en": "All regions"},
    "kiosk.or_map": {"fr": "… ou touchez la carte.", "en": "… or tap the map."},
    "kiosk.levers": {
        "fr": "Solutions tentées : touchez pour filtrer la carte",
        "en": "What was tried: tap to filter the map",
    },
    "kiosk.levers_all": {"fr": "Toutes les solutions", "en": "All solutions"},
    "kiosk.count": {
        "fr": "{shown} initiative(s) sur la carte, sur {total}",
        "en": "{shown} of {total} initiatives on the map",
    },
    "kiosk.restart": {"fr": "Recommencer", "en": "Start over"},
    "kiosk.lang_switch": {"fr": "English", "en": "Français"},
    "kiosk.phone": {"fr": "Cette vue sur votre téléphone", "en": "This view on your phone"},
    "kiosk.portrait.region": {"fr": "Région {region}", "en": "Region: {region}"},
    "kiosk.portrait.france": {"fr": "France : {value}", "en": "France: {value}"},
    "kiosk.portrait.initiatives": {
        "fr": "{count} initiative(s) ici — touchez pour en savoir plus",
        "en": "{count} initiative(s) here — tap one to learn more",
    },
    "kiosk.portrait.none": {
        "fr": "Aucune initiative recensée ici pour l'instant.",
        "en": "No initiative recorded here yet.",
    },
    "kiosk.portrait.more": {
        "fr": "… et {count} autre(s) : scannez le code « Cette vue » pour tout voir.",
        "en": "… and {count} more: scan the “This view” code to see them all.",
    },
    "kiosk.portrait.case_studies": {"fr": "Études de cas", "en": "Case studies"},
    "kiosk.portrait.neighbours": {"fr": "Départements voisins", "en": "Neighbouring départements"},
    "kiosk.idle.title": {"fr": "Vous êtes toujours là ?", "en": "Still there?"},
    "kiosk.idle.continue": {"fr": "Toucher pour continuer", "en": "Touch to continue"},
    "kiosk.idle.reset_in": {
        "fr": "Retour à l'accueil dans {s} s",
        "en": "Back to the start in {s} s",
    },
    "kiosk.attract.call": {
        "fr": "Touchez l'écran pour explorer",
        "en": "Touch the screen to explore",
    },
    "kiosk.attract.case_study": {"fr": "Étude de cas", "en": "Case study"},
    "kiosk.attract.departement": {"fr": "Département", "en": "Département"},
    "kiosk.attract.initiatives": {
        "fr": "{count} initiative(s) recensée(s) dans l'atlas",
        "en": "{count} initiative(s) recorded in the atlas",
    },
    "kiosk.attract.see": {"fr": "Explorer ce territoire", "en": "Explore this area"},
    "kiosk.qr.title": {
        "fr": "Ce lien s'ouvre sur votre téléphone",
        "en": "This link opens on your phone",
    },
    "kiosk.qr.help": {
        "fr": "Scannez le code avec l'appareil photo de votre téléphone.",
        "en": "Scan the code with your phone's camera.",
    },
    "kiosk.qr.close": {"fr": "Fermer", "en": "Close"},
    "kiosk.qr.sources": {
        "fr": "Sources : scannez pour les lire",
        "en": "Sources: scan to read them",
    },
    "kiosk.qr.case_study": {
        "fr": "L'étude de cas complète, sur votre téléphone",
        "en": "The full case study, on your phone",
    },
    "kiosk.qr.missing": {
        "fr": "Ce lien ne peut pas être ouvert ici.",
        "en": "This link cannot be opened here.",
    },
    "kiosk.offline.title": {"fr": "Reconnexion en cours…", "en": "Reconnecting…"},
    "kiosk.offline.body": {
        "fr": "L'atlas redémarre et revient dans un instant.",
        "en": "The atlas is restarting and will be back in a moment.",
    },
}
