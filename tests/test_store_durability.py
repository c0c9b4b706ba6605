"""Nothing acknowledged is lost: SIGKILL after ACK, concurrent submissions, two processes.

Real processes and real databases (SQLite file, PostgreSQL schema), no mocks.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
from collections import Counter

import pytest
from sqlalchemy import func, select
from store_support import PYTHON, db_url, proposal, python_env  # noqa: F401 (fixture)

from data.store import open_store
from data.store.models import initiatives

SUBMITTER = r"""
import sys
from data.store import Proposal, open_store

store = open_store(sys.argv[1])
print("READY", flush=True)
n = 0
while True:
    n += 1
    token = f"kill-test-{n:06d}"
    result = store.submit(Proposal(
        name=f"Centre de santé n° {n}",
        lever="centre_de_sante_salariat",
        description_fr="Proposition envoyée en boucle pour le test de durabilité.",
        sources=["https://example.org/durabilite"],
        commune_code="89446",
        token=token,
    ))
    # submit() returns after COMMIT: only then is the contributor told "merci"
    print("ACK", result.pk, token, flush=True)
"""

WORKER = r"""
import json, sys
from data.store import Proposal, open_store

store = open_store(sys.argv[1])
print(json.dumps({"ready": store.version()}), flush=True)
for line in sys.stdin:
    cmd = json.loads(line)
    if cmd["op"] == "submit":
        out = {"pk": store.submit(Proposal(**cmd["proposal"])).pk}
    elif cmd["op"] == "approve":
        out = {"slug": store.approve(cmd["pk"], cmd["who"]).slug}
    elif cmd["op"] == "published":
        version, frame = store.published_snapshot()
        out = {"version": version, "ids": list(frame["id"])}
    else:
        out = {"error": cmd["op"]}
    print(json.dumps(out), flush=True)
"""


def _readline(proc: subprocess.Popen, timeout: float = 60) -> str:
    """One line of the child's stdout, failing (not hanging) if it does not come."""
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(proc.stdout.readline()))
    reader.start()
    reader.join(timeout)
    if not result:
        proc.kill()
        raise AssertionError(f"no output from the child within {timeout}s")
    return result[0].strip()


@pytest.mark.parametrize("acks", [1, 25])
def test_sigkill_right_after_ack_loses_nothing(db_url, acks):  # noqa: F811
    open_store(db_url).close()  # migrate and seed first, so the child starts fast
    child = subprocess.Popen(
        [PYTHON, "-c", SUBMITTER, db_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=python_env(),
    )
    try:
        assert _readline(child) == "READY", child.stderr.read()
        acknowledged = []
        for _ in range(acks):
            line = _readline(child)
            assert line.startswith("ACK "), line
            acknowledged.append(line.split()[2])
        os.kill(child.pid, signal.SIGKILL)  # no cleanup, no flush, no close
    finally:
        child.kill()
        child.wait(30)
    assert child.returncode == -signal.SIGKILL
    store = open_store(db_url)
    try:
        with store.engine.connect() as conn:
            stored = Counter(
                conn.execute(
                    select(initiatives.c.submission_token).where(
                        initiatives.c.submission_token.like("kill-test-%")
                    )
                ).scalars()
            )
        for token in acknowledged:
            assert stored[token] == 1, token
        assert all(count == 1 for count in stored.values())
        assert {p.values["name"] for p in store.pending()} >= {
            f"Centre de santé n° {int(t.rsplit('-', 1)[1])}" for t in acknowledged
        }
    finally:
        store.close()


def test_twenty_concurrent_submissions_are_stored_exactly_once(db_url):  # noqa: F811
    store = open_store(db_url)
    tokens = [f"concurrent-{i:02d}-abcdef" for i in range(20)]
    # every proposal is sent twice at the same moment (a double click), 40 requests
    jobs = [(i, token) for i, token in enumerate(tokens)] * 2
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def send(slot: int, i: int, token: str) -> None:
        try:
            barrier.wait(30)
            results[slot] = store.submit(proposal(name=f"Proposition simultanée {i}", token=token))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results[slot] = exc

    threads = [
        threading.Thread(target=send, args=(slot, i, token)) for slot, (i, token) in enumerate(jobs)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    try:
        errors = [r for r in results if isinstance(r, Exception)]
        assert not errors, errors
        assert sum(not r.already_recorded for r in results) == 20
        pks = {r.token: r.pk for r in results}
        assert all(pks[r.token] == r.pk for r in results)  # both requests got the same row
        with store.engine.connect() as conn:
            rows = conn.execute(
                select(initiatives.c.submission_token, func.count())
                .where(initiatives.c.submission_token.like("concurrent-%"))
                .group_by(initiatives.c.submission_token)
            ).all()
        assert sorted(rows) == [(token, 1) for token in tokens]
        assert store.counts()["pending"] == 20
        submits = [e for e in store.audit_trail(limit=100) if e.action == "submit"]
        assert len(submits) == 20
    finally:
        store.close()


class Worker:
    """A separate process with its own store on the same database."""

    def __init__(self, url: str) -> None:
        self.proc = subprocess.Popen(
            [PYTHON, "-c", WORKER, url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=python_env(),
        )
        ready = _readline(self.proc)
        assert ready.startswith("{"), ready + self.proc.stderr.read()

    def __call__(self, **cmd: object) -> dict:
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()
        line = _readline(self.proc)
        assert line.startswith("{"), line
        return json.loads(line)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(30)


def _proposal_json(name: str) -> dict:
    return {
        "name": name,
        "lever": "telemedecine",
        "description_fr": "Cabine de téléconsultation installée à la mairie, ouverte à tous.",
        "sources": ["https://example.org/cabine"],
        "commune_code": "55545",
    }


def test_two_processes_sharing_the_database_see_each_others_approvals(db_url):  # noqa: F811
    open_store(db_url).close()
    a, b = Worker(db_url), Worker(db_url)
    try:
        before = b(op="published")
        pk = a(op="submit", proposal=_proposal_json("Cabine de téléconsultation de Verdun"))["pk"]
        assert b(op="published") == before  # pending: not published anywhere
        slug = a(op="approve", pk=pk, who="Claire")["slug"]
        seen = b(op="published")
        assert seen["version"] != before["version"]
        assert slug in seen["ids"] and len(seen["ids"]) == len(before["ids"]) + 1
        # and the other way round
        pk2 = b(op="submit", proposal=_proposal_json("Bus santé du Verdunois"))["pk"]
        slug2 = b(op="approve", pk=pk2, who="Karim")["slug"]
        seen_by_a = a(op="published")
        assert {slug, slug2} <= set(seen_by_a["ids"])
        assert seen_by_a["version"] == b(op="published")["version"]
    finally:
        a.close()
        b.close()
