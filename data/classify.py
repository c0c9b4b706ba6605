"""Choropleth classes: breaks by the usual GIS schemes, colours with "worse is darker".

The breaks come from mapclassify (PySAL, what geopandas' ``scheme=`` uses); this
module turns them into one :class:`Classification` that the interactive map and the
server-side image export share, so both draw exactly the same classes and colours.

Schemes (``method``), as mapclassify names them:

- ``quantiles`` (``Quantiles``): classes of (nearly) equal counts;
- ``jenks`` (``FisherJenks``): natural breaks, minimal within-class variance;
- ``equal_interval`` (``EqualInterval``): classes of equal width;
- ``head_tail`` (``HeadTailBreaks``): for heavy-tailed data, cut at the mean, then at
  the mean of what lies above, and so on; ``k`` caps the number of classes;
- ``user_defined`` (``UserDefined``): the thresholds given as ``bins``, the top class
  open-ended.
"""

from __future__ import annotations

import functools
import math
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import mapclassify
import numpy as np

Method = Literal["quantiles", "jenks", "equal_interval", "head_tail", "user_defined"]
METHODS: tuple[Method, ...] = ("quantiles", "jenks", "equal_interval", "head_tail", "user_defined")

# ColorBrewer YlOrBr, 3 to 6 classes: sequential, colour-blind safe, prints in grey.
PALETTES: dict[int, tuple[str, ...]] = {
    1: ("#993404",),
    2: ("#fed98e", "#993404"),
    3: ("#fff7bc", "#fec44f", "#d95f0e"),
    4: ("#ffffd4", "#fed98e", "#fe9929", "#cc4c02"),
    5: ("#ffffd4", "#fed98e", "#fe9929", "#d95f0e", "#993404"),
    6: ("#ffffd4", "#fee391", "#fec44f", "#fe9929", "#d95f0e", "#993404"),
}
MISSING_COLOR = "#c8c8c8"
MAX_CLASSES = max(PALETTES)

# Without numba, mapclassify warns on every FisherJenks (the pure-Python version is
# fast enough for 101 départements); tied quantiles are merged below, on purpose.
warnings.filterwarnings("ignore", message="Numba not installed", category=UserWarning)
warnings.filterwarnings(
    "ignore", message="Not enough unique values in array to form", category=UserWarning
)


def is_missing(value: float | None) -> bool:
    """True for None and NaN: the value is not available."""
    return value is None or (isinstance(value, float) and math.isnan(value))


@dataclass(frozen=True)
class Classification:
    """Classes of one indicator: ``breaks`` are the k+1 ascending edges.

    ``colors[i]`` is the colour of the class ``[breaks[i], breaks[i+1]]`` (a value on
    an edge belongs to the class below it, as in mapclassify); the darkest colour is
    always the worst end, whatever the indicator's direction.
    """

    breaks: tuple[float, ...]
    colors: tuple[str, ...]
    method: Method
    higher_is_better: bool

    @property
    def k(self) -> int:
        return len(self.colors)

    def class_index(self, value: float | None) -> int | None:
        """Index of the class holding ``value``; None when the value is missing."""
        if is_missing(value):
            return None
        assert value is not None
        for i in range(self.k - 1):
            if value <= self.breaks[i + 1]:
                return i
        return self.k - 1

    def color(self, value: float | None) -> str:
        """Fill colour of ``value``; grey when missing."""
        index = self.class_index(value)
        return MISSING_COLOR if index is None else self.colors[index]


def _present(values: Iterable[float | None]) -> list[float]:
    return sorted(float(v) for v in values if not is_missing(v))


def _edges(values: Sequence[float], upper_bounds: Iterable[float]) -> list[float]:
    """mapclassify's bins are the classes' upper bounds: prepend the minimum."""
    return [float(values[0]), *(float(b) for b in upper_bounds)]


def _snap_to_values(edges: Sequence[float], values: Sequence[float]) -> list[float]:
    """Each edge within a few ulps of a data value becomes that value.

    mapclassify interpolates a quantile as a weighted mean of two order statistics,
    so between two tied values 1.7 and 1.7 it may return 1.6999999999999997: a
    spurious class (1.6999999999999997, 1.7] and the tied values above the edge
    instead of on it.
    """
    ordered = np.asarray(values, dtype=float)
    snapped = []
    for edge in edges:
        i = int(np.searchsorted(ordered, edge))
        near = [float(v) for v in ordered[max(i - 1, 0) : i + 1]]
        snapped.append(next((v for v in near if math.isclose(v, edge, rel_tol=1e-12)), edge))
    return snapped


def quantile_breaks(values: Sequence[float], k: int) -> list[float]:
    """Edges splitting sorted ``values`` into k groups of (nearly) equal size
    (linear interpolation between order statistics; tied edges are merged)."""
    if k <= 1:
        return [float(values[0]), float(values[-1])]
    bounds = mapclassify.Quantiles(np.asarray(values, dtype=float), k=k).bins
    return _snap_to_values(_edges(values, bounds), values)


def jenks_breaks(values: Sequence[float], k: int) -> list[float]:
    """Fisher-Jenks natural breaks: k classes minimising the within-class variance."""
    k = min(k, len(set(values)))
    if k <= 1:
        return [float(values[0]), float(values[-1])]
    return _edges(values, mapclassify.FisherJenks(np.asarray(values, dtype=float), k=k).bins)


def equal_interval_breaks(values: Sequence[float], k: int) -> list[float]:
    """k classes of equal width between the minimum and the maximum (some may be empty)."""
    if k <= 1 or values[0] == values[-1]:
        return [float(values[0]), float(values[-1])]
    return _edges(values, mapclassify.EqualInterval(np.asarray(values, dtype=float), k=k).bins)


def head_tail_breaks(values: Sequence[float], max_classes: int = MAX_CLASSES) -> list[float]:
    """Head/tail breaks (Jiang 2013): cut at the mean, then at the mean of the values
    above it, until the head is uniform. Past ``max_classes`` classes the top ones
    are merged (the last cuts are dropped)."""
    if values[0] == values[-1]:
        return [float(values[0]), float(values[-1])]
    bounds = [float(b) for b in mapclassify.HeadTailBreaks(np.asarray(values, dtype=float)).bins]
    top = float(values[-1])
    # The last cut is the mean of a uniform head, i.e. the maximum up to rounding.
    if math.isclose(bounds[-1], top, rel_tol=1e-12):
        bounds[-1] = top
    elif bounds[-1] < top:
        bounds.append(top)
    if len(bounds) > max_classes:
        bounds = [*bounds[: max(max_classes, 1) - 1], bounds[-1]]
    return _edges(values, bounds)


def user_defined_breaks(values: Sequence[float], bins: Sequence[float]) -> list[float]:
    """Classes cut at the thresholds ``bins`` (ascending): ``len(bins) + 1`` classes,
    from the lowest of the minimum and the first threshold up to +inf (the top class
    is open: "≥ last threshold"). A class the data do not reach stays, empty, so
    maps with the same thresholds keep the same colours.

    Raises ValueError for no threshold, too many, a missing or infinite one, or
    thresholds that are not strictly ascending.
    """
    thresholds = [float(b) for b in bins]
    if not thresholds or len(thresholds) >= MAX_CLASSES:
        raise ValueError(f"user-defined breaks need 1 to {MAX_CLASSES - 1} thresholds")
    if not all(math.isfinite(b) for b in thresholds):
        raise ValueError("user-defined thresholds must be finite numbers")
    if any(b >= c for b, c in zip(thresholds, thresholds[1:], strict=False)):
        raise ValueError("user-defined thresholds must be strictly ascending")
    return [min(float(values[0]), thresholds[0]), *thresholds, math.inf]


def _distinct(edges: Sequence[float]) -> list[float]:
    kept: list[float] = []
    for edge in edges:
        if not kept or edge > kept[-1]:
            kept.append(edge)
    return kept


@functools.lru_cache(maxsize=64)
def _breaks(values: tuple[float, ...], k: int, method: Method) -> tuple[float, ...]:
    """Distinct edges of ``method`` (cached: a rerun of the map asks for the same
    classes again, and pure-Python Fisher-Jenks takes tens of milliseconds)."""
    if method == "quantiles":
        edges = quantile_breaks(values, k)
    elif method == "jenks":
        edges = jenks_breaks(values, k)
        if len(edges) > 2 and edges[0] == edges[1]:
            # Natural breaks set the minimum apart (an outlier): a real class, kept.
            return (edges[0], *_distinct(edges[1:]))
    else:
        edges = equal_interval_breaks(values, k)
    return tuple(_distinct(edges))


def classify(
    values: Iterable[float | None],
    *,
    higher_is_better: bool,
    method: Method = "quantiles",
    k: int = 5,
    bins: Sequence[float] | None = None,
) -> Classification:
    """Classes for the non-missing ``values``.

    ``k`` is the number of classes (at most 6; for ``head_tail``, the most it may
    make); ``bins`` are the thresholds of ``user_defined`` (and only of it).
    With ``quantiles`` and ``jenks``, duplicate edges (ties) are merged, so fewer
    than ``k`` classes may result; a ``jenks`` class holding only the minimum has
    two equal edges. Raises ValueError when no value is present, the
    method is unknown or ``bins`` do not fit the method.
    """
    if method not in METHODS:
        raise ValueError(f"unknown classification method {method!r}")
    if (bins is not None) != (method == "user_defined"):
        raise ValueError("bins are the thresholds of the user_defined method, and only of it")
    present = _present(values)
    if not present:
        raise ValueError("no value to classify")
    if method == "user_defined":
        assert bins is not None
        breaks = user_defined_breaks(present, bins)
    elif method == "head_tail":
        breaks = head_tail_breaks(present, max(1, min(k, MAX_CLASSES)))
    else:
        # Quantiles and natural breaks cannot make more classes than distinct values.
        distinct = len(set(present)) if method != "equal_interval" else MAX_CLASSES
        k = max(1, min(k, distinct, MAX_CLASSES))
        breaks = list(_breaks(tuple(present), k, method))
        if len(breaks) - 1 < k:
            # Heavy ties collapsed some classes: split the distinct values instead.
            breaks = list(_breaks(tuple(sorted(set(present))), k, method))
    if len(breaks) == 1:
        breaks.append(breaks[0])
    palette = PALETTES[len(breaks) - 1]
    colors = tuple(reversed(palette)) if higher_is_better else palette
    return Classification(tuple(breaks), colors, method, higher_is_better)
