"""Levels of evidence of an initiative's results, computed from its outcome records
(``docs/catalogue.md``, "Level of evidence"): never typed by hand.

=====  ==============================================  =====================================
level  rule on the initiative's outcome records        icon (a gauge: fuller = stronger)
=====  ==============================================  =====================================
1      one record ``measured_by = third_party`` with   ● full circle
       a ``method``
2      otherwise, one record with a ``value``          ◕ three quarters
3      otherwise, at least one record                  ◔ one quarter
4      no record                                       ○ empty circle
=====  ==============================================  =====================================
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class EvidenceLevel:
    number: int  # 1 (strongest) to 4 (no known result)
    label_fr: str
    label_en: str
    definition_fr: str
    definition_en: str
    icon: str  # one character, present in DejaVu Sans (map popups, image exports)

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_fr

    def definition(self, lang: str) -> str:
        return self.definition_en if lang == "en" else self.definition_fr


EVIDENCE_LEVELS: tuple[EvidenceLevel, ...] = (
    EvidenceLevel(
        1,
        "Évaluée par un tiers",
        "Evaluated by a third party",
        "Au moins un résultat mesuré par un tiers (ARS, Assurance Maladie, DREES, Cour des "
        "comptes, chambre régionale des comptes, université, rapport parlementaire, "
        "évaluateur) selon une méthode qu'il décrit.",
        "At least one result measured by a third party (regional health agency, national "
        "health insurance, DREES, Court of Audit, a university, a parliamentary report, an "
        "evaluator) with a method it describes.",
        "\u25cf",  # ●
    ),
    EvidenceLevel(
        2,
        "Résultats chiffrés publiés",
        "Figures published",
        "Des résultats chiffrés publiés par le porteur, ses partenaires ou la presse, sans "
        "évaluation par un tiers.",
        "Figures published by the carrier, its partners or the press, without a third-party "
        "evaluation.",
        "\u25d5",  # ◕
    ),
    EvidenceLevel(
        3,
        "Résultats annoncés sans chiffres",
        "Results announced without figures",
        "Des résultats annoncés par une source, sans chiffre à l'appui.",
        "Results announced by a source, with no figure to back them.",
        "\u25d4",  # ◔
    ),
    EvidenceLevel(
        4,
        "Aucun résultat connu",
        "No known result",
        "Aucune des sources consultées ne donne de résultat.",
        "None of the sources read gives a result.",
        "\u25cb",  # ○
    ),
)
LEVELS_BY_NUMBER: dict[int, EvidenceLevel] = {level.number: level for level in EVIDENCE_LEVELS}
NO_RESULT = 4


def get_level(number: int) -> EvidenceLevel:
    return LEVELS_BY_NUMBER[number]


def _given(value: object) -> bool:
    """A cell that holds something: not None, not NaN, not blank text."""
    if value is None:
        return False
    if isinstance(value, float):
        return not math.isnan(value)
    return bool(str(value).strip())


def evidence_level(records: Iterable[Mapping[str, object]]) -> int:
    """The level (1 to 4) of one initiative, from its outcome records (catalogue rows
    or rows of the outcomes frame: ``measured_by``, ``method``, ``value``)."""
    level = NO_RESULT
    for record in records:
        measured_by = str(record.get("measured_by") or "").strip()
        if measured_by == "third_party" and _given(record.get("method")):
            return 1
        level = min(level, 2 if _given(record.get("value")) else 3)
    return level
