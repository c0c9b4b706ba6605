"""Small helpers shared by the raw-file readers: codes, numbers, file checks.

Row numbers given to :class:`data.errors.InputError` are 1-based line numbers of
the file as a spreadsheet or text editor shows them (the header is line 1 in CSV
files; Excel rows keep their own numbers).
"""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

from data.errors import InputError

#: The 101 départements, in the sort order used by every built file.
DEPARTEMENT_CODES: tuple[str, ...] = tuple(
    sorted(
        [f"{n:02d}" for n in range(1, 96) if n != 20]
        + ["2A", "2B", "971", "972", "973", "974", "976"]
    )
)

_DEP_RE = re.compile(r"^0*([1-9][0-9]?|2[AB]|97[1-6])$")


def require_file(path: Path) -> None:
    """Raise :class:`InputError` if ``path`` is not an existing file."""
    if not path.is_file():
        raise InputError(str(path), "fichier introuvable")


def departement_code(raw: object, file: str | Path, row: int, column: str) -> str:
    """Normalise a raw département code (``1`` -> ``01``, ``02A`` -> ``2A``, ``971``)."""
    text = str(raw).strip().upper() if raw is not None else ""
    match = _DEP_RE.match(text)
    code = ""
    if match:
        body = match.group(1)
        code = body.zfill(2) if body.isdigit() and len(body) < 3 else body
    if code not in DEPARTEMENT_CODES:
        raise InputError(
            str(file), f"code de département invalide : {text!r}", row=row, column=column
        )
    return code


def departement_of_commune(code: str) -> str:
    """Département of a 5-character commune code (3 characters for 97x, 2A/2B kept)."""
    return code[:3] if code.startswith("97") else code[:2]


def parse_number(raw: object, file: str | Path, row: int, column: str) -> float:
    """A finite number from a cell: ints/floats as they are, text with a decimal comma or point.

    Empty cells and non-numeric text raise :class:`InputError` (the raw files used
    here have no legitimately empty numeric cell).
    """
    if isinstance(raw, bool):
        raise InputError(str(file), f"valeur non numérique : {raw!r}", row=row, column=column)
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        text = str(raw).strip().replace("\u00a0", "").replace(" ", "") if raw is not None else ""
        if not text:
            raise InputError(str(file), "valeur manquante", row=row, column=column)
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            raise InputError(
                str(file), f"valeur non numérique : {text!r}", row=row, column=column
            ) from None
    if not math.isfinite(value) or value < 0:
        raise InputError(str(file), f"valeur hors domaine : {raw!r}", row=row, column=column)
    return value


def parse_int(raw: object, file: str | Path, row: int, column: str) -> int:
    """A non-negative integer (counts, populations)."""
    value = parse_number(raw, file, row, column)
    if value != int(value):
        raise InputError(str(file), f"entier attendu : {raw!r}", row=row, column=column)
    return int(value)


def normalise_label(text: object) -> str:
    """Lower-case ASCII form of a label, robust to accents and to the mojibake of
    Mac Roman files read as Latin-1 (``SpÈcialitÈs``, ``RhÙne``, ``díOr``)."""
    s = str(text or "")
    s = s.translate(str.maketrans({"È": "e", "Ë": "e", "Ù": "o", "í": "'", "Ó": "a", "Ô": "i"}))
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"\s+", " ", s).strip().lower()


def check_codes(
    found: list[str],
    file: str | Path,
    column: str,
    expected: tuple[str, ...] = DEPARTEMENT_CODES,
) -> None:
    """Every expected département exactly once (codes are already validated)."""
    missing = sorted(set(expected) - set(found))
    if missing:
        raise InputError(str(file), f"départements absents : {', '.join(missing)}", column=column)
    dups = sorted({c for c in found if found.count(c) > 1})
    if dups:
        raise InputError(str(file), f"départements en double : {', '.join(dups)}", column=column)
    extra = sorted(set(found) - set(expected))
    if extra:
        raise InputError(str(file), f"départements inattendus : {', '.join(extra)}", column=column)
