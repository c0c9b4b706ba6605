"""The level of evidence as a badge: icon and words (never colour alone), with its
definition as a tooltip. Plain text for Markdown and tables, escaped HTML for popups."""

from __future__ import annotations

from html import escape

from data.evidence import get_level

# Background tints only help: the icon (a gauge: fuller = stronger) and the words carry it.
TINTS = {1: "#d9efe4", 2: "#e3edf7", 3: "#f4eedd", 4: "#eeeeee"}


def badge_text(level: int, lang: str) -> str:
    lv = get_level(int(level))
    return f"{lv.icon} {lv.label(lang)}"


def badge_html(level: int, lang: str) -> str:
    lv = get_level(int(level))
    return (
        f'<span class="atlas-evidence atlas-evidence-{lv.number}" '
        f'style="background:{TINTS[lv.number]};border-radius:10px;padding:1px 8px;'
        f'white-space:nowrap" title="{escape(lv.definition(lang), quote=True)}">'
        f'<span aria-hidden="true">{lv.icon}</span> {escape(lv.label(lang))}</span>'
    )
