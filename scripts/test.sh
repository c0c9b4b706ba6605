#!/usr/bin/env bash
# Installs everything (Python packages, npm map assets, Debian chromium and
# PostgreSQL when missing), starts a throwaway PostgreSQL on loopback, then runs
# the whole test suite. Extra arguments go to pytest (e.g. -m "not browser").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/system-deps.sh

# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
postgres_start
trap postgres_stop EXIT

# Two workers, one per core (ATLAS_TEST_WORKERS to change); a browser module stays on
# one worker so that its server starts once (tests/e2e/conftest.py).
set +e
.venv/bin/python -m pytest -n "${ATLAS_TEST_WORKERS:-2}" --dist loadgroup "$@"
status=$?
set -e
# pytest exits 5 when a selection ran no test: that is a failure here too.
exit $status
