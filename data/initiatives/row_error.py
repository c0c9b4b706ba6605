"""One problem found in one row of a catalogue file."""

from __future__ import annotations

from dataclasses import dataclass

from data.errors import InputError


@dataclass(frozen=True)
class RowError:
    """One problem found in one row (``row`` = CSV line number, 1 = header)."""

    row: int
    column: str | None
    message: str

    def to_input_error(self, file: str) -> InputError:
        return InputError(file, self.message, row=self.row, column=self.column)
