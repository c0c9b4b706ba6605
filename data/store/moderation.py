"""Moderators' decisions: approve (publish), reject with a reason, edit any field.

Each function runs in the caller's write transaction and leaves the audit trail.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, select

from data.initiatives import COLUMNS, CsvRow, Reference, RowError
from data.initiatives.names import slugify
from data.store import audit
from data.store.errors import InvalidOutcomes, InvalidRow, StateError, StoreError
from data.store.models import initiatives
from data.store.outcome_fields import check_outcome_list
from data.store.outcomes import initiatives_with_records, records_of, same_records
from data.store.records import Initiative, db_columns, row_values
from data.store.validation import (
    NOTE,
    PLACEHOLDER_SLUG,
    REASON_MAX,
    check_rows,
    clean_text,
    derive_place,
    email_error,
)
from data.store.writes import Act, bump_version, change, fetch

# Catalogue columns a moderator may change (``id`` never changes; ``actor_type`` and
# ``scope`` are derived), plus the contact address and the note on results.
EDITABLE: tuple[str, ...] = tuple(c for c in COLUMNS if c not in ("id", "actor_type", "scope")) + (
    "contact_email",
    NOTE,
)


def _current(conn: Connection, pk: int) -> Initiative:
    return initiatives_with_records(conn, [fetch(conn, pk)])[0]


def allocate_slug(conn: Connection, values: Mapping[str, str]) -> str:
    """A free catalogue id from the name (then the commune, then a number)."""
    base = slugify(values["name"], 70) or "initiative"
    commune = slugify(values.get("commune", ""), 40)
    candidates = [base]
    if commune and not base.endswith(commune):
        candidates.append(f"{base}-{commune}")
    taken = set(
        conn.execute(
            select(initiatives.c.slug).where(initiatives.c.slug.like(f"{base}%"))
        ).scalars()
    )
    for candidate in candidates:
        if candidate not in taken:
            return candidate
    n = 2
    while f"{candidates[-1]}-{n}" in taken:
        n += 1
    return f"{candidates[-1]}-{n}"


def approve(conn: Connection, reference: Reference, pk: int, who: str) -> Initiative:
    record = fetch(conn, pk, lock=True)
    if record["state"] == "published":
        raise StateError(f"l'initiative {pk} est déjà publiée")
    values = row_values(record)
    slug = allocate_slug(conn, values)
    values["id"] = slug
    errors = check_rows([CsvRow(2, values)], reference)
    if errors:
        raise InvalidRow(errors)
    now = audit.utcnow()
    changes = {
        "slug": slug,
        "state": "published",
        "moderated_by": who,
        "moderated_at": now,
        "updated_at": now,
        "reject_reason": None,
    }
    change(conn, record, changes, Act(who, "approve", now))
    bump_version(conn)
    return _current(conn, pk)


def reject(conn: Connection, pk: int, who: str, reason: str) -> Initiative:
    why = clean_text(reason)
    if not why:
        raise StoreError("motif du refus obligatoire")
    if len(why) > REASON_MAX:
        raise StoreError(f"motif trop long (maximum {REASON_MAX} caractères)")
    record = fetch(conn, pk, lock=True)
    if record["state"] != "pending":
        raise StateError(f"seule une proposition en attente peut être refusée ({pk})")
    now = audit.utcnow()
    changes = {
        "state": "rejected",
        "reject_reason": why,
        "moderated_by": who,
        "moderated_at": now,
        "updated_at": now,
    }
    change(conn, record, changes, Act(who, "reject", now, why))
    return _current(conn, pk)


def _apply_changes(values: dict[str, str], changes: Mapping[str, object]) -> str | None:
    """Write ``changes`` into ``values``; return the new contact address if it changed."""
    email: str | None = None
    for key, value in changes.items():
        if key == "contact_email":
            email = clean_text(value) or ""
        elif key == "year_started":
            values[key] = "" if value is None else clean_text(value)
        elif isinstance(value, (list, tuple)):
            sep = " | " if key == "sources" else ";"
            values[key] = sep.join(clean_text(v) for v in value if clean_text(v))
        else:
            values[key] = clean_text(value)
    return email


def edit(
    conn: Connection, reference: Reference, pk: int, changes: Mapping[str, object], who: str
) -> Initiative:
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise StoreError(f"champ non modifiable : {', '.join(unknown)}")
    record = fetch(conn, pk, lock=True)
    values = row_values(record) | {NOTE: record[NOTE] or ""}
    values["id"] = record["slug"] or PLACEHOLDER_SLUG
    old_code = values["commune_code"]
    new_email = _apply_changes(values, changes)
    email = record["contact_email"] if new_email is None else (new_email or None)
    if not values["commune_code"] or (
        values["commune_code"] != old_code and "commune" not in changes
    ):
        values["commune"] = ""  # a new commune: take its official name
    name = values["commune"]
    derive_place(values, reference)
    if name:
        values["commune"] = name  # e.g. a commune déléguée, as the sources say
    errors = check_rows([CsvRow(2, values)], reference)
    message = email_error(email or "")
    if message:
        errors.append(RowError(2, "contact_email", message))
    if errors:
        raise InvalidRow(errors)
    new_columns = db_columns(values) | {"contact_email": email, NOTE: values[NOTE]}
    diff = {k: v for k, v in new_columns.items() if record[k] != v}
    if not diff:
        return _current(conn, pk)
    now = audit.utcnow()
    diff["updated_at"] = now
    change(conn, record, diff, Act(who, "edit", now))
    if record["state"] == "published":
        bump_version(conn)
    return _current(conn, pk)


def set_outcomes(
    conn: Connection, pk: int, records: Sequence[Mapping[str, object]], who: str
) -> Initiative:
    """Make ``records`` (form fields, checked here) the outcome records of ``pk``."""
    rows, errors = check_outcome_list(records)
    if errors:
        raise InvalidOutcomes(errors)
    record = fetch(conn, pk, lock=True)
    before = records_of(conn, [pk])[pk]
    if same_records(before, rows):
        return _current(conn, pk)
    now = audit.utcnow()
    change(conn, record, {"updated_at": now}, Act(who, "edit_outcomes", now), (before, rows))
    if record["state"] == "published":
        bump_version(conn)
    return _current(conn, pk)
