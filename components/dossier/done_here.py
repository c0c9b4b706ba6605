"""Section 2: the initiatives of the département by lever (carrier, year, status,
outcomes, level of evidence when known, every source URL in full), its regional
programmes and its case studies."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from components.dossier.context import Context, key_value_table, para, url_para
from components.dossier.flowables import LeverMarker
from components.dossier.initiatives import (
    Entry,
    Evidence,
    by_lever,
    case_studies,
    departement_initiatives,
    entries,
    regional_programmes,
)
from components.dossier.markup import bold
from components.dossier.styles import FRAME_W
from components.i18n import t

LABEL_W = 30 * mm
VALUE_W = FRAME_W - LABEL_W - 4 * mm
INDENT = 4 * mm


def _evidence_rows(ctx: Context, evidence: Evidence) -> list[tuple[Paragraph, Paragraph | list]]:
    s, lang = ctx.styles, ctx.lang
    rows: list[tuple[Paragraph, Paragraph | list]] = []
    if evidence.level:
        rows.append(
            (para(t("dossier.field.evidence", lang), s.cell_head), para(evidence.level, s.cell))
        )
    if evidence.records:
        cells: list[Flowable] = []
        for rec in evidence.records:
            cells.append(para(f"• {rec.text}", s.cell))
            if rec.measured:
                cells.append(para(rec.measured, s.note))
            if rec.source:
                cells.append(url_para(rec.source, s.url, VALUE_W))
        rows.append((para(t("dossier.field.outcomes", lang), s.cell_head), cells))  # type: ignore[arg-type]
    return rows


def _entry_parts(ctx: Context, e: Entry) -> list[Flowable]:
    s, lang = ctx.styles, ctx.lang

    def row(key: str, value: str) -> tuple[Paragraph, Paragraph]:
        return para(t(key, lang), s.cell_head), para(value, s.cell)

    rows: list = [
        row("dossier.field.place", e.place),
        row("dossier.field.actor", e.actor),
        row("dossier.field.year", e.year),
        row("dossier.field.status", e.status),
    ]
    if e.description:
        rows.append(row("dossier.field.description", e.description))
    if e.outcome:
        rows.append(row("dossier.field.outcome", e.outcome))
    if e.evidence is not None:
        rows += _evidence_rows(ctx, e.evidence)
    if e.case_study:
        title, link = e.case_study
        rows.append(
            (
                para(t("dossier.field.case_study", lang), s.cell_head),
                [para(title, s.cell), url_para(link, s.url, VALUE_W)],
            )
        )
    if e.sources:
        rows.append(
            (
                para(t("dossier.field.sources", lang), s.cell_head),
                [url_para(url, s.url, VALUE_W) for url in e.sources],
            )
        )
    table = key_value_table(rows, [LABEL_W, VALUE_W])
    return [para(bold(e.name), s.h3, markup=True), Spacer(1, 1), table, Spacer(1, 3)]


def _entry(ctx: Context, e: Entry) -> Flowable:
    """One initiative, never split across pages (KeepTogether must not nest)."""
    return KeepTogether(_entry_parts(ctx, e))


def _lever_heading(ctx: Context, code: str, label: str, count: int) -> Table:
    heading = Table(
        [[LeverMarker(code, size=10), para(f"{label} ({count})", ctx.styles.h2)]],
        colWidths=[INDENT + 2 * mm, FRAME_W - INDENT - 2 * mm],
        hAlign="LEFT",
    )
    heading.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return heading


def _grouped(ctx: Context, items: list[Entry]) -> list[Flowable]:
    out: list[Flowable] = []
    for code, label, mine in by_lever(items, ctx.lang):
        heading = _lever_heading(ctx, code, label, len(mine))
        out.append(KeepTogether([heading, *_entry_parts(ctx, mine[0])]))
        out += [_entry(ctx, e) for e in mine[1:]]
    return out


def done_here_section(ctx: Context) -> list[Flowable]:
    s, lang, a = ctx.styles, ctx.lang, ctx.atlas
    mine = entries(a, departement_initiatives(a, ctx.dep), lang, ctx.root)
    out: list[Flowable] = [para(t("dossier.section.initiatives", lang), s.h1)]
    if mine:
        out.append(para(t("dossier.initiatives_intro", lang, count=len(mine)), s.small))
        out += _grouped(ctx, mine)
    else:
        out.append(para(t("portrait.no_initiative", lang), s.body))
    regional = entries(a, regional_programmes(a, ctx.dep), lang, ctx.root)
    if regional:
        heading = para(t("dossier.regional", lang, region=ctx.region_name()), s.h2)
        out.append(KeepTogether([heading, *_entry_parts(ctx, regional[0])]))
        out += [_entry(ctx, e) for e in regional[1:]]
    studies = case_studies(a, ctx.dep, ctx.root)
    for i, (title, summary, link) in enumerate(studies):
        block = [
            para(bold(title), s.h3, markup=True),
            para(summary, s.small),
            url_para(link, s.url, FRAME_W),
        ]
        head = [para(t("dossier.case_studies", lang), s.h2)] if i == 0 else []
        out.append(KeepTogether([*head, *block]))
    return out
