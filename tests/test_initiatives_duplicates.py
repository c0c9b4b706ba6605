"""The same initiative entered twice: the rule of docs/catalogue.md, on tiny fixtures
and on the real catalogue."""

from __future__ import annotations

from initiatives_support import VALID

from data.initiatives import find_catalogue_duplicates, read_catalogue
from data.initiatives.duplicates import normalise_url

A = {
    **VALID,
    "id": "bourse-a",
    "name": "Bourse d'études du Département",
    "lever": "bourse_etudes",
    "sources": "https://presse.example.org/article-1",
    "commune": "",
    "commune_code": "",
    "departement_code": "55",
    "scope": "departement",
}


def pairs(*rows):
    return [(d.first, d.second, d.reason) for d in find_catalogue_duplicates(rows)]


def test_shared_source_same_lever_same_departement():
    b = {**A, "id": "bourse-b", "name": "Aide aux internes"}
    assert pairs(A, b) == [("bourse-a", "bourse-b", "shared_source")]
    found = find_catalogue_duplicates([b, A])[0]
    assert found.detail == "presse.example.org/article-1"
    assert "bourse-a ~ bourse-b" in str(found)


def test_shared_source_is_compared_loosely():
    b = {**A, "id": "bourse-b", "sources": "http://www.PRESSE.example.org/article-1/#haut"}
    assert pairs(A, b) == [("bourse-a", "bourse-b", "shared_source")]
    assert normalise_url("https://www.x.org/a/") == normalise_url("http://x.org/a")
    assert normalise_url("https://x.org/a?p=1") != normalise_url("https://x.org/a?p=2")


def test_one_article_about_several_initiatives_is_not_a_duplicate():
    other_lever = {**A, "id": "bus-b", "lever": "bus_itinerant_aller_vers"}
    other_departement = {**A, "id": "bourse-c", "departement_code": "54"}
    assert pairs(A, other_lever, other_departement) == []


def test_regional_programmes_compare_by_region():
    regional = {**A, "departement_code": "", "scope": "region"}
    same_region = {**regional, "id": "bourse-r2"}
    other_region = {**regional, "id": "bourse-r3", "region_code": "53"}
    assert pairs(regional, same_region, other_region) == [
        ("bourse-a", "bourse-r2", "shared_source")
    ]
    # a regional row and a departmental one of the same region are not taken for one
    assert pairs(A, {**regional, "id": "bourse-r4"}) == []


def test_same_commune_same_lever_similar_name():
    msp = {**VALID, "id": "msp-souilly", "name": "Maison de santé de Souilly"}
    again = {
        **VALID,
        "id": "msp-souilly-2",
        "name": "MSP Souilly",
        "sources": "https://autre.example.org/page",
    }
    assert pairs(msp, again) == [("msp-souilly", "msp-souilly-2", "similar_name")]


def test_same_commune_but_another_lever_or_another_name():
    msp = {**VALID, "id": "msp-souilly", "name": "Maison de santé de Souilly"}
    other_sources = {"sources": "https://autre.example.org/page"}
    bus = {**msp, **other_sources, "id": "bus-souilly", "lever": "bus_itinerant_aller_vers"}
    centre = {**msp, **other_sources, "id": "centre-souilly", "name": "Centre de soins"}
    assert pairs(msp, bus, centre) == []


def test_each_pair_is_reported_once():
    b = {**A, "id": "bourse-b", "sources": A["sources"] + " | https://y.example.org/z"}
    c = {**A, "id": "bourse-c", "sources": "https://y.example.org/z | " + A["sources"]}
    assert pairs(A, b, c) == [
        ("bourse-a", "bourse-b", "shared_source"),
        ("bourse-a", "bourse-c", "shared_source"),
        ("bourse-b", "bourse-c", "shared_source"),
    ]


def test_the_real_catalogue_has_no_duplicate():
    rows = [row.values for _, row in read_catalogue().initiative_rows()]
    assert len(rows) > 100
    assert [str(d) for d in find_catalogue_duplicates(rows)] == []
