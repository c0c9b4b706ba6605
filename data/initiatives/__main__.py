"""Check the catalogue: ``python -m data.initiatives [folder]``.

Prints every error (file, line, column), the probable duplicates and the rows still
to complete; exits with 1 when there is an error or a duplicate.
"""

from __future__ import annotations

import sys
from pathlib import Path

from data.initiatives.catalogue import iter_catalogue_errors, iter_incomplete, read_catalogue
from data.initiatives.duplicates import find_catalogue_duplicates
from data.initiatives.reference import load_reference
from data.initiatives.schema import CATALOGUE_DIR


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else CATALOGUE_DIR
    files = read_catalogue(directory)
    errors = list(iter_catalogue_errors(files, load_reference()))
    duplicates = find_catalogue_duplicates(row.values for _, row in files.initiative_rows())
    incomplete = list(iter_incomplete(files))
    for error in errors:
        print(f"erreur : {error}")
    for duplicate in duplicates:
        print(f"doublon probable : {duplicate}")
    for notice in incomplete:
        print(f"à compléter : {notice}")
    rows = sum(len(f.table.rows) for f in files.initiatives)
    outcomes = sum(len(f.table.rows) for f in files.outcomes)
    print(
        f"{rows} initiatives, {outcomes} résultats : {len(errors)} erreur(s), "
        f"{len(duplicates)} doublon(s) probable(s), {len(incomplete)} point(s) à compléter"
    )
    return 1 if errors or duplicates else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
