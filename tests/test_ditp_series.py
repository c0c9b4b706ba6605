"""The DITP Baromètre series as built, against the raw files parsed here independently."""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from data.indicators import load_indicators, load_sources
from data.paths import BUILT_DIR, raw_dir
from data.series import LEVELS, load_series, portrait_series, zone_series

SERIES = BUILT_DIR / "departements_series.csv"
FIGURES = BUILT_DIR / "departements_figures.csv"
REGIONS = BUILT_DIR / "regions_figures.csv"
NATIONAL = BUILT_DIR / "national_figures.csv"
#: series id -> (raw file, count series?, copy date or None)
FILES = {
    "msp": ("ind-311.csv", True, "2026-02-01"),
    "cds": ("ind-318.csv", True, "2025-12-01"),
    "ald_mt": ("ind-312.csv", False, None),
    "cpts": ("ind-589.csv", False, None),
    "asmed": ("ind-679.csv", True, None),
}
COUNTS = [s for s, (_, count, _) in FILES.items() if count]
LEVEL = {"DEPT": "departement", "REG": "region", "NAT": "france"}
LICENCE_LEAD = "https://www.data.gouv.fr/fr/datasets/barometre-des-resultats-de-laction-publique/"


def _raw(series: str) -> list[dict[str, str]]:
    path = raw_dir() / "ditp_barometre" / FILES[series][0]
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _code(zone: str, maille: str) -> str:
    return "FR" if maille == "NAT" else zone[1:]


def _raw_values(series: str) -> dict[tuple[str, str, str], float]:
    """(level, code, date) -> indic_va, for rows that carry a value."""
    return {
        (LEVEL[r["maille"]], _code(r["enforce_zone_id"], r["maille"]), r["metric_enforce_date"]): (
            float(r["indic_va"])
        )
        for r in _raw(series)
        if r["indic_va"]
    }


@pytest.fixture(scope="module")
def text_rows() -> list[dict[str, str]]:
    """The built long file as text, to check empty cells literally."""
    with SERIES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def built(text_rows: list[dict[str, str]]) -> dict[str, dict[tuple[str, str, str], str]]:
    out: dict[str, dict[tuple[str, str, str], str]] = defaultdict(dict)
    for r in text_rows:
        out[r["series"]][(r["zone_level"], r["zone_code"], r["date"])] = r["value"]
    return out


@pytest.fixture(scope="module")
def figures() -> pd.DataFrame:
    return pd.read_csv(FIGURES, dtype={"code": str, "population_source": str}).set_index("code")


@pytest.fixture(scope="module")
def national() -> dict[str, dict[str, str]]:
    with NATIONAL.open(encoding="utf-8", newline="") as handle:
        return {row["indicator_id"]: row for row in csv.DictReader(handle)}


def _num(text: str) -> float:
    return float(text) if text else math.nan


@pytest.mark.parametrize("series", list(FILES))
def test_every_observation_of_the_file_is_kept(built, series: str) -> None:
    copy = FILES[series][2]
    raw = {k: v for k, v in _raw_values(series).items() if k[2] != copy}
    mine = built[series]
    for key, value in raw.items():
        assert key in mine, key
        assert float(mine[key]) == pytest.approx(value, abs=5e-3), key
    # and nothing else but empty cells: no value the file does not give
    extra = {k: v for k, v in mine.items() if k not in raw}
    assert all(v == "" for v in extra.values()), sorted(extra)[:5]


@pytest.mark.parametrize("series", ["msp", "cds"])
def test_copy_rows_are_dropped(built, series: str) -> None:
    copy = FILES[series][2]
    rows = _raw(series)
    dates = sorted({r["metric_enforce_date"] for r in rows if r["indic_va"]})
    previous = dates[dates.index(copy) - 1]
    by_zone = defaultdict(dict)
    for r in rows:
        by_zone[r["enforce_zone_id"]][r["metric_enforce_date"]] = r["indic_va"]
    # the raw file does repeat the previous date for every zone ...
    assert all(v[copy] == v[previous] for v in by_zone.values() if copy in v)
    # ... and the build keeps no row at that date, at any level, nor for the density
    for name in (series, f"{series}_densite"):
        assert not [k for k in built[name] if k[2] == copy]


def test_no_other_date_is_a_full_copy(built) -> None:
    for name, rows in built.items():
        deps: dict[str, dict[str, str]] = defaultdict(dict)
        for (level, code, date), value in rows.items():
            if level == "departement" and value:
                deps[date][code] = value
        dates = sorted(d for d in deps if len(deps[d]) > 50)
        for before, after in zip(dates, dates[1:], strict=False):
            assert deps[before] != deps[after], (name, after)


def test_targets_and_initial_values_are_not_observations(built) -> None:
    for name, rows in built.items():
        assert not [k for k in rows if k[2] == "2026-12-01"], name
    # IND-589: the 2022-12-01 rows carry only indic_vi
    assert not [k for k in built["cpts"] if k[2] == "2022-12-01"]
    # IND-679: the 2024-12-01 rows carry the targets *and* a value: kept
    assert built["asmed"][("departement", "01", "2024-12-01")] != ""


def test_mayotte_uses_its_value_not_its_initial_value(built) -> None:
    raw = next(
        r
        for r in _raw("ald_mt")
        if r["enforce_zone_id"] == "D976" and r["metric_enforce_date"] == "2022-09-01"
    )
    assert raw["indic_vi"] != raw["indic_va"]
    assert float(built["ald_mt"][("departement", "976", "2022-09-01")]) == float(raw["indic_va"])


@pytest.mark.parametrize("series", COUNTS)
def test_departements_add_up_to_the_file_national_value(built, series: str) -> None:
    rows = built[series]
    nat_dates = [k[2] for k in rows if k[0] == "france"]
    assert nat_dates
    for date in nat_dates:
        deps = [rows[k] for k in rows if k[0] == "departement" and k[2] == date]
        total = sum(float(v) for v in deps if v)
        assert total == float(rows[("france", "FR", date)]), (series, date)


def test_absent_departements_of_ind318_are_missing_and_reported(
    built, text_rows, figures, national
) -> None:
    present: dict[str, set[str]] = defaultdict(set)
    for r in _raw("cds"):
        if r["maille"] == "DEPT" and r["indic_va"]:
            present[r["metric_enforce_date"]].add(r["enforce_zone_id"][1:])
    everyone = present["2024-12-01"]
    assert len(everyone) == 101
    for date in ("2017-12-01", "2018-12-01", "2019-12-01"):
        absent = everyone - present[date]
        assert len(absent) == 26
        for code in absent:
            assert built["cds"][("departement", code, date)] == ""  # a row, empty: not 0
            assert built["cds_densite"][("departement", code, date)] == ""
    absent = sorted(everyone - present["2017-12-01"])
    assert figures.loc[absent, "cds_evol_2017_12_2024_12"].isna().all()
    assert figures.loc[absent, "cds_2024_12"].notna().all()
    # the national value counts them as 0: said in the generated and the written method
    method = national["cds_2024_12"]["method"]
    assert "26 départements sont absents" in method and "pour 0" in method
    assert ", ".join(absent) in method
    written = {i.id: i.method for i in load_indicators()}
    for ind in ("cds_2024_12", "cds_evol_2017_12_2024_12"):
        assert "pour 0" in written[ind] and "26" in written[ind], ind
    assert ", ".join(absent) in " ".join(written["cds_2024_12"].split())


def test_belfort_missing_at_two_cpts_dates(built) -> None:
    for date in ("2024-05-01", "2024-10-01"):
        assert built["cpts"][("departement", "90", date)] == ""
    assert built["cpts"][("departement", "90", "2023-12-01")] == "100.00"


def test_percentages_are_never_recomputed(built, national) -> None:
    # IND-589 has no national or regional value at its latest date: missing, not computed
    assert ("france", "FR", "2026-02-01") not in built["cpts"]
    assert not [
        k for k in built["cpts"] if k[0] == "region" and k[2] == "2026-02-01" and built["cpts"][k]
    ]
    assert national["cpts_2026_02"]["value"] == ""
    assert "ne donne pas de valeur nationale" in national["cpts_2026_02"]["method"]
    regions = pd.read_csv(REGIONS, dtype={"code": str}).set_index("code")
    assert regions["cpts_2026_02"].isna().all()
    assert (
        regions.loc["84", "ald_mt_2025_12"] == _raw_values("ald_mt")[("region", "84", "2025-12-01")]
    )
    assert float(national["ald_mt_2025_12"]["value"]) == 96.1


@pytest.mark.parametrize(
    ("series", "value_id", "density_id", "latest"),
    [
        ("msp", "msp_2025_06", "msp_densite_2025_06", "2025-06-01"),
        ("cds", "cds_2024_12", "cds_densite_2024_12", "2024-12-01"),
        ("asmed", "asmed_2025_11", "asmed_densite_2025_11", "2025-11-01"),
    ],
)
def test_density_uses_insee_2023_population(
    figures, national, series: str, value_id: str, density_id: str, latest: str
) -> None:
    pop = figures["population_2023"]
    expected = figures[value_id] / pop * 1e5
    assert (figures[density_id] - expected).abs().max() < 5e-3
    assert math.isnan(figures.loc["976", density_id])  # no INSEE population for Mayotte
    assert not math.isnan(figures.loc["976", value_id])
    raw = _raw_values(series)
    deps = [c for c in figures.index if c != "976"]
    total = sum(raw[("departement", c, latest)] for c in deps)
    assert float(national[density_id]["value"]) == pytest.approx(
        total / pop[deps].sum() * 1e5, abs=5e-3
    )
    by_id = {i.id: i for i in load_indicators()}
    assert "INSEE 2023" in by_id[density_id].method and "Mayotte" in by_id[density_id].method


@pytest.mark.parametrize(
    ("series", "change_id", "first", "latest"),
    [
        ("msp", "msp_evol_2017_06_2025_06", "2017-06-01", "2025-06-01"),
        ("cds", "cds_evol_2017_12_2024_12", "2017-12-01", "2024-12-01"),
        ("ald_mt", "ald_mt_evol_2022_09_2025_12", "2022-09-01", "2025-12-01"),
        ("cpts", "cpts_evol_2023_10_2026_02", "2023-10-01", "2026-02-01"),
        ("asmed", "asmed_evol_2022_12_2025_11", "2022-12-01", "2025-11-01"),
    ],
)
def test_change_is_latest_minus_first_with_both_dates_stated(
    figures, built, series: str, change_id: str, first: str, latest: str
) -> None:
    rows = built[series]
    dates = sorted({k[2] for k in rows if k[0] == "departement"})
    common = [d for d in dates if sum(1 for k in rows if k[0] == "departement" and k[2] == d) > 50]
    assert (common[0], common[-1]) == (first, latest)
    for code in ("01", "55", "2A", "973", "976"):
        a = _num(rows[("departement", code, latest)])
        b = _num(rows[("departement", code, first)])
        got = figures.loc[code, change_id]
        assert (math.isnan(got) and math.isnan(a - b)) or got == pytest.approx(a - b, abs=5e-3)
    ind = next(i for i in load_indicators() if i.id == change_id)
    assert ind.year == f"{first[:7]} → {latest[:7]}"
    assert first in ind.method and latest in ind.method


def test_licence_is_recorded_as_not_confirmed() -> None:
    source = next(s for s in load_sources() if s.id == "ditp_barometre_sante")
    assert source.url == "https://github.com/DITP-pilotage/barometre-resultats"
    assert "DITP" in source.producer and "Baromètre des résultats" in source.title
    ditp = [i for i in load_indicators() if i.source == source.id]
    assert len(ditp) == 13
    for text in (source.licence, *(i.licence for i in ditp)):
        assert "non confirmée" in text and "not confirmed" in text and LICENCE_LEAD in text
        assert "Licence Ouverte" not in text


def test_loader_types_and_gaps() -> None:
    frame = load_series()
    assert list(frame["zone_level"].cat.categories) == list(LEVELS)
    assert str(frame["date"].dtype).startswith("datetime64")
    assert frame["value"].dtype == "float64"
    assert (frame["date"].dt.day == 1).all()
    meuse = zone_series(frame, "cds", "departement", "55")
    assert meuse.loc[:"2019-12-31"].isna().all() and len(meuse) == 8
    chart = portrait_series(frame, "cds", "55", "44")
    assert list(chart.columns) == ["departement", "region", "france"]
    assert chart.loc["2024-12-01", "france"] == 673
    assert {i.series for i in load_indicators() if i.series} <= set(frame["series"])


def test_series_file_sorted_and_unique(text_rows) -> None:
    keys = [(r["series"], r["zone_level"], r["zone_code"], r["date"]) for r in text_rows]
    assert len(keys) == len(set(keys))
    order = {level: i for i, level in enumerate(LEVELS)}
    assert keys == sorted(keys, key=lambda k: (k[0], order[k[1]], k[2], k[3]))
    assert Path(SERIES).read_bytes().endswith(b"\n")
