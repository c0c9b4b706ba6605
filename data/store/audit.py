"""The audit trail: every change to an initiative, with who, when, before and after."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert

from data.store.models import audit_log

SYSTEM_ACTOR = "système"
CONTRIBUTOR_ACTOR = "contributeur"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite gives naive datetimes back: they were written in UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    action: str  # seed, submit, approve, reject, edit, import_create, import_update
    initiative_pk: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None

    def changed_fields(self) -> list[str]:
        """Fields whose value differs between before and after."""
        before, after = self.before or {}, self.after or {}
        return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def _dump(snapshot: Mapping[str, Any] | None) -> str | None:
    if snapshot is None:
        return None
    return json.dumps(dict(snapshot), ensure_ascii=False, sort_keys=True, default=str)


def load_snapshot(text: str | None) -> dict[str, Any] | None:
    return None if text is None else json.loads(text)


def record(
    conn: Connection,
    *,
    actor: str,
    action: str,
    initiative_pk: int | None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    reason: str | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Add one entry, in the caller's transaction (it commits with the change)."""
    conn.execute(
        insert(audit_log).values(
            at=at or utcnow(),
            actor=actor,
            action=action,
            initiative_pk=initiative_pk,
            before=_dump(before),
            after=_dump(after),
            reason=reason,
        )
    )


def record_many(conn: Connection, entries: Sequence[Mapping[str, Any]]) -> None:
    """Add several entries in one statement (keys as :func:`record`'s arguments)."""
    if entries:
        conn.execute(
            insert(audit_log),
            [
                {
                    "at": e.get("at") or utcnow(),
                    "actor": e["actor"],
                    "action": e["action"],
                    "initiative_pk": e.get("initiative_pk"),
                    "before": _dump(e.get("before")),
                    "after": _dump(e.get("after")),
                    "reason": e.get("reason"),
                }
                for e in entries
            ],
        )


def entry_from_row(row: Any) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=as_utc(row.at) or utcnow(),
        actor=row.actor,
        action=row.action,
        initiative_pk=row.initiative_pk,
        before=load_snapshot(row.before),
        after=load_snapshot(row.after),
        reason=row.reason,
    )
