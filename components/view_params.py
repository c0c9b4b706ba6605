"""The view as URL parameters: parse, validate and serialise (no streamlit here).

Every parameter is validated on its own: a bad value gives a short notice and falls
back to that parameter's default, the others are kept. Values are short and readable,
e.g. ``?dep=55&ind=apl65_2023&levier=telemedecine,maison_de_sante``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

MAX_VALUE_LENGTH = 200
LANGS = ("fr", "en")
CLASS_METHODS = ("quantiles", "jenks")
YEAR_MIN, YEAR_MAX = 1990, 2030
_YEARS = re.compile(r"^(\d{4})-(\d{4})$")


@dataclass(frozen=True)
class ViewState:
    """Everything that defines what the atlas shows, hence its permalink."""

    indicator: str
    dep: str | None = None
    levers: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    classes: str = "quantiles"
    lang: str = "fr"
    extras: dict[str, str] = field(default_factory=dict, compare=False)

    def with_(self, **changes: object) -> ViewState:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Vocabulary:
    """The valid values of each parameter."""

    indicators: Sequence[str]
    default_indicator: str
    departements: Sequence[str]
    levers: Sequence[str]
    actors: Sequence[str]
    statuses: Sequence[str]


def _short(value: str) -> str:
    shown = value if len(value) <= 40 else value[:40] + "…"
    return repr(shown)


def _one(raw: object) -> str:
    """Streamlit gives the last value of a repeated key; lists are tolerated too."""
    if isinstance(raw, (list, tuple)):
        return str(raw[-1]) if raw else ""
    return str(raw)


def _list(
    name: str, raw: str, allowed: Sequence[str], notices: list[str], label: str
) -> tuple[str, ...]:
    if not raw:
        return ()
    items = [item.strip() for item in raw.split(",") if item.strip()]
    kept = tuple(dict.fromkeys(item for item in items if item in allowed))
    unknown = [item for item in items if item not in allowed]
    if unknown:
        notices.append(f"{label} inconnu ignoré : {', '.join(_short(u) for u in unknown[:3])}")
    return tuple(item for item in allowed if item in kept)


def parse_view(params: Mapping[str, object], vocab: Vocabulary) -> tuple[ViewState, list[str]]:
    """A valid ViewState from raw URL parameters, and the notices for what was ignored."""
    notices: list[str] = []
    values: dict[str, str] = {}
    for key, raw in params.items():
        value = _one(raw)
        if len(value) > MAX_VALUE_LENGTH:
            notices.append(f"Paramètre « {key[:20]} » trop long : ignoré")
            continue
        values[key] = value

    indicator = vocab.default_indicator
    if "ind" in values:
        if values["ind"] in vocab.indicators:
            indicator = values["ind"]
        else:
            notices.append(f"Indicateur inconnu {_short(values['ind'])} : indicateur par défaut")

    dep = None
    if values.get("dep"):
        code = values["dep"].strip().upper()
        if code.isdigit() and len(code) == 1:
            code = "0" + code
        if code in vocab.departements:
            dep = code
        else:
            notices.append(f"Département inconnu {_short(values['dep'])} : vue France entière")

    levers = _list("levier", values.get("levier", ""), vocab.levers, notices, "Levier")
    actors = _list("acteur", values.get("acteur", ""), vocab.actors, notices, "Type d'acteur")
    statuses = _list("statut", values.get("statut", ""), vocab.statuses, notices, "Statut")

    years = None
    if values.get("annees"):
        match = _YEARS.match(values["annees"].strip())
        if match:
            low, high = int(match.group(1)), int(match.group(2))
            if YEAR_MIN <= low <= high <= YEAR_MAX:
                years = (low, high)
        if years is None:
            notices.append(
                f"Période {_short(values['annees'])} invalide (attendu : 2015-2024) : ignorée"
            )

    classes = "quantiles"
    if values.get("classes"):
        if values["classes"] in CLASS_METHODS:
            classes = values["classes"]
        else:
            notices.append(f"Méthode de classes {_short(values['classes'])} inconnue : quantiles")

    lang = "fr"
    if values.get("lang"):
        if values["lang"] in LANGS:
            lang = values["lang"]
        else:
            notices.append(f"Langue {_short(values['lang'])} inconnue : français")

    state = ViewState(indicator, dep, levers, actors, statuses, years, classes, lang)
    return state, notices


def to_params(state: ViewState, vocab: Vocabulary) -> dict[str, str]:
    """The shortest URL parameters reproducing ``state`` (defaults are omitted)."""
    out: dict[str, str] = {}
    if state.dep:
        out["dep"] = state.dep
    if state.indicator != vocab.default_indicator:
        out["ind"] = state.indicator
    if state.levers:
        out["levier"] = ",".join(state.levers)
    if state.actors:
        out["acteur"] = ",".join(state.actors)
    if state.statuses:
        out["statut"] = ",".join(state.statuses)
    if state.years:
        out["annees"] = f"{state.years[0]}-{state.years[1]}"
    if state.classes != "quantiles":
        out["classes"] = state.classes
    if state.lang != "fr":
        out["lang"] = state.lang
    return out
