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


# Streamlit binds its listening socket itself (proto 0), and asyncio's loop only sets
# TCP_NODELAY on sockets whose proto is IPPROTO_TCP: every response (headers, then
# body, two writes) then waited for the client's delayed ACK, about 40 ms per request
# on a kept-alive connection. uvloop sets TCP_NODELAY on every TCP connection.
NODELAY = """
import asyncio, socket
from streamlit.web import bootstrap
from streamlit.web.server.starlette.starlette_server import _bind_socket
factory = bootstrap._get_uvloop_loop_factory()
assert factory is not None, "Streamlit would run on asyncio's loop"
async def main():
    seen = asyncio.get_running_loop().create_future()
    def accepted(reader, writer):
        sock = writer.get_extra_info("socket")
        seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        writer.close()
    listening = _bind_socket("127.0.0.1", 0, 8)
    server = await asyncio.start_server(accepted, sock=listening)
    port = listening.getsockname()[1]
    _, writer = await asyncio.open_connection("127.0.0.1", port)
    print(type(asyncio.get_running_loop()).__module__, await seen)
    writer.close()
    server.close()
runner = asyncio.Runner(loop_factory=factory)
runner.run(main())
"""


def test_the_server_loop_sends_responses_without_waiting_for_acks():
    out = subprocess.run(
        [sys.executable, "-c", NODELAY], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    loop_module, nodelay = out.stdout.split()[-2:]
    assert loop_module.startswith("uvloop")
    assert int(nodelay) != 0
