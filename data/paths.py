"""Where the atlas finds its inputs and writes its built artefacts."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
BUILT_DIR = DATA_DIR / "built"
CACHE_DIR = REPO_ROOT / ".cache"


def shared_data_dir() -> Path:
    """The read-only reference data folder (``../shared/data`` unless overridden)."""
    override = os.environ.get("ATLAS_SHARED_DATA")
    return Path(override) if override else REPO_ROOT.parent / "shared" / "data"


def raw_dir() -> Path:
    """Raw public statistics (DREES, INSEE, CNOM)."""
    return shared_data_dir() / "raw"


def reference_dir() -> Path:
    """Reference geometry used by tests only."""
    return shared_data_dir() / "reference"
