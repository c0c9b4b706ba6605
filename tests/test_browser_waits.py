"""Browser tests and benchmarks wait on conditions the way Chromium always services.

``wait_for_function`` defaults to polling on requestAnimationFrame, which Chromium may
not run for a page it is not painting (the kiosk test once timed out after an idle
reset with the page in the right state): every wait must poll on a timer, through
``tests.e2e.conftest.wait_js`` or an explicit ``polling=``. No fixed sleeps either.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BROWSER_CODE = sorted([*(REPO / "tests" / "e2e").glob("*.py"), *(REPO / "bench").glob("*.py")])


def _calls(path: Path, name: str) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == name
    ]


@pytest.mark.parametrize("path", BROWSER_CODE, ids=lambda p: p.name)
def test_every_wait_for_function_polls_on_a_timer(path: Path) -> None:
    untimed = [
        call.lineno
        for call in _calls(path, "wait_for_function")
        if not any(k.arg == "polling" for k in call.keywords)
    ]
    assert untimed == [], f"{path.name}: wait_for_function without polling= at lines {untimed}"


@pytest.mark.parametrize("path", sorted((REPO / "tests" / "e2e").glob("test_*.py")), ids=str)
def test_browser_tests_never_sleep(path: Path) -> None:
    sleeps = [c.lineno for c in _calls(path, "sleep") + _calls(path, "wait_for_timeout")]
    assert sleeps == [], f"{path.name}: fixed sleeps at lines {sleeps}"


def test_the_check_sees_a_default_polling_wait(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("page.wait_for_function('() => true')\n", encoding="utf-8")
    assert [c.lineno for c in _calls(bad, "wait_for_function")] == [1]
    assert not any(k.arg == "polling" for k in _calls(bad, "wait_for_function")[0].keywords)
