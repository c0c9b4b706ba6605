"""Malformed or changed Baromètre files stop the build with file, row and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from data.build.ditp_figures import build_ditp
from data.build.raw_insee import FILE as INSEE_FILE
from data.build.raw_insee import read_insee_population
from data.errors import InputError
from data.paths import raw_dir


@pytest.fixture(scope="module")
def population():
    return read_insee_population(raw_dir() / INSEE_FILE)


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    shutil.copytree(raw_dir() / "ditp_barometre", tmp_path / "ditp_barometre")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first line containing ``old``; returns its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if old in line)
    lines[number] = lines[number].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def _fails(raw: Path, population, file: str) -> InputError:
    with pytest.raises(InputError) as info:
        build_ditp(raw, population)
    assert info.value.file == str(raw / "ditp_barometre" / file)
    return info.value


def test_the_real_files_build(raw: Path, population) -> None:
    result = build_ditp(raw, population)
    assert len(result.departements) == 101 and len(result.regions) == 18


def test_a_copy_row_that_no_longer_copies_stops_the_build(raw: Path, population) -> None:
    line = _edit(
        raw / "ditp_barometre/ind-311.csv", "D01,2026-02-01,DEPT,,", "D01,2026-02-01,DEPT,,9"
    )
    error = _fails(raw, population, "ind-311.csv")
    assert (error.row, error.column) == (line, "indic_va")
    assert "2025-06-01" in str(error)


def test_a_new_latest_date_is_reported(raw: Path, population) -> None:
    path = raw / "ditp_barometre/ind-679.csv"
    text = path.read_text(encoding="utf-8").replace(",2025-11-01,", ",2026-01-01,")
    path.write_text(text, encoding="utf-8")
    error = _fails(raw, population, "ind-679.csv")
    assert "2026-01-01" in str(error) and "2025-11-01" in str(error)
    assert error.column == "metric_enforce_date"


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [
        ("D01,2017-06-01", "D20,2017-06-01", "enforce_zone_id"),
        ("D01,2017-06-01", "D01,2017-06-15", "metric_enforce_date"),
        ("IND-311,D01,2017-06-01", "IND-312,D01,2017-06-01", "indic_id"),
        ("D01,2017-06-01,DEPT,,21.0", "D01,2017-06-01,DEPT,,21.5", "indic_va"),
        ("D01,2017-06-01,DEPT,,21.0", "D01,2017-06-01,DEPT,,n.d.", "indic_va"),
        ("D01,2017-06-01,DEPT", "D01,2017-06-01,REG", "enforce_zone_id"),
    ],
)
def test_bad_cells(raw: Path, population, old: str, new: str, column: str) -> None:
    line = _edit(raw / "ditp_barometre/ind-311.csv", old, new)
    error = _fails(raw, population, "ind-311.csv")
    assert (error.row, error.column) == (line, column)


def test_duplicate_zone_and_date(raw: Path, population) -> None:
    line = _edit(raw / "ditp_barometre/ind-312.csv", "D01,2023-06-01", "D01,2022-09-01")
    error = _fails(raw, population, "ind-312.csv")
    assert (error.row, error.column) == (line, "enforce_zone_id")
    assert "double" in str(error)


def test_missing_file_and_header(raw: Path, population) -> None:
    (raw / "ditp_barometre/ind-589.csv").unlink()
    _fails(raw, population, "ind-589.csv")
    shutil.copyfile(raw_dir() / "ditp_barometre/ind-589.csv", raw / "ditp_barometre/ind-589.csv")
    _edit(raw / "ditp_barometre/ind-589.csv", "indic_va", "valeur")
    error = _fails(raw, population, "ind-589.csv")
    assert (error.row, error.column) == (1, "indic_va")
