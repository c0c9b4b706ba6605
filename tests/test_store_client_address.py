"""Which address the login limit counts: the direct peer, or behind trusted proxies the
address they forwarded; a forged X-Forwarded-For is never believed."""

from __future__ import annotations

import types

import pytest

from components.contributions import store_access
from data.store.client_address import (
    TRUSTED_PROXIES_ENV,
    client_address,
    parse_address,
    parse_trusted_proxies,
    trusted_proxies,
)

PROXY = "10.0.0.5"  # the nginx of the README, in front of the replicas
VISITOR = "203.0.113.7"
FORGED = "198.51.100.99"


def xff(value: str) -> dict[str, str]:
    return {"X-Forwarded-For": value}


def test_without_the_setting_the_header_is_ignored():
    assert trusted_proxies({}) == ()
    assert client_address(VISITOR, xff(FORGED), ()) == VISITOR
    assert client_address(PROXY, xff(VISITOR), ()) == PROXY  # every visitor is the proxy


def test_a_forged_header_from_an_untrusted_address_is_ignored():
    proxies = parse_trusted_proxies(PROXY)
    assert client_address(VISITOR, xff(FORGED), proxies) == VISITOR
    assert client_address(VISITOR, xff(f"{PROXY}, {FORGED}"), proxies) == VISITOR


def test_a_trusted_proxys_header_is_honoured():
    proxies = parse_trusted_proxies(PROXY)
    assert client_address(PROXY, xff(VISITOR), proxies) == VISITOR


def test_the_header_is_read_from_the_right_up_to_the_first_untrusted_hop():
    proxies = parse_trusted_proxies("10.0.0.5, 10.1.0.0/16")
    # the visitor wrote "FORGED" itself; the edge proxy 10.1.2.3 appended the visitor,
    # nginx (the peer) appended the edge proxy
    header = xff(f"{FORGED}, {VISITOR}, 10.1.2.3")
    assert client_address(PROXY, header, proxies) == VISITOR


def test_repeated_headers_are_one_list_in_order():
    class Headers(dict):  # like st.context.headers: repeated values via get_all
        def get_all(self, key):
            return [FORGED, f"{VISITOR}, 10.1.2.3"] if key.lower() == "x-forwarded-for" else []

    proxies = parse_trusted_proxies("10.0.0.5, 10.1.0.0/16")
    assert client_address(PROXY, Headers(), proxies) == VISITOR
    assert client_address(PROXY, {"x-forwarded-for": VISITOR}, proxies) == VISITOR  # any case


def test_when_every_hop_is_a_proxy_the_leftmost_is_kept():
    proxies = parse_trusted_proxies("10.0.0.0/8")
    assert client_address(PROXY, xff("10.9.9.9, 10.1.2.3"), proxies) == "10.9.9.9"
    assert client_address(PROXY, {}, proxies) == PROXY  # no header: the proxy itself


def test_a_hop_that_is_not_an_address_stops_the_walk():
    proxies = parse_trusted_proxies("10.0.0.0/8")
    assert client_address(PROXY, xff("203.0.113.7, unknown, 10.1.2.3"), proxies) == "10.1.2.3"
    assert client_address(PROXY, xff(f"{VISITOR}, , 10.1.2.3"), proxies) == "10.1.2.3"


def test_ipv6_ports_and_mapped_addresses():
    proxies = parse_trusted_proxies("fd00::/8, 10.0.0.5")
    assert client_address("fd00::1", xff("[2001:DB8::1]:443"), proxies) == "2001:db8::1"
    assert client_address("::ffff:10.0.0.5", xff(f"{VISITOR}:5123"), proxies) == VISITOR
    assert parse_address("::ffff:203.0.113.7") == parse_address(VISITOR)
    assert parse_address("pas une adresse") is None
    assert parse_address("[2001:db8::1") is None


def test_an_unknown_peer_stays_unknown():
    proxies = parse_trusted_proxies(PROXY)
    assert client_address(None, xff(VISITOR), proxies) is None
    assert client_address("", xff(VISITOR), proxies) is None


@pytest.mark.parametrize("bad", ["10.0.0.300", "nginx", "10.0.0.0/33", "10.0.0.5;10.0.0.6"])
def test_a_bad_setting_names_the_entry(bad):
    with pytest.raises(ValueError, match=TRUSTED_PROXIES_ENV) as error:
        trusted_proxies({TRUSTED_PROXIES_ENV: f"10.0.0.5, {bad}"})
    assert bad in str(error.value)


def test_the_setting_accepts_addresses_networks_and_spaces():
    proxies = trusted_proxies({TRUSTED_PROXIES_ENV: " 10.0.0.5 , 10.1.0.0/16,,fd00::/8 "})
    assert [str(p) for p in proxies] == ["10.0.0.5/32", "10.1.0.0/16", "fd00::/8"]


@pytest.mark.parametrize(
    ("setting", "peer", "expected"),
    [
        ("", PROXY, f"ip:{PROXY}"),
        (PROXY, PROXY, f"ip:{VISITOR}"),
        (PROXY, FORGED, f"ip:{FORGED}"),
        (PROXY, None, "ip:unknown"),
    ],
)
def test_the_page_takes_peer_and_headers_from_st_context(monkeypatch, setting, peer, expected):
    monkeypatch.setenv(TRUSTED_PROXIES_ENV, setting)
    context = types.SimpleNamespace(ip_address=peer, headers=xff(VISITOR))
    monkeypatch.setattr(store_access.st, "context", context)
    assert store_access.client_key() == expected


def test_a_bad_setting_is_shown_on_the_login_page_which_trusts_no_proxy(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from data.store.auth import SECRET_ENV

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'pages.sqlite'}")
    monkeypatch.setenv(SECRET_ENV, "un secret de test assez long")
    monkeypatch.setenv(TRUSTED_PROXIES_ENV, "10.0.0.5, nginx")
    at = AppTest.from_file("../pages/moderation.py", default_timeout=60)
    at.run()
    assert not at.exception
    assert any("« nginx »" in str(e.value) for e in at.error)
    assert at.text_input(key="w_mod_login_secret")  # the login itself still works
