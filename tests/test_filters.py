import pandas as pd
import pytest

from data.filters import InitiativeFilter, filter_initiatives, lever_counts


@pytest.fixture
def df():
    return pd.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e"],
            "lever": ["telemedecine", "telemedecine", "maison_de_sante", "bourse_etudes", "autre"],
            "actor_type": ["departement", "commune", "commune", "departement", "region"],
            "status": ["active", "ended", "active", "unknown", "active"],
            "year_started": pd.array([2020, 2012, None, 2018, 2023], dtype="Int64"),
            "departement_code": ["55", "55", "89", "2A", None],
        }
    )


def ids(frame):
    return list(frame["id"])


def test_no_filter_keeps_everything(df):
    assert ids(filter_initiatives(df, InitiativeFilter())) == ["a", "b", "c", "d", "e"]


def test_each_filter(df):
    assert ids(filter_initiatives(df, InitiativeFilter(levers=["telemedecine"]))) == ["a", "b"]
    assert ids(filter_initiatives(df, InitiativeFilter(actors=["commune"]))) == ["b", "c"]
    assert ids(filter_initiatives(df, InitiativeFilter(statuses=["active"]))) == ["a", "c", "e"]
    assert ids(filter_initiatives(df, InitiativeFilter(departement="55"))) == ["a", "b"]


def test_year_range_keeps_unknown_years_unless_asked(df):
    f = InitiativeFilter(years=(2015, 2021))
    assert ids(filter_initiatives(df, f)) == ["a", "c", "d"]
    f = InitiativeFilter(years=(2015, 2021), include_unknown_year=False)
    assert ids(filter_initiatives(df, f)) == ["a", "d"]


def test_lever_counts_follow_the_other_filters_but_not_the_lever_filter(df):
    f = InitiativeFilter(levers=["maison_de_sante"], actors=["departement"])
    assert lever_counts(df, f) == {"telemedecine": 1, "bourse_etudes": 1}
    assert lever_counts(df, InitiativeFilter()) == {
        "telemedecine": 2,
        "maison_de_sante": 1,
        "bourse_etudes": 1,
        "autre": 1,
    }
