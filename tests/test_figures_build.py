"""The committed artefacts are what the build gives today, byte for byte."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from data.build.figures import build_figures
from data.paths import BUILT_DIR

OUTPUTS = (
    "departements_figures.csv",
    "communes_apl.csv",
    "national_figures.csv",
    "regions_figures.csv",
    "departements_series.csv",
)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    build_figures(out)
    return out


@pytest.mark.build
@pytest.mark.parametrize("name", OUTPUTS)
def test_committed_files_are_up_to_date(rebuilt: Path, name: str) -> None:
    # the committed files come from an earlier run in another process: byte equality
    # shows the build is up to date and deterministic
    assert (rebuilt / name).read_bytes() == (BUILT_DIR / name).read_bytes()


@pytest.mark.build
@pytest.mark.parametrize("name", OUTPUTS)
def test_text_format(rebuilt: Path, name: str) -> None:
    data = (rebuilt / name).read_bytes()
    assert b"\r" not in data and data.endswith(b"\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert len({len(row) for row in rows}) == 1
    cells = {cell.lower() for row in rows[1:] for cell in row}
    assert not cells & {"nan", "none", "-0", "-0.0", "inf"}
