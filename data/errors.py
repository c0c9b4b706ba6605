"""The one exception type for bad input files."""

from __future__ import annotations


class InputError(ValueError):
    """A raw or curated input file is missing or malformed.

    The message always names the file and, when known, the row and column,
    so that whoever maintains the data can fix it without reading code.
    """

    def __init__(
        self,
        file: str,
        message: str,
        *,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file = file
        self.row = row
        self.column = column
        where = [file]
        if row is not None:
            where.append(f"ligne {row}")
        if column is not None:
            where.append(f"colonne « {column} »")
        super().__init__(f"{', '.join(where)} : {message}")
