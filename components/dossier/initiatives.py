"""What was done in a département: its initiatives by lever, its regional programmes,
its case studies, as plain texts for the PDF.

The same selection as the portrait (:func:`data.filters.filter_initiatives` on the
département), the same labels as the map's popups.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from components.i18n import t
from components.map.build import lever_label
from components.map.popups import actor_label, case_study_href, status_label
from data.atlas import Atlas
from data.filters import InitiativeFilter, filter_initiatives
from data.levers import LEVERS


@dataclass(frozen=True)
class OutcomeRecord:
    text: str
    measured: str
    source: str


@dataclass(frozen=True)
class Evidence:
    level: str | None
    records: tuple[OutcomeRecord, ...]


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    lever: str
    place: str
    actor: str
    year: str
    status: str
    description: str
    outcome: str
    sources: tuple[str, ...]
    case_study: tuple[str, str] | None  # (title, link)
    evidence: Evidence | None


def _text(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[arg-type]
        return ""
    text = str(value)
    return "" if text in ("nan", "<NA>", "None") else text


def evidence_for(atlas: Atlas, row: Mapping[str, object], lang: str) -> Evidence | None:
    """The level of evidence and the outcome records of one initiative, when the atlas has
    them (``evidence_level`` column, ``atlas.outcomes`` frame: docs/catalogue.md); None when
    it has neither. The one place to adapt when the catalogue's outcome records land."""
    level = row.get("evidence_level")
    outcomes = getattr(atlas, "outcomes", None)
    has_level = "evidence_level" in row
    has_records = isinstance(outcomes, pd.DataFrame) and "initiative_id" in outcomes.columns
    if not has_level and not has_records:
        return None
    level_text = None
    if has_level and _text(level):
        key = f"dossier.evidence.{_text(level).removesuffix('.0')}"
        level_text = (
            f"{_text(level).removesuffix('.0')} — {t(key, lang)}"
            if key in _LEVEL_KEYS
            else _text(level)
        )
    records = []
    if has_records:
        assert isinstance(outcomes, pd.DataFrame)
        for rec in outcomes[outcomes["initiative_id"] == row.get("id")].to_dict("records"):
            value = " ".join(p for p in (_text(rec.get("value")), _text(rec.get("unit"))) if p)
            period = " – ".join(
                p for p in (_text(rec.get("period_start")), _text(rec.get("period_end"))) if p
            )
            fallback = ", ".join(p for p in (_text(rec.get("indicator_fr")), value, period) if p)
            by = _text(rec.get("measured_by"))
            measured = ", ".join(
                p
                for p in (
                    t(f"dossier.measured_by.{by}", lang) if by in _MEASURED_BY else by,
                    _text(rec.get("measurer")),
                    t("dossier.method_of", lang, method=_text(rec.get("method")))
                    if _text(rec.get("method"))
                    else "",
                )
                if p
            )
            text = _text(rec.get("summary_fr")) or fallback
            records.append(OutcomeRecord(text, measured, _text(rec.get("source"))))
    return Evidence(level_text, tuple(records))


_LEVEL_KEYS = {f"dossier.evidence.{n}" for n in (1, 2, 3, 4)}
_MEASURED_BY = ("carrier", "press", "third_party")


def _place(row: Mapping[str, object], lang: str) -> str:
    if _text(row.get("commune_code")):
        return _text(row.get("commune_nom")) or _text(row.get("commune"))
    scope = "region" if _text(row.get("scope")) == "region" else "departement"
    return t(f"popup.scope.{scope}", lang)


def _status(row: Mapping[str, object], lang: str) -> str:
    status = status_label(_text(row.get("status")) or "unknown", lang)
    date = _text(row.get("status_date"))
    return t("dossier.status_as_of", lang, status=status, date=date) if date else status


def _entry(atlas: Atlas, row: Mapping[str, object], lang: str, root: str) -> Entry:
    actors = row.get("carrying_actor") or ()
    if isinstance(actors, str):
        actors = tuple(a for a in actors.split(";") if a)
    year = row.get("year_started")
    slug = _text(row.get("case_study"))
    titles = {cs.slug: cs.title for cs in atlas.case_studies}
    case = (titles[slug], root.rstrip("/") + case_study_href(slug)) if slug in titles else None
    sources = row.get("sources") or ()
    return Entry(
        id=_text(row.get("id")),
        name=_text(row.get("name")),
        lever=_text(row.get("lever")),
        place=_place(row, lang),
        actor=", ".join(actor_label(str(a), lang) for a in actors) or t("popup.unknown", lang),
        year=t("popup.unknown", lang) if year is None or pd.isna(year) else str(int(year)),  # type: ignore[arg-type]
        status=_status(row, lang),
        description=_text(row.get("description_fr")),
        outcome=_text(row.get("outcome")),
        sources=tuple(str(s) for s in sources),
        case_study=case,
        evidence=evidence_for(atlas, row, lang),
    )


def by_lever(entries: list[Entry], lang: str) -> list[tuple[str, str, list[Entry]]]:
    """``(lever code, label, entries)`` in the catalogue's lever order."""
    out = []
    for lever in LEVERS:
        mine = [e for e in entries if e.lever == lever.code]
        if mine:
            out.append((lever.code, lever_label(lever.code, lang), mine))
    return out


def departement_initiatives(atlas: Atlas, dep: str) -> pd.DataFrame:
    """The portrait's selection: initiatives whose département is ``dep``."""
    return filter_initiatives(atlas.initiatives, InitiativeFilter(departement=dep))


def entries(atlas: Atlas, frame: pd.DataFrame, lang: str, root: str) -> list[Entry]:
    return [_entry(atlas, row, lang, root) for row in frame.to_dict("records")]


def regional_programmes(atlas: Atlas, dep: str) -> pd.DataFrame:
    """Programmes of the département's region with no département of their own."""
    frame = atlas.initiatives
    region = str(atlas.departements.at[dep, "region_code"])
    mask = (frame["scope"] == "region") & (frame["region_code"].astype(str) == region)
    return frame[mask.fillna(False).astype(bool)]


def case_studies(atlas: Atlas, dep: str, root: str) -> list[tuple[str, str, str]]:
    """``(title, summary, link)`` of the case studies about ``dep`` (as the portrait)."""
    return [
        (cs.title, cs.summary, root.rstrip("/") + case_study_href(cs.slug))
        for cs in atlas.case_studies
        if dep in cs.departements
    ]
