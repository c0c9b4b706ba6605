"""The build is deterministic and the committed artefacts are up to date."""

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


# the build runs once per module: keep the module on one xdist worker
pytestmark = pytest.mark.xdist_group("figures-build")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first = tmp_path_factory.mktemp("build1")
    second = tmp_path_factory.mktemp("build2")
    build_figures(first)
    build_figures(second)
    return first, second


@pytest.mark.build
@pytest.mark.parametrize("name", OUTPUTS)
def test_byte_identical_across_builds(two_builds: tuple[Path, Path], name: str) -> None:
    first, second = two_builds
    assert (first / name).read_bytes() == (second / name).read_bytes()


@pytest.mark.build
@pytest.mark.parametrize("name", OUTPUTS)
def test_committed_files_are_up_to_date(two_builds: tuple[Path, Path], name: str) -> None:
    assert (two_builds[0] / name).read_bytes() == (BUILT_DIR / name).read_bytes()


@pytest.mark.build
@pytest.mark.parametrize("name", OUTPUTS)
def test_text_format(two_builds: tuple[Path, Path], name: str) -> None:
    data = (two_builds[0] / name).read_bytes()
    assert b"\r" not in data and data.endswith(b"\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert len({len(row) for row in rows}) == 1
    cells = {cell.lower() for row in rows[1:] for cell in row}
    assert not cells & {"nan", "none", "-0", "-0.0", "inf"}
