"""The catalogue of territorial initiatives: schema, validation and loader.

``data/initiatives.csv`` is edited by hand (UTF-8, comma-separated, one row per
initiative, rows sorted by ``id``). Its columns:

===================  ==========================================================
``id``               stable slug (``a-z``, ``0-9``, ``-``), unique; never reuse one
``name``             name of the initiative (required; any text, kept verbatim)
``lever``            one code of :mod:`data.levers` (required)
``year_started``     year the initiative started, or empty if unknown
``carrying_actor``   ``;``-separated actor types, the main carrier first
                     (``region;departement``); empty if unknown
``actor_type``       the main carrier: the first item of ``carrying_actor``
``status``           ``active``, ``project``, ``ended`` or ``unknown`` (empty = unknown)
``description_fr``   short description in our own words (required)
``outcome``          measured outcome given by a source, or empty
``sources``          ``|``-separated http(s) URLs, at least one (required)
``commune``          place name as the sources give it (may be a commune
                     déléguée, e.g. La Roche-Derrien); requires ``commune_code``
``commune_code``     current INSEE code of the commune (parent commune for a
                     commune déléguée), or empty for département/regional programmes
``departement_code`` département code, or empty for regional programmes
``region_code``      INSEE region code (required)
``scope``            ``commune`` if ``commune_code``, else ``departement`` if
                     ``departement_code``, else ``region`` (derived, checked)
``case_study``       slug of the linked case study in ``data/case_studies/``, or empty
===================  ==========================================================

One check, :func:`iter_row_errors`, serves both the strict loader
(:func:`load_initiatives` raises :class:`~data.errors.InputError` on the first
error) and the moderation report (:func:`validate_initiative_rows` lists them all).
Row numbers are CSV line numbers as a spreadsheet shows them (header = line 1).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

import pandas as pd

from data.errors import InputError
from data.levers import LEVER_CODES, get_lever, is_lever
from data.paths import BUILT_DIR, DATA_DIR

INITIATIVES_CSV = DATA_DIR / "initiatives.csv"
COMMUNES_CSV = BUILT_DIR / "communes.csv"
COMMUNE_ALIASES_CSV = BUILT_DIR / "commune_aliases.csv"
DEPARTEMENTS_GEOJSON = BUILT_DIR / "departements.geojson"

COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "lever",
    "year_started",
    "carrying_actor",
    "actor_type",
    "status",
    "description_fr",
    "outcome",
    "sources",
    "commune",
    "commune_code",
    "departement_code",
    "region_code",
    "scope",
    "case_study",
)

ACTOR_TYPES: dict[str, str] = {
    "commune": "Commune",
    "intercommunalite": "Intercommunalité",
    "departement": "Département",
    "region": "Région",
    "ars": "Agence régionale de santé (ARS)",
    "etat": "État",
    "hopital": "Hôpital",
    "association": "Association",
    "prive": "Acteur privé",
    "autre": "Autre",
}
STATUSES: dict[str, str] = {
    "active": "en cours",
    "project": "en projet",
    "ended": "terminée",
    "unknown": "non renseigné",
}
SCOPES: tuple[str, ...] = ("commune", "departement", "region")
UNKNOWN_LABEL = "non renseigné"

# INSEE region codes (COG), current since 2016.
REGIONS: dict[str, str] = {
    "01": "Guadeloupe",
    "02": "Martinique",
    "03": "Guyane",
    "04": "La Réunion",
    "06": "Mayotte",
    "11": "Île-de-France",
    "24": "Centre-Val de Loire",
    "27": "Bourgogne-Franche-Comté",
    "28": "Normandie",
    "32": "Hauts-de-France",
    "44": "Grand Est",
    "52": "Pays de la Loire",
    "53": "Bretagne",
    "75": "Nouvelle-Aquitaine",
    "76": "Occitanie",
    "84": "Auvergne-Rhône-Alpes",
    "93": "Provence-Alpes-Côte d'Azur",
    "94": "Corse",
}

FIRST_YEAR = 1990
SOURCE_SEPARATOR = "|"
ACTOR_SEPARATOR = ";"

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DEPARTEMENT_RE = re.compile(r"^(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6])$")
COMMUNE_RE = re.compile(r"^(?:(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5])\d{3}|97[1-6]\d{2})$")


# ---------------------------------------------------------------------------
# Reference tables (built by the geo engineer's scripts into data/built/)


@dataclass(frozen=True)
class Commune:
    code: str
    nom: str
    departement_code: str
    lon: float | None
    lat: float | None


@dataclass(frozen=True)
class CommuneAlias:
    """A commune déléguée or associée (``code``) and the current commune it belongs to."""

    code: str
    parent_code: str
    nom: str


@dataclass(frozen=True)
class Departement:
    code: str
    nom: str
    region_code: str


@dataclass(frozen=True)
class Reference:
    """What the rows are checked against: current communes, their aliases, départements."""

    communes: Mapping[str, Commune]
    aliases: Mapping[str, tuple[CommuneAlias, ...]]
    departements: Mapping[str, Departement]


def _read_csv_dicts(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    if not path.is_file():
        raise InputError(str(path), "fichier absent (lancer python -m data.build)")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in required if name not in (reader.fieldnames or ())]
        if missing:
            raise InputError(str(path), "colonne manquante", row=1, column=missing[0])
        return list(reader)


def _float_or_none(text: str) -> float | None:
    return float(text) if text.strip() else None


def load_reference(
    communes: Path = COMMUNES_CSV,
    aliases: Path = COMMUNE_ALIASES_CSV,
    departements: Path = DEPARTEMENTS_GEOJSON,
) -> Reference:
    """Read the built commune, alias and département tables."""
    commune_map = {
        row["code"]: Commune(
            row["code"],
            row["nom"],
            row["departement_code"],
            _float_or_none(row["lon"]),
            _float_or_none(row["lat"]),
        )
        for row in _read_csv_dicts(communes, ("code", "nom", "departement_code", "lon", "lat"))
    }
    alias_map: dict[str, list[CommuneAlias]] = {}
    for row in _read_csv_dicts(aliases, ("code", "parent_code", "nom")):
        alias = CommuneAlias(row["code"], row["parent_code"], row["nom"])
        alias_map.setdefault(alias.code, []).append(alias)
    if not departements.is_file():
        raise InputError(str(departements), "fichier absent (lancer python -m data.build)")
    try:
        features = json.loads(departements.read_text(encoding="utf-8"))["features"]
        departement_map = {
            f["properties"]["code"]: Departement(
                f["properties"]["code"], f["properties"]["nom"], f["properties"]["region_code"]
            )
            for f in features
        }
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(str(departements), f"GeoJSON illisible : {exc}") from exc
    return Reference(
        communes=commune_map,
        aliases={code: tuple(items) for code, items in alias_map.items()},
        departements=departement_map,
    )


class _FrameCommunes(Mapping[str, Commune]):
    """Communes looked up in an already loaded frame (index: code), built on demand."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def __getitem__(self, code: str) -> Commune:
        if code not in self._frame.index:
            raise KeyError(code)
        row = self._frame.loc[code]
        lon, lat = row["lon"], row["lat"]
        return Commune(
            code,
            str(row["nom"]),
            str(row["departement_code"]),
            None if pd.isna(lon) else float(lon),
            None if pd.isna(lat) else float(lat),
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._frame.index)

    def __len__(self) -> int:
        return len(self._frame)


def reference_from_frames(
    communes: pd.DataFrame, aliases: pd.DataFrame, departements: pd.DataFrame
) -> Reference:
    """The same reference as :func:`load_reference`, from frames the app already loaded
    (communes indexed by code with nom/departement_code/lon/lat; aliases with
    code/parent_code/nom; départements indexed by code with nom/region_code)."""
    alias_map: dict[str, list[CommuneAlias]] = {}
    for code, parent, name in zip(
        aliases["code"], aliases["parent_code"], aliases["nom"], strict=True
    ):
        alias_map.setdefault(code, []).append(CommuneAlias(code, parent, name))
    return Reference(
        communes=_FrameCommunes(communes),
        aliases={code: tuple(items) for code, items in alias_map.items()},
        departements={
            str(code): Departement(str(code), str(nom), str(region))
            for code, nom, region in zip(
                departements.index, departements["nom"], departements["region_code"], strict=True
            )
        },
    )


# ---------------------------------------------------------------------------
# Rows and their errors


@dataclass(frozen=True)
class CsvRow:
    """One data row of the CSV and the line where it starts (header = line 1)."""

    line: int
    values: Mapping[str, str]
    field_count: int | None = None  # set when the record's width differs from the header


@dataclass(frozen=True)
class RowError:
    """One problem found in one row (``row`` = CSV line number, 1 = header)."""

    row: int
    column: str | None
    message: str

    def to_input_error(self, file: str) -> InputError:
        return InputError(file, self.message, row=self.row, column=self.column)


@dataclass(frozen=True)
class CsvTable:
    columns: tuple[str, ...]
    rows: tuple[CsvRow, ...]


def read_initiative_csv(source: Path | str | TextIO) -> CsvTable:
    """Parse the CSV (a path, a CSV text or an open text file) without validating values.

    A ``str`` is taken as CSV text (what a moderation page receives on upload);
    pass a :class:`~pathlib.Path` to read a file.
    """
    if isinstance(source, Path):
        with source.open(encoding="utf-8-sig", newline="") as handle:
            return read_initiative_csv(handle)
    handle = io.StringIO(source.lstrip("\ufeff"), newline="") if isinstance(source, str) else source
    reader = csv.reader(handle)
    try:
        header = tuple(next(reader))
    except StopIteration:
        return CsvTable((), ())
    rows: list[CsvRow] = []
    last_line = reader.line_num
    for record in reader:
        line = last_line + 1
        last_line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue  # blank line
        values = dict(zip(header, record, strict=False))
        width = len(record) if len(record) != len(header) else None
        rows.append(CsvRow(line, values, width))
    return CsvTable(header, tuple(rows))


Rows = CsvTable | Iterable[CsvRow | Mapping[str, str]]


def _as_rows(rows: Rows) -> tuple[tuple[str, ...] | None, list[CsvRow]]:
    if isinstance(rows, CsvTable):
        return rows.columns, list(rows.rows)
    out: list[CsvRow] = []
    for index, item in enumerate(rows):
        out.append(item if isinstance(item, CsvRow) else CsvRow(index + 2, item))
    return None, out


def _header_errors(columns: Sequence[str]) -> Iterator[RowError]:
    for name in COLUMNS:
        if name not in columns:
            yield RowError(1, name, "colonne obligatoire absente de l'en-tête")
    seen: set[str] = set()
    for name in columns:
        if name not in COLUMNS:
            yield RowError(1, name, f"colonne inconnue (colonnes attendues : {', '.join(COLUMNS)})")
        elif name in seen:
            yield RowError(1, name, "colonne en double dans l'en-tête")
        seen.add(name)


def split_list(text: str, separator: str) -> list[str]:
    """Items of a separated cell, stripped, empty items dropped."""
    return [item.strip() for item in text.split(separator) if item.strip()]


def is_http_url(url: str) -> bool:
    """An absolute http(s) URL with a host and no whitespace."""
    if not url or any(ch.isspace() for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def normalise_place_name(name: str) -> str:
    """Compare commune names loosely: accents, case, hyphens, apostrophes and leading article."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    if words and words[0] in ("le", "la", "les", "l"):
        words = words[1:]
    words = ["saint" if w == "st" else "sainte" if w == "ste" else w for w in words]
    return " ".join(words)


def derive_scope(commune_code: str, departement_code: str) -> str:
    if commune_code:
        return "commune"
    return "departement" if departement_code else "region"


class _RowChecker:
    """Checks rows one by one; remembers ids for the duplicate check."""

    def __init__(self, reference: Reference | None, current_year: int) -> None:
        self.reference = reference
        self.last_year = current_year + 1
        self.ids: dict[str, int] = {}
        self.alias_names: dict[str, set[str]] = {}
        if reference is not None:
            for aliases in reference.aliases.values():
                for alias in aliases:
                    names = self.alias_names.setdefault(alias.parent_code, set())
                    names.add(normalise_place_name(alias.nom))

    def check(self, row: CsvRow) -> Iterator[RowError]:
        values = row.values
        line = row.line

        def err(column: str | None, message: str) -> RowError:
            return RowError(line, column, message)

        if row.field_count is not None:
            yield err(None, f"{row.field_count} valeurs au lieu de {len(COLUMNS)} (guillemets ?)")

        def get(column: str) -> str:
            value = values.get(column)
            return "" if value is None else str(value).strip()

        ident = get("id")
        if not ident:
            yield err("id", "identifiant obligatoire")
        elif not SLUG_RE.match(ident):
            yield err("id", f"identifiant « {ident} » invalide (minuscules, chiffres et tirets)")
        elif ident in self.ids:
            yield err("id", f"identifiant « {ident} » déjà utilisé ligne {self.ids[ident]}")
        else:
            self.ids[ident] = line

        if not get("name"):
            yield err("name", "nom obligatoire")

        lever = get("lever")
        if not lever:
            yield err("lever", "levier obligatoire")
        elif not is_lever(lever):
            yield err("lever", f"levier inconnu « {lever} » (valeurs : {', '.join(LEVER_CODES)})")

        year = get("year_started")
        if year:
            if not re.fullmatch(r"\d{4}", year):
                yield err("year_started", f"année « {year} » invalide (entier sur 4 chiffres)")
            elif not FIRST_YEAR <= int(year) <= self.last_year:
                yield err(
                    "year_started",
                    f"année {year} hors de la plage {FIRST_YEAR}–{self.last_year}",
                )

        actors = split_list(get("carrying_actor"), ACTOR_SEPARATOR)
        unknown = [a for a in actors if a not in ACTOR_TYPES]
        if unknown:
            yield err(
                "carrying_actor",
                f"type d'acteur inconnu « {unknown[0]} » (valeurs : {', '.join(ACTOR_TYPES)})",
            )
        elif len(set(actors)) != len(actors):
            yield err("carrying_actor", "type d'acteur répété")
        main_actor = actors[0] if actors else ""
        if get("actor_type") != main_actor:
            yield err(
                "actor_type",
                f"doit être le premier acteur de carrying_actor (« {main_actor} »)",
            )

        status = get("status")
        if status and status not in STATUSES:
            yield err("status", f"statut inconnu « {status} » (valeurs : {', '.join(STATUSES)})")

        if not get("description_fr"):
            yield err("description_fr", "description obligatoire")

        sources = split_list(get("sources"), SOURCE_SEPARATOR)
        if not sources:
            yield err("sources", "au moins une source (URL http ou https) est obligatoire")
        for url in sources:
            if not is_http_url(url):
                yield err("sources", f"source « {url} » : pas une URL http(s)")
        if len(set(sources)) != len(sources):
            yield err("sources", "source répétée")

        yield from self._check_place(err, get)

        case_study = get("case_study")
        if case_study and not SLUG_RE.match(case_study):
            yield err("case_study", f"identifiant d'étude de cas « {case_study} » invalide")

    def _check_place(self, err, get) -> Iterator[RowError]:  # noqa: ANN001
        ref = self.reference
        name, code = get("commune"), get("commune_code")
        dep, region = get("departement_code"), get("region_code")

        dep_ok = True
        if dep and not DEPARTEMENT_RE.match(dep):
            dep_ok = False
            yield err("departement_code", f"code de département « {dep} » invalide")
        elif dep and ref is not None and dep not in ref.departements:
            dep_ok = False
            yield err("departement_code", f"département « {dep} » inconnu")

        if not region:
            yield err("region_code", "code de région obligatoire")
        elif region not in REGIONS:
            yield err("region_code", f"code de région « {region} » inconnu")
        elif dep and dep_ok and ref is not None and ref.departements[dep].region_code != region:
            expected = ref.departements[dep].region_code
            yield err(
                "region_code",
                f"le département {dep} est dans la région {expected} "
                f"({REGIONS.get(expected, '?')}), pas {region}",
            )

        if name and not code:
            yield err("commune_code", f"code INSEE obligatoire pour la commune « {name} »")
        if code:
            yield from self._check_commune(err, name, code, dep)

        scope = get("scope")
        expected_scope = derive_scope(code, dep)
        if scope != expected_scope:
            yield err("scope", f"« {scope} » au lieu de « {expected_scope} » (déduit des codes)")

    def _check_commune(self, err, name: str, code: str, dep: str) -> Iterator[RowError]:  # noqa: ANN001
        if not COMMUNE_RE.match(code):
            yield err(
                "commune_code",
                f"code INSEE « {code} » invalide (5 caractères : 2 chiffres ou 2A/2B, "
                "ou 97x pour l'outre-mer, puis le numéro de commune)",
            )
            return
        if not dep:
            yield err("departement_code", "département obligatoire quand la commune est donnée")
            return
        if not code.startswith(dep):
            yield err("commune_code", f"la commune {code} n'est pas dans le département {dep}")
            return
        ref = self.reference
        if ref is None:
            return
        commune = ref.communes.get(code)
        if commune is None:
            parents = {a.parent_code for a in ref.aliases.get(code, ())}
            hint = f" : commune déléguée, utiliser le code actuel {', '.join(sorted(parents))}"
            yield err(
                "commune_code",
                f"code INSEE {code} inconnu parmi les communes actuelles"
                + (hint if parents else ""),
            )
            return
        if commune.departement_code != dep:
            yield err(
                "commune_code",
                f"la commune {code} ({commune.nom}) est dans le département "
                f"{commune.departement_code}, pas {dep}",
            )
            return
        if name:
            known = {normalise_place_name(commune.nom)} | self.alias_names.get(code, set())
            if normalise_place_name(name) not in known:
                yield err(
                    "commune",
                    f"« {name} » ne correspond pas à la commune {code} ({commune.nom})",
                )


def iter_row_errors(
    rows: CsvTable | Iterable[CsvRow | Mapping[str, str]],
    reference: Reference | None,
    *,
    current_year: int | None = None,
) -> Iterator[RowError]:
    """Yield every error, in file order. ``reference=None`` skips checks against the
    commune and département tables (format checks only)."""
    columns, items = _as_rows(rows)
    if columns is not None:
        yield from _header_errors(columns)
    checker = _RowChecker(reference, current_year or datetime.date.today().year)
    for row in items:
        yield from checker.check(row)


def validate_initiative_rows(
    rows: CsvTable | Iterable[CsvRow | Mapping[str, str]],
    reference: Reference | None = None,
    *,
    current_year: int | None = None,
) -> list[RowError]:
    """All errors of the rows (for a per-row validation report).

    ``rows``: the result of :func:`read_initiative_csv` (header checked too), or
    rows/mappings (a bare mapping at position ``i`` is numbered line ``i + 2``).
    ``reference``: commune tables, by default read from ``data/built/``.
    """
    return list(iter_row_errors(rows, reference or load_reference(), current_year=current_year))


# ---------------------------------------------------------------------------
# Loader

FRAME_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "lever",
    "lever_label",
    "year_started",
    "carrying_actor",
    "actor_type",
    "actor_label",
    "status",
    "status_label",
    "description_fr",
    "outcome",
    "sources",
    "commune",
    "commune_code",
    "commune_nom",
    "departement_code",
    "departement_nom",
    "region_code",
    "region_nom",
    "scope",
    "precision",
    "lon",
    "lat",
    "case_study",
    "line",
)


def initiatives_frame(rows: Sequence[CsvRow], reference: Reference) -> pd.DataFrame:
    records = []
    for row in rows:
        v = {k: (str(val).strip() if val is not None else "") for k, val in row.values.items()}
        actors = tuple(split_list(v["carrying_actor"], ACTOR_SEPARATOR))
        status = v["status"] or "unknown"
        commune = reference.communes.get(v["commune_code"]) if v["commune_code"] else None
        departement = reference.departements.get(v["departement_code"])
        located = commune is not None and commune.lon is not None and commune.lat is not None
        scope = derive_scope(v["commune_code"], v["departement_code"])
        # Where the map can place it: a commune without a reference point falls back
        # to its département rather than to a made-up position.
        precision = scope if scope != "commune" or located else "departement"
        records.append(
            {
                "id": v["id"],
                "name": v["name"],
                "lever": v["lever"],
                "lever_label": get_lever(v["lever"]).label_fr,
                "year_started": int(v["year_started"]) if v["year_started"] else None,
                "carrying_actor": actors,
                "actor_type": v["actor_type"] or None,
                "actor_label": ACTOR_TYPES[actors[0]] if actors else UNKNOWN_LABEL,
                "status": status,
                "status_label": STATUSES[status],
                "description_fr": v["description_fr"],
                "outcome": v["outcome"],
                "sources": tuple(split_list(v["sources"], SOURCE_SEPARATOR)),
                "commune": v["commune"],
                "commune_code": v["commune_code"],
                "commune_nom": commune.nom if commune else "",
                "departement_code": v["departement_code"],
                "departement_nom": departement.nom if departement else "",
                "region_code": v["region_code"],
                "region_nom": REGIONS[v["region_code"]],
                "scope": scope,
                "precision": precision,
                "lon": commune.lon if located and commune else None,
                "lat": commune.lat if located and commune else None,
                "case_study": v["case_study"],
                "line": row.line,
            }
        )
    frame = pd.DataFrame.from_records(records, columns=list(FRAME_COLUMNS))
    typed = {"lever", "actor_type", "status", "scope", "precision", "year_started"}
    typed |= {"carrying_actor", "sources", "lon", "lat", "line"}
    text_columns = [c for c in FRAME_COLUMNS if c not in typed]
    frame = frame.astype({c: "str" for c in text_columns})
    frame["carrying_actor"] = frame["carrying_actor"].astype(object)
    frame["sources"] = frame["sources"].astype(object)
    frame["lever"] = pd.Categorical(frame["lever"], categories=list(LEVER_CODES))
    frame["actor_type"] = pd.Categorical(frame["actor_type"], categories=list(ACTOR_TYPES))
    frame["status"] = pd.Categorical(frame["status"], categories=list(STATUSES))
    frame["scope"] = pd.Categorical(frame["scope"], categories=list(SCOPES))
    frame["precision"] = pd.Categorical(frame["precision"], categories=list(SCOPES))
    frame["year_started"] = frame["year_started"].astype("Int64")
    frame["lon"] = frame["lon"].astype("float64")
    frame["lat"] = frame["lat"].astype("float64")
    frame["line"] = frame["line"].astype("int64")
    return frame


def load_initiatives(
    path: Path = INITIATIVES_CSV,
    communes: Path = COMMUNES_CSV,
    aliases: Path = COMMUNE_ALIASES_CSV,
    departements: Path = DEPARTEMENTS_GEOJSON,
    *,
    reference: Reference | None = None,
) -> pd.DataFrame:
    """Read and validate the catalogue; raise :class:`InputError` on the first problem.

    ``lon``/``lat`` are the commune's reference point when the initiative has a
    commune (``precision == "commune"``); département-wide and regional programmes
    have no coordinates (``precision`` ``departement`` or ``region``) so that the map
    marks them as such instead of faking a position.
    """
    if not path.is_file():
        raise InputError(str(path), "fichier absent")
    reference = reference or load_reference(communes, aliases, departements)
    table = read_initiative_csv(path)
    first = next(iter_row_errors(table, reference), None)
    if first is not None:
        raise first.to_input_error(str(path))
    return initiatives_frame(table.rows, reference)


# ---------------------------------------------------------------------------
# Writer (canonical form: sorted by id, minimal quoting, "\n")


def write_initiative_rows(rows: Iterable[Mapping[str, str]], path: Path) -> None:
    """Write rows in the canonical form of ``data/initiatives.csv``."""
    ordered = sorted(rows, key=lambda r: r["id"])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS), lineterminator="\n")
        writer.writeheader()
        for row in ordered:
            writer.writerow({c: (row.get(c) or "").strip() for c in COLUMNS})
