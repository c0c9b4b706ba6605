"""Section 4: every dataset (producer, year, licence), the indicators of the dossier with
their method, and how the figures are made."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from components.dossier.context import Context, grid_style, para, url_para
from components.dossier.figures import TREND_ID, portrait_series
from components.dossier.initiatives import evidence_for
from components.dossier.markup import bold
from components.dossier.styles import FRAME_W, ZEBRA
from components.i18n import t
from components.map.build import indicator_label, indicator_unit
from data.indicators import Indicator
from data.portrait import KEY_FIGURES

LABEL_W = 58 * mm


def dossier_indicators(ctx: Context) -> list[Indicator]:
    """The indicators the dossier shows: the portrait's, then the other dates of its series."""
    a = ctx.atlas
    ids = list(KEY_FIGURES)
    for series in portrait_series(a):
        ids += [ind.id for ind in series.indicators]
    ids.append(TREND_ID)
    return [a.indicator(i) for i in dict.fromkeys(ids)]


def _datasets(ctx: Context) -> list[Flowable]:
    s, lang = ctx.styles, ctx.lang
    out: list[Flowable] = [para(t("dossier.datasets", lang), s.h2)]
    for source in ctx.atlas.sources:
        block: list[Flowable] = [
            para(bold(source.title), s.small, markup=True),
            para(
                t(
                    "dossier.dataset_line",
                    lang,
                    producer=source.producer,
                    year=source.year,
                    licence=source.licence,
                ),
                s.small,
            ),
            para(source.notes, s.note),
        ]
        if source.url:
            block.append(url_para(source.url, s.url, FRAME_W))
        out.append(KeepTogether([*block, Spacer(1, 3)]))
    out.append(
        KeepTogether(
            [
                para(bold(t("share.source.initiatives.label", lang)), s.small, markup=True),
                para(t("dossier.method.initiatives", lang), s.small),
            ]
        )
    )
    return out


def _indicators(ctx: Context) -> list[Flowable]:
    s, lang = ctx.styles, ctx.lang
    national = ctx.atlas.national
    rows = [
        [
            para(t("col.indicator", lang), s.cell_head),
            para(t("dossier.col.method", lang), s.cell_head),
        ]
    ]
    for ind in dossier_indicators(ctx):
        left = [
            para(bold(indicator_label(ind, lang)), s.cell, markup=True),
            para(indicator_unit(ind, lang), s.note),
        ]
        right = [
            para(
                t(
                    "dossier.indicator_line",
                    lang,
                    producer=ind.producer,
                    dataset=ind.dataset,
                    year=ind.year,
                    licence=ind.licence,
                ),
                s.cell,
            ),
            para(ind.method, s.cell),
        ]
        if ind.id in national.index:
            method = str(national.at[ind.id, "method"])
            right.append(para(t("dossier.national_method", lang, method=method), s.note))
        rows.append([left, right])
    table = Table(rows, colWidths=[LABEL_W, FRAME_W - LABEL_W], repeatRows=1)
    style = grid_style()
    style += [("BACKGROUND", (0, i), (-1, i), HexColor(ZEBRA)) for i in range(2, len(rows), 2)]
    table.setStyle(TableStyle(style))
    return [para(t("dossier.indicators", lang), s.h2), table]


def _method(ctx: Context) -> list[Flowable]:
    s, lang = ctx.styles, ctx.lang
    keys = ["values", "regional", "rank", "map", "missing"]
    sample = ctx.atlas.initiatives.head(1).to_dict("records")
    if sample and evidence_for(ctx.atlas, sample[0], lang) is not None:
        keys.append("evidence")
    out: list[Flowable] = [para(t("dossier.method", lang), s.h2)]
    out += [para(f"• {t(f'dossier.method.{key}', lang)}", s.small) for key in keys]
    comparable = t("dossier.method.comparable", lang, how=t("portrait.comparable_help", lang))
    out.append(para(f"• {comparable}", s.small))
    return out


def sources_section(ctx: Context) -> list[Flowable]:
    s, lang = ctx.styles, ctx.lang
    return [
        para(t("dossier.section.sources", lang), s.h1),
        *_method(ctx),
        Spacer(1, 2 * mm),
        *_indicators(ctx),
        Spacer(1, 2 * mm),
        *_datasets(ctx),
    ]
