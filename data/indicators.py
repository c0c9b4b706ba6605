"""Load and validate the indicator catalogue (``data/indicators.yaml``) and its sources
(``data/sources.yaml``). Plain Python, no streamlit.

Every problem raises :class:`data.errors.InputError` naming the file, the line of the
YAML entry (or field) and the field.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from data.errors import InputError
from data.paths import DATA_DIR

INDICATORS_FILE = DATA_DIR / "indicators.yaml"
SOURCES_FILE = DATA_DIR / "sources.yaml"

# libyaml's C parser when the wheel has it (ten times faster), same safe semantics.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Source:
    """One dataset of ``sources.yaml``."""

    id: str
    producer: str
    title: str
    year: str
    licence: str
    notes: str
    url: str | None = None
    raw_file: str | None = None


@dataclass(frozen=True)
class Indicator:
    """One indicator of ``indicators.yaml``; ``id`` is its column in the built tables."""

    id: str
    label_fr: str
    label_en: str
    unit_fr: str
    unit_en: str
    producer: str
    dataset: str
    year: str
    licence: str
    source: str
    higher_is_better: bool
    decimals: int
    group: str
    method: str
    default: bool = False
    short_label_fr: str | None = None
    short_label_en: str | None = None
    series: str | None = None  # its time series in departements_series.csv, if any


_SOURCE_REQUIRED = ("id", "producer", "title", "year", "licence", "notes")
_SOURCE_OPTIONAL = ("url", "raw_file")
_INDICATOR_REQUIRED = (
    "id",
    "label_fr",
    "label_en",
    "unit_fr",
    "unit_en",
    "producer",
    "dataset",
    "year",
    "licence",
    "source",
    "higher_is_better",
    "decimals",
    "group",
    "method",
)
_INDICATOR_OPTIONAL = ("default", "short_label_fr", "short_label_en", "series")
_BOOL_FIELDS = ("higher_is_better", "default")


def _entries(path: Path) -> list[tuple[int, dict[str, Any], dict[str, int]]]:
    """The YAML list of mappings, with each entry's line and each field's line."""
    if not path.is_file():
        raise InputError(str(path), "fichier introuvable")
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_LOADER)
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        raise InputError(str(path), f"YAML invalide ({exc})", row=row) from None
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        raise InputError(str(path), "une liste d'entrées est attendue")
    out = []
    for item, item_node in zip(data, node.value, strict=True):
        row = item_node.start_mark.line + 1
        if not isinstance(item, dict) or not isinstance(item_node, yaml.MappingNode):
            raise InputError(str(path), "une entrée doit être un dictionnaire", row=row)
        lines = {k.value: k.start_mark.line + 1 for k, _ in item_node.value}
        out.append((row, item, lines))
    return out


def _fields(
    path: Path,
    row: int,
    item: dict[str, Any],
    lines: dict[str, int],
    required: tuple[str, ...],
    optional: tuple[str, ...],
) -> dict[str, Any]:
    for key in item:
        if key not in required and key not in optional:
            raise InputError(str(path), "champ inconnu", row=lines.get(key, row), column=str(key))
    values: dict[str, Any] = {}
    for key in (*required, *optional):
        where = lines.get(key, row)
        if key not in item or item[key] is None:
            if key in required:
                raise InputError(str(path), "champ absent ou vide", row=where, column=key)
            continue
        value = item[key]
        if key in _BOOL_FIELDS:
            if not isinstance(value, bool):
                raise InputError(str(path), "true ou false attendu", row=where, column=key)
        elif key == "decimals":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6:
                raise InputError(str(path), "entier entre 0 et 6 attendu", row=where, column=key)
        else:
            if isinstance(value, bool) or not isinstance(value, str | int):
                raise InputError(str(path), "texte attendu", row=where, column=key)
            value = str(value).strip()
            if not value:
                raise InputError(str(path), "champ vide", row=where, column=key)
        values[key] = value
    return values


def _check_unique(path: Path, rows: list[tuple[int, str]]) -> None:
    seen: set[str] = set()
    for row, ident in rows:
        if ident in seen:
            raise InputError(str(path), f"identifiant en double : {ident}", row=row, column="id")
        seen.add(ident)


def load_sources(path: Path = SOURCES_FILE) -> list[Source]:
    """All sources of ``sources.yaml``, validated (required fields, unique ids)."""
    sources: list[Source] = []
    rows: list[tuple[int, str]] = []
    for row, item, lines in _entries(path):
        values = _fields(path, row, item, lines, _SOURCE_REQUIRED, _SOURCE_OPTIONAL)
        sources.append(Source(**values))
        rows.append((lines.get("id", row), values["id"]))
    _check_unique(path, rows)
    return sources


def load_indicators(
    path: Path = INDICATORS_FILE, sources_path: Path = SOURCES_FILE
) -> list[Indicator]:
    """All indicators of ``indicators.yaml`` in file order, validated: required fields,
    unique ids, boolean directions, known source ids, exactly one default."""
    known = {source.id for source in load_sources(sources_path)}
    indicators: list[Indicator] = []
    rows: list[tuple[int, str]] = []
    for row, item, lines in _entries(path):
        values = _fields(path, row, item, lines, _INDICATOR_REQUIRED, _INDICATOR_OPTIONAL)
        if values["source"] not in known:
            raise InputError(
                str(path),
                f"source inconnue dans {sources_path.name} : {values['source']}",
                row=lines.get("source", row),
                column="source",
            )
        indicators.append(Indicator(**values))
        rows.append((lines.get("id", row), values["id"]))
    _check_unique(path, rows)
    defaults = [ind.id for ind in indicators if ind.default]
    if len(defaults) != 1:
        raise InputError(
            str(path),
            f"un seul indicateur par défaut attendu, trouvé : {', '.join(defaults) or 'aucun'}",
            column="default",
        )
    return indicators


def check_columns(indicators: Iterable[Indicator], columns: Iterable[str], file: str) -> None:
    """Raise :class:`InputError` if an indicator has no column in the table ``file``."""
    present = set(columns)
    missing = [ind.id for ind in indicators if ind.id not in present]
    if missing:
        raise InputError(file, f"colonnes d'indicateurs absentes : {', '.join(missing)}", row=1)


def default_indicator(indicators: Iterable[Indicator]) -> Indicator:
    """The indicator shown first on the map."""
    return next(ind for ind in indicators if ind.default)
