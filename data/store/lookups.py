"""Likely duplicates of an initiative among the pending and published ones."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, RowMapping, select

from data.initiatives import Reference
from data.store.duplicates import Duplicate, find_similar
from data.store.models import initiatives
from data.store.writes import chunks

Candidate = tuple[int, str | None, str, str]  # pk, slug, name, state
OPEN_STATES = ("pending", "published")


def _commune_name(reference: Reference, code: str) -> str:
    commune = reference.communes.get(code)
    return commune.nom if commune else ""


def duplicates_of(
    conn: Connection,
    reference: Reference,
    name: str,
    commune_code: str,
    exclude: int | None = None,
) -> list[Duplicate]:
    """Pending or published initiatives of the same commune with a similar name."""
    if not commune_code:
        return []
    query = select(
        initiatives.c.pk, initiatives.c.slug, initiatives.c.name, initiatives.c.state
    ).where(
        initiatives.c.commune_code == commune_code,
        initiatives.c.state.in_(OPEN_STATES),
    )
    if exclude is not None:
        query = query.where(initiatives.c.pk != exclude)
    candidates = [(r.pk, r.slug, r.name, r.state) for r in conn.execute(query)]
    return find_similar(name, _commune_name(reference, commune_code), candidates)


def duplicates_of_each(
    conn: Connection, reference: Reference, records: Sequence[RowMapping]
) -> list[list[Duplicate]]:
    """:func:`duplicates_of` for many rows at once (one query per 500 communes)."""
    codes = sorted({r["commune_code"] for r in records if r["commune_code"]})
    by_commune: dict[str, list[Candidate]] = {}
    for chunk in chunks(codes):
        query = select(
            initiatives.c.pk,
            initiatives.c.slug,
            initiatives.c.name,
            initiatives.c.state,
            initiatives.c.commune_code,
        ).where(initiatives.c.commune_code.in_(chunk), initiatives.c.state.in_(OPEN_STATES))
        for c in conn.execute(query):
            by_commune.setdefault(c.commune_code, []).append((c.pk, c.slug, c.name, c.state))
    out = []
    for r in records:
        code = r["commune_code"]
        candidates = [c for c in by_commune.get(code, ()) if c[0] != r["pk"]]
        out.append(find_similar(r["name"], _commune_name(reference, code), candidates))
    return out
