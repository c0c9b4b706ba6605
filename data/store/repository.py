"""The store: initiatives proposed, moderated and published, in SQLite or PostgreSQL.

Every method that changes something runs in one transaction that also writes the
audit trail and, when the published set changes, increments ``published_version``;
it returns only after COMMIT. SQL goes through SQLAlchemy Core expressions (bound
parameters only). The work itself is done by the modules named below; this class
holds the engine, the transactions and the cache of the published frame.

==================  =========================================================
:mod:`.proposals`   the pending queue fed by the public form
:mod:`.moderation`  approve, reject, edit
:mod:`.importing`   bulk import: per-row report, then the write
:mod:`.published`   the published set and its frame
:mod:`.lookups`     likely duplicates
:mod:`.writes`      inserts and updates with their audit entries
:mod:`.records`     database rows <-> catalogue values
==================  =========================================================
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace

import pandas as pd
from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import IntegrityError

from data.initiatives import INITIATIVES_FILE, OUTCOME_COLUMNS, OUTCOMES_FILE, CsvTable, Reference
from data.store import audit, importing, moderation, proposals, published
from data.store.csvio import rows_to_csv
from data.store.duplicates import Duplicate
from data.store.engine import WRITE, is_sqlite, safe_url
from data.store.errors import ImportRejected, InvalidProposal
from data.store.import_outcomes import OutcomeRows
from data.store.importing import ImportReport, ImportRows
from data.store.lookups import duplicates_of, duplicates_of_each
from data.store.models import audit_log, initiatives
from data.store.outcome_fields import check_outcome_list
from data.store.outcomes import initiatives_with_records
from data.store.records import Initiative, SubmissionResult, moderator_name
from data.store.validation import FieldError, Proposal, check_proposal, clean_text
from data.store.writes import bump_version, fetch, read_version

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class Store:
    """Initiatives in a database; open it with :func:`data.store.open_store`.

    Thread-safe (one engine and its connection pool); share one per process.
    """

    def __init__(self, engine: Engine, reference: Reference, url: str) -> None:
        self.engine = engine
        self.reference = reference
        self.url = url
        self._write_engine = engine.execution_options(**WRITE)
        self._frame_cache: published.PublishedFrames | None = None
        # Write transactions this object committed: a reader that memoised the version
        # (one per script run, components.contributions.store_access) reads it again
        # after a write of its own.
        self.writes = 0

    def __repr__(self) -> str:
        return f"Store({safe_url(self.url)!r})"

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    def close(self) -> None:
        self.engine.dispose()

    # -- transactions ----------------------------------------------------------------

    @contextmanager
    def _read(self, snapshot: bool = False) -> Iterator[Connection]:
        engine = self.engine
        if snapshot and not self.is_sqlite:
            engine = engine.execution_options(isolation_level="REPEATABLE READ")
        with engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction, committed on leaving (``writes`` then counts it)."""
        with self._write_engine.begin() as conn:
            yield conn
        self.writes += 1

    # -- published set -----------------------------------------------------------------

    def version(self) -> str:
        """A token that changes whenever the published set changes (cheap: one row)."""
        with self._read() as conn:
            return read_version(conn)

    def published_rows(self) -> list[dict[str, str]]:
        """Published initiatives as catalogue rows, sorted by id (no contact address)."""
        return self.published_snapshot_rows()[1]

    def published_snapshot_rows(self) -> tuple[str, list[dict[str, str]]]:
        version, rows = self._published_rows()
        return version, rows.initiatives

    def _published_rows(self) -> tuple[str, published.PublishedRows]:
        with self._read(snapshot=True) as conn:
            return read_version(conn), published.published_rows(conn)

    def published_catalogue(self) -> published.PublishedFrames:
        """The version, the published initiatives and their outcome records, read in
        one consistent snapshot (re-read only when the version has changed); the
        frames of :func:`data.initiatives.load_catalogue` (``line`` = line in the CSV
        export)."""
        with self._read(snapshot=True) as conn:
            version = read_version(conn)
            cached = self._frame_cache
            if cached is not None and cached.version == version:
                return cached.copy()
            rows = published.published_rows(conn)
        frames = published.published_frames(version, rows, self.reference)
        self._frame_cache = frames
        return frames.copy()

    def published_snapshot(self) -> tuple[str, pd.DataFrame]:
        """The version and the published initiatives frame, read together."""
        frames = self.published_catalogue()
        return frames.version, frames.initiatives

    def published_frame(self) -> pd.DataFrame:
        """Published initiatives with the columns and dtypes of
        :func:`data.initiatives.load_initiatives` (``evidence_level`` from their
        records; ``line`` = line in the CSV export)."""
        return self.published_catalogue().initiatives

    def published_outcomes(self) -> pd.DataFrame:
        """The outcome records of the published initiatives (the atlas' ``outcomes``)."""
        return self.published_catalogue().outcomes

    def export_published_csv(self) -> bytes:
        """Every published initiative in the format of the catalogue's
        ``initiatives.csv`` (formula cells neutralised; no contact address)."""
        return rows_to_csv(self.published_rows())

    def export_published_outcomes_csv(self) -> bytes:
        """Their outcome records, in the format of ``outcomes.csv`` (neutralised)."""
        return rows_to_csv(self._published_rows()[1].outcomes, OUTCOME_COLUMNS)

    def export_published_files(self) -> dict[str, bytes]:
        """Both files of one snapshot: ``{"initiatives.csv": …, "outcomes.csv": …}``."""
        _, rows = self._published_rows()
        return {
            INITIATIVES_FILE: rows_to_csv(rows.initiatives),
            OUTCOMES_FILE: rows_to_csv(rows.outcomes, OUTCOME_COLUMNS),
        }

    def counts(self) -> dict[str, int]:
        """Number of initiatives per state."""
        with self._read() as conn:
            result = conn.execute(
                select(initiatives.c.state, func.count()).group_by(initiatives.c.state)
            )
            found = {state: int(n) for state, n in result}
        return {state: found.get(state, 0) for state in ("pending", "published", "rejected")}

    def get(self, pk: int) -> Initiative:
        with self._read() as conn:
            record = fetch(conn, pk)
            duplicates = duplicates_of(
                conn, self.reference, record["name"], record["commune_code"], pk
            )
            return initiatives_with_records(conn, [record], [duplicates])[0]

    def get_by_slug(self, slug: str) -> Initiative | None:
        query = select(initiatives).where(initiatives.c.slug == slug)
        with self._read() as conn:
            record = conn.execute(query).mappings().first()
            return None if record is None else initiatives_with_records(conn, [record])[0]

    def find_duplicates(
        self, name: str, commune_code: str, exclude: int | None = None
    ) -> list[Duplicate]:
        """Pending or published initiatives of the same commune with a similar name."""
        with self._read() as conn:
            return duplicates_of(
                conn, self.reference, clean_text(name), clean_text(commune_code), exclude
            )

    # -- proposing -----------------------------------------------------------------------

    def submit(self, proposal: Proposal, *, require_commune: bool = False) -> SubmissionResult:
        """Store a proposal in the pending queue; return once it is committed.

        Raises :class:`InvalidProposal` (nothing stored) when a field is wrong. The
        same ``proposal.token`` submitted again returns the first submission
        (``already_recorded``) instead of storing it twice.
        """
        check = check_proposal(proposal, self.reference, require_commune=require_commune)
        records, outcome_errors = check_outcome_list(proposal.outcomes)
        check.errors.extend(outcome_errors)
        token = proposal.token or uuid.uuid4().hex
        if not TOKEN_RE.match(token):
            check.errors.append(FieldError("token", "jeton de soumission invalide"))
        if not check.ok:
            raise InvalidProposal(check.errors)
        try:
            with self._write() as conn:
                return proposals.store_proposal(conn, self.reference, check, token, records)
        except IntegrityError:
            # The same token committed by a concurrent request in the meantime.
            with self._read() as conn:
                existing = proposals.by_token(conn, self.reference, token)
            if existing is None:
                raise
            return existing

    # -- moderating ---------------------------------------------------------------------

    def pending(self) -> list[Initiative]:
        """The moderation queue, oldest first, each with its likely duplicates."""
        query = (
            select(initiatives)
            .where(initiatives.c.state == "pending")
            .order_by(initiatives.c.created_at, initiatives.c.pk)
        )
        with self._read() as conn:
            records = list(conn.execute(query).mappings())
            found = duplicates_of_each(conn, self.reference, records)
            return initiatives_with_records(conn, records, found)

    def listing(self, state: str | None = None, limit: int = 1000) -> list[Initiative]:
        """Initiatives of one state (or all), most recently changed first."""
        query = select(initiatives).order_by(
            initiatives.c.updated_at.desc(), initiatives.c.pk.desc()
        )
        if state is not None:
            query = query.where(initiatives.c.state == state)
        with self._read() as conn:
            return initiatives_with_records(conn, list(conn.execute(query.limit(limit)).mappings()))

    def approve(self, pk: int, moderator: str) -> Initiative:
        """Publish a pending (or rejected) proposal; it gets its catalogue id (slug)."""
        who = moderator_name(moderator)
        for attempt in range(5):
            try:
                with self._write() as conn:
                    return moderation.approve(conn, self.reference, pk, who)
            except IntegrityError:  # another approval took the same slug meanwhile
                if attempt == 4:
                    raise
        raise AssertionError("unreachable")

    def reject(self, pk: int, moderator: str, reason: str) -> Initiative:
        """Refuse a pending proposal, with a reason (kept in the audit trail)."""
        who = moderator_name(moderator)
        with self._write() as conn:
            return moderation.reject(conn, pk, who, reason)

    def edit(self, pk: int, changes: Mapping[str, object], moderator: str) -> Initiative:
        """Change some fields (:data:`~data.store.moderation.EDITABLE`) of any
        initiative, checked like the catalogue; the audit trail keeps before and after."""
        who = moderator_name(moderator)
        with self._write() as conn:
            return moderation.edit(conn, self.reference, pk, changes, who)

    def set_outcomes(
        self, pk: int, records: Sequence[Mapping[str, object]], moderator: str
    ) -> Initiative:
        """Replace the outcome records of an initiative (any state) by ``records``, each
        given as form fields and checked like the catalogue's ``outcomes.csv``
        (:class:`InvalidOutcomes`, nothing changed, on the first error); the audit
        trail keeps before and after."""
        who = moderator_name(moderator)
        with self._write() as conn:
            return moderation.set_outcomes(conn, pk, records, who)

    def audit_trail(
        self, initiative_id: int | None = None, *, limit: int = 200, offset: int = 0
    ) -> list[audit.AuditEntry]:
        """Audit entries, newest first (of one initiative if ``initiative_id`` is given)."""
        query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit).offset(offset)
        if initiative_id is not None:
            query = query.where(audit_log.c.initiative_pk == initiative_id)
        with self._read() as conn:
            return [audit.entry_from_row(r) for r in conn.execute(query)]

    # -- bulk import --------------------------------------------------------------------

    def preview_import(self, rows: ImportRows, outcomes: OutcomeRows | None = None) -> ImportReport:
        """What :meth:`import_rows` would do, row by row (and record by record for an
        ``outcomes`` file); writes nothing."""
        with self._read() as conn:
            return importing.build_report(conn, self.reference, rows, outcomes)

    def import_rows(
        self,
        rows: ImportRows,
        moderator: str,
        only_valid: bool,
        outcomes: OutcomeRows | None = None,
    ) -> ImportReport:
        """Create or update published initiatives from catalogue rows, and replace the
        records of the initiatives the ``outcomes`` rows name, in one transaction.

        With ``only_valid=False`` nothing is written unless every row is valid
        (:class:`ImportRejected`); with ``only_valid=True`` the invalid rows are
        skipped (and all the records of an initiative when one of them is invalid).
        A bad header rejects the whole import either way.
        """
        who = moderator_name(moderator)
        materialised = rows if isinstance(rows, CsvTable) else list(rows)
        records = outcomes if outcomes is None or isinstance(outcomes, CsvTable) else list(outcomes)
        with self._write() as conn:
            plan = importing.plan_import(conn, self.reference, materialised, records)
            report = plan.report
            if report.header_errors or report.outcome_header_errors:
                raise ImportRejected("en-tête invalide : rien n'a été importé", report)
            invalid = len(report.invalid) + len(report.invalid_outcomes)
            if invalid and not only_valid:
                raise ImportRejected(
                    f"{invalid} ligne(s) invalide(s) : rien n'a été importé", report
                )
            written = importing.write_plan(conn, plan, who)
            if written:
                bump_version(conn)
        return replace(report, written=written, committed=True)
