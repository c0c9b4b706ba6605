"""The documented rebuild command: `python -m data.build [OUT_DIR]`."""

from __future__ import annotations

import shutil

from data.build.__main__ import main
from data.paths import raw_dir


def test_a_missing_raw_file_stops_the_build_with_its_name(tmp_path, monkeypatch, capsys):
    shared = tmp_path / "shared"
    shutil.copytree(raw_dir(), shared / "raw")
    (shared / "raw" / "cnom_mg_densite_2010_2025.csv").unlink()
    monkeypatch.setenv("ATLAS_SHARED_DATA", str(shared))
    out = tmp_path / "out"
    assert main([str(out)]) == 1
    err = capsys.readouterr().err
    assert "build stopped" in err and "cnom_mg_densite_2010_2025.csv" in err
    assert not any(out.glob("*.geojson"))  # nothing half-built
