"""Checks of proposals, edits and imported rows: the catalogue's rules and a few more.

Every row that enters the store passes :func:`data.initiatives.iter_row_errors` (the
rules of the catalogue files) and :func:`text_errors` (length limits, no control
characters: PostgreSQL refuses NUL in text, and a name is one line). A proposal from
the form is first turned into such a row by :func:`proposal_row`, and its errors are
mapped back to the form's fields (:func:`field_errors`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from data.initiatives import (
    ACTOR_SEPARATOR,
    COLUMNS,
    SOURCE_SEPARATOR,
    CsvRow,
    Reference,
    RowError,
    derive_scope,
    iter_row_errors,
    split_list,
)
from data.initiatives.names import slugify as slugify  # re-exported: the store's slugs

NAME_MIN = 3
NAME_MAX = 200
DESCRIPTION_MIN = 30
DESCRIPTION_MAX = 1500
OUTCOME_MAX = 800
SOURCES_MAX = 10
URL_MAX = 500
EMAIL_MAX = 254
COMMUNE_MAX = 120
CASE_STUDY_MAX = 120
REASON_MAX = 1000
MODERATOR_MAX = 80

# The free-text note on results a contributor may add (the former ``outcome`` column of
# the catalogue): kept for moderators, never published; outcome records replace it.
NOTE = "outcome"
MULTILINE = frozenset(("description_fr", NOTE))

# The slug given to a row that has none yet (pending proposals), for the checks only.
PLACEHOLDER_SLUG = "proposition"

EMAIL_RE = re.compile(
    r"^[^@\s<>\"',;]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)

# Form fields of a proposal, in the order the form shows them.
FIELDS: tuple[str, ...] = (
    "name",
    "commune",
    "lever",
    "year_started",
    "carrying_actor",
    "status",
    "status_date",
    "description_fr",
    "outcome",
    "sources",
    "contact_email",
)
# Catalogue column -> form field that shows its errors.
COLUMN_FIELD: dict[str, str] = {
    "id": "name",
    "name": "name",
    "lever": "lever",
    "year_started": "year_started",
    "carrying_actor": "carrying_actor",
    "actor_type": "carrying_actor",
    "status": "status",
    "status_date": "status_date",
    "verified_on": "verified_on",
    "description_fr": "description_fr",
    "outcome": "outcome",
    "sources": "sources",
    "commune": "commune",
    "commune_code": "commune",
    "departement_code": "commune",
    "region_code": "commune",
    "scope": "commune",
    "case_study": "case_study",
}

_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f\x7f]")
# Bidirectional controls: invisible, they can make a text read otherwise than it is stored.
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def control_message(text: str, *, multiline: bool) -> str | None:
    """What is wrong with the first forbidden control character of ``text``, naming it
    and its position (1 = the first character); a line break only when one was typed."""
    match = (_CONTROL_MULTILINE if multiline else _CONTROL_ONE_LINE).search(text)
    if match is None:
        return None
    char, position = match.group(), match.start() + 1
    if char in "\n\r":
        return f"retour à la ligne interdit (en position {position})"
    return f"caractère de contrôle U+{ord(char):04X} en position {position} interdit"


@dataclass(frozen=True)
class Proposal:
    """What a contributor sends (form fields, not yet checked).

    ``commune_code`` is the INSEE code the commune picker resolved; its département
    and region are taken from the reference tables, and its name too unless
    ``commune`` gives the place as the sources name it (a commune déléguée of it).
    A département-wide or regional programme gives ``departement_code`` /
    ``region_code`` instead.
    ``token`` makes the submission idempotent: sending the same token twice (double
    click, retry after a network error) stores it once. ``outcomes``: what was measured,
    one mapping of ``outcomes.csv`` columns per record; their errors come back on the
    fields ``outcomes[i].<column>`` (:func:`outcome_field`).
    """

    name: str
    lever: str
    description_fr: str
    sources: Sequence[str]
    commune_code: str = ""
    departement_code: str = ""
    region_code: str = ""
    year_started: int | str | None = None
    carrying_actor: Sequence[str] = ()
    status: str = "unknown"
    status_date: str = ""
    outcome: str = ""  # a free-text note for moderators (never published)
    contact_email: str = ""
    token: str | None = None
    commune: str = ""
    # outcome records, each as form fields (:func:`data.store.outcome_fields.check_outcome_fields`)
    outcomes: Sequence[Mapping[str, object]] = ()


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


def outcome_field(index: int, column: str) -> str:
    """The form field of one column of the proposal's ``index``-th outcome record."""
    return f"outcomes[{index}].{column}"


class FieldErrors:
    """What a form check gives back: ``errors`` (:class:`FieldError`), grouped by field."""

    errors: list[FieldError]

    @property
    def ok(self) -> bool:
        return not self.errors

    def by_field(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for err in self.errors:
            out.setdefault(err.field, []).append(err.message)
        return out


@dataclass
class ProposalCheck(FieldErrors):
    """A proposal turned into a catalogue row, with its errors per form field."""

    row: dict[str, str]
    email: str | None
    errors: list[FieldError] = field(default_factory=list)


def clean_text(value: object) -> str:
    """Strip, unify line endings, drop bidirectional controls (U+202A–U+202E,
    U+2066–U+2069, U+200E, U+200F) and compose accents (NFC); keep everything else."""
    if value is None:
        return ""
    text = _BIDI.sub("", str(value)).replace("\r\n", "\n").replace("\r", "\n").strip()
    return unicodedata.normalize("NFC", text)


def split_sources(value: str | Iterable[str]) -> list[str]:
    """URLs from a text (one per line, or ``|``-separated) or from a list."""
    items = [value] if isinstance(value, str) else list(value)
    out: list[str] = []
    for item in items:
        for part in re.split(r"[\n|]", clean_text(item)):
            part = part.strip()
            if part:
                out.append(part)
    return out


def _length(column: str, value: str, low: int, high: int) -> str | None:
    if value and len(value) < low:
        return f"trop court ({len(value)} caractères, minimum {low})"
    if len(value) > high:
        return f"trop long ({len(value)} caractères, maximum {high})"
    return None


def text_errors(values: Mapping[str, str], line: int = 2) -> Iterator[RowError]:
    """Length limits and forbidden characters of a catalogue row (all origins)."""

    def get(column: str) -> str:
        value = values.get(column)
        return "" if value is None else str(value)

    limits = {
        "name": (NAME_MIN, NAME_MAX),
        "description_fr": (DESCRIPTION_MIN, DESCRIPTION_MAX),
        NOTE: (0, OUTCOME_MAX),
        "commune": (0, COMMUNE_MAX),
        "case_study": (0, CASE_STUDY_MAX),
    }
    for column, (low, high) in limits.items():
        message = _length(column, get(column).strip(), low, high)
        if message:
            yield RowError(line, column, message)
    for column in (*COLUMNS, NOTE):
        message = control_message(get(column), multiline=column in MULTILINE)
        if message:
            yield RowError(line, column, message)
    sources = split_list(get("sources"), SOURCE_SEPARATOR)
    if len(sources) > SOURCES_MAX:
        yield RowError(line, "sources", f"{len(sources)} sources, maximum {SOURCES_MAX}")
    for url in sources:
        if len(url) > URL_MAX:
            yield RowError(line, "sources", f"URL trop longue (maximum {URL_MAX} caractères)")


def email_error(email: str) -> str | None:
    if not email:
        return None
    if len(email) > EMAIL_MAX:
        return f"adresse trop longue (maximum {EMAIL_MAX} caractères)"
    if not EMAIL_RE.match(email):
        return "adresse électronique invalide (exemple : nom@domaine.fr)"
    return None


def check_rows(
    rows: Sequence[CsvRow], reference: Reference | None, *, current_year: int | None = None
) -> list[RowError]:
    """Every error of catalogue rows: the catalogue's rules, then :func:`text_errors`."""
    errors = list(iter_row_errors(rows, reference, current_year=current_year))
    for row in rows:
        errors.extend(text_errors(row.values, row.line))
    errors.sort(key=lambda e: e.row)
    return errors


def derive_place(values: dict[str, str], reference: Reference) -> None:
    """Fill the commune's name, département and region from its code (when known),
    the département's region, the scope and the main actor."""
    code = values.get("commune_code", "")
    commune = reference.communes.get(code) if code else None
    if commune is not None:
        values["commune"] = commune.nom
        values["departement_code"] = commune.departement_code
    dep = reference.departements.get(values.get("departement_code", ""))
    if dep is not None:
        values["region_code"] = dep.region_code
    values["scope"] = derive_scope(
        values.get("commune_code", ""), values.get("departement_code", "")
    )
    actors = split_list(values.get("carrying_actor", ""), ACTOR_SEPARATOR)
    values["actor_type"] = actors[0] if actors else ""


def proposal_row(proposal: Proposal, reference: Reference) -> dict[str, str]:
    """The catalogue row of a proposal (``id`` is a placeholder until approval)."""
    year = proposal.year_started
    actors = [clean_text(a) for a in proposal.carrying_actor if clean_text(a)]
    values = {
        "id": PLACEHOLDER_SLUG,
        "name": clean_text(proposal.name),
        "lever": clean_text(proposal.lever),
        "year_started": "" if year is None else clean_text(year),
        "carrying_actor": ACTOR_SEPARATOR.join(actors),
        "actor_type": "",
        "status": clean_text(proposal.status) or "unknown",
        "status_date": clean_text(proposal.status_date),
        "verified_on": "",
        "description_fr": clean_text(proposal.description_fr),
        "outcome": clean_text(proposal.outcome),
        "sources": f" {SOURCE_SEPARATOR} ".join(split_sources(proposal.sources)),
        "commune": "",
        "commune_code": clean_text(proposal.commune_code),
        "departement_code": clean_text(proposal.departement_code),
        "region_code": clean_text(proposal.region_code),
        "scope": "",
        "case_study": "",
    }
    derive_place(values, reference)
    if values["commune_code"] and clean_text(proposal.commune):
        values["commune"] = clean_text(proposal.commune)
    return values


def check_proposal(
    proposal: Proposal,
    reference: Reference,
    *,
    require_commune: bool = False,
    current_year: int | None = None,
) -> ProposalCheck:
    """The proposal's row and its errors, each attached to a form field."""
    row = proposal_row(proposal, reference)
    email = clean_text(proposal.contact_email) or None
    errors: list[FieldError] = []
    code = row["commune_code"]
    if require_commune and not code:
        errors.append(FieldError("commune", "commune obligatoire (choisir dans la liste)"))
    elif code and code not in reference.communes:
        errors.append(FieldError("commune", f"commune {code} inconnue"))
    if not split_sources(proposal.sources):
        errors.append(
            FieldError("sources", "au moins une source (URL http ou https) est obligatoire")
        )
    seen: set[tuple[str, str]] = {(e.field, e.message) for e in errors}
    for err in check_rows([CsvRow(2, row)], reference, current_year=current_year):
        target = COLUMN_FIELD.get(err.column or "", "name")
        if target == "commune" and any(e.field == "commune" for e in errors):
            continue  # one clear message for the commune is enough
        key = (target, err.message)
        if key not in seen:
            seen.add(key)
            errors.append(FieldError(target, err.message))
    message = email_error(email or "")
    if message:
        errors.append(FieldError("contact_email", message))
    order = {name: i for i, name in enumerate(FIELDS)}
    errors.sort(key=lambda e: order.get(e.field, len(order)))
    return ProposalCheck(row=row, email=email, errors=errors)
