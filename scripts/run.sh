#!/usr/bin/env bash
# Installs what is missing, then starts the atlas on http://localhost:8501
# (extra arguments go to `streamlit run`, e.g. --server.port 8600).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# scripts/serve.py: app.py's navigation for every first request, caches warmed at start.
exec .venv/bin/streamlit run scripts/serve.py "$@"
