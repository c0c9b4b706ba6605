"""Seeding the store from the catalogue (``data/catalogue/<region>/``).

Idempotent: a catalogue row is inserted only if no initiative of the store has its
id (slug), so restarting adds nothing twice, rows added to the files later are
picked up on the next start, and moderators' edits are never overwritten. A digest
of every file is kept in ``store_meta.seed_digest``: an unchanged catalogue is not
even re-read.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import Connection, select, update

from data.initiatives import Reference, load_catalogue
from data.store import audit
from data.store.models import initiatives, store_meta
from data.store.records import clean_values, db_columns
from data.store.writes import Act, create


def catalogue_digest(directory: Path) -> str:
    """SHA-256 over the catalogue's file names and contents."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*/*.csv")):
        digest.update(path.relative_to(directory).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def seed_from_catalogue(conn: Connection, directory: Path, reference: Reference) -> int:
    """Insert the catalogue rows the store does not have yet; return how many.

    Runs in the caller's transaction (which holds the store's migration lock). The
    catalogue is checked by :func:`data.initiatives.load_catalogue` first: an invalid
    catalogue raises :class:`~data.errors.InputError` and nothing is inserted.
    """
    digest = catalogue_digest(directory)
    meta = conn.execute(
        select(store_meta.c.seed_digest).where(store_meta.c.id == 1).with_for_update()
    ).scalar_one()
    if meta == digest:
        return 0
    catalogue = load_catalogue(directory, reference=reference)  # raises on the first error
    query = select(initiatives.c.slug).where(initiatives.c.slug.is_not(None))
    existing = set(conn.execute(query).scalars())
    now = audit.utcnow()
    inserted = 0
    for file, row in catalogue.files.initiative_rows():
        values = clean_values(row.values)
        if values["id"] in existing:
            continue
        columns = db_columns(values) | {
            "slug": values["id"],
            "state": "published",
            "origin": "seed",
            "created_at": now,
            "updated_at": now,
        }
        create(conn, columns, Act(audit.SYSTEM_ACTOR, "seed", now, file.name))
        existing.add(values["id"])
        inserted += 1
    changes: dict[str, object] = {"seed_digest": digest}
    if inserted:
        changes["published_version"] = store_meta.c.published_version + 1
    conn.execute(update(store_meta).where(store_meta.c.id == 1).values(**changes))
    return inserted
