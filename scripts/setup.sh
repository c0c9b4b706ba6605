#!/usr/bin/env bash
# Installs everything the app needs into this checkout, idempotently:
#   - a virtual environment .venv with the pinned Python packages (PyPI);
#   - the map's JS/CSS assets from the npm registry (package-lock.json), copied to
#     static/vendor/ where Streamlit serves them (no CDN at run time).
# The app's data is committed in data/built/, so nothing else is fetched.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements.sha256
want=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    # Bytecode is compiled here, at install: with PYTHONDONTWRITEBYTECODE set (as on CI)
    # nothing would be cached later and every process would compile its imports again.
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
    echo "$want" > "$stamp"
fi

lock=node_modules/.package-lock.json
if [ ! -f "$lock" ] || [ package-lock.json -nt "$lock" ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi

# Copy only the files the map loads; Streamlit serves ./static at /app/static/.
rm -rf static/vendor
mkdir -p static/vendor/leaflet static/vendor/leaflet.markercluster
cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css \
    node_modules/leaflet/dist/images static/vendor/leaflet/
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
    node_modules/leaflet.markercluster/dist/MarkerCluster.css \
    node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css \
    static/vendor/leaflet.markercluster/

# The maps' polygons, encoded once into static/built/map/ (rebuilt when data/built changes).
.venv/bin/python -m components.map.geometry_files
