"""Text for ReportLab paragraphs: every value escaped, long URLs wrapped.

ReportLab's ``Paragraph`` parses a small HTML-like markup (``<b>``, ``<a href>``,
``&amp;``…). Any text that comes from data (initiative names, sources, labels) goes
through :func:`esc`, so ``<b>x</b>`` prints those characters and never makes bold text.
Only this module writes markup tags.
"""

from __future__ import annotations

import re
from html import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

from components.map.popups import safe_url

# C0/C1 control characters (tab and newline aside) have no glyph and upset the parser.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A URL may break after one of these (never inside a run of letters or digits).
_URL_BREAK = re.compile(r"(?<=[/?&=#._\-~+%:;,])")


def esc(value: object) -> str:
    """``value`` as paragraph text: control characters dropped, markup characters escaped,
    newlines kept as line breaks."""
    text = _CONTROL.sub("", "" if value is None else str(value))
    return escape(text, quote=False).replace("\n", "<br/>")


def bold(value: object) -> str:
    return f"<b>{esc(value)}</b>"


def coloured(value: object, colour: str) -> str:
    """Escaped text in a colour (``colour`` is ours, a ``#rrggbb`` constant)."""
    return f'<font color="{colour}">{esc(value)}</font>'


def _chunks(url: str) -> list[str]:
    return [piece for piece in _URL_BREAK.split(url) if piece]


def wrap_url(url: str, font: str, size: float, width: float) -> list[str]:
    """``url`` cut into lines no wider than ``width`` points, after ``/ ? & = - _ .``
    where possible, anywhere otherwise; joined again, the lines give back ``url``."""
    lines: list[str] = []
    line = ""
    for piece in _chunks(url):
        if stringWidth(line + piece, font, size) <= width:
            line += piece
            continue
        if line:
            lines.append(line)
            line = ""
        while stringWidth(piece, font, size) > width:  # a piece longer than a line
            cut = len(piece)
            while cut > 1 and stringWidth(piece[:cut], font, size) > width:
                cut -= 1
            lines.append(piece[:cut])
            piece = piece[cut:]
        line = piece
    if line:
        lines.append(line)
    return lines


def url_markup(url: str, font: str, size: float, width: float, colour: str) -> str:
    """The URL printed in full on wrapped lines, clickable when it is http(s)."""
    lines = "<br/>".join(esc(line) for line in wrap_url(url, font, size, width))
    target = safe_url(url)
    if target is None:
        return lines
    return f'<a href="{escape(target, quote=True)}" color="{colour}">{lines}</a>'
