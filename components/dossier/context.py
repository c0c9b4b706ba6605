"""What every section of the dossier needs: the atlas, the département, the language,
the styles and the links; and the few helpers that turn texts into flowables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.platypus import Paragraph, Table, TableStyle

from components.dossier.markup import esc, url_markup
from components.dossier.styles import LINK, RULE, Styles
from data.atlas import Atlas


@dataclass(frozen=True)
class Context:
    atlas: Atlas
    dep: str
    lang: str
    styles: Styles
    link: str  # the département's view in the atlas
    root: str  # the atlas address, for case-study links
    today: dt.date

    @property
    def name(self) -> str:
        return str(self.atlas.departements.at[self.dep, "nom"])

    def region_name(self, dep: str | None = None) -> str:
        return str(self.atlas.departements.at[dep or self.dep, "region_nom"])

    def dep_label(self, code: str) -> str:
        return f"{self.atlas.departements.at[code, 'nom']} ({code})"


def para(text: str, style, *, markup: bool = False) -> Paragraph:
    """A paragraph of ``text``: escaped, unless ``markup`` (text built by markup.py)."""
    return Paragraph(text if markup else esc(text), style)


URL_SLACK = 8  # points kept free at the end of a URL line: cell paddings, rounding


def url_para(url: str, style, width: float) -> Paragraph:
    """The URL in full, wrapped by us to ``width`` (ReportLab would cut anywhere)."""
    markup = url_markup(url, style.fontName, style.fontSize, width - URL_SLACK, LINK)
    return Paragraph(markup, style)


def key_value_table(rows: Sequence[tuple[Paragraph, Paragraph]], widths: Sequence[float]) -> Table:
    """Two columns, label and value, no grid: the facts of an initiative."""
    table = Table([list(r) for r in rows], colWidths=list(widths), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    return table


def grid_style(header_rows: int = 1) -> list[tuple]:
    """Light rules between rows, a shaded header: readable in black and white."""
    return [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, header_rows - 1), 0.8, HexColor("#8a949c")),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.3, HexColor(RULE)),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HexColor("#e9edf0")),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
