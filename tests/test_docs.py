"""The documentation cannot drift from the code: every setting and benchmark is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCS = "\n".join(
    (REPO / name).read_text(encoding="utf-8")
    for name in ("README.md", "DEVELOPERS.md", "docs/sharing.md")
)
CODE_DIRS = ("app.py", "components", "data", "geo", "pages")


def settings_read_by_the_code() -> set[str]:
    names: set[str] = set()
    for entry in CODE_DIRS:
        path = REPO / entry
        files = [path] if path.is_file() else path.rglob("*.py")
        for file in files:
            names |= set(re.findall(r"\"((?:ATLAS_[A-Z_]+)|DATABASE_URL)\"", file.read_text()))
    return names


def test_the_settings_are_found():
    assert {"DATABASE_URL", "ATLAS_KIOSK", "ATLAS_MODERATION_SECRET"} <= settings_read_by_the_code()


@pytest.mark.parametrize("name", sorted(settings_read_by_the_code()))
def test_every_environment_setting_is_documented(name):
    assert name in DOCS


@pytest.mark.parametrize(
    "module", sorted(p.stem for p in (REPO / "bench").glob("*.py") if p.stem != "__init__")
)
def test_every_benchmark_is_documented(module):
    assert f"bench.{module}" in DOCS


def test_readme_gives_the_two_setup_commands_and_ci_runs_the_test_one():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "scripts/run.sh" in readme and "scripts/test.sh" in readme
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^exec scripts/test\.sh\s*$", ci, re.MULTILINE)
