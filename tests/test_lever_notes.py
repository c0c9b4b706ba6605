"""data/lever_notes.yaml: every lever, every claim sourced; the loader refuses bad notes."""

from __future__ import annotations

import copy

import pytest

from data.errors import InputError
from data.lever_notes import LEVER_NOTES_YAML, load_lever_notes, parse_lever_notes
from data.levers import LEVER_CODES


def _note(code: str) -> dict:
    return {
        "what_fr": f"Ce qu'est {code}.",
        "what_en": f"What {code} is.",
        "carriers_fr": "Communes, départements.",
        "carriers_en": "Municipalities, départements.",
        "limits_fr": "Aucune évaluation nationale trouvée.",
        "limits_en": "No national evaluation was found.",
        "evidence": [
            {
                "claim_fr": "Une étude montre un effet.",
                "claim_en": "A study shows an effect.",
                "publisher": "IRDES",
                "year": 2020,
                "source_url": "https://www.irdes.fr/etude",
                "third_party": True,
            }
        ],
    }


GOOD = {"levers": {code: _note(code) for code in LEVER_CODES}}


def test_good_notes_load_in_lever_order() -> None:
    notes = parse_lever_notes(copy.deepcopy(GOOD), this_year=2026)
    assert list(notes) == list(LEVER_CODES)
    claim = notes["maison_de_sante"].evidence[0]
    assert (claim.publisher, claim.year, claim.third_party) == ("IRDES", 2020, True)
    assert claim.claim("en") == "A study shows an effect."
    assert notes["telemedecine"].text("what", "en") == "What telemedecine is."


def _broken(mutate) -> dict:
    data = copy.deepcopy(GOOD)
    mutate(data["levers"])
    return data


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda lv: lv.pop("prevention"), "manquants ['prevention']"),
        (lambda lv: lv.update(inconnu=_note("inconnu")), "inconnus ['inconnu']"),
        (lambda lv: lv["telemedecine"].update(what_fr="  "), "what_fr"),
        (
            lambda lv: lv["telemedecine"]["evidence"][0].update(source_url="javascript:x"),
            "URL http(s)",
        ),
        (lambda lv: lv["telemedecine"]["evidence"][0].update(year=2031), "année 2031"),
        (lambda lv: lv["telemedecine"]["evidence"][0].update(year="2020"), "année '2020'"),
        (lambda lv: lv["telemedecine"]["evidence"][0].update(third_party="oui"), "true ou false"),
        (lambda lv: lv["telemedecine"]["evidence"][0].pop("publisher"), "publisher"),
        (lambda lv: lv["autre"].update(limits_sources=["ftp://x"]), "URL http(s)"),
    ],
)
def test_bad_notes_are_refused_with_the_lever_named(mutate, message) -> None:
    with pytest.raises(InputError) as err:
        parse_lever_notes(_broken(mutate), this_year=2026)
    assert message in str(err.value)


def test_the_committed_notes_cover_every_lever_with_sourced_claims() -> None:
    notes = load_lever_notes(LEVER_NOTES_YAML)
    assert list(notes) == list(LEVER_CODES)
    for code, note in notes.items():
        if code != "autre":
            assert note.evidence, f"{code}: no national evidence claim"
        urls = [c.source_url for c in note.evidence]
        assert len(urls) == len(set(urls)) or code == "autre", f"{code}: a URL twice"
