"""Which IP addresses the scanner may connect to: globally routable unicast, nothing else.

The forbidden ranges are a constant in code, not a data file, on purpose: editing this list changes
what an attacker can reach from inside the cloud account, so it goes through code review and tests.
Python's own ``is_global``/``is_private`` tables differ between 3.11 and 3.13, so they are only used
as an extra net (they can refuse more, never allow more).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_V4 = ipaddress.IPv4Network
_V6 = ipaddress.IPv6Network

# (network, why) — IANA special-purpose registries plus multicast and class E.
FORBIDDEN_V4: tuple[tuple[_V4, str], ...] = (
    (_V4("0.0.0.0/8"), "unspecified / this network"),
    (_V4("10.0.0.0/8"), "private (RFC 1918)"),
    (_V4("100.64.0.0/10"), "shared address space (CGNAT)"),
    (_V4("127.0.0.0/8"), "loopback"),
    (_V4("169.254.0.0/16"), "link-local (cloud metadata)"),
    (_V4("172.16.0.0/12"), "private (RFC 1918)"),
    (_V4("192.0.0.0/24"), "IETF protocol assignments"),
    (_V4("192.0.2.0/24"), "documentation (TEST-NET-1)"),
    (_V4("192.31.196.0/24"), "AS112"),
    (_V4("192.52.193.0/24"), "AMT"),
    (_V4("192.88.99.0/24"), "6to4 relay anycast"),
    (_V4("192.168.0.0/16"), "private (RFC 1918)"),
    (_V4("192.175.48.0/24"), "AS112 direct delegation"),
    (_V4("198.18.0.0/15"), "benchmarking"),
    (_V4("198.51.100.0/24"), "documentation (TEST-NET-2)"),
    (_V4("203.0.113.0/24"), "documentation (TEST-NET-3)"),
    (_V4("224.0.0.0/4"), "multicast"),
    (_V4("240.0.0.0/4"), "reserved / broadcast"),
)

# Where a deployment's own egress proxy may live, when allowed explicitly: the RFC 1918 rows above and
# unique-local IPv6, less the EC2 metadata range that lies inside it.
PRIVATE_PROXY_NETWORKS: tuple[_V4 | _V6, ...] = (
    *(network for network, why in FORBIDDEN_V4 if why == "private (RFC 1918)"),
    _V6("fc00::/7"),
)
EC2_METADATA_V6 = _V6("fd00:ec2::/32")

# IPv6 outside 2000::/3 is refused outright (loopback, unspecified, ULA fc00::/7 incl. the EC2
# metadata address fd00:ec2::254, link-local, site-local, multicast, discard-only 100::/64 ...),
# except the two forms that carry an IPv4 address we can judge: mapped and NAT64.
GLOBAL_UNICAST_V6 = _V6("2000::/3")
FORBIDDEN_V6: tuple[tuple[_V6, str], ...] = (
    (_V6("2001::/32"), "Teredo tunnel"),
    (_V6("2001::/23"), "IETF protocol assignments"),
    (_V6("2001:db8::/32"), "documentation"),
    (_V6("2002::/16"), "6to4 tunnel"),
    (_V6("2620:4f:8000::/48"), "AS112"),
    (_V6("3fff::/20"), "documentation"),
)
NAT64_WELL_KNOWN = _V6("64:ff9b::/96")
LOOPBACK_V4 = _V4("127.0.0.0/8")
LOOPBACK_V6 = ipaddress.IPv6Address("::1")


@dataclass(frozen=True)
class AddressVerdict:
    """Whether an address may be connected to, the address to connect to, and why not."""

    allowed: bool
    connect_to: IPAddress
    reason: str = ""


def parse_ip(text: str) -> IPAddress:
    """An IP address from resolver output or a bracketed URL host; zone ids (fe80::1%eth0) are dropped."""
    bare = text.strip("[]").split("%", 1)[0]
    return ipaddress.ip_address(bare)


def classify(ip: IPAddress, *, allow_loopback: bool = False) -> AddressVerdict:
    """Decide one address. IPv4-mapped IPv6 is unwrapped so the IPv4 rules apply to it."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        inner = classify(ip.ipv4_mapped, allow_loopback=allow_loopback)
        reason = f"IPv4-mapped {inner.reason}" if inner.reason else ""
        return AddressVerdict(inner.allowed, inner.connect_to, reason)
    if allow_loopback and (ip in LOOPBACK_V4 if ip.version == 4 else ip == LOOPBACK_V6):
        return AddressVerdict(True, ip)
    reason = _forbidden_reason(ip)
    return AddressVerdict(not reason, ip, reason)


def _forbidden_reason(ip: IPAddress) -> str:
    if isinstance(ip, ipaddress.IPv4Address):
        return _v4_reason(ip)
    return _v6_reason(ip)


def _v4_reason(ip: ipaddress.IPv4Address) -> str:
    for network, why in FORBIDDEN_V4:
        if ip in network:
            return f"{ip} is {why}"
    if _python_thinks_special(ip):
        return f"{ip} is not globally routable"
    return ""


def _v6_reason(ip: ipaddress.IPv6Address) -> str:
    if ip in NAT64_WELL_KNOWN:
        embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        inner = _v4_reason(embedded)
        return f"NAT64 address embedding {inner}" if inner else ""
    if ip not in GLOBAL_UNICAST_V6:
        return f"{ip} is not global unicast{_embedded_note(ip)}"
    for network, why in FORBIDDEN_V6:
        if ip in network:
            return f"{ip} is {why}{_embedded_note(ip)}"
    if _python_thinks_special(ip):
        return f"{ip} is not globally routable"
    return ""


def _embedded_note(ip: ipaddress.IPv6Address) -> str:
    """Name the IPv4 address hidden in tunnel forms, so a refusal says what was really targeted."""
    if ip.teredo is not None:  # the client address is stored XOR-ed with all ones
        server, client = ip.teredo
        return f" (Teredo server {server}, client {client})"
    if ip.sixtofour is not None:
        return f" (6to4 for {ip.sixtofour})"
    if int(ip) >> 32 == 0 and int(ip) > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return f" (IPv4-compatible {ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)})"
    return ""


def _python_thinks_special(ip: IPAddress) -> bool:
    return bool(
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )
