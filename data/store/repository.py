"""The store: initiatives proposed, moderated and published, in SQLite or PostgreSQL.

Every method that changes something runs in one transaction that also writes the
audit trail and, when the published set changes, increments ``published_version``;
it returns only after COMMIT. SQL goes through SQLAlchemy Core expressions (bound
parameters only).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, RowMapping, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from data.initiatives import (
    COLUMNS,
    CsvRow,
    CsvTable,
    Reference,
    RowError,
    initiatives_frame,
    iter_row_errors,
)
from data.store import audit
from data.store.csvio import rows_to_csv
from data.store.duplicates import Duplicate, find_similar
from data.store.engine import WRITE, is_sqlite, safe_url
from data.store.models import audit_log, initiatives, store_meta
from data.store.validation import (
    MODERATOR_MAX,
    PLACEHOLDER_SLUG,
    REASON_MAX,
    FieldError,
    Proposal,
    check_proposal,
    check_rows,
    clean_text,
    derive_place,
    email_error,
    slugify,
)

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
# Catalogue columns a moderator may change (``id`` never changes; ``actor_type`` and
# ``scope`` are derived), plus the contact address.
EDITABLE: tuple[str, ...] = tuple(c for c in COLUMNS if c not in ("id", "actor_type", "scope")) + (
    "contact_email",
)
SNAPSHOT_EXTRA = ("state", "contact_email", "reject_reason")


class StoreError(Exception):
    """A request the store refuses; ``str(error)`` is a French message for the user."""


class InvalidProposal(StoreError):
    """A proposal with errors; nothing was stored."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"{e.field} : {e.message}" for e in self.errors))


class InvalidRow(StoreError):
    """An edit or approval that would leave an invalid catalogue row; nothing changed."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"{e.column or '?'} : {e.message}" for e in self.errors))


class NotFound(StoreError):
    pass


class StateError(StoreError):
    """The initiative is not in a state that allows this (e.g. approving it twice)."""


class ImportRejected(StoreError):
    """The import was not written (invalid rows and ``only_valid`` was false, or a bad header)."""

    def __init__(self, message: str, report: ImportReport) -> None:
        self.report = report
        super().__init__(message)


@dataclass(frozen=True)
class Initiative:
    """One initiative of the store, as moderators see it (``contact_email`` included)."""

    pk: int
    slug: str | None
    state: str
    values: Mapping[str, str]  # catalogue columns (``id`` is the slug, or empty)
    contact_email: str | None
    origin: str
    created_at: dt.datetime
    updated_at: dt.datetime
    moderated_by: str | None = None
    moderated_at: dt.datetime | None = None
    reject_reason: str | None = None
    duplicates: tuple[Duplicate, ...] = ()

    @property
    def name(self) -> str:
        return self.values["name"]


@dataclass(frozen=True)
class SubmissionResult:
    """What the contributor is told once the proposal is committed."""

    pk: int
    token: str
    state: str
    created_at: dt.datetime
    duplicates: tuple[Duplicate, ...]
    already_recorded: bool = False  # the same token was already stored (double submit)

    @property
    def published_duplicates(self) -> tuple[Duplicate, ...]:
        return tuple(d for d in self.duplicates if d.state == "published")

    @property
    def pending_duplicates(self) -> tuple[Duplicate, ...]:
        return tuple(d for d in self.duplicates if d.state == "pending")


@dataclass(frozen=True)
class ImportRowReport:
    line: int
    slug: str
    name: str
    action: str  # "create", "update", "unchanged" or "invalid"
    errors: tuple[RowError, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    """Per-row outcome of a CSV import (a preview until ``written`` is set)."""

    rows: tuple[ImportRowReport, ...]
    header_errors: tuple[RowError, ...] = ()
    written: int = 0
    committed: bool = False

    @property
    def valid(self) -> tuple[ImportRowReport, ...]:
        return tuple(r for r in self.rows if r.action != "invalid")

    @property
    def invalid(self) -> tuple[ImportRowReport, ...]:
        return tuple(r for r in self.rows if r.action == "invalid")

    @property
    def to_write(self) -> tuple[ImportRowReport, ...]:
        return tuple(r for r in self.rows if r.action in ("create", "update"))

    @property
    def all_valid(self) -> bool:
        return not self.header_errors and not self.invalid


def _values(record: RowMapping) -> dict[str, str]:
    """Catalogue values of a database row (strings, as in the CSV)."""
    out = {c: "" if record[c] is None else str(record[c]) for c in COLUMNS if c != "id"}
    out["id"] = record["slug"] or ""
    return {c: out[c] for c in COLUMNS}


def _columns(values: Mapping[str, str]) -> dict[str, Any]:
    """Database columns of catalogue values (``id`` excluded)."""
    out: dict[str, Any] = {c: clean_text(values.get(c, "")) for c in COLUMNS if c != "id"}
    year = out.pop("year_started")
    out["year_started"] = int(year) if year else None
    return out


def _snapshot(record: RowMapping | Mapping[str, Any]) -> dict[str, Any]:
    snap = {c: record.get(c) for c in COLUMNS if c != "id"}
    snap["slug"] = record.get("slug")
    for key in SNAPSHOT_EXTRA:
        snap[key] = record.get(key)
    if snap.get("year_started") is not None:
        snap["year_started"] = int(snap["year_started"])
    return snap


def _initiative(record: RowMapping, duplicates: Sequence[Duplicate] = ()) -> Initiative:
    return Initiative(
        pk=record["pk"],
        slug=record["slug"],
        state=record["state"],
        values=_values(record),
        contact_email=record["contact_email"],
        origin=record["origin"],
        created_at=audit.as_utc(record["created_at"]) or audit.utcnow(),
        updated_at=audit.as_utc(record["updated_at"]) or audit.utcnow(),
        moderated_by=record["moderated_by"],
        moderated_at=audit.as_utc(record["moderated_at"]),
        reject_reason=record["reject_reason"],
        duplicates=tuple(duplicates),
    )


def _moderator(name: str) -> str:
    who = clean_text(name)
    if not who or "\n" in who or len(who) > MODERATOR_MAX:
        raise StoreError(f"nom du modérateur obligatoire (une ligne, {MODERATOR_MAX} caractères)")
    return who


class Store:
    """Initiatives in a database; open it with :func:`data.store.open_store`.

    Thread-safe (one engine and its connection pool); share one per process.
    """

    def __init__(self, engine: Engine, reference: Reference, url: str) -> None:
        self.engine = engine
        self.reference = reference
        self.url = url
        self._write_engine = engine.execution_options(**WRITE)
        self._frame_cache: tuple[str, pd.DataFrame] | None = None

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

    def _write(self):  # noqa: ANN202 - a context manager yielding a Connection in a transaction
        return self._write_engine.begin()

    @staticmethod
    def _bump_version(conn: Connection) -> None:
        conn.execute(
            update(store_meta)
            .where(store_meta.c.id == 1)
            .values(published_version=store_meta.c.published_version + 1)
        )

    def _row(self, conn: Connection, pk: int, *, lock: bool = False) -> RowMapping:
        query = select(initiatives).where(initiatives.c.pk == pk)
        if lock:
            query = query.with_for_update()
        record = conn.execute(query).mappings().first()
        if record is None:
            raise NotFound(f"initiative {pk} introuvable")
        return record

    # -- published set -----------------------------------------------------------------

    def version(self) -> str:
        """A token that changes whenever the published set changes (cheap: one row)."""
        with self._read() as conn:
            return self._version(conn)

    @staticmethod
    def _version(conn: Connection) -> str:
        meta = conn.execute(
            select(store_meta.c.instance, store_meta.c.published_version).where(
                store_meta.c.id == 1
            )
        ).one()
        return f"{meta.instance}:{meta.published_version}"

    def published_rows(self) -> list[dict[str, str]]:
        """Published initiatives as catalogue rows, sorted by id (no contact address)."""
        return self.published_snapshot_rows()[1]

    def published_snapshot_rows(self) -> tuple[str, list[dict[str, str]]]:
        with self._read(snapshot=True) as conn:
            version = self._version(conn)
            records = conn.execute(
                select(initiatives).where(initiatives.c.state == "published")
            ).mappings()
            rows = [_values(r) for r in records]
        rows.sort(key=lambda r: r["id"])
        return version, rows

    def published_snapshot(self) -> tuple[str, pd.DataFrame]:
        """The version and the published frame, read in one consistent snapshot
        (rows are re-read only when the version has changed)."""
        with self._read(snapshot=True) as conn:
            version = self._version(conn)
            cached = self._frame_cache
            if cached is not None and cached[0] == version:
                return version, cached[1].copy()
            records = conn.execute(
                select(initiatives).where(initiatives.c.state == "published")
            ).mappings()
            rows = sorted((_values(r) for r in records), key=lambda r: r["id"])
        frame = initiatives_frame(
            [CsvRow(i + 2, row) for i, row in enumerate(rows)], self.reference
        )
        self._frame_cache = (version, frame)
        return version, frame.copy()

    def published_frame(self) -> pd.DataFrame:
        """Published initiatives with the columns and dtypes of
        :func:`data.initiatives.load_initiatives` (``line`` = line in the CSV export)."""
        return self.published_snapshot()[1]

    def export_published_csv(self) -> bytes:
        """Every published initiative in the catalogue's CSV format (formula cells
        neutralised; no contact address)."""
        return rows_to_csv(self.published_rows())

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
            record = self._row(conn, pk)
            duplicates = self._duplicates(conn, record["name"], record["commune_code"], pk)
        return _initiative(record, duplicates)

    def get_by_slug(self, slug: str) -> Initiative | None:
        with self._read() as conn:
            record = (
                conn.execute(select(initiatives).where(initiatives.c.slug == slug))
                .mappings()
                .first()
            )
        return _initiative(record) if record is not None else None

    # -- duplicates --------------------------------------------------------------------

    def _duplicates(
        self, conn: Connection, name: str, commune_code: str, exclude: int | None = None
    ) -> list[Duplicate]:
        if not commune_code:
            return []
        query = select(
            initiatives.c.pk, initiatives.c.slug, initiatives.c.name, initiatives.c.state
        ).where(
            initiatives.c.commune_code == commune_code,
            initiatives.c.state.in_(("pending", "published")),
        )
        if exclude is not None:
            query = query.where(initiatives.c.pk != exclude)
        commune = self.reference.communes.get(commune_code)
        candidates = [(r.pk, r.slug, r.name, r.state) for r in conn.execute(query)]
        return find_similar(name, commune.nom if commune else "", candidates)

    def find_duplicates(
        self, name: str, commune_code: str, exclude: int | None = None
    ) -> list[Duplicate]:
        """Pending or published initiatives of the same commune with a similar name."""
        with self._read() as conn:
            return self._duplicates(conn, clean_text(name), clean_text(commune_code), exclude)

    # -- proposing -----------------------------------------------------------------------

    def submit(self, proposal: Proposal, *, require_commune: bool = False) -> SubmissionResult:
        """Store a proposal in the pending queue; return once it is committed.

        Raises :class:`InvalidProposal` (nothing stored) when a field is wrong. The
        same ``proposal.token`` submitted again returns the first submission
        (``already_recorded``) instead of storing it twice.
        """
        check = check_proposal(proposal, self.reference, require_commune=require_commune)
        token = proposal.token or uuid.uuid4().hex
        if not TOKEN_RE.match(token):
            check.errors.append(FieldError("token", "jeton de soumission invalide"))
        if not check.ok:
            raise InvalidProposal(check.errors)
        row = check.row
        try:
            with self._write() as conn:
                existing = self._by_token(conn, token)
                if existing is not None:
                    return existing
                duplicates = self._duplicates(conn, row["name"], row["commune_code"])
                now = audit.utcnow()
                columns = _columns(row) | {
                    "slug": None,
                    "state": "pending",
                    "contact_email": check.email,
                    "submission_token": token,
                    "origin": "proposal",
                    "duplicate_flags": json.dumps([d.pk for d in duplicates]),
                    "created_at": now,
                    "updated_at": now,
                }
                pk = conn.execute(
                    insert(initiatives).values(**columns).returning(initiatives.c.pk)
                ).scalar_one()
                audit.record(
                    conn,
                    actor=audit.CONTRIBUTOR_ACTOR,
                    action="submit",
                    initiative_pk=pk,
                    after=_snapshot(columns),
                    at=now,
                )
        except IntegrityError:
            # The same token committed by a concurrent request in the meantime.
            with self._read() as conn:
                existing = self._by_token(conn, token)
            if existing is None:
                raise
            return existing
        return SubmissionResult(pk, token, "pending", now, tuple(duplicates))

    def _by_token(self, conn: Connection, token: str) -> SubmissionResult | None:
        record = (
            conn.execute(select(initiatives).where(initiatives.c.submission_token == token))
            .mappings()
            .first()
        )
        if record is None:
            return None
        duplicates = self._duplicates(conn, record["name"], record["commune_code"], record["pk"])
        return SubmissionResult(
            record["pk"],
            token,
            record["state"],
            audit.as_utc(record["created_at"]) or audit.utcnow(),
            tuple(duplicates),
            already_recorded=True,
        )

    # -- moderating ---------------------------------------------------------------------

    def pending(self) -> list[Initiative]:
        """The moderation queue, oldest first, each with its likely duplicates."""
        with self._read() as conn:
            records = list(
                conn.execute(
                    select(initiatives)
                    .where(initiatives.c.state == "pending")
                    .order_by(initiatives.c.created_at, initiatives.c.pk)
                ).mappings()
            )
            codes = sorted({r["commune_code"] for r in records if r["commune_code"]})
            by_commune: dict[str, list[tuple[int, str | None, str, str]]] = {}
            for start in range(0, len(codes), 500):
                query = select(
                    initiatives.c.pk,
                    initiatives.c.slug,
                    initiatives.c.name,
                    initiatives.c.state,
                    initiatives.c.commune_code,
                ).where(
                    initiatives.c.commune_code.in_(codes[start : start + 500]),
                    initiatives.c.state.in_(("pending", "published")),
                )
                for c in conn.execute(query):
                    by_commune.setdefault(c.commune_code, []).append(
                        (c.pk, c.slug, c.name, c.state)
                    )
        out = []
        for r in records:
            commune = self.reference.communes.get(r["commune_code"])
            candidates = [c for c in by_commune.get(r["commune_code"], ()) if c[0] != r["pk"]]
            duplicates = find_similar(r["name"], commune.nom if commune else "", candidates)
            out.append(_initiative(r, duplicates))
        return out

    def listing(self, state: str | None = None, limit: int = 1000) -> list[Initiative]:
        """Initiatives of one state (or all), most recently changed first."""
        query = select(initiatives).order_by(
            initiatives.c.updated_at.desc(), initiatives.c.pk.desc()
        )
        if state is not None:
            query = query.where(initiatives.c.state == state)
        with self._read() as conn:
            return [_initiative(r) for r in conn.execute(query.limit(limit)).mappings()]

    def _allocate_slug(self, conn: Connection, values: Mapping[str, str]) -> str:
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

    def approve(self, pk: int, moderator: str) -> Initiative:
        """Publish a pending (or rejected) proposal; it gets its catalogue id (slug)."""
        who = _moderator(moderator)
        for attempt in range(5):
            try:
                return self._approve(pk, who)
            except IntegrityError:
                if attempt == 4:
                    raise
        raise AssertionError("unreachable")

    def _approve(self, pk: int, who: str) -> Initiative:
        with self._write() as conn:
            record = self._row(conn, pk, lock=True)
            if record["state"] == "published":
                raise StateError(f"l'initiative {pk} est déjà publiée")
            values = _values(record)
            slug = self._allocate_slug(conn, values)
            values["id"] = slug
            errors = check_rows([CsvRow(2, values)], self.reference)
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
            conn.execute(update(initiatives).where(initiatives.c.pk == pk).values(**changes))
            after = dict(record) | changes
            audit.record(
                conn,
                actor=who,
                action="approve",
                initiative_pk=pk,
                before=_snapshot(record),
                after=_snapshot(after),
                at=now,
            )
            self._bump_version(conn)
            updated = self._row(conn, pk)
        return _initiative(updated)

    def reject(self, pk: int, moderator: str, reason: str) -> Initiative:
        """Refuse a pending proposal, with a reason (kept in the audit trail)."""
        who = _moderator(moderator)
        why = clean_text(reason)
        if not why:
            raise StoreError("motif du refus obligatoire")
        if len(why) > REASON_MAX:
            raise StoreError(f"motif trop long (maximum {REASON_MAX} caractères)")
        with self._write() as conn:
            record = self._row(conn, pk, lock=True)
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
            conn.execute(update(initiatives).where(initiatives.c.pk == pk).values(**changes))
            audit.record(
                conn,
                actor=who,
                action="reject",
                initiative_pk=pk,
                before=_snapshot(record),
                after=_snapshot(dict(record) | changes),
                reason=why,
                at=now,
            )
            updated = self._row(conn, pk)
        return _initiative(updated)

    def edit(self, pk: int, changes: Mapping[str, object], moderator: str) -> Initiative:
        """Change some fields (:data:`EDITABLE`) of any initiative, checked like the
        catalogue; the audit trail keeps before and after."""
        who = _moderator(moderator)
        unknown = sorted(set(changes) - set(EDITABLE))
        if unknown:
            raise StoreError(f"champ non modifiable : {', '.join(unknown)}")
        with self._write() as conn:
            record = self._row(conn, pk, lock=True)
            values = _values(record)
            values["id"] = record["slug"] or PLACEHOLDER_SLUG
            email = record["contact_email"]
            old_code = values["commune_code"]
            for key, value in changes.items():
                if key == "contact_email":
                    email = clean_text(value) or None
                elif key == "year_started":
                    values[key] = "" if value is None else clean_text(value)
                elif isinstance(value, (list, tuple)):
                    sep = " | " if key == "sources" else ";"
                    values[key] = sep.join(clean_text(v) for v in value if clean_text(v))
                else:
                    values[key] = clean_text(value)
            if not values["commune_code"] or (
                values["commune_code"] != old_code and "commune" not in changes
            ):
                values["commune"] = ""  # a new commune: take its official name
            name = values["commune"]
            derive_place(values, self.reference)
            if name:
                values["commune"] = name  # e.g. a commune déléguée, as the sources say
            errors = check_rows([CsvRow(2, values)], self.reference)
            message = email_error(email or "")
            if message:
                errors.append(RowError(2, "contact_email", message))
            if errors:
                raise InvalidRow(errors)
            new_columns = _columns(values) | {"contact_email": email}
            diff = {k: v for k, v in new_columns.items() if record[k] != v}
            if not diff:
                return _initiative(record)
            now = audit.utcnow()
            diff["updated_at"] = now
            conn.execute(update(initiatives).where(initiatives.c.pk == pk).values(**diff))
            audit.record(
                conn,
                actor=who,
                action="edit",
                initiative_pk=pk,
                before=_snapshot(record),
                after=_snapshot(dict(record) | diff),
                at=now,
            )
            if record["state"] == "published":
                self._bump_version(conn)
            updated = self._row(conn, pk)
        return _initiative(updated)

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

    def _import_report(self, conn: Connection, rows: CsvTable | Iterable[Any]) -> ImportReport:
        table = rows if isinstance(rows, CsvTable) else None
        items: list[CsvRow] = []
        source = table.rows if table is not None else rows
        for index, item in enumerate(source):
            raw = item if isinstance(item, CsvRow) else CsvRow(index + 2, item)
            values = {c: clean_text(raw.values.get(c)) for c in COLUMNS}
            items.append(CsvRow(raw.line, values, raw.field_count))
        header_errors: list[RowError] = []
        if table is not None:
            header_errors = [
                e for e in iter_row_errors(CsvTable(table.columns, ()), None) if e.row == 1
            ]
        errors: dict[int, list[RowError]] = {}
        for err in check_rows(items, self.reference):
            errors.setdefault(err.row, []).append(err)
        slugs = [r.values["id"] for r in items if r.values["id"]]
        existing: dict[str, RowMapping] = {}
        for start in range(0, len(slugs), 500):
            chunk = slugs[start : start + 500]
            for record in conn.execute(
                select(initiatives).where(initiatives.c.slug.in_(chunk))
            ).mappings():
                existing[record["slug"]] = record
        reports = []
        for row in items:
            slug = row.values["id"]
            row_errors = tuple(errors.get(row.line, ()))
            if header_errors or row_errors:
                action = "invalid"
            elif slug not in existing:
                action = "create"
            else:
                before = existing[slug]
                same = _columns(_values(before)) == _columns(row.values)
                action = "unchanged" if same and before["state"] == "published" else "update"
            reports.append(ImportRowReport(row.line, slug, row.values["name"], action, row_errors))
        return ImportReport(tuple(reports), tuple(header_errors))

    def preview_import(self, rows: CsvTable | Iterable[Any]) -> ImportReport:
        """What :meth:`import_rows` would do, row by row; writes nothing."""
        with self._read() as conn:
            return self._import_report(conn, rows)

    def import_rows(
        self, rows: CsvTable | Iterable[Any], moderator: str, only_valid: bool
    ) -> ImportReport:
        """Create or update published initiatives from catalogue rows, in one transaction.

        With ``only_valid=False`` nothing is written unless every row is valid
        (:class:`ImportRejected`); with ``only_valid=True`` the invalid rows are
        skipped. A bad header rejects the whole file either way.
        """
        who = _moderator(moderator)
        materialised = rows if isinstance(rows, CsvTable) else list(rows)
        with self._write() as conn:
            report = self._import_report(conn, materialised)
            if report.header_errors:
                raise ImportRejected("en-tête invalide : rien n'a été importé", report)
            if report.invalid and not only_valid:
                raise ImportRejected(
                    f"{len(report.invalid)} ligne(s) invalide(s) : rien n'a été importé", report
                )
            source = materialised.rows if isinstance(materialised, CsvTable) else materialised
            by_line: dict[int, Mapping[str, Any]] = {}
            for index, item in enumerate(source):
                raw = item if isinstance(item, CsvRow) else CsvRow(index + 2, item)
                by_line[raw.line] = {c: clean_text(raw.values.get(c)) for c in COLUMNS}
            now = audit.utcnow()
            written = 0
            for entry in report.to_write:
                values = by_line[entry.line]
                columns = _columns(values)
                if entry.action == "create":
                    columns |= {
                        "slug": entry.slug,
                        "state": "published",
                        "origin": "import",
                        "created_at": now,
                        "updated_at": now,
                        "moderated_by": who,
                        "moderated_at": now,
                    }
                    pk = conn.execute(
                        insert(initiatives).values(**columns).returning(initiatives.c.pk)
                    ).scalar_one()
                    audit.record(
                        conn,
                        actor=who,
                        action="import_create",
                        initiative_pk=pk,
                        after=_snapshot(columns),
                        at=now,
                    )
                else:
                    record = (
                        conn.execute(
                            select(initiatives)
                            .where(initiatives.c.slug == entry.slug)
                            .with_for_update()
                        )
                        .mappings()
                        .one()
                    )
                    columns |= {
                        "state": "published",
                        "updated_at": now,
                        "moderated_by": who,
                        "moderated_at": now,
                    }
                    conn.execute(
                        update(initiatives)
                        .where(initiatives.c.pk == record["pk"])
                        .values(**columns)
                    )
                    audit.record(
                        conn,
                        actor=who,
                        action="import_update",
                        initiative_pk=record["pk"],
                        before=_snapshot(record),
                        after=_snapshot(dict(record) | columns),
                        at=now,
                    )
                written += 1
            if written:
                self._bump_version(conn)
        return replace(report, written=written, committed=True)
