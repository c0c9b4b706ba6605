import re
from pathlib import Path

import pytest

from components.i18n import TEXTS, t

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_has_french_and_english_with_the_same_placeholders(key):
    entry = TEXTS[key]
    assert entry.get("fr") and entry.get("en"), key
    fields = [set(re.findall(r"{(\w+)}", entry[lang])) for lang in ("fr", "en")]
    assert fields[0] == fields[1], key


def test_every_key_used_in_the_code_exists():
    used = set()
    for folder in ("components", "pages"):
        for path in (REPO / folder).glob("*.py"):
            used |= set(re.findall(r"\bt\(\s*\"([a-z_.]+)\"", path.read_text()))
    used |= set(re.findall(r"\bt\(\s*\"([a-z_.]+)\"", (REPO / "app.py").read_text()))
    missing = used - set(TEXTS)
    assert not missing


def test_t_formats_and_falls_back_to_french():
    assert t("filters.count", "en", shown=3, total=10) == "3 of 10 initiatives shown"
    assert t("nav.map", "de") == "Carte"
