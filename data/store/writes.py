"""The store's writes, each with its audit entry, in the caller's transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, RowMapping, insert, select, update

from data.store import audit
from data.store.errors import NotFound
from data.store.models import initiatives, store_meta
from data.store.outcomes import CHUNK, audit_records, insert_records, replace_records
from data.store.records import snapshot

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fetch(conn: Connection, pk: int, *, lock: bool = False) -> RowMapping:
    query = select(initiatives).where(initiatives.c.pk == pk)
    if lock:
        query = query.with_for_update()
    record = conn.execute(query).mappings().first()
    if record is None:
        raise NotFound(f"initiative {pk} introuvable")
    return record


def bump_version(conn: Connection) -> None:
    """Mark a change of the published set (readers re-read their cached frame)."""
    conn.execute(
        update(store_meta)
        .where(store_meta.c.id == 1)
        .values(published_version=store_meta.c.published_version + 1)
    )


def read_version(conn: Connection) -> str:
    meta = conn.execute(
        select(store_meta.c.instance, store_meta.c.published_version).where(store_meta.c.id == 1)
    ).one()
    return f"{meta.instance}:{meta.published_version}"


@dataclass(frozen=True)
class Act:
    """Who did what, when (and why): the audit entry of a write."""

    actor: str
    action: str
    at: dt.datetime
    reason: str | None = None

    def record(self, conn: Connection, pk: int, **snapshots: Mapping[str, Any]) -> None:
        audit.record(
            conn,
            actor=self.actor,
            action=self.action,
            initiative_pk=pk,
            reason=self.reason,
            at=self.at,
            **snapshots,
        )


Records = Sequence[Mapping[str, str]]


def create(
    conn: Connection, columns: Mapping[str, Any], act: Act, records: Records | None = None
) -> int:
    """Insert one initiative (and its outcome ``records``) with its audit entry; return
    its ``pk``."""
    pk = conn.execute(
        insert(initiatives).values(**columns).returning(initiatives.c.pk)
    ).scalar_one()
    after = snapshot(columns)
    if records is not None:
        replace_records(conn, pk, records)
        after["outcomes"] = audit_records(records)
    act.record(conn, pk, after=after)
    return pk


@dataclass(frozen=True)
class New:
    """One initiative for :func:`create_many`: its columns, its act, its records."""

    columns: Mapping[str, Any]
    act: Act
    records: Records = ()


def create_many(conn: Connection, items: Sequence[New]) -> list[int]:
    """What :func:`create` writes for each item (the records always), in three
    statements instead of three per initiative; return the ``pk`` of each, in order.
    Every item must have the same column names."""
    if not items:
        return []
    names = set(items[0].columns)
    if any(set(item.columns) != names for item in items):
        raise ValueError("create_many: every initiative needs the same columns")
    query = insert(initiatives).returning(initiatives.c.pk, sort_by_parameter_order=True)
    pks = list(conn.execute(query, [dict(item.columns) for item in items]).scalars())
    insert_records(conn, {pk: item.records for pk, item in zip(pks, items, strict=True)})
    audit.record_many(
        conn,
        [
            {
                "actor": item.act.actor,
                "action": item.act.action,
                "initiative_pk": pk,
                "reason": item.act.reason,
                "at": item.act.at,
                "after": snapshot(item.columns) | {"outcomes": audit_records(item.records)},
            }
            for pk, item in zip(pks, items, strict=True)
        ],
    )
    return pks


def change(
    conn: Connection,
    record: RowMapping,
    changes: Mapping[str, Any],
    act: Act,
    records: tuple[Records, Records] | None = None,
) -> None:
    """Update one initiative and record before/after in the audit trail; ``records``:
    its outcome records (before, after) when they change too."""
    pk = record["pk"]
    if changes:
        conn.execute(update(initiatives).where(initiatives.c.pk == pk).values(**changes))
    before, after = snapshot(record), snapshot(dict(record) | dict(changes))
    if records is not None:
        replace_records(conn, pk, records[1])
        before["outcomes"], after["outcomes"] = audit_records(records[0]), audit_records(records[1])
    act.record(conn, pk, before=before, after=after)
