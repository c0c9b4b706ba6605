"""Seeding the store from the catalogue (``data/catalogue/<region>/``), outcome
records included.

Idempotent: a catalogue row is inserted only if no initiative of the store has its
id (slug), so restarting adds nothing twice and rows added to the files later are
picked up on the next start. A seeded initiative that nobody has changed since
(its last audit entry is the seed's own) follows the catalogue: when its row or its
outcome records change in the files (re-verification, new results), the store is
updated (``seed_update``). Moderators' edits are never overwritten. A digest of
every file is kept in ``store_meta.seed_digest``: an unchanged catalogue is not even
re-read.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import Connection, RowMapping, func, select, update

from data.initiatives import Reference, load_catalogue
from data.store import audit
from data.store.models import audit_log, initiatives, store_meta
from data.store.outcomes import Record, clean_record, records_of, same_records
from data.store.records import clean_values, db_columns, row_values
from data.store.writes import Act, New, change, create_many

SEED_ACTIONS = ("seed", "seed_update")


def catalogue_digest(directory: Path) -> str:
    """SHA-256 over the catalogue's file names and contents."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*/*.csv")):
        digest.update(path.relative_to(directory).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _untouched(conn: Connection) -> set[int]:
    """Initiatives whose last audit entry is the seed's (nobody changed them since)."""
    last = select(func.max(audit_log.c.id)).group_by(audit_log.c.initiative_pk)
    query = select(audit_log.c.initiative_pk, audit_log.c.action).where(audit_log.c.id.in_(last))
    return {pk for pk, action in conn.execute(query) if action in SEED_ACTIONS}


def _refresh(
    conn: Connection,
    record: RowMapping,
    values: dict[str, str],
    records: list[Record],
    before: list[Record],
    act: Act,
) -> bool:
    """Bring an untouched seeded initiative to the catalogue's values; True if it changed."""
    old = db_columns(row_values(record))
    diff = {k: v for k, v in db_columns(values).items() if old[k] != v}
    records_changed = not same_records(before, records)
    if not diff and not records_changed:
        return False
    change(
        conn,
        record,
        diff | {"updated_at": act.at},
        act,
        (before, records) if records_changed else None,
    )
    return True


def seed_from_catalogue(conn: Connection, directory: Path, reference: Reference) -> int:
    """Insert the catalogue rows the store does not have yet, refresh the untouched
    seeded ones; return how many initiatives changed.

    Runs in the caller's transaction (which holds the store's migration lock). The
    catalogue is checked by :func:`data.initiatives.load_catalogue` first: an invalid
    catalogue raises :class:`~data.errors.InputError` and nothing is written.
    """
    digest = catalogue_digest(directory)
    meta = conn.execute(
        select(store_meta.c.seed_digest).where(store_meta.c.id == 1).with_for_update()
    ).scalar_one()
    if meta == digest:
        return 0
    catalogue = load_catalogue(directory, reference=reference)  # raises on the first error
    records: dict[str, list[Record]] = {}
    for _, row in catalogue.files.outcome_rows():
        record = clean_record(row.values)
        records.setdefault(record["initiative_id"], []).append(record)
    query = select(initiatives).where(initiatives.c.slug.is_not(None))
    existing = {r["slug"]: r for r in conn.execute(query).mappings()}
    untouched = {pk for pk in _untouched(conn) if any(r["pk"] == pk for r in existing.values())}
    seeded = [r for r in existing.values() if r["pk"] in untouched and r["origin"] == "seed"]
    stored = records_of(conn, [r["pk"] for r in seeded])
    now = audit.utcnow()
    changed = 0
    new: list[New] = []
    for file, row in catalogue.files.initiative_rows():
        values = clean_values(row.values)
        slug = values["id"]
        own = records.get(slug, [])
        if slug not in existing:
            columns = db_columns(values) | {
                "slug": slug,
                "state": "published",
                "origin": "seed",
                "created_at": now,
                "updated_at": now,
            }
            new.append(New(columns, Act(audit.SYSTEM_ACTOR, "seed", now, file.name), own))
        elif existing[slug]["pk"] in stored:
            act = Act(audit.SYSTEM_ACTOR, "seed_update", now, file.name)
            record = existing[slug]
            changed += _refresh(conn, record, values, own, stored[record["pk"]], act)
    changed += len(create_many(conn, new))
    changes: dict[str, object] = {"seed_digest": digest}
    if changed:
        changes["published_version"] = store_meta.c.published_version + 1
    conn.execute(update(store_meta).where(store_meta.c.id == 1).values(**changes))
    return changed
