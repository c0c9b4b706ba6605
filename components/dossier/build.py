"""Build the "Dossier du département" PDF: plain Python, no streamlit, no network.

    pdf = build_dossier(load_atlas(), "55", "fr", root="https://atlas.example.org")

A4 portrait, DejaVu Sans embedded, all text selectable (only the map and the small
charts are pictures). Sections: cover (map, legend, source, link and QR code), key
figures, what was done here, comparable territories, sources and method.
"""

from __future__ import annotations

import datetime as dt
import io

import geopandas as gpd
from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Frame, PageBreak, PageTemplate

from components.dossier.comparable import comparable_section
from components.dossier.context import Context
from components.dossier.cover import cover
from components.dossier.cover_map import departement_view
from components.dossier.done_here import done_here_section
from components.dossier.fonts import REGULAR, register_fonts
from components.dossier.key_figures import key_figures_section
from components.dossier.sources import sources_section
from components.dossier.styles import (
    FRAME_H,
    FRAME_W,
    GREY,
    MARGIN_BOTTOM,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    RULE,
    make_styles,
)
from components.i18n import t
from components.share.export_data import format_date
from components.view_params import LANGS, ViewState, Vocabulary, build_link, to_params
from data.atlas import Atlas

PDF_LANG = {"fr": "fr-FR", "en": "en-GB"}
# Binary image streams: ReportLab's ASCII85 encoder is pure Python (slow) and 25 % bigger.
rl_config.useA85 = 0
SECTION_ROOM = 110 * mm  # a section starts on a new page unless this much is left


def dossier_link(atlas: Atlas, root: str, dep: str, lang: str) -> str:
    """The atlas's map page drilled down to ``dep``, in ``lang`` (the view's permalink)."""
    vocab = Vocabulary((), atlas.default_indicator.id, (), (), (), ())
    params = to_params(ViewState(atlas.default_indicator.id, dep=dep, lang=lang), vocab)
    return build_link(root.rstrip("/") + "/", params)


def _numbered_canvas(footer: str, lang: str) -> type[Canvas]:
    """A canvas that writes the running footer with "page n / N" once all pages exist."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, page in enumerate(self._pages, start=1):
                self.__dict__.update(page)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            y = MARGIN_BOTTOM - 9
            self.saveState()
            self.setStrokeColor(HexColor(RULE))
            self.setLineWidth(0.5)
            self.line(MARGIN_X, y + 9, PAGE_W - MARGIN_X, y + 9)
            self.setFont(REGULAR, 7)
            self.setFillColor(HexColor(GREY))
            self.drawString(MARGIN_X, y, footer)
            self.drawRightString(
                PAGE_W - MARGIN_X, y, t("dossier.page", lang, page=number, pages=total)
            )
            self.restoreState()

    return NumberedCanvas


def build_dossier(
    atlas: Atlas,
    dep: str,
    lang: str = "fr",
    *,
    root: str,
    today: dt.date | None = None,
    shapes: gpd.GeoDataFrame | None = None,
) -> bytes:
    """The PDF bytes of the dossier of ``dep`` in ``lang``; ``root`` is the atlas address
    printed (with its QR code) for the département's view and the case studies."""
    if dep not in atlas.departements.index:
        raise ValueError(f"département inconnu : {dep!r}")
    if lang not in LANGS:
        raise ValueError(f"langue inconnue : {lang!r}")
    register_fonts()
    day = today or dt.date.today()
    link = dossier_link(atlas, root, dep, lang)
    ctx = Context(atlas, dep, lang, make_styles(), link, root, day)
    _, spec = departement_view(atlas, dep, lang, link=link, today=day, shapes=shapes)
    story = [
        *cover(ctx, spec),
        PageBreak(),
        *key_figures_section(ctx),
        CondPageBreak(SECTION_ROOM),
        *done_here_section(ctx),
        CondPageBreak(SECTION_ROOM),
        *comparable_section(ctx),
        CondPageBreak(SECTION_ROOM),
        *sources_section(ctx),
    ]
    title = f"{t('dossier.title', lang)} — {t('dossier.name', lang, name=ctx.name, code=dep)}"
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=(PAGE_W, PAGE_H),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=PAGE_H - FRAME_H - MARGIN_BOTTOM,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=t("app.title", lang),
        subject=t("dossier.subject", lang),
        creator=t("app.title", lang),
        lang=PDF_LANG[lang],
        initialFontName=REGULAR,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_W,
        FRAME_H,
        id="main",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    footer = t(
        "dossier.footer",
        lang,
        title=t("dossier.title", lang),
        name=ctx.name,
        code=dep,
        date=format_date(day, lang),
    )
    doc.build(story, canvasmaker=_numbered_canvas(footer, lang))
    return out.getvalue()
