"""CSV in the catalogue's format: export (formula cells neutralised) and import parsing.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and tab or
carriage return) as a formula: such cells are exported with a leading apostrophe,
which spreadsheets show as text. On import, that apostrophe is removed again so that
an exported file re-imports unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

from data.initiatives import COLUMNS, CsvRow, CsvTable, read_initiative_csv

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 5000


class ImportFileError(ValueError):
    """The uploaded file cannot be read at all (too big, not UTF-8 text, too many rows)."""


def neutralise_cell(value: str) -> str:
    """``"=1+1"`` -> ``"'=1+1"``; other text unchanged."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def unneutralise_cell(value: str) -> str:
    """Undo :func:`neutralise_cell` (only an apostrophe followed by a formula character)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def rows_to_csv(rows: Iterable[Mapping[str, str]], columns: Sequence[str] = COLUMNS) -> bytes:
    """UTF-8 CSV with a catalogue header (by default that of ``initiatives.csv``; pass
    :data:`~data.initiatives.OUTCOME_COLUMNS` for ``outcomes.csv``), one row per
    mapping, cells neutralised.

    Same conventions as the catalogue files (rows in the given order, minimal
    quoting, ``\\n`` line endings), so a published set without formula-like cells
    exports byte for byte like the merged catalogue (every region, sorted by id).
    """
    handle = io.StringIO(newline="")
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise_cell(str(row.get(c) or "").strip()) for c in columns])
    return handle.getvalue().encode("utf-8")


def parse_import(data: bytes | str) -> CsvTable:
    """The uploaded CSV (``initiatives.csv`` or ``outcomes.csv``) as a table (header
    and rows), not yet validated.

    Raises :class:`ImportFileError` when the file is larger than
    :data:`MAX_IMPORT_BYTES`, is not UTF-8 or has more than :data:`MAX_IMPORT_ROWS` rows.
    """
    if isinstance(data, bytes):
        if len(data) > MAX_IMPORT_BYTES:
            raise ImportFileError(
                f"fichier trop volumineux ({len(data)} octets, maximum {MAX_IMPORT_BYTES})"
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"le fichier n'est pas en UTF-8 (octet {exc.start + 1}) : "
                "l'enregistrer en « CSV UTF-8 »"
            ) from exc
    else:
        text = data
        if len(text.encode("utf-8")) > MAX_IMPORT_BYTES:
            raise ImportFileError(f"fichier trop volumineux (maximum {MAX_IMPORT_BYTES} octets)")
    if "\x00" in text:
        raise ImportFileError("le fichier contient des octets nuls : ce n'est pas un CSV texte")
    try:
        table = read_initiative_csv(text)
    except csv.Error as exc:
        raise ImportFileError(f"CSV illisible : {exc}") from exc
    if len(table.rows) > MAX_IMPORT_ROWS:
        raise ImportFileError(f"{len(table.rows)} lignes, maximum {MAX_IMPORT_ROWS}")
    rows = tuple(
        CsvRow(
            row.line,
            {k: unneutralise_cell(v) if isinstance(v, str) else v for k, v in row.values.items()},
            row.field_count,
        )
        for row in table.rows
    )
    return CsvTable(table.columns, rows)
