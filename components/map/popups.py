"""HTML of initiative popups and tooltips, every text escaped.

Contributors' text may contain anything (``<script>``, ``${...}``, quotes): it is
escaped with ``html.escape`` and travels as JSON data (``components.map.layers``),
so it is shown as characters and never runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from urllib.parse import quote, urlsplit

from components.evidence_badge import badge_html
from components.i18n import colon, t
from data.initiatives import ACTOR_TYPES, STATUSES

ACTOR_LABELS_EN = {
    "commune": "Municipality",
    "intercommunalite": "Inter-municipality",
    "departement": "Département",
    "region": "Region",
    "ars": "Regional health agency (ARS)",
    "etat": "State",
    "hopital": "Hospital",
    "association": "Association",
    "prive": "Private actor",
    "autre": "Other",
}
STATUS_LABELS_EN = {
    "active": "ongoing",
    "project": "planned",
    "ended": "ended",
    "unknown": "not stated",
}


def actor_label(code: str, lang: str = "fr") -> str:
    labels = ACTOR_LABELS_EN if lang == "en" else ACTOR_TYPES
    return labels.get(code, code)


def status_label(code: str, lang: str = "fr") -> str:
    labels = STATUS_LABELS_EN if lang == "en" else STATUSES
    return labels.get(code or "unknown", code)


def safe_url(url: str) -> str | None:
    """The URL if it is http(s), else None (``javascript:`` and friends are dropped)."""
    parts = urlsplit(url.strip())
    if parts.scheme in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def _text(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return "" if text in ("nan", "<NA>", "None") else text


def _items(value: object, separator: str) -> list[str]:
    """A list field: a tuple from the loader, or a separated string from a CSV row."""
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in _text(value).split(separator) if part.strip()]


def case_study_href(slug: str, base_url_path: str = "") -> str:
    base = base_url_path.strip("/")
    prefix = f"/{base}" if base else ""
    return f"{prefix}/etudes-de-cas?cas={quote(slug)}"


def lever_href(code: str, base_url_path: str = "") -> str:
    base = base_url_path.strip("/")
    prefix = f"/{base}" if base else ""
    return f"{prefix}/leviers?levier={quote(code)}"


def _status_date(row: Mapping[str, object], lang: str) -> str:
    date = _text(row.get("status_date"))
    return f" ({t('popup.status_date', lang, date=date)})" if date else ""


def _evidence(row: Mapping[str, object], lang: str) -> str:
    level = row.get("evidence_level")
    try:
        return badge_html(int(level), lang)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return escape(t("popup.unknown", lang))


def outcomes_html(records: Iterable[Mapping[str, object]], lang: str) -> str:
    """The outcome records as a list: summary, who measured, the source as a link."""
    items = []
    for record in records:
        who = t(f"outcome.by.{_text(record.get('measured_by'))}", lang)
        measurer = _text(record.get("measurer"))
        url = safe_url(_text(record.get("source")))
        link = (
            f' <a href="{escape(url, quote=True)}" target="_blank" rel="noopener noreferrer" '
            f'data-external="1">{escape(urlsplit(url).netloc.removeprefix("www."))}</a>'
            if url
            else ""
        )
        items.append(
            f"<li><bdi>{escape(_text(record.get('summary_fr')))}</bdi> "
            f"<em>({escape(who)}{colon(lang)} <bdi>{escape(measurer)}</bdi>)</em>{link}</li>"
        )
    if not items:
        return ""
    title = f"<strong>{t('popup.outcome', lang)}{colon(lang)}</strong>"
    return f'<div class="atlas-outcomes">{title}<ul>{"".join(items)}</ul></div>'


def initiative_popup(
    row: Mapping[str, object],
    *,
    lever_label: str,
    place_label: str,
    lang: str = "fr",
    base_url_path: str = "",
) -> str:
    """The popup of one initiative: name, place, year, actor, status, outcome, description,
    source links and the case study link."""
    unknown = t("popup.unknown", lang)
    scope = _text(row.get("scope"))
    if scope == "departement":
        place = f"{escape(place_label)} — {t('popup.scope.departement', lang)}"
    elif scope == "region":
        place = f"{escape(place_label)} — {t('popup.scope.region', lang)}"
    else:
        place = escape(place_label)
    year = _text(row.get("year_started")) or unknown
    actors = _items(row.get("carrying_actor"), ";")
    actor = ", ".join(actor_label(a, lang) for a in actors) or unknown
    parts = [
        f'<div class="atlas-popup" lang="{escape(lang)}">',
        f"<h4><bdi>{escape(_text(row.get('name')))}</bdi></h4>",
        f'<p class="atlas-popup-meta"><strong>{escape(lever_label)}</strong><br>{place}</p>',
        "<dl>",
        f"<dt>{t('popup.year', lang)}</dt><dd>{escape(year)}</dd>",
        f"<dt>{t('popup.actor', lang)}</dt><dd>{escape(actor)}</dd>",
        f"<dt>{t('popup.status', lang)}</dt>"
        f"<dd>{escape(status_label(_text(row.get('status')), lang))}"
        f"{escape(_status_date(row, lang))}</dd>",
        f"<dt>{t('col.evidence', lang)}</dt><dd>{_evidence(row, lang)}</dd>",
        "</dl>",
    ]
    description = _text(row.get("description_fr"))
    if description:
        parts.append(f"<p><bdi>{escape(description)}</bdi></p>")
    parts.append(outcomes_html(row.get("outcome_records") or (), lang))
    links = []
    for url in _items(row.get("sources"), "|"):
        ok = safe_url(url)
        if ok:
            host = urlsplit(ok).netloc.removeprefix("www.")
            links.append(
                f'<a href="{escape(ok, quote=True)}" target="_blank" '
                f'rel="noopener noreferrer" data-external="1">{escape(host)}</a>'
            )
    if links:
        parts.append(
            f"<p><strong>{t('popup.sources', lang)}{colon(lang)}</strong> {' · '.join(links)}</p>"
        )
    lever = _text(row.get("lever"))
    if lever:
        href = lever_href(lever, base_url_path)
        parts.append(
            f'<p><a class="atlas-lever-link" href="{escape(href, quote=True)}" '
            'target="_blank" rel="noopener">'
            f"{t('lever.more', lang)} →</a></p>"
        )
    slug = _text(row.get("case_study"))
    if slug:
        href = case_study_href(slug, base_url_path)
        parts.append(
            f'<p><a class="atlas-case-link" href="{escape(href, quote=True)}" '
            'target="_blank" rel="noopener">'
            f"{t('popup.case_study', lang)} →</a></p>"
        )
    parts.append("</div>")
    return "".join(parts)
