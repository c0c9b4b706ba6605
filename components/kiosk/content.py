"""What the kiosk shows besides the map: regions, attract slides, a small map of France,
initiative and case-study details for the overlays. Plain data (no streamlit here):
texts travel as JSON and the browser shows them with ``textContent``, never as HTML.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import pandas as pd
from shapely.geometry import MultiPolygon, Polygon
from unidecode import unidecode

from components.evidence_badge import badge_text
from components.i18n import colon, t
from components.kiosk.qr import short_host
from components.map.build import indicator_label, indicator_unit, lever_label
from components.map.popups import actor_label, safe_url, status_label
from data.atlas import Atlas
from data.filters import InitiativeFilter, filter_initiatives
from data.formatting import format_value

FEATURED_DEPARTEMENTS = 6
SVG_WIDTH = 1000.0
# Overseas régions have one département each; they come after metropolitan France.
OVERSEAS_REGIONS = ("01", "02", "03", "04", "06")


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    departements: tuple[str, ...]


def regions(deps: pd.DataFrame) -> list[Region]:
    """Metropolitan régions by name, then overseas; their départements by code."""
    out = []
    for (code, name), group in deps.groupby(["region_code", "region_nom"], sort=False):
        out.append(Region(str(code), str(name), tuple(sorted(map(str, group.index)))))
    metro = sorted(
        (r for r in out if r.code not in OVERSEAS_REGIONS), key=lambda r: unidecode(r.name)
    )
    overseas = sorted((r for r in out if r.code in OVERSEAS_REGIONS), key=lambda r: r.code)
    return metro + overseas


def region_of(deps: pd.DataFrame, dep: str) -> str | None:
    if dep not in deps.index:
        return None
    return str(deps.at[dep, "region_code"])


def _rings(geom: Polygon | MultiPolygon) -> list[Sequence[tuple[float, float]]]:
    polygons = geom.geoms if isinstance(geom, MultiPolygon) else [geom]
    return [list(p.exterior.coords) for p in polygons if not p.is_empty]


def france_paths(
    deps_near: gpd.GeoDataFrame, tolerance: float = 0.025
) -> tuple[dict[str, str], tuple[float, float]]:
    """SVG path data per département (DROM rapprochés) and the (width, height) of the
    drawing: a small, offline picture of France for the attract loop."""
    cos = math.cos(math.radians(46.5))
    minx, miny, maxx, maxy = deps_near.total_bounds
    scale = SVG_WIDTH / ((maxx - minx) * cos)
    height = (maxy - miny) * scale
    paths: dict[str, str] = {}
    for code, geom in zip(deps_near.index, deps_near.geometry, strict=True):
        simple = geom.simplify(tolerance, preserve_topology=True)
        parts = []
        for ring in _rings(simple):
            points = [
                f"{(x - minx) * cos * scale:.0f} {(maxy - y) * scale:.0f}" for x, y in ring[:-1]
            ]
            if len(points) >= 3:
                parts.append("M" + "L".join(points) + "Z")
        paths[str(code)] = "".join(parts)
    return paths, (SVG_WIDTH, round(height))


def _figure(a: Atlas, dep: str, indicator_id: str, lang: str) -> dict[str, str]:
    ind = a.indicator(indicator_id)
    unit = indicator_unit(ind, lang)
    value = a.departements.at[dep, indicator_id]
    national = a.national["value"].get(indicator_id)
    return {
        "value": format_value(None if pd.isna(value) else float(value), unit, ind.decimals, lang),
        "label": indicator_label(ind, lang),
        "france": format_value(
            None if national is None or pd.isna(national) else float(national),
            unit,
            ind.decimals,
            lang,
        ),
    }


def featured_departements(a: Atlas, count: int = FEATURED_DEPARTEMENTS) -> list[str]:
    """The départements where access is hardest by the default indicator."""
    ind = a.default_indicator
    values = a.departements[ind.id].dropna()
    ordered = values.sort_values(ascending=ind.higher_is_better, kind="stable")
    return [str(code) for code in ordered.index[:count]]


def attract_slides(a: Atlas, lang: str) -> list[dict[str, Any]]:
    """Case studies and featured départements, alternating."""
    deps = a.departements
    studies = []
    for cs in a.case_studies:
        codes = [d for d in cs.departements if d in deps.index]
        studies.append(
            {
                "kind": t("kiosk.attract.case_study", lang),
                "title": cs.title,
                "subtitle": " · ".join(f"{deps.at[d, 'nom']} ({d})" for d in codes),
                "body": cs.summary,
                "highlight": codes,
                "dep": codes[0] if codes else None,
                "figure": None,
            }
        )
    featured = []
    for dep in featured_departements(a):
        count = len(filter_initiatives(a.initiatives, InitiativeFilter(departement=dep)))
        featured.append(
            {
                "kind": t("kiosk.attract.departement", lang),
                "title": f"{deps.at[dep, 'nom']} ({dep})",
                "subtitle": str(deps.at[dep, "region_nom"]),
                "body": t("kiosk.attract.initiatives", lang, count=count),
                "highlight": [dep],
                "dep": dep,
                "figure": _figure(a, dep, a.default_indicator.id, lang),
            }
        )
    slides: list[dict[str, Any]] = []
    for i in range(max(len(studies), len(featured))):
        slides += studies[i : i + 1] + featured[i : i + 1]
    return slides


def _year(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(int(value))  # type: ignore[call-overload]


def initiative_details(
    a: Atlas, frame: pd.DataFrame, place_labels: dict[str, str], lang: str
) -> dict[str, dict[str, Any]]:
    """What the overlay shows when an initiative of the portrait is tapped."""
    out = {}
    for row in frame.to_dict("records"):
        actors = row.get("carrying_actor") or ()
        records = row.get("outcome_records") or ()
        listed = [*(row.get("sources") or ()), *(str(r.get("source") or "") for r in records)]
        sources = list(dict.fromkeys(u for u in (safe_url(str(s)) for s in listed) if u))
        outcome = " ".join(
            f"{r.get('summary_fr')} ({t('outcome.by.' + str(r.get('measured_by')), lang)}"
            f"{colon(lang)} {r.get('measurer')})"
            for r in records
        )
        level = row.get("evidence_level")
        out[str(row["id"])] = {
            "title": str(row["name"]),
            "lever": lever_label(row["lever"], lang),
            "place": place_labels.get(row["id"], ""),
            "year": _year(row.get("year_started")),
            "actor": ", ".join(actor_label(str(x), lang) for x in actors),
            "status": status_label(str(row.get("status") or "unknown"), lang),
            "description": str(row.get("description_fr") or ""),
            "evidence": badge_text(int(level), lang) if level == level and level else "",
            "outcome": outcome,
            "sources": [{"url": u, "host": short_host(u)} for u in sources],
            "case_study": row.get("case_study") or None,
        }
    return out


def case_study_details(a: Atlas, case_study_url: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Case studies for the overlay: summary, places, the page's URL for a phone."""
    deps = a.departements
    return {
        cs.slug: {
            "title": cs.title,
            "subtitle": " · ".join(
                f"{deps.at[d, 'nom']} ({d})" for d in cs.departements if d in deps.index
            ),
            "summary": cs.summary,
            "url": case_study_url[cs.slug],
            "sources": [
                {"url": s.url, "host": short_host(s.url)} for s in cs.sources if safe_url(s.url)
            ],
        }
        for cs in a.case_studies
    }


def external_urls(a: Atlas) -> list[str]:
    """Every external link the kiosk may show: sources of initiatives and case studies."""
    urls: list[str] = []
    for sources in a.initiatives["sources"]:
        urls += [u for u in (safe_url(str(s)) for s in sources or ()) if u]
    for cs in a.case_studies:
        urls += [u for u in (safe_url(s.url) for s in cs.sources) if u]
    return list(dict.fromkeys(urls))
