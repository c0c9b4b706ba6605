import math

import pytest

from data.classify import MISSING_COLOR, PALETTES, classify, jenks_breaks, quantile_breaks


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
