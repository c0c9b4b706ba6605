"""Server settings that every session pays for (DEVELOPERS.md, "Server settings")."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _config() -> dict:
    return tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_no_source_watcher_and_no_forced_collection_after_each_run():
    config = _config()
    # The watcher walked every loaded module on the event loop after each run.
    assert config["server"]["fileWatcherType"] == "none"
    # A full collection after each run held the GIL for about 0.3 s.
    assert config["runner"]["postScriptGC"] is False


# Runs the launcher's lifespan hook in a child process (importing the launcher changes
# Streamlit's multipage flag and the environment), with the warm-up replaced by a stub
# that records how many objects were frozen when it ran.
LIFESPAN = """
import asyncio, gc, runpy, sys
from components import cache
seen = {}
def warm():
    seen["frozen while warming"] = gc.get_freeze_count()
    return {"done": 0.0}
cache.warm = warm
serve = runpy.run_path("scripts/serve.py")
async def main():
    async with serve["lifespan"](None):
        print(seen["frozen while warming"], gc.get_freeze_count())
asyncio.run(main())
"""


def test_the_launcher_freezes_the_heap_once_warm():
    out = subprocess.run(
        [sys.executable, "-c", LIFESPAN], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    while_warming, after = (int(n) for n in out.stdout.split()[-2:])
    assert while_warming == 0
    assert after > 100_000  # the libraries and the data, frozen before the first visitor
