#!/usr/bin/env bash
# Installs what is missing, then starts the atlas on http://localhost:8501
# (extra arguments go to `streamlit run`, e.g. --server.port 8600).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/streamlit run app.py "$@"
