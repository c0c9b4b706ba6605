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

# Two workers, one per core (ATLAS_TEST_WORKERS to change; three were slower, the
# browser tests being CPU-bound). A module stays on one worker (--dist loadfile), so
# that its module fixtures (a browser module's server, a build) run once.
# (--dist loadgroup would not do: pytest-xdist 3.8 sets the group on Node._nodeid,
# which pytest 9.2 no longer reads.)
set +e
.venv/bin/python -m pytest -n "${ATLAS_TEST_WORKERS:-2}" --dist loadfile "$@"
status=$?
set -e
# pytest exits 5 when a selection ran no test: that is a failure here too.
exit $status
