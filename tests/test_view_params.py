import pytest

from components.view_params import ViewState, Vocabulary, parse_view, to_params

VOCAB = Vocabulary(
    indicators=("part_pop_apl_inf_2_5_2023", "apl65_2023", "apl_2023"),
    default_indicator="part_pop_apl_inf_2_5_2023",
    departements=("01", "2A", "2B", "55", "971", "976"),
    levers=("maison_de_sante", "telemedecine", "bourse_etudes"),
    actors=("commune", "departement"),
    statuses=("active", "ended"),
)
DEFAULT = ViewState("part_pop_apl_inf_2_5_2023")


def test_no_parameter_is_the_default_view():
    assert parse_view({}, VOCAB) == (DEFAULT, [])


def test_a_full_permalink_round_trips():
    params = {
        "dep": "55",
        "ind": "apl65_2023",
        "levier": "telemedecine,maison_de_sante",
        "acteur": "departement",
        "statut": "active",
        "annees": "2015-2024",
        "classes": "jenks",
        "lang": "en",
    }
    state, notices = parse_view(params, VOCAB)
    assert notices == []
    assert state.dep == "55" and state.indicator == "apl65_2023"
    # levers keep the catalogue order, so equal views have equal links
    assert state.levers == ("maison_de_sante", "telemedecine")
    assert state.years == (2015, 2024)
    again, _ = parse_view(to_params(state, VOCAB), VOCAB)
    assert again == state


def test_defaults_are_left_out_of_the_link():
    assert to_params(DEFAULT, VOCAB) == {}


@pytest.mark.parametrize("code", ["2a", "2A", " 2a "])
def test_corsica_codes_are_case_insensitive(code):
    assert parse_view({"dep": code}, VOCAB)[0].dep == "2A"


def test_single_digit_departement_gets_its_leading_zero():
    assert parse_view({"dep": "1"}, VOCAB)[0].dep == "01"


BAD = [
    ("dep", "99"),
    ("dep", "<script>alert(1)</script>"),
    ("dep", "55' OR '1'='1"),
    ("ind", "densite_inventee"),
    ("ind", "x" * 10_000),
    ("levier", "teleportation"),
    ("annees", "2024-2015"),
    ("annees", "lundi"),
    ("classes", "equal"),
    ("lang", "de"),
    ("dep", "５５"),  # full-width digits
    ("dep", "\u202e55"),  # right-to-left override
    ("ind", "apl\x00_2023"),
]


@pytest.mark.parametrize(("key", "value"), BAD)
def test_a_bad_parameter_gives_a_notice_and_only_it_falls_back(key, value):
    params = {"dep": "55", "ind": "apl65_2023", "levier": "telemedecine", key: value}
    state, notices = parse_view(params, VOCAB)
    assert len(notices) == 1
    assert len(notices[0]) < 120  # short, whatever the input length
    good = {k: v for k, v in params.items() if k != key}
    expected, _ = parse_view(good, VOCAB)
    assert state == expected


def test_repeated_keys_take_the_last_value():
    state, notices = parse_view({"dep": ["01", "55"]}, VOCAB)
    assert state.dep == "55" and notices == []


def test_unknown_items_in_a_list_are_dropped_and_the_rest_kept():
    state, notices = parse_view({"levier": "telemedecine,<b>x</b>"}, VOCAB)
    assert state.levers == ("telemedecine",)
    assert len(notices) == 1 and "<b>x</b>" in notices[0]  # the notice is shown escaped
