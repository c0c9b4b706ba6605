"""Page geometry, colours and paragraph styles of the dossier (DejaVu Sans, A4 portrait)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from components.dossier.fonts import BOLD, FAMILY, ITALIC, REGULAR

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 16 * mm, 15 * mm, 18 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM

INK = "#1a1a1a"
GREY = "#555555"
LINK = "#1f5f8b"
OUTLINE = "#0b3954"  # the département outline of the map
RULE = "#c9d1d8"
BETTER, WORSE = "#1a6b3a", "#a4161a"  # with an arrow: never colour alone
ZEBRA = "#f3f5f7"


@dataclass(frozen=True)
class Styles:
    kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_sub: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    url: ParagraphStyle


def make_styles() -> Styles:
    base = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=HexColor(INK)
    )

    def derive(name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return Styles(
        kicker=derive("kicker", fontSize=10, leading=13, textColor=HexColor(GREY)),
        cover_title=derive("cover_title", fontName=BOLD, fontSize=26, leading=31),
        cover_sub=derive("cover_sub", fontSize=11, leading=14, textColor=HexColor(GREY)),
        h1=derive(
            "h1",
            fontName=BOLD,
            fontSize=15,
            leading=19,
            spaceBefore=16,
            spaceAfter=6,
            textColor=HexColor(OUTLINE),
        ),
        h2=derive("h2", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=3),
        h3=derive("h3", fontName=BOLD, fontSize=9.5, leading=12.5, spaceBefore=5, spaceAfter=1),
        body=base,
        small=derive("small", fontSize=8, leading=10.5),
        note=derive("note", fontName=ITALIC, fontSize=8, leading=10.5, textColor=HexColor(GREY)),
        cell=derive("cell", fontSize=8, leading=10),
        cell_bold=derive("cell_bold", fontName=BOLD, fontSize=8.5, leading=10.5),
        cell_head=derive("cell_head", fontName=BOLD, fontSize=7.5, leading=9.5),
        url=derive("url", fontSize=7.5, leading=9.5, textColor=HexColor(LINK)),
    )


__all__ = ["FAMILY", "Styles", "make_styles"]
