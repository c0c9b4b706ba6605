import math

import pandas as pd

from data.ranking import ranked_count, tension_rank


def test_rank_one_is_the_worst_whatever_the_direction():
    values = pd.Series({"01": 2.0, "02": 3.5, "03": 1.0, "976": math.nan})
    apl_like = tension_rank(values, higher_is_better=True)
    share_like = tension_rank(values, higher_is_better=False)
    assert apl_like["03"] == 1 and apl_like["02"] == 3
    assert share_like["02"] == 1 and share_like["03"] == 3
    assert pd.isna(apl_like["976"]) and pd.isna(share_like["976"])
    assert ranked_count(values) == 3


def test_ties_share_a_rank():
    ranks = tension_rank(pd.Series({"a": 1.0, "b": 1.0, "c": 2.0}), higher_is_better=True)
    assert list(ranks) == [1, 1, 3]
