import pytest

from components.view_params import ViewState, Vocabulary, parse_view, to_params

VOCAB = Vocabulary(
    indicators=("part_pop_apl_inf_2_5_2023", "apl65_2023", "apl_2023"),
    default_indicator="part_pop_apl_inf_2_5_2023",
    departements=("01", "2A", "2B", "55", "971", "976"),
    levers=("maison_de_sante", "telemedecine", "bourse_etudes"),
    actors=("commune", "departement"),
    statuses=("active", "ended"),
    regions=("44", "94"),
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


# Every view parameter against every kind of bad value: each one gives exactly one short
# notice and falls back to its default, and the other parameters of the link are kept.
NASTY = [
    "<script>alert(1)</script>",
    "'; DROP TABLE initiatives; --",
    "55' OR '1'='1",
    "x" * 10_000,
    "../../etc/passwd",
    "\x00",
    "５５",  # full-width digits
    "\u202e55",  # right-to-left override
    "e\u0301",  # combining accent
    "\u200b",  # zero-width space
    "🏥",
    "\ufffd",  # what a browser makes of invalid UTF-8
    "${7*7}{{7*7}}",
    "javascript:alert(1)",
    "=cmd|' /C calc'!A0",
    "jenks,quantiles",
]
CHECKED_KEYS = [
    "dep",
    "ind",
    "levier",
    "acteur",
    "statut",
    "annees",
    "classes",
    "lang",
    "presentation",
]
FULL = {
    "dep": "55",
    "ind": "apl65_2023",
    "levier": "telemedecine",
    "acteur": "commune",
    "statut": "active",
    "annees": "2015-2024",
    "classes": "jenks",
    "lang": "fr",
    "q": "meuse",
    "presentation": "1x1",
}


@pytest.mark.parametrize("value", NASTY, ids=lambda v: repr(v[:12]))
@pytest.mark.parametrize("key", CHECKED_KEYS)
def test_every_parameter_resists_every_bad_value(key, value):
    params = {**FULL, key: value}
    state, notices = parse_view(params, VOCAB)
    assert len(notices) == 1, notices
    assert len(notices[0]) < 120
    expected, _ = parse_view({k: v for k, v in FULL.items() if k != key}, VOCAB)
    assert state == expected
    # what is left is a clean link: it parses back to the same view with no notice
    assert parse_view(to_params(state, VOCAB), VOCAB) == (state, [])


@pytest.mark.parametrize("value", NASTY, ids=lambda v: repr(v[:12]))
def test_the_search_text_is_kept_as_text_and_cleaned(value):
    state, notices = parse_view({"q": value}, VOCAB)
    if len(value) > 200:
        assert state.query == "" and len(notices) == 1
        return
    assert notices == []
    assert len(state.query) <= 100
    assert all(ch.isprintable() for ch in state.query)
    assert parse_view(to_params(state, VOCAB), VOCAB) == (state, [])


def test_a_repeated_key_with_a_bad_last_value_falls_back():
    state, notices = parse_view({"dep": ["55", "<b>"], "ind": ["x", "apl_2023"]}, VOCAB)
    assert state.dep is None and state.indicator == "apl_2023"
    assert len(notices) == 1


def test_several_bad_parameters_give_one_notice_each():
    params = {"dep": "99", "ind": "nope", "lang": "de", "levier": "telemedecine"}
    state, notices = parse_view(params, VOCAB)
    assert len(notices) == 3
    assert state.levers == ("telemedecine",)


def test_unknown_keys_are_ignored_silently():
    state, notices = parse_view({"utm_source": "x" * 5000, "fbclid": "abc"}, VOCAB)
    assert (state, notices) == (DEFAULT, [])


def test_notices_follow_the_language_of_the_link():
    _, notices = parse_view({"lang": "en", "dep": "99"}, VOCAB)
    assert notices == ["Unknown département '99': all of France"]
    _, notices = parse_view({"dep": "99"}, VOCAB)
    assert notices == ["Département inconnu '99' : vue France entière"]


@pytest.mark.parametrize(
    ("raw", "preset"),
    [("16x9", "16x9"), ("1x1", "1x1"), ("1", "16x9"), ("16:9", "16x9"), ("0", None), ("", None)],
)
def test_presentation_presets(raw, preset):
    state, notices = parse_view({"presentation": raw}, VOCAB)
    assert state.presentation == preset and notices == []


def test_the_shared_link_leaves_out_the_display_mode():
    state, _ = parse_view({"dep": "55", "presentation": "1x1", "q": "télé"}, VOCAB)
    assert to_params(state, VOCAB) == {"dep": "55", "q": "télé", "presentation": "1x1"}
    assert to_params(state, VOCAB, display=False) == {"dep": "55", "q": "télé"}


def test_evidence_levels_and_region_round_trip():
    state, notices = parse_view({"preuve": "2,1", "reg": "44"}, VOCAB)
    assert notices == []
    assert state.evidence == (1, 2) and state.region == "44"
    assert to_params(state, VOCAB) == {"preuve": "1,2", "reg": "44"}
    assert parse_view(to_params(state, VOCAB), VOCAB)[0] == state


def test_a_bad_level_or_region_gives_a_notice_and_keeps_the_rest():
    state, notices = parse_view({"preuve": "1,9", "reg": "99", "levier": "telemedecine"}, VOCAB)
    assert state.evidence == (1,) and state.region is None
    assert state.levers == ("telemedecine",)
    assert len(notices) == 2 and any("99" in n for n in notices)
