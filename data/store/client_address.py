"""Which address a request comes from, behind reverse proxies or not (plain Python).

The login rate limit counts failures per client address. Behind a reverse proxy
(nginx in front of the replicas), the direct peer of the app is the proxy, so every
visitor would share one counter; the proxy tells the visitor's address in
``X-Forwarded-For``. That header is only believed when the direct peer is a proxy
named in ``ATLAS_TRUSTED_PROXIES`` (comma-separated IP addresses or CIDR networks):
anybody else can write anything in it.

The header is read from the right: each proxy appends the address it received the
request from, so the rightmost entries were written by our proxies and the first
one that is not a trusted proxy is the client. Whatever lies to the left of it was
written by the client itself and is ignored.
"""

from __future__ import annotations

import functools
import ipaddress
import os
from collections.abc import Iterable, Mapping
from typing import Any

TRUSTED_PROXIES_ENV = "ATLAS_TRUSTED_PROXIES"
FORWARDED_FOR = "X-Forwarded-For"

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@functools.lru_cache(maxsize=8)
def parse_trusted_proxies(text: str) -> tuple[Network, ...]:
    """The networks of ``ATLAS_TRUSTED_PROXIES``: ``"10.0.0.5, 10.1.0.0/16, fd00::/8"``.

    A single address is a network of one. Raises ValueError naming the entry that
    is neither an address nor a network.
    """
    networks: list[Network] = []
    for entry in (part.strip() for part in text.split(",")):
        if not entry:
            continue
        try:
            network = ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise ValueError(
                f"{TRUSTED_PROXIES_ENV} : « {entry} » n'est ni une adresse IP "
                "ni un réseau CIDR (exemples : 10.0.0.5, 10.0.0.0/24, fd00::/8)"
            ) from None
        networks.append(network)
    return tuple(networks)


def trusted_proxies(environ: Mapping[str, str] | None = None) -> tuple[Network, ...]:
    """The trusted proxies configured in the environment (none when unset)."""
    env = os.environ if environ is None else environ
    return parse_trusted_proxies(env.get(TRUSTED_PROXIES_ENV, ""))


def parse_address(text: str | None) -> Address | None:
    """An IP address as a peer or a proxy header gives it, or None if it is not one.

    Accepts ``203.0.113.7``, ``203.0.113.7:5123``, ``2001:db8::1``, ``[2001:db8::1]:443``;
    an IPv4-mapped IPv6 address (``::ffff:203.0.113.7``) is the IPv4 address.
    """
    if not text:
        return None
    value = text.strip()
    if value.startswith("["):
        end = value.find("]")
        if end == -1:
            return None
        value = value[1:end]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def header_values(headers: Mapping[str, str] | Any, name: str) -> list[str]:
    """Every value of header ``name`` (case-insensitive), in the order received.

    Uses ``headers.get_all`` when there is one (Streamlit's ``st.context.headers``
    keeps repeated headers that way), else the mapping's items.
    """
    if headers is None:
        return []
    get_all = getattr(headers, "get_all", None)
    if callable(get_all):
        return [str(v) for v in get_all(name)]
    wanted = name.lower()
    return [str(v) for k, v in headers.items() if str(k).lower() == wanted]


def _trusted(address: Address, proxies: Iterable[Network]) -> bool:
    return any(address.version == net.version and address in net for net in proxies)


def client_address(
    peer: str | None,
    headers: Mapping[str, str] | Any,
    proxies: Iterable[Network],
) -> str | None:
    """The client's address: ``peer`` (the direct connection), unless ``peer`` is one of
    the trusted ``proxies``; then the first address of ``X-Forwarded-For``, from the
    right, that is not a trusted proxy.

    Stops at an entry that is not an IP address (the address before it is kept);
    when every entry is a trusted proxy, the leftmost one. None when ``peer`` is not
    an IP address (unknown).
    """
    address = parse_address(peer)
    if address is None:
        return None
    proxies = tuple(proxies)
    if not proxies or not _trusted(address, proxies):
        return str(address)
    hops = [hop for value in header_values(headers, FORWARDED_FOR) for hop in value.split(",")]
    for hop in reversed(hops):
        hop_address = parse_address(hop)
        if hop_address is None:
            break
        address = hop_address
        if not _trusted(address, proxies):
            break
    return str(address)
