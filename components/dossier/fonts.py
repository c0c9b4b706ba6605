"""DejaVu Sans for the PDF, found on the machine at run time and embedded (subset) by
ReportLab. Debian's ``fonts-dejavu-core`` provides it (``scripts/system-deps.sh``).

Nothing is downloaded: when a file is missing, :class:`FontMissing` says which and how to
install it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "DejaVuSans"
# ReportLab font name -> TTF file name (the four faces of the family).
FACES = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}
REGULAR, BOLD, ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"
# Where Debian (fonts-dejavu-core) and other distributions put them.
FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("/usr/share/fonts"),
)


class FontMissing(RuntimeError):
    """A DejaVu Sans face is not installed on this machine."""


def find_fonts(dirs: Sequence[Path] = FONT_DIRS) -> dict[str, Path]:
    """The path of each face (first match in ``dirs``, searched recursively)."""
    found: dict[str, Path] = {}
    for name, file_name in FACES.items():
        for folder in dirs:
            direct = folder / file_name
            hit = direct if direct.is_file() else next(folder.rglob(file_name), None)
            if hit is not None and hit.is_file():
                found[name] = hit
                break
        else:
            searched = ", ".join(str(d) for d in dirs)
            raise FontMissing(
                f"police {file_name} introuvable (cherchée dans {searched}) : installer le "
                "paquet Debian fonts-dejavu-core (scripts/system-deps.sh)"
            )
    return found


_registered: dict[str, Path] = {}


def register_fonts(dirs: Sequence[Path] = FONT_DIRS) -> dict[str, Path]:
    """Register the four faces with ReportLab once per process (bold/italic mapping
    included, so ``<b>`` and ``<i>`` in paragraphs use them)."""
    if _registered:
        return dict(_registered)
    paths = find_fonts(dirs)
    for name, path in paths.items():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, "DejaVuSans-BoldOblique")
    _registered.update(paths)
    return dict(paths)
