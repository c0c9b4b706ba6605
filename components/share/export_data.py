"""The figures and initiatives behind the current view, and their CSV/XLSX exports.

No streamlit here: :func:`view_data` computes, from the atlas and a
:class:`~components.view_params.ViewState`, exactly what the page shows (the same
classification as the interactive map, the same initiatives as its markers), so the
presentation frame, the image export and the data export agree with the map.

CSV for a French Excel: UTF-8 with a byte-order mark, ``;`` separator, decimal comma,
CRLF line ends. Every text cell that a spreadsheet could read as a formula (starting
with ``= + - @``, a tab, CR or LF, or their full-width forms) is prefixed with ``'``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import geopandas as gpd
import pandas as pd

from components.evidence_badge import badge_text
from components.i18n import t
from components.map.build import (
    apl_classification,
    classify_indicator,
    commune_apl_series,
    indicator_label,
    indicator_short_label,
    indicator_unit,
    lever_label,
    source_line,
)
from components.map.legend import classes_rows
from components.map.popups import actor_label, status_label
from components.share.export_outcomes import outcome_texts
from components.view_params import ViewState
from data.atlas import Atlas, load_commune_shapes
from data.classify import Classification
from data.filters import InitiativeFilter, filter_initiatives
from data.indicators import Indicator, Source
from data.ranking import tension_rank
from data.search import normalize

Level = Literal["departements", "communes"]
Page = Literal["carte", "departement", "initiatives", "etudes-de-cas", "sources"]
# Pages whose map shows one département's communes when a département is selected.
DRILL_DOWN_PAGES = ("carte", "departement")
# Sources that are not in data/sources.yaml but are behind every view.
INITIATIVES_SOURCE_ID = "initiatives"
GEOMETRY_SOURCE_ID = "datafrance_1_1_0"


def format_date(day: dt.date, lang: str) -> str:
    return day.strftime(t("share.date_format", lang))


@dataclass(frozen=True)
class ViewData:
    """What the current view shows, ready to be drawn or exported."""

    lang: str
    page: str
    level: Level
    dep: str | None
    indicator: Indicator  # the indicator the map is coloured by
    view_indicator: Indicator  # the indicator chosen in the view
    classification: Classification
    decimals: int
    title: str
    subtitle: str
    filters_text: str
    source_text: str
    date_text: str
    permalink: str
    figures: pd.DataFrame  # one row per unit drawn, raw columns (see _figures)
    initiatives: pd.DataFrame  # the initiatives shown (rows of atlas.initiatives)
    outcomes: pd.DataFrame = field(default_factory=pd.DataFrame)  # their outcome records
    shapes: gpd.GeoDataFrame | None = None  # commune polygons when level == "communes"
    sources: tuple[Source, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


def initiative_filter(view: ViewState) -> InitiativeFilter:
    """The initiative filters of a view (the side panel's, the exports', the map's)."""
    return InitiativeFilter(
        levers=view.levers,
        actors=view.actors,
        statuses=view.statuses,
        years=view.years,
        evidence_levels=view.evidence,
        region=view.region,
    )


def initiatives_table(
    frame: pd.DataFrame,
    place_labels: Mapping[str, str],
    lang: str,
    outcomes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The initiatives as a readable table (column names in ``lang``): their level of
    evidence and, from ``outcomes``, their measured results with who measured them."""
    results = outcome_texts(outcomes, lang) if outcomes is not None else {}

    def text(value: object) -> str:
        return (
            "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
        )

    def listed(value: object) -> str:
        if isinstance(value, (list, tuple)):
            return " | ".join(str(v) for v in value)
        return text(value)

    years = pd.array(frame["year_started"], dtype="Int64")
    return pd.DataFrame(
        {
            t("col.id", lang): frame["id"].to_numpy(),
            t("col.initiative", lang): frame["name"].to_numpy(),
            t("col.lever", lang): [lever_label(c, lang) for c in frame["lever"]],
            t("col.place", lang): [place_labels.get(i, "") for i in frame["id"]],
            t("col.departement_code", lang): [text(c) for c in frame["departement_code"]],
            t("col.year", lang): years,
            t("col.actor", lang): [
                actor_label(c, lang) if isinstance(c, str) else "" for c in frame["actor_type"]
            ],
            t("col.status", lang): [status_label(c, lang) for c in frame["status"]],
            t("col.evidence", lang): [badge_text(v, lang) for v in frame["evidence_level"]],
            t("col.outcome", lang): [results.get(i, "") for i in frame["id"]],
            t("col.verified_on", lang): [text(v) for v in frame["verified_on"]],
            t("col.description", lang): [text(v) for v in frame["description_fr"]],
            t("col.sources", lang): [listed(v) for v in frame["sources"]],
            t("col.case_study", lang): [text(v) for v in frame["case_study"]],
        }
    )


def search_mask(table: pd.DataFrame, query: str) -> pd.Series:
    """Rows of ``table`` whose text contains ``query`` (accents and case ignored)."""
    if not query:
        return pd.Series(True, index=table.index)
    needle = normalize(query)
    hits = [
        needle in normalize(" ".join(str(v) for v in row if not pd.isna(v)))
        for row in table.itertuples(index=False)
    ]
    return pd.Series(hits, index=table.index, dtype=bool)


def view_initiatives(
    initiatives: pd.DataFrame,
    view: ViewState,
    *,
    page: str,
    place_labels: Mapping[str, str],
) -> pd.DataFrame:
    """The initiatives the page shows: the filters; on a drill-down page the selected
    département's own initiatives (as its map); on the initiatives page the text search."""
    shown = filter_initiatives(initiatives, initiative_filter(view))
    if view.dep and page in DRILL_DOWN_PAGES:
        shown = filter_initiatives(shown, InitiativeFilter(departement=view.dep))
    if view.query and page == "initiatives":
        table = initiatives_table(shown, place_labels, view.lang)
        shown = shown[search_mask(table, view.query).to_numpy()]
    return shown


def _titles(atlas: Atlas, view: ViewState, level: Level, ind: Indicator) -> tuple[str, str]:
    lang = view.lang
    if view.dep:
        name = atlas.departements.at[view.dep, "nom"]
        title = t("share.title.departement", lang, name=name, code=view.dep)
    else:
        title = t("share.title.france", lang)
    label = indicator_label(ind, lang)
    if ind.year not in label:
        label = f"{label} ({ind.year})"
    if level == "communes":
        return title, t("share.subtitle.communes", lang, label=label)
    return title, label


def filters_text(view: ViewState, shown: int, total: int) -> str:
    """One line saying which initiatives the view shows."""
    lang = view.lang
    parts = [t("filters.count", lang, shown=shown, total=total)]
    if view.levers:
        parts.append(
            t(
                "share.filter.levers",
                lang,
                values=", ".join(lever_label(c, lang) for c in view.levers),
            )
        )
    if view.actors:
        values = ", ".join(actor_label(c, lang) for c in view.actors)
        parts.append(t("share.filter.actors", lang, values=values))
    if view.statuses:
        values = ", ".join(status_label(c, lang) for c in view.statuses)
        parts.append(t("share.filter.statuses", lang, values=values))
    if view.years:
        parts.append(t("share.filter.years", lang, low=view.years[0], high=view.years[1]))
    if view.query:
        parts.append(t("share.filter.query", lang, q=view.query))
    return " · ".join(parts)


def _figures_departements(
    atlas: Atlas, ind: Indicator, c: Classification, initiatives: pd.DataFrame
) -> pd.DataFrame:
    deps = atlas.departements
    counts = initiatives["departement_code"].value_counts()
    values = deps[ind.id]
    return pd.DataFrame(
        {
            "code": deps.index,
            "name": deps["nom"].to_numpy(),
            "region": deps["region_nom"].to_numpy(),
            "value": values.to_numpy(dtype=float),
            "rank": tension_rank(values, ind.higher_is_better).to_numpy(),
            "colour": [c.color(None if pd.isna(v) else float(v)) for v in values],
            "class_index": [c.class_index(None if pd.isna(v) else float(v)) for v in values],
            "initiatives": [int(counts.get(code, 0)) for code in deps.index],
        }
    ).set_index("code", drop=False)


def _figures_communes(
    atlas: Atlas, shapes: gpd.GeoDataFrame, ind: Indicator, c: Classification
) -> pd.DataFrame:
    communes = atlas.communes
    rows = []
    for code in shapes.index:
        known = code in communes.index
        raw = communes.at[code, ind.id] if known else None
        value = None if raw is None or pd.isna(raw) else float(raw)
        pop = communes.at[code, "population"] if known else None
        rows.append(
            {
                "code": code,
                "name": str(shapes.at[code, "nom"]),
                "population": None if pop is None or pd.isna(pop) else int(pop),
                "value": math.nan if value is None else value,
                "colour": c.color(value),
                "class_index": c.class_index(value),
            }
        )
    return pd.DataFrame(rows).set_index("code", drop=False)


def view_sources(atlas: Atlas, indicators: Sequence[Indicator], level: Level) -> tuple[Source, ...]:
    """The datasets behind the view, in order, each once."""
    ids = [ind.source for ind in indicators]
    ids.append(GEOMETRY_SOURCE_ID)
    known = {s.id: s for s in atlas.sources}
    return tuple(known[i] for i in dict.fromkeys(ids) if i in known)


def view_data(
    atlas: Atlas,
    view: ViewState,
    *,
    page: str = "carte",
    place_labels: Mapping[str, str],
    commune_shapes: gpd.GeoDataFrame | None = None,
    permalink: str = "",
    today: dt.date | None = None,
) -> ViewData:
    """Everything the current view shows (see the module docstring)."""
    lang = view.lang
    view_ind = atlas.indicator(view.indicator)
    shown = view_initiatives(atlas.initiatives, view, page=page, place_labels=place_labels)
    level: Level = "communes" if view.dep and page in DRILL_DOWN_PAGES else "departements"
    shapes = None
    if level == "communes":
        assert view.dep is not None
        ind = atlas.indicator(commune_apl_series(view_ind))
        c = apl_classification()
        shapes = commune_shapes if commune_shapes is not None else load_commune_shapes(view.dep)
        figures = _figures_communes(atlas, shapes, ind, c)
        decimals = 1  # as the interactive commune legend
        used = [view_ind, ind]
    else:
        ind = view_ind
        c = classify_indicator(atlas.departements, ind, view.classes)  # type: ignore[arg-type]
        figures = _figures_departements(atlas, ind, c, shown)
        decimals = ind.decimals
        used = [ind]
    title, subtitle = _titles(atlas, view, level, ind)
    source_text = t("share.source_line", lang, source=source_line(ind))
    return ViewData(
        lang=lang,
        page=page,
        level=level,
        dep=view.dep,
        indicator=ind,
        view_indicator=view_ind,
        classification=c,
        decimals=decimals,
        title=title,
        subtitle=subtitle,
        filters_text=filters_text(view, len(shown), len(atlas.initiatives)),
        source_text=source_text,
        date_text=t("share.date", lang, date=format_date(today or dt.date.today(), lang)),
        permalink=permalink,
        figures=figures,
        initiatives=shown,
        outcomes=atlas.outcomes[atlas.outcomes["initiative_id"].isin(shown["id"])],
        shapes=shapes,
        sources=view_sources(atlas, used, level),
    )


# --- tables as exported -------------------------------------------------------------------


def class_labels(data: ViewData) -> dict[int, str]:
    """Legend label of each class index (the interactive legend's labels)."""
    c = data.classification
    by_colour = dict((colour, label) for colour, label in classes_rows(c, data.decimals, data.lang))
    return {i: by_colour[colour] for i, colour in enumerate(c.colors)}


def figures_table(data: ViewData) -> pd.DataFrame:
    """One row per département (or commune) drawn, columns named in the view's language."""
    lang = data.lang
    ind = data.indicator
    f = data.figures
    labels = class_labels(data)
    missing = t("map.missing", lang)
    classes = [missing if pd.isna(i) else labels[int(i)] for i in f["class_index"]]
    value_col = f"{indicator_short_label(ind, lang)} ({indicator_unit(ind, lang)})"
    if data.level == "communes":
        return pd.DataFrame(
            {
                t("col.code", lang): f["code"].to_numpy(),
                t("col.commune", lang): f["name"].to_numpy(),
                t("col.population", lang): pd.array(f["population"], dtype="Int64"),
                value_col: f["value"].to_numpy(),
                t("col.class", lang): classes,
                t("col.colour", lang): f["colour"].to_numpy(),
            }
        )
    return pd.DataFrame(
        {
            t("col.code", lang): f["code"].to_numpy(),
            t("col.departement", lang): f["name"].to_numpy(),
            t("col.region", lang): f["region"].to_numpy(),
            value_col: f["value"].to_numpy(),
            t("col.rank", lang): pd.array(f["rank"], dtype="Int64"),
            t("col.class", lang): classes,
            t("col.colour", lang): f["colour"].to_numpy(),
            t("col.initiatives_shown", lang): f["initiatives"].to_numpy(),
        }
    )


def sources_table(data: ViewData) -> pd.DataFrame:
    """The indicators and datasets behind the view, and the initiatives catalogue."""
    lang = data.lang
    rows = []
    indicators = [data.view_indicator]
    if data.indicator.id != data.view_indicator.id:
        indicators.append(data.indicator)
    for ind in indicators:
        rows.append(
            {
                "type": t("share.source.type.indicator", lang),
                "id": ind.id,
                "label": indicator_label(ind, lang),
                "producer": ind.producer,
                "year": ind.year,
                "licence": ind.licence,
                "url": "",
                "notes": f"{indicator_unit(ind, lang)} — {ind.method}",
            }
        )
    for source in data.sources:
        rows.append(
            {
                "type": t("share.source.type.dataset", lang),
                "id": source.id,
                "label": source.title,
                "producer": source.producer,
                "year": source.year,
                "licence": source.licence,
                "url": source.url or "",
                "notes": source.notes,
            }
        )
    rows.append(
        {
            "type": t("share.source.type.initiatives", lang),
            "id": INITIATIVES_SOURCE_ID,
            "label": t("share.source.initiatives.label", lang),
            "producer": t("app.title", lang),
            "year": "",
            "licence": "GPL-3.0",
            "url": "",
            "notes": t("share.source.initiatives.notes", lang),
        }
    )
    frame = pd.DataFrame(rows)
    return frame.rename(columns={k: t(f"col.source.{k}", lang) for k in frame.columns})


def about_rows(data: ViewData) -> list[tuple[str, str]]:
    lang = data.lang
    return [
        (t("share.about.title", lang), data.title),
        (t("share.about.subtitle", lang), data.subtitle),
        (t("share.about.initiatives", lang), data.filters_text),
        (t("share.about.source", lang), data.source_text),
        (t("share.about.link", lang), data.permalink),
        (t("share.about.date", lang), data.date_text),
        (t("share.about.missing", lang), t("share.about.missing_text", lang)),
    ]
