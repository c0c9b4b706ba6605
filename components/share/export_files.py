"""Exported files of a view: CSV (French Excel or plain), XLSX with a sources sheet.

Every text cell that a spreadsheet would read as a formula is neutralised.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from components.i18n import t
from components.share.export_data import (
    ViewData,
    about_rows,
    figures_table,
    initiatives_table,
    sources_table,
)
from components.share.export_outcomes import outcomes_table

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# --- writers -----------------------------------------------------------------------------


def _cell(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    return neutralise(value)


def to_csv(frame: pd.DataFrame, *, french_excel: bool = True) -> bytes:
    """CSV bytes that open correctly in Excel (see the module docstring)."""
    sep, decimal = (";", ",") if french_excel else (",", ".")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False):
        cells = []
        for value in row:
            v = _cell(value)
            if v is None:
                cells.append("")
            elif isinstance(v, float):
                cells.append(repr(v).replace(".", decimal) if decimal != "." else repr(v))
            else:
                cells.append(str(v))
        writer.writerow(cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _sheet(wb: Workbook, title: str, frame: pd.DataFrame, first: bool = False) -> None:
    ws = wb.active if first else wb.create_sheet()
    assert ws is not None
    ws.title = title[:31]
    ws.append([neutralise(str(c)) for c in frame.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in frame.itertuples(index=False):
        ws.append([_cell(v) for v in row])
    ws.freeze_panes = "A2"
    for i, column in enumerate(frame.columns, start=1):
        longest = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
        ws.column_dimensions[get_column_letter(i)].width = min(max(8, longest + 2), 60)


def xlsx_sheet_names(lang: str) -> dict[str, str]:
    return {
        key: t(f"share.sheet.{key}", lang)
        for key in ("figures", "initiatives", "outcomes", "sources", "about")
    }


def to_xlsx(data: ViewData, place_labels: Mapping[str, str]) -> bytes:
    """A workbook: figures, initiatives, sources, and what the view is (link, date)."""
    names = xlsx_sheet_names(data.lang)
    wb = Workbook()
    _sheet(wb, names["figures"], figures_table(data), first=True)
    initiatives = initiatives_table(data.initiatives, place_labels, data.lang, data.outcomes)
    _sheet(wb, names["initiatives"], initiatives)
    _sheet(wb, names["outcomes"], outcomes_table(data.outcomes, data.lang))
    _sheet(wb, names["sources"], sources_table(data))
    about = pd.DataFrame(about_rows(data), columns=[t("share.about.key", data.lang), ""])
    _sheet(wb, names["about"], about)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def file_stem(data: ViewData) -> str:
    """``atlas-acces-soins_<indicator>[_<dep>]`` (safe characters only)."""
    parts = ["atlas-acces-soins", data.view_indicator.id]
    if data.dep:
        parts.append(data.dep)
    return "_".join(parts)
