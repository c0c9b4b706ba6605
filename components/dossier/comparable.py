"""Section 3: the comparable départements of the portrait, how their indicators moved
and what they tried, with the warning that co-occurrence does not prove an effect."""

from __future__ import annotations

import pandas as pd
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from components.dossier.context import Context, grid_style, para
from components.dossier.figures import (
    TREND_ID,
    movement_text,
    portrait_series,
    series_title,
    series_values,
    value_text,
)
from components.dossier.initiatives import departement_initiatives
from components.dossier.markup import bold, esc
from components.dossier.styles import FRAME_W, ZEBRA
from components.i18n import colon, t
from components.map.build import indicator_short_label, lever_label
from components.map.popups import status_label
from data.portrait import comparable_departements

NAME_W, COUNT_W = 31 * mm, 19 * mm


def _movement_table(ctx: Context, codes: list[str]) -> Table:
    s, lang, a = ctx.styles, ctx.lang, ctx.atlas
    series = portrait_series(a)
    trend = a.indicator(TREND_ID)
    head = [t("col.departement", lang), t("dossier.col.initiatives", lang)]
    head += [f"{series_title(x, lang)}, {x.years[0]} → {x.years[-1]}" for x in series]
    head.append(indicator_short_label(trend, lang))
    rows = [[para(h, s.cell_head) for h in head]]
    national = a.national["value"]
    for i, code in enumerate([ctx.dep, *codes]):
        label = ctx.dep_label(code)
        name = t("dossier.reference", lang, name=label) if i == 0 else label
        style = s.cell_bold if i == 0 else s.cell
        cells = [para(name, style), para(str(len(departement_initiatives(a, code))), style)]
        for x in series:
            cells.append(
                para(movement_text(x, series_values(a, x, code)["departement"], lang), style)
            )
        cells.append(para(value_text(a.departements.at[code, TREND_ID], trend, lang), style))
        rows.append(cells)
    france = [para(t("portrait.national", lang), s.cell), para("", s.cell)]
    for x in series:
        values = tuple(national.get(ind.id) for ind in x.indicators)
        france.append(para(movement_text(x, values, lang), s.cell))
    france.append(para(value_text(national.get(TREND_ID), trend, lang), s.cell))
    rows.append(france)
    rest = (FRAME_W - NAME_W - COUNT_W) / (len(head) - 2)
    table = Table(rows, colWidths=[NAME_W, COUNT_W, *[rest] * (len(head) - 2)], repeatRows=1)
    style = grid_style()
    style += [("BACKGROUND", (0, i), (-1, i), HexColor(ZEBRA)) for i in range(2, len(rows), 2)]
    table.setStyle(TableStyle(style))
    return table


def _caution(ctx: Context) -> Table:
    box = Table([[para(t("dossier.caution", ctx.lang), ctx.styles.small)]], colWidths=[FRAME_W])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, HexColor("#8a949c")),
                ("BACKGROUND", (0, 0), (-1, -1), HexColor("#fbf6e9")),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return box


def _what_they_tried(ctx: Context, code: str) -> Flowable:
    s, lang = ctx.styles, ctx.lang
    frame = departement_initiatives(ctx.atlas, code)
    title = t("dossier.tried_there", lang, name=ctx.dep_label(code), count=len(frame))
    head = para(bold(title), s.h3, markup=True)
    if frame.empty:
        return KeepTogether([head, para(t("portrait.no_initiative", lang), s.small)])
    lines = []
    for row in frame.to_dict("records"):
        year = row.get("year_started")
        year_text = "" if year is None or pd.isna(year) else f", {int(year)}"
        status = status_label(str(row["status"]), lang)
        lines.append(
            para(
                f"• {bold(lever_label(str(row['lever']), lang))}{esc(colon(lang))} "
                f"{esc(row['name'])}{esc(year_text)} ({esc(status)})",
                s.small,
                markup=True,
            )
        )
    return KeepTogether([head, *lines])


def comparable_section(ctx: Context) -> list[Flowable]:
    s, lang = ctx.styles, ctx.lang
    codes = comparable_departements(ctx.dep, ctx.atlas.departements)
    out: list[Flowable] = [para(t("dossier.section.comparable", lang), s.h1)]
    if not codes:
        return [
            *out,
            para(t("dossier.comparable_none", lang), s.body),
            Spacer(1, 2 * mm),
            _caution(ctx),
        ]
    out += [
        para(t("dossier.comparable_intro", lang, n=len(codes), name=ctx.name), s.small),
        Spacer(1, 2 * mm),
        _caution(ctx),
        Spacer(1, 3 * mm),
        _movement_table(ctx, codes),
        Spacer(1, 2 * mm),
    ]
    out += [_what_they_tried(ctx, code) for code in codes]
    return out
