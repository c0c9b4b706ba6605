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
from data.store.records import snapshot

T = TypeVar("T")
CHUNK = 500  # values per ``IN (...)`` list


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


def create(conn: Connection, columns: Mapping[str, Any], act: Act) -> int:
    """Insert one initiative and its audit entry; return its ``pk``."""
    pk = conn.execute(
        insert(initiatives).values(**columns).returning(initiatives.c.pk)
    ).scalar_one()
    act.record(conn, pk, after=snapshot(columns))
    return pk


def change(conn: Connection, record: RowMapping, changes: Mapping[str, Any], act: Act) -> None:
    """Update one initiative and record before/after in the audit trail."""
    pk = record["pk"]
    conn.execute(update(initiatives).where(initiatives.c.pk == pk).values(**changes))
    act.record(conn, pk, before=snapshot(record), after=snapshot(dict(record) | dict(changes)))
