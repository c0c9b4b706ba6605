"""What the store refuses, as exceptions whose ``str`` is a French message for the user."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from data.initiatives import RowError
from data.store.validation import FieldError

OUTCOME_FIELD_RE = re.compile(r"^outcomes\[(\d+)\]\.(\w+)$")

if TYPE_CHECKING:
    from data.store.importing import ImportReport


class StoreError(Exception):
    """A request the store refuses; ``str(error)`` is a French message for the user."""


class InvalidProposal(StoreError):
    """A proposal with errors; nothing was stored."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"{e.field} : {e.message}" for e in self.errors))


class InvalidRow(StoreError):
    """An edit or approval that would leave an invalid catalogue row; nothing changed."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"{e.column or '?'} : {e.message}" for e in self.errors))


class InvalidOutcomes(StoreError):
    """Outcome records with errors; nothing changed. Each error is on the field
    ``outcomes[i].<column>`` (``outcomes`` for the whole list), as in a proposal."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"{e.field} : {e.message}" for e in self.errors))

    def by_record(self) -> dict[int, dict[str, list[str]]]:
        """record index -> column -> messages (errors of the whole list left out)."""
        out: dict[int, dict[str, list[str]]] = {}
        for err in self.errors:
            match = OUTCOME_FIELD_RE.match(err.field)
            if match:
                column = out.setdefault(int(match[1]), {}).setdefault(match[2], [])
                column.append(err.message)
        return out


class NotFound(StoreError):
    pass


class StateError(StoreError):
    """The initiative is not in a state that allows this (e.g. approving it twice)."""


class ImportRejected(StoreError):
    """The import was not written (invalid rows and ``only_valid`` was false, or a bad header)."""

    def __init__(self, message: str, report: ImportReport) -> None:
        self.report = report
        super().__init__(message)
