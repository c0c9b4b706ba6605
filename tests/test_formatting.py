import math

import pytest

from data.formatting import format_number, format_range, format_value


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "expected"),
    [
        (3.754, 2, "fr", "3,75"),
        (3.745, 2, "fr", "3,75"),  # half up, not binary rounding (3.74)
        (3.295, 2, "en", "3.30"),
        (-5.025, 2, "en", "-5.03"),
        (3.754, 2, "en", "3.75"),
        (99939, 0, "fr", "99\u202f939"),
        (99939, 0, "en", "99,939"),
        (None, 1, "fr", "non disponible"),
        (math.nan, 1, "en", "not available"),
    ],
)
def test_format_number(value, decimals, lang, expected):
    assert format_number(value, decimals, lang) == expected


def test_format_value_and_range():
    assert format_value(16.63, "%", 1) == "16,6\u00a0%"
    assert format_value(None, "%", 1) == "non disponible"
    assert format_range(2.5, 3.14, 1) == "2,5 – 3,1"
