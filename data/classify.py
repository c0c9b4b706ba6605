"""Choropleth classes: breaks by quantiles or natural breaks, colours with "worse is darker".

Plain Python so that the interactive map and the server-side image export share
exactly the same classes and colours.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Method = Literal["quantiles", "jenks"]
METHODS: tuple[Method, ...] = ("quantiles", "jenks")

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


def is_missing(value: float | None) -> bool:
    """True for None and NaN: the value is not available."""
    return value is None or (isinstance(value, float) and math.isnan(value))


@dataclass(frozen=True)
class Classification:
    """Classes of one indicator: ``breaks`` are the k+1 ascending edges.

    ``colors[i]`` is the colour of the class ``[breaks[i], breaks[i+1]]``; the
    darkest colour is always the worst end, whatever the indicator's direction.
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


def quantile_breaks(values: Sequence[float], k: int) -> list[float]:
    """Edges splitting sorted ``values`` into k groups of (nearly) equal size."""
    n = len(values)
    edges = [values[0]]
    for i in range(1, k):
        position = i * (n - 1) / k
        low = math.floor(position)
        frac = position - low
        high = min(low + 1, n - 1)
        edges.append(values[low] + (values[high] - values[low]) * frac)
    edges.append(values[-1])
    return edges


def jenks_breaks(values: Sequence[float], k: int) -> list[float]:
    """Fisher-Jenks natural breaks: k classes minimising the within-class variance."""
    n = len(values)
    k = min(k, n)
    prefix = [0.0]
    prefix_sq = [0.0]
    for v in values:
        prefix.append(prefix[-1] + v)
        prefix_sq.append(prefix_sq[-1] + v * v)

    def cost(i: int, j: int) -> float:  # sum of squared deviations of values[i:j]
        s = prefix[j] - prefix[i]
        return prefix_sq[j] - prefix_sq[i] - s * s / (j - i)

    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(k + 1)]
    cut = [[0] * (n + 1) for _ in range(k + 1)]
    best[0][0] = 0.0
    for c in range(1, k + 1):
        for j in range(c, n + 1):
            for i in range(c - 1, j):
                candidate = best[c - 1][i] + cost(i, j)
                if candidate < best[c][j]:
                    best[c][j] = candidate
                    cut[c][j] = i
    starts = []
    j = n
    for c in range(k, 0, -1):
        i = cut[c][j]
        starts.append(i)
        j = i
    starts.reverse()
    return [values[0]] + [values[s - 1] for s in starts[1:]] + [values[-1]]


def _breaks(values: Sequence[float], k: int, method: Method) -> list[float]:
    return quantile_breaks(values, k) if method == "quantiles" else jenks_breaks(values, k)


def _distinct(edges: Sequence[float]) -> list[float]:
    kept: list[float] = []
    for edge in edges:
        if not kept or edge > kept[-1]:
            kept.append(edge)
    return kept


def classify(
    values: Iterable[float | None],
    *,
    higher_is_better: bool,
    method: Method = "quantiles",
    k: int = 5,
) -> Classification:
    """Classes for the non-missing ``values``.

    Duplicate edges (ties) are merged, so fewer than ``k`` classes may result.
    Raises ValueError when no value is present or the method is unknown.
    """
    if method not in METHODS:
        raise ValueError(f"unknown classification method {method!r}")
    present = _present(values)
    if not present:
        raise ValueError("no value to classify")
    k = max(1, min(k, len(set(present)), max(PALETTES)))
    breaks = _distinct(_breaks(present, k, method))
    if len(breaks) - 1 < k:
        # Heavy ties collapsed some classes: split the distinct values instead.
        breaks = _distinct(_breaks(sorted(set(present)), k, method))
    if len(breaks) == 1:
        breaks.append(breaks[0])
    palette = PALETTES[len(breaks) - 1]
    colors = tuple(reversed(palette)) if higher_is_better else palette
    return Classification(tuple(breaks), colors, method, higher_is_better)
