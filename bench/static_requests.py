"""What one HTTP request costs on a kept-alive connection, with and without uvloop.

    .venv/bin/python -m bench.static_requests [--rounds 5]

Two atlas servers started the way users start them (``scripts/serve.py``): one as
installed (Streamlit runs on uvloop, which sets TCP_NODELAY on every connection), one
with uvloop hidden (an import shim on PYTHONPATH: Streamlit falls back to asyncio's
loop, which leaves Nagle's algorithm on for Streamlit's socket). A client on loopback
fetches, on one kept-alive connection, the JavaScript files Streamlit's page preloads
(what a browser fetches first, six connections at a time) and the health check,
``--rounds`` times, alternating between the servers.

Prints per-request latency (min / median / max) and the ratio without / with uvloop;
figures for the closing note, never asserted.
"""

from __future__ import annotations

import argparse
import http.client
import re
import tempfile
import time
from pathlib import Path

from bench.browser_common import ratios, spread
from tests.e2e.conftest import StreamlitServer

SHIM = 'raise ModuleNotFoundError("uvloop hidden by bench.static_requests")\n'


def preloaded_paths(server: StreamlitServer) -> list[str]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request("GET", "/")
        html = connection.getresponse().read().decode()
    finally:
        connection.close()
    return ["/" + p.lstrip("./") for p in re.findall(r'href="([^"]+\.js)"', html)]


def one_round(server: StreamlitServer, paths: list[str]) -> list[float]:
    """Seconds per request, on one kept-alive connection."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    seconds = []
    try:
        for path in paths:
            start = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            seconds.append(time.perf_counter() - start)
            if response.status != 200:
                raise RuntimeError(f"{path}: HTTP {response.status}")
    finally:
        connection.close()
    return seconds


def spread_ms(seconds: list[float]) -> str:
    return spread([s * 1000 for s in seconds]) + " ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="atlas-no-uvloop-") as shim_dir:
        (Path(shim_dir) / "uvloop.py").write_text(SHIM)
        servers = {
            "uvloop (as installed)": StreamlitServer(),
            "asyncio loop (uvloop hidden)": StreamlitServer({"PYTHONPATH": shim_dir}),
        }
        try:
            paths = preloaded_paths(next(iter(servers.values()))) + ["/_stcore/health"] * 20
            times: dict[str, list[float]] = {label: [] for label in servers}
            per_round: dict[str, list[float]] = {label: [] for label in servers}
            for _ in range(args.rounds):
                for label, server in servers.items():
                    seconds = one_round(server, paths)
                    times[label] += seconds
                    per_round[label].append(sum(seconds))
        finally:
            for server in servers.values():
                server.stop()
    print(f"{len(paths)} requests per round ({len(paths) - 20} preloaded JS files, 20 health)")
    for label in servers:
        print(f"{label:30s} per request {spread_ms(times[label])}")
        print(f"{'':30s} per round   {spread_ms(per_round[label])}")
    with_uv, without = per_round.values()
    print(f"round time without / with uvloop: {spread(ratios(without, with_uv))}")


if __name__ == "__main__":
    main()
