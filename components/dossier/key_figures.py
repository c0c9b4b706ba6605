"""Section 1: every key figure of the portrait (unit, year, France, region, rank, better
or worse) and the series with several dates as small charts."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from components.dossier.charts import line, series_image
from components.dossier.context import Context, grid_style, para
from components.dossier.figures import (
    dated_values_text,
    figure_rows,
    has_values,
    portrait_series,
    series_title,
    series_values,
    trend_text,
)
from components.dossier.flowables import Picture
from components.dossier.markup import bold, coloured, esc
from components.dossier.styles import BETTER, FRAME_W, GREY, WORSE, ZEBRA
from components.i18n import t
from components.map.build import indicator_unit

COLUMNS = (61 * mm, 20 * mm, 20 * mm, 22 * mm, 23 * mm)  # + the comparison column
CHART_W, CHART_H = (FRAME_W - 6 * mm) / 2, 44 * mm
VERSUS_COLOUR = {"better": BETTER, "worse": WORSE}


def _figures_table(ctx: Context) -> Table:
    s, lang = ctx.styles, ctx.lang
    head = [
        t("dossier.col.indicator", lang),
        ctx.name,
        t("portrait.national", lang),
        f"{t('portrait.regional', lang)} ({ctx.region_name()})",
        t("col.rank_short", lang),
        t("dossier.col.compare", lang),
    ]
    rows: list[list[Flowable]] = [[para(h, s.cell_head) for h in head]]
    for r in figure_rows(ctx.atlas, ctx.dep, lang):
        label = (
            f"{bold(r.label)}<br/>"
            f"{coloured(t('dossier.unit_year', lang, unit=r.unit, year=r.year), GREY)}<br/>"
            f'<font size="6.5" color="{GREY}">{esc(r.source)}</font>'
        )
        versus = r.versus_text
        colour = VERSUS_COLOUR.get(r.versus)
        rows.append(
            [
                Paragraph(label, s.cell),
                para(r.value, s.cell_bold),
                para(r.france, s.cell),
                para(r.region, s.cell),
                para(r.rank, s.cell),
                Paragraph(coloured(versus, colour) if colour else esc(versus), s.cell),
            ]
        )
    widths = [*COLUMNS, FRAME_W - sum(COLUMNS)]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = grid_style()
    style += [("BACKGROUND", (0, i), (-1, i), HexColor(ZEBRA)) for i in range(2, len(rows), 2)]
    table.setStyle(TableStyle(style))
    return table


def _chart_cell(ctx: Context, series, values) -> list[Flowable]:
    s, lang = ctx.styles, ctx.lang
    latest = series.indicators[-1]
    who = {
        "departement": ctx.name,
        "france": t("portrait.national", lang),
        "region": ctx.region_name(),
    }
    lines = [line(kind, who[kind], values[kind]) for kind in ("departement", "france", "region")]
    picture = series_image(
        series.years,
        lines,
        decimals=latest.decimals,
        lang=lang,
        width_pt=CHART_W,
        height_pt=CHART_H,
    )
    texts = [
        para(
            t(
                "dossier.series_values",
                lang,
                who=who[kind],
                values=dated_values_text(series, v, lang),
            ),
            s.small,
        )
        for kind, v in values.items()
        if any(x is not None for x in v)
    ]
    return [
        para(series_title(series, lang), s.h3),
        para(indicator_unit(latest, lang), s.note),
        Picture(picture, CHART_W, CHART_H),
        *texts,
    ]


def _charts(ctx: Context) -> list[Flowable]:
    s, lang = ctx.styles, ctx.lang
    cells = []
    for series in portrait_series(ctx.atlas):
        values = series_values(ctx.atlas, series, ctx.dep)
        if has_values(values):
            cells.append(_chart_cell(ctx, series, values))
    head = [para(t("dossier.series", lang), s.h2)]
    if not cells:
        return [*head, para(t("dossier.series_none", lang), s.body)]
    if len(cells) % 2:
        cells.append([])
    rows = [_chart_row(cells[i : i + 2]) for i in range(0, len(cells), 2)]
    lead = [*head, para(t("dossier.series_note", lang), s.note), Spacer(1, 1 * mm), rows[0]]
    return [KeepTogether(lead), *rows[1:]]


def _chart_row(pair: list[list[Flowable]]) -> Table:
    row = Table([pair], colWidths=[CHART_W + 6 * mm, CHART_W], hAlign="LEFT")
    row.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
            ]
        )
    )
    return row


def key_figures_section(ctx: Context) -> list[Flowable]:
    s, lang = ctx.styles, ctx.lang
    out: list[Flowable] = [
        para(t("dossier.section.figures", lang), s.h1),
        para(t("dossier.figures_intro", lang), s.small),
        Spacer(1, 2 * mm),
        _figures_table(ctx),
    ]
    trend = trend_text(ctx.atlas, ctx.dep, lang)
    if trend:
        out += [Spacer(1, 2 * mm), para(trend, s.body)]
    return out + [Spacer(1, 2 * mm), *_charts(ctx)]
