"""Page 1: name, code, region and date; the map of the communes by APL with the
département's initiatives; its legend and source line; the link and its QR code."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from components.dossier.context import Context, para, url_para
from components.dossier.cover_map import map_image
from components.dossier.flowables import LeverMarker, Picture, QRCode, Swatch
from components.dossier.markup import bold, esc
from components.dossier.styles import FRAME_W
from components.i18n import t
from components.share.export_data import format_date
from components.share.image_spec import ImageSpec

MAP_H = 138 * mm
LEGEND_ROWS = 8  # lever legend rows that fit beside the class legend under a full map
ROW_H = 12.5
QR_SIZE = 30 * mm
_TIGHT = [
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 1),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
]


def _rows_table(rows: list[list[Flowable]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(_TIGHT))
    return table


def _class_legend(ctx: Context, spec: ImageSpec, width: float) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = [
        para(spec.legend_title, s.h3),
        para(f"{spec.legend_unit} — {spec.legend_hint}", s.small),
        Spacer(1, 2),
    ]
    rows: list[tuple[str | None, str]] = list(spec.legend_rows)
    if spec.missing_count:
        missing = t(
            "dossier.missing_count", ctx.lang, label=spec.missing_label, count=spec.missing_count
        )
        rows.append((None, missing))
    out.append(
        _rows_table(
            [[Swatch(colour), para(label, s.small)] for colour, label in rows], [22, width - 22]
        )
    )
    return out


def _lever_legend(ctx: Context, spec: ImageSpec, width: float) -> list[Flowable]:
    s = ctx.styles
    if not spec.lever_rows:
        return [para(spec.lever_title, s.h3), para(t("portrait.no_initiative", ctx.lang), s.small)]
    rows: list[list[Flowable]] = [
        [LeverMarker(code), para(label, s.small)] for code, label in spec.lever_rows
    ]
    precisions = {m.precision for m in spec.markers}
    first = spec.lever_rows[0][0]
    if "departement" in precisions:
        rows.append(
            [
                LeverMarker(first, ring="departement"),
                para(t("map.legend.dep_wide", ctx.lang), s.small),
            ]
        )
    if "region" in precisions:
        rows.append(
            [
                LeverMarker(first, ring="region"),
                para(t("map.legend.region_wide", ctx.lang), s.small),
            ]
        )
    return [para(spec.lever_title, s.h3), Spacer(1, 2), _rows_table(rows, [22, width - 22])]


def _link_block(ctx: Context) -> Table:
    s = ctx.styles
    text_w = FRAME_W - QR_SIZE - 6 * mm
    cells = [
        para(t("dossier.link", ctx.lang), s.small),
        url_para(ctx.link, s.url, text_w),
    ]
    table = Table([[QRCode(ctx.link, QR_SIZE), cells]], colWidths=[QR_SIZE + 6 * mm, text_w])
    table.setStyle(TableStyle(_TIGHT))
    return table


def cover(ctx: Context, spec: ImageSpec) -> list[Flowable]:
    s, lang = ctx.styles, ctx.lang
    half = (FRAME_W - 8 * mm) / 2
    legend = Table(
        [[_class_legend(ctx, spec, half), _lever_legend(ctx, spec, half)]],
        colWidths=[half + 8 * mm, half],
    )
    legend.setStyle(TableStyle([*_TIGHT, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    date = format_date(ctx.today, lang)
    # a long lever legend takes its room from the map, so the cover stays one page
    map_h = MAP_H - max(0, len(spec.lever_rows) + 2 - LEGEND_ROWS) * ROW_H
    subtitle = " · ".join(
        (
            t("dossier.title", lang),
            t("dossier.region", lang, region=ctx.region_name()),
            t("dossier.date", lang, date=date),
        )
    )
    return [
        para(t("app.title", lang), s.kicker),
        para(t("dossier.name", lang, name=ctx.name, code=ctx.dep), s.cover_title),
        para(subtitle, s.cover_sub),
        Spacer(1, 3 * mm),
        para(f"{bold(spec.subtitle)}", s.body, markup=True),
        Spacer(1, 1.5 * mm),
        Picture(map_image(spec, FRAME_W, map_h), FRAME_W, map_h),
        Spacer(1, 2 * mm),
        legend,
        Spacer(1, 2 * mm),
        para(spec.source_text, s.note),
        Spacer(1, 3 * mm),
        _link_block(ctx),
        Spacer(1, 2 * mm),
        para(esc(t("dossier.contents", lang)), s.small, markup=True),
    ]
