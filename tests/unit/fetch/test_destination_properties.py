"""Property tests: any address in a forbidden network, written in any notation, is refused;
globally routable addresses are accepted. No DNS is involved (literals only)."""

from __future__ import annotations

import ipaddress

from hypothesis import given, settings
from hypothesis import strategies as st

from linkscan.errors import InvalidUrlError
from linkscan.fetch.addresses import FORBIDDEN_V4
from linkscan.fetch.destination import DestinationRefused, check_url
from linkscan.settings import FetchSettings

DEFAULT = FetchSettings()
FORBIDDEN_V6_SAMPLES = [
    ipaddress.IPv6Network(n)
    for n in ("::1/128", "fe80::/10", "fc00::/7", "fec0::/10", "ff00::/8", "2001:db8::/32", "100::/64", "::/128")
]


def assert_refused(url: str) -> None:
    try:
        check_url(url, DEFAULT)
    except DestinationRefused:
        return
    raise AssertionError(f"{url} was accepted")


def address_in(network: ipaddress.IPv4Network | ipaddress.IPv6Network) -> st.SearchStrategy[int]:
    return st.integers(int(network.network_address), int(network.broadcast_address))


forbidden_v4 = st.sampled_from([n for n, _ in FORBIDDEN_V4]).flatmap(address_in)


def is_global_v4(value: int) -> bool:
    ip = ipaddress.IPv4Address(value)
    return not any(ip in n for n, _ in FORBIDDEN_V4) and ip.is_global and not ip.is_multicast


global_v4 = st.integers(0, 2**32 - 1).filter(is_global_v4)


def notations(value: int) -> st.SearchStrategy[str]:
    """The same IPv4 address the many ways a URL parser or inet_aton accepts it."""
    octets = [(value >> s) & 0xFF for s in (24, 16, 8, 0)]
    return st.sampled_from(
        [
            ".".join(map(str, octets)),
            str(value),
            hex(value),
            hex(value).upper().replace("0X", "0x"),
            "0" + oct(value)[2:],
            ".".join("0" + oct(o)[2:] for o in octets),
            ".".join(hex(o) for o in octets),
            f"{octets[0]}.{octets[1]}.{(octets[2] << 8) | octets[3]}",
            f"{octets[0]}.{(octets[1] << 16) | (octets[2] << 8) | octets[3]}",
            ".".join(map(str, octets)) + ".",
            ".".join(str(o).translate(str.maketrans("0123456789", "０１２３４５６７８９")) for o in octets),
            "".join(f"%{b:02X}" for b in ".".join(map(str, octets)).encode()),
            f"[::ffff:{'.'.join(map(str, octets))}]",
            f"[::ffff:{value >> 16:x}:{value & 0xFFFF:x}]",
            f"[64:ff9b::{value >> 16:x}:{value & 0xFFFF:x}]",
        ]
    )


@settings(max_examples=200, deadline=None)
@given(
    forbidden_v4.flatmap(notations), st.sampled_from(["http", "https", "HTTP"]), st.sampled_from(["", ":80", ":443"])
)
def test_forbidden_ipv4_is_refused_in_every_notation(host: str, scheme: str, port: str) -> None:
    assert_refused(f"{scheme}://{host}{port}/path")


@settings(max_examples=200, deadline=None)
@given(global_v4.flatmap(notations))
def test_global_ipv4_is_accepted_in_every_notation(host: str) -> None:
    check_url(f"http://{host}/", DEFAULT)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(FORBIDDEN_V6_SAMPLES).flatmap(address_in))
def test_forbidden_ipv6_is_refused(value: int) -> None:
    assert_refused(f"http://[{ipaddress.IPv6Address(value)}]/")


@settings(max_examples=200, deadline=None)
@given(forbidden_v4)
def test_tunnel_forms_embedding_forbidden_ipv4_are_refused(value: int) -> None:
    teredo_client = value ^ 0xFFFFFFFF
    for address in (
        (0x2002 << 112) | (value << 80),  # 6to4
        (0x20010000 << 96) | (0x41 << 88) | teredo_client,  # Teredo
        value,  # IPv4-compatible ::a.b.c.d
    ):
        assert_refused(f"http://[{ipaddress.IPv6Address(address)}]/")


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_arbitrary_hosts_never_crash_the_check(host: str) -> None:
    """Whatever an attacker writes as a host, the answer is accepted, refused or invalid."""
    try:
        dest = check_url(f"http://{host}/", DEFAULT)
    except (DestinationRefused, InvalidUrlError):
        return
    if dest.ip is not None:  # an accepted literal must be globally routable
        assert dest.ip.is_global
