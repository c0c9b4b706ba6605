"""Proposals from the public form: stored in the pending queue, once per token."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, select

from data.initiatives import Reference
from data.store import audit
from data.store.lookups import duplicates_of
from data.store.models import initiatives
from data.store.records import SubmissionResult, db_columns
from data.store.validation import NOTE, ProposalCheck
from data.store.writes import Act, create


def by_token(conn: Connection, reference: Reference, token: str) -> SubmissionResult | None:
    """The submission already stored with this token, if any."""
    record = (
        conn.execute(select(initiatives).where(initiatives.c.submission_token == token))
        .mappings()
        .first()
    )
    if record is None:
        return None
    duplicates = duplicates_of(
        conn, reference, record["name"], record["commune_code"], record["pk"]
    )
    return SubmissionResult(
        record["pk"],
        token,
        record["state"],
        audit.as_utc(record["created_at"]) or audit.utcnow(),
        tuple(duplicates),
        already_recorded=True,
    )


def store_proposal(
    conn: Connection,
    reference: Reference,
    check: ProposalCheck,
    token: str,
    records: Sequence[Mapping[str, str]] = (),
) -> SubmissionResult:
    """Insert a checked proposal and its checked outcome ``records`` as pending (or
    return the one stored with ``token``)."""
    existing = by_token(conn, reference, token)
    if existing is not None:
        return existing
    row = check.row
    duplicates = duplicates_of(conn, reference, row["name"], row["commune_code"])
    now = audit.utcnow()
    columns = db_columns(row) | {
        NOTE: row[NOTE],
        "slug": None,
        "state": "pending",
        "contact_email": check.email,
        "submission_token": token,
        "origin": "proposal",
        "duplicate_flags": json.dumps([d.pk for d in duplicates]),
        "created_at": now,
        "updated_at": now,
    }
    pk = create(conn, columns, Act(audit.CONTRIBUTOR_ACTOR, "submit", now), list(records))
    return SubmissionResult(pk, token, "pending", now, tuple(duplicates))
