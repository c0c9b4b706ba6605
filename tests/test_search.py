import pytest

from data.search import Place, PlaceIndex, normalize

PLACES = [
    Place("departement", "2A", "Corse-du-Sud", "2A"),
    Place("departement", "89", "Yonne", "89"),
    Place("departement", "55", "Meuse", "55"),
    Place("departement", "01", "Ain", "01"),
    Place("commune", "89446", "Vézelay", "89", 400),
    Place("commune", "42218", "Saint-Étienne", "42", 170000),
    Place("commune", "55029", "Bar-le-Duc", "55", 15000),
    Place("commune", "13055", "Marseille", "13", 870000),
    Place("commune", "55545", "Verdun", "55", 16000),
    Place("commune", "12345", "Saint-Étienne-de-Tulmont", "82", 3000),
]


@pytest.fixture(scope="module")
def index():
    return PlaceIndex(PLACES)


def test_normalize_folds_accents_case_and_punctuation():
    assert normalize("  Saint-ÉTIENNE ") == "saint etienne"
    assert normalize("L'Haÿ-les-Roses") == "l hay les roses"


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("vezelay", "89446"),
        ("VÉZELAY", "89446"),
        ("2a", "2A"),
        ("2A", "2A"),
        ("55", "55"),
        ("1", "01"),
        ("meuse", "55"),
        ("saint etienne", "42218"),
        ("saint-étienne", "42218"),
        ("bar le duc", "55029"),
        ("89446", "89446"),
    ],
)
def test_search_finds_the_expected_place_first(index, query, first):
    hits = index.search(query)
    assert hits, query
    assert hits[0].code == first


def test_search_ranks_bigger_communes_first_within_a_tier(index):
    codes = [p.code for p in index.search("saint")]
    assert codes.index("42218") < codes.index("12345")


@pytest.mark.parametrize("query", ["", "   ", "---", "zzzz"])
def test_empty_or_unknown_query_gives_nothing(index, query):
    assert index.search(query) == []


def test_limit(index):
    assert len(index.search("e", limit=3)) == 3


def test_labels():
    assert PLACES[0].label == "Corse-du-Sud (2A)"
    assert PLACES[4].label == "Vézelay (89)"


def test_commune_places_include_communes_deleguees_under_their_parent_code():
    import pandas as pd

    from data.search import commune_places

    communes = pd.DataFrame(
        {"nom": ["La Roche-Jaudy"], "departement_code": ["22"], "population": [2500.0]},
        index=pd.Index(["22264"], name="code"),
    )
    aliases = pd.DataFrame(
        {"code": ["22264"], "parent_code": ["22264"], "nom": ["La Roche-Derrien"]}
    )
    index = PlaceIndex(commune_places(communes, aliases))
    hit = index.search("la roche derrien")[0]
    assert (hit.code, hit.name, hit.departement_code) == ("22264", "La Roche-Derrien", "22")
    assert index.search("roche jaudy")[0].population == 2500
