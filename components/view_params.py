"""The view as URL parameters: parse, validate and serialise (no streamlit here).

Every parameter is validated on its own: a bad value gives a short notice and falls
back to that parameter's default, the others are kept. Values are short and readable,
e.g. ``?dep=55&ind=apl65_2023&levier=telemedecine,maison_de_sante``.

======================  ===================================================================
parameter               meaning (default when absent or invalid)
======================  ===================================================================
(URL path)              the page: ``/``, ``/departement``, ``/initiatives``, ``/etudes-de-cas``,
                        ``/sources`` (Streamlit's navigation owns it)
``dep``                 selected département (none: France entière). On the map page a
                        selected département *is* the drill-down level: its communes are
                        drawn, so no separate level parameter is needed
``ind``                 indicator id of ``data/indicators.yaml`` (the catalogue's default)
``levier``              lever codes, comma-separated (all levers)
``acteur``              actor types, comma-separated (all)
``statut``              statuses, comma-separated (all)
``annees``              start years ``2015-2024`` (all years)
``classes``             ``quantiles`` or ``jenks`` (quantiles)
``lang``                ``fr`` or ``en`` (fr)
``q``                   text searched in the initiatives table (none)
``presentation``        ``16x9`` or ``1x1``: the presentation frame (normal page)
``embed=true``          Streamlit's own embed flag: read with ``st.context.is_embedded``,
                        kept in the URL by Streamlit, never parsed here
======================  ===================================================================

Notices are written in the language of the parsed view (``lang``), from the catalogue.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from html import escape
from urllib.parse import quote, urlencode

from components.i18n import t

MAX_VALUE_LENGTH = 200
MAX_QUERY_LENGTH = 100
LANGS = ("fr", "en")
CLASS_METHODS = ("quantiles", "jenks")
PRESENTATIONS = ("16x9", "1x1")
# Lenient spellings of the presentation presets.
_PRESENTATION_ALIASES = {
    "1": "16x9",
    "true": "16x9",
    "16x9": "16x9",
    "16:9": "16x9",
    "169": "16x9",
    "1x1": "1x1",
    "1:1": "1x1",
    "carre": "1x1",
    "square": "1x1",
}
YEAR_MIN, YEAR_MAX = 1990, 2030
EVIDENCE_CODES = ("1", "2", "3", "4")
_YEARS = re.compile(r"^(\d{4})-(\d{4})$")
# The parameters this module owns (others, such as ``cas`` or ``kiosk``, belong to pages).
VIEW_KEYS = (
    "dep",
    "ind",
    "levier",
    "acteur",
    "statut",
    "annees",
    "classes",
    "lang",
    "q",
    "presentation",
    "preuve",
    "reg",
)


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
    query: str = ""
    presentation: str | None = None
    evidence: tuple[int, ...] = ()  # levels of evidence kept (data.evidence), empty = all
    region: str | None = None  # initiatives of one region only (INSEE region code)
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
    regions: Sequence[str] = ()


# A notice before it is written in the view's language: (catalogue key, values).
_Notice = tuple[str, dict[str, str]]


def _short(value: str) -> str:
    """The value as shown in a notice: at most 40 characters, control characters visible."""
    shown = value if len(value) <= 40 else value[:40] + "…"
    return repr(shown)


def _one(raw: object) -> str:
    """Streamlit gives the last value of a repeated key; lists are tolerated too."""
    if isinstance(raw, (list, tuple)):
        return str(raw[-1]) if raw else ""
    return str(raw)


def clean_query(text: str) -> str:
    """A search text without control or format characters, spaces collapsed."""
    kept = "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))
    return " ".join(kept.split())


def _list(
    raw: str, allowed: Sequence[str], notices: list[_Notice], label_key: str
) -> tuple[str, ...]:
    if not raw:
        return ()
    items = [item.strip() for item in raw.split(",") if item.strip()]
    kept = tuple(dict.fromkeys(item for item in items if item in allowed))
    unknown = [item for item in items if item not in allowed]
    if unknown:
        values = ", ".join(_short(u) for u in unknown[:3])
        notices.append(("notice.list_item", {"label_key": label_key, "values": values}))
    return tuple(item for item in allowed if item in kept)


def _render(notice: _Notice, lang: str) -> str:
    key, values = notice
    if "label_key" in values:
        values = {**values, "label": t(values["label_key"], lang)}
        del values["label_key"]
    return t(key, lang, **values)


def parse_view(params: Mapping[str, object], vocab: Vocabulary) -> tuple[ViewState, list[str]]:
    """A valid ViewState from raw URL parameters, and the notices for what was ignored."""
    notices: list[_Notice] = []
    values: dict[str, str] = {}
    for key, raw in params.items():
        value = _one(raw)
        if key in VIEW_KEYS and len(value) > MAX_VALUE_LENGTH:
            notices.append(("notice.too_long", {"name": key[:20]}))
            continue
        values[key] = value

    indicator = vocab.default_indicator
    if "ind" in values:
        if values["ind"] in vocab.indicators:
            indicator = values["ind"]
        else:
            notices.append(("notice.indicator", {"value": _short(values["ind"])}))

    dep = None
    if values.get("dep"):
        code = values["dep"].strip().upper()
        if code.isascii() and code.isdigit() and len(code) == 1:
            code = "0" + code
        if code in vocab.departements:
            dep = code
        else:
            notices.append(("notice.departement", {"value": _short(values["dep"])}))

    levers = _list(values.get("levier", ""), vocab.levers, notices, "notice.label.lever")
    actors = _list(values.get("acteur", ""), vocab.actors, notices, "notice.label.actor")
    statuses = _list(values.get("statut", ""), vocab.statuses, notices, "notice.label.status")

    years = None
    if values.get("annees"):
        match = _YEARS.match(values["annees"].strip())
        if match:
            low, high = int(match.group(1)), int(match.group(2))
            if YEAR_MIN <= low <= high <= YEAR_MAX:
                years = (low, high)
        if years is None:
            notices.append(("notice.years", {"value": _short(values["annees"])}))

    classes = "quantiles"
    if values.get("classes"):
        if values["classes"] in CLASS_METHODS:
            classes = values["classes"]
        else:
            notices.append(("notice.classes", {"value": _short(values["classes"])}))

    lang = "fr"
    if values.get("lang"):
        if values["lang"] in LANGS:
            lang = values["lang"]
        else:
            notices.append(("notice.lang", {"value": _short(values["lang"])}))

    query = ""
    if values.get("q"):
        cleaned = clean_query(values["q"])
        if len(cleaned) <= MAX_QUERY_LENGTH:
            query = cleaned
        else:
            notices.append(("notice.too_long", {"name": "q"}))

    presentation = None
    if "presentation" in values:
        preset = _PRESENTATION_ALIASES.get(values["presentation"].strip().lower())
        if preset:
            presentation = preset
        elif values["presentation"].strip().lower() not in ("", "0", "false"):
            notices.append(("notice.presentation", {"value": _short(values["presentation"])}))

    levels = _list(values.get("preuve", ""), EVIDENCE_CODES, notices, "notice.label.evidence")
    evidence = tuple(int(level) for level in levels)
    region = None
    if values.get("reg"):
        if values["reg"].strip() in vocab.regions:
            region = values["reg"].strip()
        else:
            notices.append(("notice.region", {"value": _short(values["reg"])}))

    state = ViewState(
        indicator,
        dep,
        levers,
        actors,
        statuses,
        years,
        classes,
        lang,
        query,
        presentation,
        evidence,
        region,
    )
    return state, [_render(notice, lang) for notice in notices]


def to_params(state: ViewState, vocab: Vocabulary, *, display: bool = True) -> dict[str, str]:
    """The shortest URL parameters reproducing ``state`` (defaults are omitted).

    ``display=False`` leaves out the display mode (``presentation``): the link to share
    from a presentation frame is the link of the interactive view it shows.
    """
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
    if state.query:
        out["q"] = state.query
    if display and state.presentation:
        out["presentation"] = state.presentation
    if state.evidence:
        out["preuve"] = ",".join(str(level) for level in state.evidence)
    if state.region:
        out["reg"] = state.region
    return out


def build_link(base_url: str, params: Mapping[str, str]) -> str:
    """``base_url`` (scheme, host, path; no query) with readable parameters: commas stay
    commas, everything else is percent-encoded."""
    base = base_url.split("?", 1)[0].split("#", 1)[0]
    if not params:
        return base
    return f"{base}?{urlencode(dict(params), safe=',', quote_via=quote)}"


def iframe_snippet(src: str, title: str, height: int = 650) -> str:
    """The HTML to paste to embed the map (``src`` must already carry ``embed=true``)."""
    return (
        f'<iframe src="{escape(src, quote=True)}" title="{escape(title, quote=True)}" '
        f'width="100%" height="{int(height)}" style="border:0" loading="lazy"></iframe>'
    )


def with_embed(link: str) -> str:
    """The link with Streamlit's ``embed=true`` added."""
    return f"{link}{'&' if '?' in link else '?'}embed=true"
