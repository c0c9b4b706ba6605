"""The indicator catalogue and its sources: validation and consistency with the built table."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from data.errors import InputError
from data.indicators import (
    INDICATORS_FILE,
    SOURCES_FILE,
    Indicator,
    check_columns,
    default_indicator,
    load_indicators,
    load_sources,
)
from data.paths import BUILT_DIR

FIGURES = BUILT_DIR / "departements_figures.csv"
NON_INDICATOR_COLUMNS = {"code", "population_source"}


@pytest.fixture(scope="module")
def indicators() -> list[Indicator]:
    return load_indicators()


def _header() -> list[str]:
    with FIGURES.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def test_catalogue_loads(indicators: list[Indicator]) -> None:
    ids = [ind.id for ind in indicators]
    assert len(ids) == len(set(ids)) == 34
    assert all(isinstance(ind.higher_is_better, bool) for ind in indicators)
    assert all(ind.label_fr and ind.label_en and ind.unit_fr and ind.unit_en for ind in indicators)


def test_default_and_shared_ids(indicators: list[Indicator]) -> None:
    assert default_indicator(indicators).id == "part_pop_apl_inf_2_5_2023"
    by_id = {ind.id: ind for ind in indicators}
    assert by_id["apl65_2023"].higher_is_better is True  # used by ?ind=apl65_2023
    assert by_id["apl_2023"].higher_is_better is True
    assert by_id["part_pop_apl_inf_2_5_2023"].higher_is_better is False
    assert by_id["mg_densite_evol_2018_2022_pct"].unit_fr == "%"


def test_cnom_kept_apart(indicators: list[Indicator]) -> None:
    for ind in indicators:
        is_cnom = ind.source == "cnom_mg_densite_2010_2025"
        assert is_cnom == ind.id.startswith("cnom_") == (ind.group == "cnom"), ind.id


def test_every_indicator_has_a_column_and_back(indicators: list[Indicator]) -> None:
    header = _header()
    check_columns(indicators, header, str(FIGURES))
    assert set(header) - NON_INDICATOR_COLUMNS == {ind.id for ind in indicators}


def test_every_source_is_used_and_licensed() -> None:
    sources = load_sources()
    used = {ind.source for ind in load_indicators()}
    assert used <= {s.id for s in sources}
    assert all(s.licence for s in sources)


def test_missing_column_is_reported(indicators: list[Indicator]) -> None:
    header = [c for c in _header() if c != "apl65_2023"]
    with pytest.raises(InputError, match="apl65_2023") as info:
        check_columns(indicators, header, "departements_figures.csv")
    assert info.value.file == "departements_figures.csv"


def _copies(tmp_path: Path) -> tuple[Path, Path]:
    ind = tmp_path / "indicators.yaml"
    src = tmp_path / "sources.yaml"
    shutil.copyfile(INDICATORS_FILE, ind)
    shutil.copyfile(SOURCES_FILE, src)
    return ind, src


def _replace(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    before = text.split(old, 1)[0]
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return before.count("\n") + 1  # 1-based line of the edit


def test_direction_must_be_boolean(tmp_path: Path) -> None:
    ind, src = _copies(tmp_path)
    line = _replace(ind, "higher_is_better: false", "higher_is_better: non")
    with pytest.raises(InputError) as info:
        load_indicators(ind, src)
    assert (info.value.file, info.value.row, info.value.column) == (
        str(ind),
        line,
        "higher_is_better",
    )


def test_duplicate_id(tmp_path: Path) -> None:
    ind, src = _copies(tmp_path)
    line = _replace(ind, "- id: apl_2022\n", "- id: apl_2023\n")
    with pytest.raises(InputError, match="double") as info:
        load_indicators(ind, src)
    assert (info.value.row, info.value.column) == (line, "id")


def test_unknown_source(tmp_path: Path) -> None:
    ind, src = _copies(tmp_path)
    line = _replace(ind, "source: insee_pop_reference_2023", "source: insee_2099")
    with pytest.raises(InputError, match="insee_2099") as info:
        load_indicators(ind, src)
    assert (info.value.row, info.value.column) == (line, "source")


def test_missing_required_field(tmp_path: Path) -> None:
    ind, src = _copies(tmp_path)
    _replace(ind, '  unit_en: "consultations/year/standardised inhabitant"\n', "")
    with pytest.raises(InputError) as info:
        load_indicators(ind, src)
    assert info.value.column == "unit_en" and info.value.row is not None


def test_two_defaults(tmp_path: Path) -> None:
    ind, src = _copies(tmp_path)
    _replace(ind, "default: false", "default: true")
    with pytest.raises(InputError, match="défaut"):
        load_indicators(ind, src)


def test_missing_sources_file(tmp_path: Path) -> None:
    ind, _ = _copies(tmp_path)
    with pytest.raises(InputError, match="introuvable") as info:
        load_indicators(ind, tmp_path / "absent.yaml")
    assert info.value.file == str(tmp_path / "absent.yaml")
