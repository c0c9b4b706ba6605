"""Session-wide test settings."""

from __future__ import annotations

import os
import tempfile


def pytest_configure(config) -> None:
    # Pages open the contributions store; keep the tests' SQLite file out of the
    # repository (and fresh for each run) unless a test run chose one.
    if "ATLAS_DB_PATH" not in os.environ and "DATABASE_URL" not in os.environ:
        folder = tempfile.mkdtemp(prefix="atlas-tests-")
        os.environ["ATLAS_DB_PATH"] = os.path.join(folder, "atlas.sqlite")
