"""The one loader the app calls: typed frames of everything the atlas shows.

Reads only committed files (``data/built/`` and our curated data), so the app starts
offline. Commune polygons are loaded per département on demand
(:func:`load_commune_shapes`), everything else at once by :func:`load_atlas`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from data.case_studies import CaseStudy, load_case_studies
from data.errors import InputError
from data.indicators import Indicator, Source, check_columns, load_indicators, load_sources
from data.initiatives import load_catalogue, reference_from_frames
from data.paths import BUILT_DIR
from data.portrait import regional_figures
from data.series import check_series, load_series
from geo.drom import to_rapproche

CODE = {"code": str}


@dataclass(frozen=True)
class Atlas:
    """Everything the app shows, indexed by INSEE code where there is one."""

    departements: gpd.GeoDataFrame  # real geometry + one column per indicator id
    departements_rapproches: gpd.GeoDataFrame  # DROM moved beside metropolitan France
    communes: pd.DataFrame  # reference points, population, EPCI and APL per commune
    commune_aliases: pd.DataFrame
    neighbours: dict[str, tuple[str, ...]]
    initiatives: pd.DataFrame  # with map_lon/map_lat (real) and map_lon_r/map_lat_r
    outcomes: pd.DataFrame  # one row per outcome record (initiative_id -> initiatives.id)
    case_studies: tuple[CaseStudy, ...]
    indicators: tuple[Indicator, ...]
    sources: tuple[Source, ...]
    national: pd.DataFrame  # index indicator id: value, method
    regional: pd.DataFrame  # index region code, exact aggregates only (data.portrait)
    series: pd.DataFrame  # DITP time series, long (data.series)

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    @property
    def default_indicator(self) -> Indicator:
        return next(ind for ind in self.indicators if ind.default)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)


def _read_csv(path: Path, **kwargs) -> pd.DataFrame:
    if not path.is_file():
        raise InputError(str(path), "fichier absent : lancer `python -m data.build`")
    return pd.read_csv(path, keep_default_na=False, na_values=[""], **kwargs)


def _read_geojson(path: Path) -> gpd.GeoDataFrame:
    if not path.is_file():
        raise InputError(str(path), "fichier absent : lancer `python -m data.build`")
    try:
        frame = pyogrio.read_dataframe(path)
    except pyogrio.errors.DataSourceError as exc:
        raise InputError(str(path), f"GeoJSON illisible : {exc}") from exc
    return frame.astype({"code": str}).set_index("code")


def load_departements(built: Path = BUILT_DIR) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """(real, rapprochés) département frames with the figures joined."""
    figures = _read_csv(built / "departements_figures.csv", dtype=CODE).set_index("code")
    real = _read_geojson(built / "departements.geojson").join(figures)
    near = _read_geojson(built / "departements_rapproches.geojson").join(figures)
    return real, near


def load_neighbours(built: Path = BUILT_DIR) -> dict[str, tuple[str, ...]]:
    table = _read_csv(built / "departements_voisins.csv", dtype=str)
    out: dict[str, list[str]] = {}
    for code, other in zip(table["code"], table["voisin_code"], strict=True):
        out.setdefault(code, []).append(other)
    return {code: tuple(sorted(others)) for code, others in out.items()}


def load_commune_apl(built: Path = BUILT_DIR) -> pd.DataFrame:
    """DREES APL per commune as published (codes of the DREES workbook)."""
    return _read_csv(built / "communes_apl.csv", dtype={"code": str, "departement_code": str})


def load_communes(built: Path = BUILT_DIR, apl: pd.DataFrame | None = None) -> pd.DataFrame:
    """Communes (and Paris/Lyon/Marseille arrondissements) with their APL."""
    communes = _read_csv(
        built / "communes.csv", dtype={"code": str, "departement_code": str, "epci_code": str}
    )
    apl = load_commune_apl(built) if apl is None else apl
    apl = apl.drop(columns=["departement_code"])
    return communes.merge(apl, on="code", how="left").set_index("code")


def _anchors(deps: gpd.GeoDataFrame) -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    """A point inside each département, and for each region its largest département."""
    points = {
        code: (pt.x, pt.y) for code, pt in zip(deps.index, deps.representative_point(), strict=True)
    }
    areas = pd.Series(shapely.area(deps.geometry.values), index=deps.index)
    largest = {
        str(region): str(areas.loc[group.index].idxmax())
        for region, group in deps.groupby("region_code")
    }
    return points, largest


def with_outcome_records(initiatives: pd.DataFrame, outcomes: pd.DataFrame) -> pd.DataFrame:
    """The initiatives with an ``outcome_records`` column: the tuple of each one's
    outcome records (dicts of the outcomes frame), in period order; () when none."""
    grouped: dict[str, list[dict[str, object]]] = {}
    for record in outcomes.to_dict("records"):
        grouped.setdefault(str(record["initiative_id"]), []).append(record)
    out = initiatives.copy()
    out["outcome_records"] = [tuple(grouped.get(str(i), ())) for i in out["id"]]
    return out


def place_initiatives(initiatives: pd.DataFrame, deps: gpd.GeoDataFrame) -> pd.DataFrame:
    """Add map coordinates: the commune's point, else a point inside the département,
    else inside the region's largest département (``precision`` says which, so the map
    marks département-wide and regional programmes as such: no fake precision).

    ``map_lon_r``/``map_lat_r`` are the same points in the "DROM rapprochés" layout.
    """
    points, region_dep = _anchors(deps)
    coords: list[tuple[float, float, float, float]] = []
    for row in initiatives.itertuples(index=False):
        dep = row.departement_code if isinstance(row.departement_code, str) else ""
        if row.precision == "commune" and pd.notna(row.lon):
            x, y = float(row.lon), float(row.lat)
        else:
            dep = dep or region_dep[str(row.region_code)]
            x, y = points[dep]
        coords.append((x, y, *to_rapproche(dep, x, y)))
    out = initiatives.copy()
    out[["map_lon", "map_lat", "map_lon_r", "map_lat_r"]] = pd.DataFrame(
        coords, index=out.index, dtype=float
    )
    return out


def load_national(built: Path = BUILT_DIR) -> pd.DataFrame:
    table = _read_csv(built / "national_figures.csv", dtype={"indicator_id": str})
    return table.set_index("indicator_id")


def load_regional(built: Path = BUILT_DIR) -> pd.DataFrame:
    """Regional figures given by the sources (``regions_figures.csv``), by region code."""
    return _read_csv(built / "regions_figures.csv", dtype=CODE).set_index("code")


def load_atlas(built: Path = BUILT_DIR) -> Atlas:
    """Load and cross-check everything (raises InputError naming the faulty file)."""
    indicators = tuple(load_indicators())
    deps, deps_near = load_departements(built)
    check_columns(indicators, deps.columns, str(built / "departements_figures.csv"))
    apl = load_commune_apl(built)
    communes = load_communes(built, apl)
    aliases = _read_csv(built / "commune_aliases.csv", dtype=str)
    reference = reference_from_frames(communes, aliases, deps)
    catalogue = load_catalogue(reference=reference)
    initiatives = with_outcome_records(
        place_initiatives(catalogue.initiatives, deps), catalogue.outcomes
    )
    series = load_series(built)
    check_series((ind.series for ind in indicators), series, "data/indicators.yaml")
    regional = regional_figures(deps, apl, deps["region_code"].astype(str))
    return Atlas(
        departements=deps,
        departements_rapproches=deps_near,
        communes=communes,
        commune_aliases=aliases,
        neighbours=load_neighbours(built),
        initiatives=initiatives,
        outcomes=catalogue.outcomes,
        case_studies=tuple(load_case_studies()),
        indicators=indicators,
        sources=tuple(load_sources()),
        national=load_national(built),
        regional=regional.join(load_regional(built)),
        series=series,
    )


def load_commune_shapes(dep: str, built: Path = BUILT_DIR) -> gpd.GeoDataFrame:
    """Simplified commune polygons of one département (index: commune code)."""
    safe = dep if dep.isalnum() and len(dep) <= 3 else ""
    return _read_geojson(built / "communes_geo" / f"{safe}.geojson")
