import math

import pytest

from data.classify import MISSING_COLOR, PALETTES, classify, jenks_breaks, quantile_breaks

# mapclassify's FisherJenks warns that numba (its optional accelerator) is absent.
pytestmark = pytest.mark.filterwarnings("ignore:Numba not installed:UserWarning")


def test_quantile_breaks_split_evenly():
    values = [float(v) for v in range(1, 11)]
    assert quantile_breaks(values, 2) == [1.0, 5.5, 10.0]


def test_jenks_finds_obvious_groups():
    values = sorted([1.0, 1.1, 1.2, 5.0, 5.1, 5.2, 9.0, 9.1])
    assert jenks_breaks(values, 3) == [1.0, 1.2, 5.2, 9.1]


@pytest.mark.parametrize("method", ["quantiles", "jenks"])
def test_every_value_gets_a_class_and_missing_is_grey(method):
    values = [0.5, 1.0, 2.0, 3.0, 4.0, 8.0, None, math.nan]
    c = classify(values, higher_is_better=False, method=method, k=4)
    assert c.k == 4
    assert c.breaks[0] == 0.5 and c.breaks[-1] == 8.0
    assert all(c.class_index(v) is not None for v in values[:6])
    assert c.color(None) == MISSING_COLOR
    assert c.color(math.nan) == MISSING_COLOR
    assert c.class_index(math.nan) is None


def test_worse_is_darker_whatever_the_direction():
    values = [1.0, 2.0, 3.0, 4.0, 5.0]
    lower_better = classify(values, higher_is_better=False, k=5)
    higher_better = classify(values, higher_is_better=True, k=5)
    darkest = PALETTES[5][-1]
    assert lower_better.color(5.0) == darkest  # e.g. share of population under APL 2.5
    assert higher_better.color(1.0) == darkest  # e.g. APL: low access is worse
    assert higher_better.color(5.0) == PALETTES[5][0]


def test_ties_merge_classes():
    c = classify([1.0, 1.0, 1.0, 2.0], higher_is_better=False, k=5)
    assert c.k == 2
    assert c.class_index(1.0) == 0 and c.class_index(2.0) == 1


@pytest.mark.parametrize("bad", [[], [None, math.nan]])
def test_nothing_to_classify_is_an_error(bad):
    with pytest.raises(ValueError, match="no value"):
        classify(bad, higher_is_better=True)


def test_unknown_method_is_an_error():
    with pytest.raises(ValueError, match="unknown classification method"):
        classify([1.0], higher_is_better=True, method="equal")  # type: ignore[arg-type]


# -- mapclassify behind the schemes -------------------------------------------------------

REAL_INDICATORS = ["part_pop_apl_inf_2_5_2023", "apl_2023", "mg_densite_2022", "population_2023"]


def _departement_values(column: str) -> list[float]:
    import pandas as pd

    from data.paths import BUILT_DIR

    frame = pd.read_csv(BUILT_DIR / "departements_figures.csv", dtype={"code": str})
    return sorted(float(v) for v in frame[column].dropna())


def _brute_force_jenks(values: list[float], k: int) -> list[float]:
    """Every way of cutting the sorted values into k runs; the least squared deviations."""
    from itertools import combinations

    def sse(run):
        mean = sum(run) / len(run)
        return sum((v - mean) ** 2 for v in run)

    best = None
    for cuts in combinations(range(1, len(values)), k - 1):
        bounds = (0, *cuts, len(values))
        runs = [values[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        cost = sum(sse(run) for run in runs)
        if best is None or cost < best[0] - 1e-12:
            best = (cost, [values[0]] + [run[-1] for run in runs])
    return best[1]


@pytest.mark.parametrize("column", REAL_INDICATORS)
@pytest.mark.parametrize("k", [3, 4, 5, 6])
def test_quantile_breaks_are_numpy_linear_quantiles(column, k):
    import numpy as np

    values = _departement_values(column)
    expected = np.quantile(values, [i / k for i in range(k + 1)])
    assert quantile_breaks(values, k) == pytest.approx(list(expected), rel=1e-12)


def test_a_quantile_between_tied_values_is_that_value():
    # mapclassify returns 1.6999999999999997 here (weighted mean of 1.7 and 1.7):
    # without snapping, a class (1.6999999999999997, 1.7] would hold the ties.
    values = [0.0, 1.7, 1.7, 1.7, 1000.0]
    breaks = quantile_breaks(values, 3)
    assert breaks[1] == 1.7
    c = classify(values, higher_is_better=False, k=3)
    assert len({c.class_index(1.7)}) == 1
    assert all(b - a > 1e-9 for a, b in zip(c.breaks, c.breaks[1:], strict=False))


@pytest.mark.parametrize(
    ("values", "k"),
    [
        ([0.4, 1.9, 2.2, 2.3, 7.5, 7.9, 8.4, 15.0, 16.2], 3),
        ([3.1, 3.3, 3.9, 4.0, 10.2, 11.0, 11.1, 20.0, 21.5, 40.0], 4),
        ([float(i * i) for i in range(1, 11)], 5),
    ],
)
def test_jenks_is_the_optimal_partition(values, k):
    assert jenks_breaks(values, k) == _brute_force_jenks(values, k)


@pytest.mark.parametrize("column", REAL_INDICATORS)
@pytest.mark.parametrize(
    ("method", "classifier"),
    [
        ("quantiles", "Quantiles"),
        ("jenks", "FisherJenks"),
        ("equal_interval", "EqualInterval"),
        ("head_tail", "HeadTailBreaks"),
    ],
)
def test_every_departement_lands_in_the_class_mapclassify_gives_it(column, method, classifier):
    import mapclassify
    import numpy as np

    values = _departement_values(column)
    k = 6
    c = classify(values, higher_is_better=True, method=method, k=k)
    kwargs = {} if method == "head_tail" else {"k": k}
    reference = getattr(mapclassify, classifier)(np.asarray(values), **kwargs)
    expected = [min(int(b), c.k - 1) for b in reference.yb]  # head/tail: top classes merged
    assert [c.class_index(v) for v in values] == expected


def test_equal_intervals_have_equal_widths_and_keep_empty_classes():
    values = [0.0, 1.0, 2.0, 10.0]
    c = classify(values, higher_is_better=False, method="equal_interval", k=5)
    assert c.k == 5
    widths = [b - a for a, b in zip(c.breaks, c.breaks[1:], strict=False)]
    assert widths == pytest.approx([(max(values) - min(values)) / 5] * 5)
    assert [c.class_index(v) for v in values] == [0, 0, 0, 4]


def test_head_tail_cuts_at_the_successive_means():
    values = [100.0 / rank for rank in range(1, 60)]  # heavy-tailed (Zipf)
    c = classify(values, higher_is_better=False, method="head_tail", k=6)
    mean = sum(values) / len(values)
    head = [v for v in values if v > mean]
    assert c.breaks[0] == min(values) and c.breaks[-1] == max(values)
    assert c.breaks[1] == pytest.approx(mean)
    assert c.breaks[2] == pytest.approx(sum(head) / len(head))
    capped = classify(values, higher_is_better=False, method="head_tail", k=3)
    assert capped.k == 3
    assert capped.breaks[:3] == c.breaks[:3] and capped.breaks[-1] == max(values)


def test_user_defined_thresholds_keep_their_classes_and_colours():
    thresholds = (1.5, 2.5, 3.5, 4.5)
    low = classify([0.8, 1.2, 2.0], higher_is_better=True, method="user_defined", bins=thresholds)
    wide = classify([0.2, 2.5, 6.3], higher_is_better=True, method="user_defined", bins=thresholds)
    assert low.k == wide.k == len(thresholds) + 1  # classes the data miss stay, empty
    assert low.colors == wide.colors
    assert low.breaks[1:-1] == wide.breaks[1:-1] == thresholds
    assert math.isinf(wide.breaks[-1]) and wide.breaks[0] == 0.2 and low.breaks[0] == 0.8
    assert wide.class_index(2.5) == 1  # on a threshold: the class below, as in mapclassify
    assert wide.class_index(6.3) == 4
    assert wide.color(0.2) == PALETTES[5][-1]  # low access is worse: darkest


@pytest.mark.parametrize(
    ("bins", "message"),
    [
        ((), "1 to 5 thresholds"),
        ((1, 2, 3, 4, 5, 6), "1 to 5 thresholds"),
        ((2.5, 1.5), "strictly ascending"),
        ((1.5, 1.5), "strictly ascending"),
        ((1.5, math.inf), "finite"),
        ((math.nan,), "finite"),
    ],
)
def test_bad_user_thresholds_are_refused(bins, message):
    with pytest.raises(ValueError, match=message):
        classify([1.0, 2.0], higher_is_better=True, method="user_defined", bins=bins)


def test_thresholds_belong_to_the_user_defined_method_only():
    with pytest.raises(ValueError, match="user_defined"):
        classify([1.0, 2.0], higher_is_better=True, method="user_defined")
    with pytest.raises(ValueError, match="user_defined"):
        classify([1.0, 2.0], higher_is_better=True, method="jenks", bins=(1.5,))


@pytest.mark.parametrize("method", ["quantiles", "jenks", "equal_interval", "head_tail"])
def test_a_single_distinct_value_is_one_class(method):
    c = classify([3.0, 3.0, None], higher_is_better=False, method=method)
    assert c.k == 1 and c.breaks == (3.0, 3.0)
    assert c.class_index(3.0) == 0
