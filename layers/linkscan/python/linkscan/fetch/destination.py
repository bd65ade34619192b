"""Parse a URL the way browsers do and decide, before any socket exists, whether it may be fetched.

Safety does not depend on agreeing with other URL parsers: the fetcher never hands the raw URL to
anything else. It connects to an address this module checked, and sends a request line built from
this module's own parse. Hosts are read with the WHATWG rules (percent-decoding, IDNA mapping,
full-width characters, the permissive IPv4 parser that accepts 2130706433, 0177.0.0.1, 0x7f.1, 127.1).
"""

from __future__ import annotations

import re
import socket
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from linkscan.errors import InvalidUrlError, LinkscanError
from linkscan.fetch.addresses import IPAddress, classify, parse_ip
from linkscan.settings import FetchSettings

DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters WHATWG forbids in a host after percent-decoding (plus all controls and spaces).
_FORBIDDEN_HOST_CHARS = re.compile(r"[\x00-\x20\x7f#%/:<>?@\[\\\]^|]")
# Dots that IDNA (UTS #46) maps to "." — full-width, ideographic and half-width ideographic.
_DOT_VARIANTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
# Names that always mean this machine (RFC 6761); refused without asking DNS.
_LOCAL_NAMES = re.compile(r"(^|\.)localhost\.?$")

Resolver = Callable[[str, int], Sequence[str]]


class DestinationRefused(LinkscanError):
    """The URL points somewhere the scanner must never connect to (outcome ``blocked_destination``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Destination:
    """A parsed, normalized http(s) URL. ``host`` is ASCII (punycode) or an IP in canonical form."""

    scheme: str
    host: str
    port: int
    target: str  # request target: path and query, never the fragment
    ip: IPAddress | None  # set when the host is an IP literal

    @property
    def url(self) -> str:
        """The URL as the fetcher will request it: no userinfo, no fragment, default port omitted."""
        return urlunsplit((self.scheme, self.host_header, self.target, "", ""))

    @property
    def host_header(self) -> str:
        """Host header value; the same host name is used for TLS SNI and certificate verification."""
        host = f"[{self.host}]" if self.ip is not None and self.ip.version == 6 else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"


def parse_url(url: str) -> Destination:
    """Parse and normalize; raise InvalidUrlError for anything that is not a usable http(s) URL."""
    url = url.strip().replace("\\", "/")  # browsers treat "\" as "/" in http(s) URLs
    url = re.sub(r"[\t\n\r]", "", url)
    try:
        parts = urlsplit(url)
        raw_port = parts.port
    except ValueError as exc:
        raise InvalidUrlError(f"unparseable URL: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise InvalidUrlError(f"scheme {scheme or '(none)'!r} is not http or https")
    hostname = parts.netloc.rpartition("@")[2]  # userinfo is dropped: it is never sent anywhere
    hostname = _strip_port(hostname)
    if not hostname:
        raise InvalidUrlError("URL has no host")
    host, ip = normalize_host(hostname)
    port = DEFAULT_PORTS[scheme] if raw_port is None else raw_port
    if not 0 < port < 65536:
        raise InvalidUrlError(f"port {port} out of range")
    target = parts.path or "/"
    if parts.query:
        target = f"{target}?{parts.query}"
    return Destination(scheme, host, port, _quote_target(target), ip)


def _strip_port(netloc_host: str) -> str:
    if netloc_host.startswith("["):
        return netloc_host[: netloc_host.find("]") + 1] if "]" in netloc_host else netloc_host
    return netloc_host.rsplit(":", 1)[0] if ":" in netloc_host else netloc_host


def _quote_target(target: str) -> str:
    """Percent-encode what may not appear raw on the request line (spaces, non-ASCII, controls)."""
    return "".join(ch if 0x21 <= ord(ch) < 0x7F else "".join(f"%{b:02X}" for b in ch.encode("utf-8")) for ch in target)


def normalize_host(raw: str) -> tuple[str, IPAddress | None]:
    """Browser-style host normalization. Returns (host, ip) where ip is set for IP literals."""
    if raw.startswith("["):
        if not raw.endswith("]"):
            raise InvalidUrlError(f"unterminated IPv6 literal {raw!r}")
        inner = unquote(raw[1:-1])  # a zone id may be written %25eth0
        try:
            ip = parse_ip(inner)
        except ValueError as exc:
            raise InvalidUrlError(f"bad IPv6 literal {raw!r}") from exc
        if ip.version != 6:
            raise InvalidUrlError(f"bracketed host {raw!r} is not IPv6")
        return str(ip), ip
    host = unquote(raw)
    host = unicodedata.normalize("NFKC", host).translate(_DOT_VARIANTS)
    host = host.lower()
    if _FORBIDDEN_HOST_CHARS.search(host):
        raise InvalidUrlError(f"forbidden character in host {raw!r}")
    host = _to_ascii(host)
    if _ends_in_number(host):
        value = parse_ipv4(host)
        if value is None:
            raise InvalidUrlError(f"host {raw!r} looks numeric but is not a valid IPv4 address")
        ip = parse_ip(str(value))
        return str(ip), ip
    host = host.rstrip(".")
    if not host or ".." in host:
        raise InvalidUrlError(f"empty label in host {raw!r}")
    return host, None


def _to_ascii(host: str) -> str:
    if host.isascii():
        return host
    import idna

    try:
        return idna.encode(host, uts46=True, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError) as exc:
        raise InvalidUrlError(f"host {host!r} is not a valid internationalized name") from exc


def _ends_in_number(host: str) -> bool:
    labels = host.split(".")
    if labels[-1] == "" and len(labels) > 1:
        labels.pop()
    last = labels[-1]
    if last.isdigit() and last.isascii():
        return True
    return bool(re.fullmatch(r"0[xX][0-9a-fA-F]*", last))


def parse_ipv4(host: str) -> IPAddress | None:
    """The WHATWG IPv4 parser: 1 to 4 parts, each decimal, octal (leading 0) or hex (0x)."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if len(parts) > 4:
        return None
    numbers = []
    for part in parts:
        number = _ipv4_number(part)
        if number is None:
            return None
        numbers.append(number)
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return None
    value = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        value += number * 256 ** (3 - index)
    return parse_ip(str(_int_to_v4(value)))


def _int_to_v4(value: int) -> str:
    return ".".join(str((value >> shift) & 0xFF) for shift in (24, 16, 8, 0))


def _ipv4_number(part: str) -> int | None:
    if part == "":
        return None
    radix = 10
    if part[:2] in ("0x", "0X"):
        radix, part = 16, part[2:]
    elif len(part) > 1 and part.startswith("0"):
        radix, part = 8, part[1:]
    if part == "":
        return 0
    digits = {10: "0123456789", 8: "01234567", 16: "0123456789abcdefABCDEF"}[radix]
    if any(ch not in digits for ch in part):
        return None
    return int(part, radix)


def check_url(url: str, settings: FetchSettings | None = None) -> Destination:
    """Parse and apply every check that needs no DNS: scheme, port, local names, literal IPs.

    Raises InvalidUrlError or DestinationRefused. A hostname that passes must still have each
    resolved address checked (``resolve_checked``) before connecting.
    """
    settings = settings or FetchSettings()
    dest = parse_url(url)
    allowed_ports = {80, 443, *settings.extra_ports}
    if dest.port not in allowed_ports and not _local_loopback(dest, settings):
        raise DestinationRefused(f"port {dest.port} is not allowed")
    if dest.ip is not None:
        check_address(dest.ip, settings)
    elif _LOCAL_NAMES.search(dest.host) and not settings.allow_loopback:
        raise DestinationRefused(f"{dest.host} always means this machine")
    return dest


def _local_loopback(dest: Destination, settings: FetchSettings) -> bool:
    """The local-only loopback setting opens every port, of loopback destinations only (a test server's)."""
    if not settings.allow_loopback:
        return False
    if dest.ip is None:
        return bool(_LOCAL_NAMES.search(dest.host))
    ip = getattr(dest.ip, "ipv4_mapped", None) or dest.ip
    return bool(ip.is_loopback)


def check_address(ip: IPAddress, settings: FetchSettings) -> IPAddress:
    """Refuse a forbidden address; return the address to connect to (IPv4-mapped ones unwrapped)."""
    verdict = classify(ip, allow_loopback=settings.allow_loopback)
    if not verdict.allowed:
        raise DestinationRefused(verdict.reason)
    return verdict.connect_to


def system_resolver(host: str, port: int) -> list[str]:
    """Every address getaddrinfo gives for a TCP connection, in its order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def resolve_checked(dest: Destination, settings: FetchSettings, resolver: Resolver) -> list[IPAddress]:
    """Resolve once and check EVERY address; the caller connects only to what this returns.

    One bad address refuses the whole name: a rebinding name that mixes a public and a private
    answer is hostile, and connecting only to the "good" one would still reward it.
    """
    if dest.ip is not None:
        return [check_address(dest.ip, settings)]
    answers = resolver(dest.host, dest.port)
    if not answers:
        raise OSError(f"no addresses for {dest.host}")
    checked: list[IPAddress] = []
    for answer in answers:
        try:
            ip = parse_ip(answer)
        except ValueError as exc:
            raise DestinationRefused(f"{dest.host} resolved to unparseable address {answer!r}") from exc
        connect_to = check_address(ip, settings)
        if connect_to not in checked:
            checked.append(connect_to)
    return checked
