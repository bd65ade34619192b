"""The destination check refuses every internal address, in every notation, before any connection."""

from __future__ import annotations

import pytest

from linkscan.errors import InvalidUrlError
from linkscan.fetch.destination import DestinationRefused, check_url, parse_url, resolve_checked
from linkscan.settings import FetchSettings

DEFAULT = FetchSettings()

REFUSED = {
    # IPv4 special-purpose ranges, dotted decimal
    "loopback": "http://127.0.0.1/",
    "loopback other": "http://127.255.3.4/",
    "private 10/8": "http://10.1.2.3/",
    "private 172.16/12": "http://172.31.255.254/",
    "private 192.168/16": "http://192.168.1.1/",
    "shared CGNAT": "http://100.64.0.1/",
    "cloud metadata": "http://169.254.169.254/latest/meta-data/",
    "link-local": "http://169.254.1.1/",
    "multicast": "http://224.0.0.251/",
    "broadcast": "http://255.255.255.255/",
    "reserved class E": "http://240.0.0.1/",
    "documentation 1": "http://192.0.2.10/",
    "documentation 2": "http://198.51.100.7/",
    "documentation 3": "http://203.0.113.9/",
    "unspecified": "http://0.0.0.0/",
    "this network": "http://0.1.2.3/",
    "benchmarking": "http://198.19.0.1/",
    "IETF protocol assignments": "http://192.0.0.8/",
    # odd IPv4 notations a browser or resolver accepts
    "decimal": "http://2130706433/",
    "octal": "http://0177.0.0.1/",
    "octal parts": "http://0300.0250.0.1/",
    "hex": "http://0x7f.1/",
    "hex whole": "http://0x7f000001/",
    "hex metadata": "http://0xA9FEA9FE/",
    "short form": "http://127.1/",
    "short three parts": "http://10.1.1/",
    "zero": "http://0/",
    "trailing dot": "http://127.0.0.1./",
    "full-width digits": "http://１２７.０.０.１/",
    "ideographic dots": "http://127。0。0。1/",
    "percent-encoded": "http://%31%32%37.0.0.1/",
    "percent-encoded dots": "http://127%2E0%2E0%2E1/",
    "mixed case hex": "http://0X7F.0X0.0X0.0X1/",
    "userinfo in front": "http://user:pass@127.0.0.1/",
    "fake host in userinfo": "http://example.com@169.254.169.254/",
    "uppercase scheme": "HTTP://127.0.0.1/",
    "backslash": "http:\\\\127.0.0.1\\x",
    # IPv6
    "v6 loopback": "http://[::1]/",
    "v6 loopback long": "http://[0:0:0:0:0:0:0:1]/",
    "v6 unspecified": "http://[::]/",
    "v6 link-local": "http://[fe80::1]/",
    "v6 link-local zone": "http://[fe80::1%25eth0]/",
    "v6 unique-local": "http://[fc00::1]/",
    "EC2 metadata v6": "http://[fd00:ec2::254]/",
    "v6 site-local": "http://[fec0::1]/",
    "v6 multicast": "http://[ff02::1]/",
    "v6 documentation": "http://[2001:db8::1]/",
    "v6 documentation 3fff": "http://[3fff::1]/",
    "v6 discard-only": "http://[100::1]/",
    "v6 IETF assignments": "http://[2001:2::1]/",
    # IPv4 embedded in IPv6
    "mapped loopback": "http://[::ffff:127.0.0.1]/",
    "mapped metadata hex": "http://[::ffff:a9fe:a9fe]/",
    "mapped private": "http://[::ffff:10.0.0.1]/",
    "compatible loopback": "http://[::127.0.0.1]/",
    "6to4 loopback": "http://[2002:7f00:1::]/",
    "6to4 metadata": "http://[2002:a9fe:a9fe::1]/",
    "NAT64 loopback": "http://[64:ff9b::127.0.0.1]/",
    "NAT64 metadata": "http://[64:ff9b::a9fe:a9fe]/",
    "NAT64 local-use": "http://[64:ff9b:1::a00:1]/",
    # Teredo: client 127.0.0.1 stored XOR-ed as 80ff:fffe
    "Teredo loopback client": "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
    # names that always mean this machine
    "localhost": "http://localhost/",
    "localhost mixed case": "http://LocalHost./",
    "sub.localhost": "http://api.localhost/",
    # ports
    "port not allowed": "http://example.com:8080/",
    "ssh port": "http://example.com:22/",
}


@pytest.mark.parametrize("url", list(REFUSED.values()), ids=list(REFUSED))
def test_default_configuration_refuses(url: str) -> None:
    with pytest.raises(DestinationRefused):
        check_url(url, DEFAULT)


ACCEPTED = {
    "public name": "https://example.com/",
    "public v4": "http://93.184.216.34/",
    "public v4 decimal": "http://1572395042/",
    "public v6": "http://[2606:2800:220:1:248:1893:25c8:1946]/",
    "NAT64 of a public address": "http://[64:ff9b::5db8:d822]/",
    "mapped public": "http://[::ffff:93.184.216.34]/",
    "IDN": "https://例子.测试/",
    "explicit default port": "https://example.com:443/a",
}


@pytest.mark.parametrize("url", list(ACCEPTED.values()), ids=list(ACCEPTED))
def test_default_configuration_accepts_public_destinations(url: str) -> None:
    check_url(url, DEFAULT)


INVALID = {
    "ftp": "ftp://example.com/",
    "file": "file:///etc/passwd",
    "gopher": "gopher://127.0.0.1:6379/_INFO",
    "javascript": "javascript:alert(1)",
    "no host": "http:///path",
    "five parts": "http://1.2.3.4.5/",
    "part over 255": "http://256.1.1.1/",
    "bad octal": "http://09.1.1.1/",
    "port out of range": "http://example.com:70000/",
    "space in host": "http://exa mple.com/",
    "unterminated v6": "http://[::1/",
}


@pytest.mark.parametrize("url", list(INVALID.values()), ids=list(INVALID))
def test_unusable_urls_are_invalid(url: str) -> None:
    with pytest.raises(InvalidUrlError):
        check_url(url, DEFAULT)


def test_userinfo_is_dropped_from_what_is_requested() -> None:
    dest = parse_url("https://alice:secret@Example.COM/a b?q=1#frag")
    assert dest.url == "https://example.com/a%20b?q=1"
    assert "alice" not in dest.url and "secret" not in dest.host_header


def test_idn_hosts_are_sent_as_punycode() -> None:
    assert parse_url("https://Bücher.de/").host == "xn--bcher-kva.de"


def test_extra_ports_are_allowed_only_when_configured() -> None:
    settings = FetchSettings(extra_ports=(8080,))
    assert check_url("http://example.com:8080/", settings).port == 8080
    with pytest.raises(DestinationRefused):
        check_url("http://example.com:8081/", settings)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1/", "http://127.1/", "http://[::1]/", "http://localhost/", "http://[::ffff:127.0.0.1]/"]
)
def test_allow_loopback_opens_loopback(url: str) -> None:
    check_url(url, FetchSettings(allow_loopback=True))


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://192.168.0.1/",
        "http://169.254.169.254/",
        "http://[fd00:ec2::254]/",
        "http://[fe80::1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
    ],
)
def test_allow_loopback_opens_nothing_else(url: str) -> None:
    with pytest.raises(DestinationRefused):
        check_url(url, FetchSettings(allow_loopback=True))


def test_every_resolved_address_is_checked() -> None:
    dest = check_url("http://rebind.example/", DEFAULT)
    with pytest.raises(DestinationRefused, match=r"10\.0\.0\.7"):
        resolve_checked(dest, DEFAULT, lambda host, port: ["93.184.216.34", "10.0.0.7"])


def test_resolver_answers_in_odd_forms_are_checked_too() -> None:
    dest = check_url("http://rebind.example/", DEFAULT)
    for answer in ("::ffff:169.254.169.254", "fe80::1%eth0", "::1"):
        with pytest.raises(DestinationRefused):
            resolve_checked(dest, DEFAULT, lambda host, port, a=answer: [a])


def test_mapped_answers_are_connected_to_as_ipv4() -> None:
    dest = check_url("http://example.com/", DEFAULT)
    [address] = resolve_checked(dest, DEFAULT, lambda host, port: ["::ffff:93.184.216.34"])
    assert str(address) == "93.184.216.34"


def test_ip_literals_need_no_resolver() -> None:
    dest = check_url("http://93.184.216.34/", DEFAULT)

    def no_dns(host: str, port: int) -> list[str]:
        raise AssertionError("DNS must not be asked about an IP literal")

    assert [str(a) for a in resolve_checked(dest, DEFAULT, no_dns)] == ["93.184.216.34"]


def test_refusal_names_the_embedded_teredo_client() -> None:
    with pytest.raises(DestinationRefused, match=r"client 127\.0\.0\.1"):
        check_url(REFUSED["Teredo loopback client"], DEFAULT)
