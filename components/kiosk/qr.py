"""QR codes for the kiosk: links leave the kiosk on a phone, never on the kiosk itself.

Everything is computed here (segno, offline): an inline SVG for the permalink of the
current view, and compact module matrices (base64 bits) for every external link the
kiosk can show, drawn by ``static/kiosk/kiosk.js`` when a link is tapped.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable, Mapping
from urllib.parse import urlencode, urlsplit

import numpy as np
import segno

DARK = "#0b1f33"


def qr_svg(text: str, *, scale: int = 4, border: int = 2) -> str:
    """A standalone ``<svg>`` QR code (error correction M, at least), with its namespace
    so that it also works as an image."""
    qr = segno.make(text, error="m", micro=False)
    out = io.BytesIO()
    qr.save(
        out,
        kind="svg",
        scale=scale,
        border=border,
        dark=DARK,
        light="#ffffff",
        xmldecl=False,
        svgns=True,
        nl=False,
    )
    return out.getvalue().decode("utf-8")


def svg_data_uri(svg: str) -> str:
    """A trusted SVG as a ``data:`` URI for CSS (``st.html`` sanitises inline SVG and
    images away, not style sheets)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def qr_bits(text: str) -> dict[str, object]:
    """The QR code as ``{"n": size, "b": base64}``: ``n``×``n`` modules, row by row,
    one bit per module (most significant bit first), dark = 1, no quiet zone."""
    # One fixed mask (valid for any reader) instead of trying all eight: the search was
    # two thirds of the time, and a kiosk carries several hundred codes.
    qr = segno.make(text, error="m", micro=False, mask=0)
    dark = np.array([list(row) for row in qr.matrix], dtype=np.uint8) & 1
    n = dark.shape[0]
    bits = np.packbits(dark.reshape(-1))  # most significant bit first, zero padded
    return {"n": n, "b": base64.b64encode(bits.tobytes()).decode("ascii")}


def decode_bits(code: Mapping[str, object]) -> list[list[bool]]:
    """The inverse of :func:`qr_bits` (for tests)."""
    n = int(code["n"])  # type: ignore[call-overload]
    raw = base64.b64decode(str(code["b"]))
    return [
        [bool(raw[(y * n + x) // 8] & (0x80 >> ((y * n + x) % 8))) for x in range(n)]
        for y in range(n)
    ]


def qr_registry(urls: Iterable[str]) -> dict[str, dict[str, object]]:
    """One matrix per distinct URL."""
    return {url: qr_bits(url) for url in dict.fromkeys(urls)}


def short_host(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.")


def phone_url(
    params: Mapping[str, str], *, public_url: str | None, page_origin: str, base_path: str = ""
) -> str:
    """The permalink of a view for a phone.

    With ``public_url`` (the public atlas) the phone opens the normal app there. Without
    it, the kiosk's own address is used, with ``kiosk=0`` so a phone gets the normal app
    even when this server is in kiosk mode by default.
    """
    query = dict(params)
    if public_url:
        root = public_url.rstrip("/")
    else:
        base = base_path.strip("/")
        root = page_origin.rstrip("/") + (f"/{base}" if base else "")
        query["kiosk"] = "0"
    encoded = urlencode(query, safe=",")
    return f"{root}/?{encoded}" if encoded else f"{root}/"
