"""Session-wide test settings."""

from __future__ import annotations

import os
import tempfile

# Set when this file chose the SQLite path (not the person running the tests).
OWN_DB = "ATLAS_TESTS_OWN_DB"


def pytest_configure(config) -> None:
    # Pages open the contributions store; keep the tests' SQLite file out of the
    # repository (and fresh for each run) unless a test run chose one. Each xdist
    # worker gets its own file: workers inherit the controller's environment, and two
    # workers approving and seeding in one file would see each other's changes.
    chosen = "DATABASE_URL" in os.environ or (
        "ATLAS_DB_PATH" in os.environ and OWN_DB not in os.environ
    )
    if not chosen:
        folder = tempfile.mkdtemp(prefix="atlas-tests-")
        os.environ["ATLAS_DB_PATH"] = os.path.join(folder, "atlas.sqlite")
        os.environ[OWN_DB] = "1"
