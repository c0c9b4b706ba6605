"""One problem found in one row of a catalogue file."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from data.errors import InputError


@dataclass(frozen=True)
class RowError:
    """One problem found in one row (``row`` = CSV line number, 1 = header; 0 = the
    file or folder itself). ``file``: the file, when the check knows it."""

    row: int
    column: str | None
    message: str
    file: str = ""

    def to_input_error(self, file: str | None = None) -> InputError:
        return InputError(file or self.file, self.message, row=self.row or None, column=self.column)

    def __str__(self) -> str:
        """``file, ligne N, colonne « c » : message``, like :class:`InputError`."""
        where = [self.file] if self.file else []
        if self.row:
            where.append(f"ligne {self.row}")
        if self.column:
            where.append(f"colonne « {self.column} »")
        return f"{', '.join(where)} : {self.message}" if where else self.message


def header_errors(columns: Sequence[str], expected: Sequence[str]) -> Iterator[RowError]:
    """Columns missing from the header, unknown or repeated (all on line 1)."""
    for name in expected:
        if name not in columns:
            yield RowError(1, name, "colonne obligatoire absente de l'en-tête")
    seen: set[str] = set()
    for name in columns:
        if name not in expected:
            yield RowError(
                1, name, f"colonne inconnue (colonnes attendues : {', '.join(expected)})"
            )
        elif name in seen:
            yield RowError(1, name, "colonne en double dans l'en-tête")
        seen.add(name)


ErrorMaker = Callable[[str | None, str], RowError]  # (column, message) -> error of a row
Getter = Callable[[str], str]  # column -> stripped cell text


def getter(values: Mapping[str, object]) -> Getter:
    """``get(column)``: the stripped text of a cell, empty when absent."""

    def get(column: str) -> str:
        value = values.get(column)
        return "" if value is None else str(value).strip()

    return get
