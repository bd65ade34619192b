"""Safe Browsing v4 URL canonicalization and lookup expressions.

One canonical form is the key of everything the blocklist does: a target's id, the expressions that are
listed, and the expressions a lookup tries. Both sides compute them with this module, so a URL matches a
listing exactly when Safe Browsing's client would match it.

The algorithm follows the "URLs and hashing" section of the Safe Browsing v4 API: strip tab/CR/LF and the
fragment, percent-unescape until nothing changes, normalize host and path, then percent-escape bytes
<= 0x20, >= 0x7f, '#' and '%'. Two deliberate additions: internationalized host labels become punycode
(so "bücher.example" and "xn--bcher-kva.example" are one listing), and non-http(s) URLs are rejected
instead of being treated as paths.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from urllib.parse import unquote_to_bytes

from linkscan.errors import InvalidUrlError

MAX_HOST_SUFFIXES = 5  # the exact host + 4 suffixes built from its last 5 components
MAX_PATH_PREFIXES = 4  # "/" and up to three more directory prefixes, besides the two exact paths

_ALLOWED_SCHEMES = frozenset({b"http", b"https"})
# Schemes that never name a web page. "javascript:1" would otherwise read as host "javascript", port 1.
_NON_WEB_SCHEMES = frozenset({b"javascript", b"vbscript", b"data", b"mailto", b"tel", b"file", b"about", b"blob"})
_SCHEME = re.compile(rb"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_PORT = re.compile(rb"^[0-9]{0,5}$")
_POSSIBLE_IPV4 = re.compile(r"^(?:0x[0-9a-f]*|[0-9.])+$")
_DOTS = re.compile(rb"\.{2,}")
# Full-width and ideographic full stops separate labels in IDNA (UTS #46), like "."
_IDEOGRAPHIC_DOTS = ("\u3002", "\uff0e", "\uff61")
# Bytes Safe Browsing escapes: controls and space, DEL and above, '#' and '%'.
_ESCAPE_TABLE = tuple(f"%{b:02X}" if b <= 0x20 or b >= 0x7F or b in (0x23, 0x25) else chr(b) for b in range(256))


def canonicalize(url: str) -> str:
    """The Safe Browsing canonical form of ``url``, scheme included ("http://www.google.com/").

    A URL without a scheme is taken as http, as Safe Browsing does. Raises InvalidUrlError for anything
    that cannot be a web URL: another scheme, no host, a malformed port.
    """
    scheme, host, path, query = _split(url)
    canonical = scheme + b"://" + host + path + (b"" if query is None else b"?" + query)
    return _escape(canonical)


def url_expressions(url: str) -> list[str]:
    """The host-suffix / path-prefix expressions (no scheme) a Safe Browsing client looks up, in its order.

    At most 5 hosts x 6 paths = 30 expressions, duplicates removed.
    """
    _, host, path, query = _split(url)
    host_text = _escape(host)
    path_text = _escape(path)
    query_text = None if query is None else _escape(query)
    expressions: list[str] = []
    seen: set[str] = set()
    for host_variant in host_suffixes(host_text):
        for path_variant in path_prefixes(path_text, query_text):
            expression = host_variant + path_variant
            if expression not in seen:
                seen.add(expression)
                expressions.append(expression)
    return expressions


def host_suffixes(host: str) -> list[str]:
    """The exact canonical host, then up to 4 suffixes from its last 5 components (never of an IP)."""
    if is_ip_host(host):
        return [host]
    components = host.split(".")
    suffixes = [host]
    start = max(1, len(components) - MAX_HOST_SUFFIXES)
    for index in range(start, len(components) - 1):  # a suffix keeps at least two components
        suffixes.append(".".join(components[index:]))
    return suffixes


def path_prefixes(path: str, query: str | None) -> list[str]:
    """Exact path with query, exact path, then "/" and successive directory prefixes (4 at most)."""
    prefixes: list[str] = []
    if query is not None:
        prefixes.append(f"{path}?{query}")
    prefixes.append(path)
    directories = path.split("/")[1:-1]  # the last component is a file name (or "" for a directory)
    current = "/"
    candidates = [current]
    for directory in directories[: MAX_PATH_PREFIXES - 1]:
        current += directory + "/"
        candidates.append(current)
    prefixes.extend(candidate for candidate in candidates if candidate not in prefixes)
    return prefixes


def is_ip_host(host: str) -> bool:
    """Whether a canonical host is an IP literal (dotted-quad IPv4 or bracketed IPv6)."""
    if host.startswith("["):
        return True
    parts = host.split(".")
    return len(parts) == 4 and all(part.isdigit() for part in parts)


def expression_hash(expression: str) -> bytes:
    """The SHA-256 digest of an expression: the key under which it is listed."""
    return hashlib.sha256(expression.encode("utf-8")).digest()


def target_id_for_url(canonical_url: str) -> str:
    """A short stable id of a canonical URL: "u" + the first 32 hex characters of its SHA-256."""
    return "u" + hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:32]


# ---------------------------------------------------------------------------------------------- internals


def _split(url: str) -> tuple[bytes, bytes, bytes, bytes | None]:
    """Scheme, canonical host, canonical path and raw query (None when there is no '?'), all unescaped."""
    if not isinstance(url, str):
        raise InvalidUrlError("a URL must be a string")
    text = url.split("#", 1)[0].strip()
    text = text.replace("\t", "").replace("\r", "").replace("\n", "")
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidUrlError("the URL is not valid Unicode") from exc
    raw = _unescape_fully(raw)

    scheme, rest = _take_scheme(raw)
    rest, separator, query = rest.partition(b"?")
    authority, slash, path = rest.partition(b"/")
    host = _canonical_host(authority)
    return scheme, host, _canonical_path(slash + path), query if separator else None


def _unescape_fully(raw: bytes) -> bytes:
    """Percent-unescape until the text no longer changes (each round peels one layer of escaping)."""
    while b"%" in raw:
        unescaped = unquote_to_bytes(raw)
        if unescaped == raw:
            break
        raw = unescaped
    return raw


def _take_scheme(raw: bytes) -> tuple[bytes, bytes]:
    match = _SCHEME.match(raw)
    if match and match.group(1).lower() in _NON_WEB_SCHEMES:
        raise InvalidUrlError(f"only http and https URLs can be checked, not {match.group(1).lower().decode()}:")
    # "host:8080/path" has no scheme: what follows the colon is a port.
    if match and not raw[match.end() :][:1].isdigit():
        scheme = match.group(1).lower()
        if scheme not in _ALLOWED_SCHEMES:
            raise InvalidUrlError(f"only http and https URLs can be checked, not {scheme.decode(errors='replace')}:")
        rest = raw[match.end() :]
        if not rest.startswith(b"//"):
            raise InvalidUrlError("an http(s) URL needs '//' and a host after the scheme")
        return scheme, rest[2:]
    if raw.startswith(b"//"):  # scheme-relative
        return b"http", raw[2:]
    return b"http", raw


def _canonical_host(authority: bytes) -> bytes:
    host = authority.rpartition(b"@")[2]  # user information never identifies the site
    if host.startswith(b"["):
        end = host.find(b"]")
        if end < 0:
            raise InvalidUrlError("unterminated IPv6 address in the host")
        port = host[end + 1 :]
        if port and not (port.startswith(b":") and _PORT.match(port[1:])):
            raise InvalidUrlError("the port is not a number")
        return _canonical_ipv6(host[1:end])
    host, colon, port = host.partition(b":")
    if colon and (not _PORT.match(port) or (port and int(port) > 65535)):
        raise InvalidUrlError("the port is not a number between 0 and 65535")
    try:
        text = host.decode("utf-8")
    except UnicodeDecodeError:
        # Not text: keep the bytes (they are escaped on output).
        host = _DOTS.sub(b".", host.strip(b".")).lower()
        if not host or b"[" in host or b"]" in host:
            raise InvalidUrlError("the URL has no valid host") from None
        return host
    for dot in _IDEOGRAPHIC_DOTS:
        text = text.replace(dot, ".")
    text = re.sub(r"\.{2,}", ".", text.strip("."))
    if not text:
        raise InvalidUrlError("the URL has no host")
    if "[" in text or "]" in text:  # brackets only ever enclose a whole IPv6 address
        raise InvalidUrlError("the host is not a valid IPv6 address")
    ipv4 = _parse_ipv4(text.lower())
    if ipv4 is not None:
        return ipv4.encode("ascii")
    if text.isascii():
        return text.lower().encode("ascii")
    return _punycode(text)


def _punycode(text: str) -> bytes:
    """IDNA-encode the non-ASCII labels; a label IDNA rejects is kept as (lowercased) UTF-8."""
    import idna  # lazy: only internationalized hosts pay for the IDNA tables

    labels = []
    for label in text.split("."):
        if label.isascii():
            labels.append(label.lower().encode("ascii"))
            continue
        try:
            labels.append(idna.encode(label, uts46=True))
        except (idna.IDNAError, UnicodeError):
            labels.append(label.lower().encode("utf-8"))
    return b".".join(labels)


def _parse_ipv4(host: str) -> str | None:
    """Dotted quad for decimal, octal, hex and short-form IPv4 hosts ("3279880203", "0x7f.1"), else None."""
    if not _POSSIBLE_IPV4.match(host):
        return None
    parts = host.split(".")
    if len(parts) > 4:
        return None
    values: list[int] = []
    for part in parts:
        value = _parse_ipv4_number(part)
        if value is None:
            return None
        values.append(value)
    *leading, last = values
    if any(value > 255 for value in leading) or last >= 256 ** (5 - len(values)):
        return None
    number = last
    for position, value in enumerate(leading):
        number |= value << (8 * (3 - position))
    return ".".join(str((number >> shift) & 0xFF) for shift in (24, 16, 8, 0))


def _parse_ipv4_number(part: str) -> int | None:
    try:
        if part.startswith("0x"):
            return int(part[2:], 16) if len(part) > 2 else 0
        if len(part) > 1 and part.startswith("0"):
            return int(part, 8)
        return int(part, 10)
    except ValueError:
        return None


def _canonical_ipv6(address: bytes) -> bytes:
    try:
        parsed = ipaddress.IPv6Address(address.decode("ascii"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidUrlError("the host is not a valid IPv6 address") from exc
    return b"[" + parsed.compressed.encode("ascii") + b"]"


def _canonical_path(path: bytes) -> bytes:
    """Resolve "." and "..", collapse repeated slashes; a trailing slash (or "."/"..") keeps a directory."""
    segments = path.split(b"/")
    is_directory = path == b"" or segments[-1] in (b"", b".", b"..")
    kept: list[bytes] = []
    for segment in segments:
        if segment in (b"", b"."):
            continue
        if segment == b"..":
            if kept:
                kept.pop()
            continue
        kept.append(segment)
    if not kept:
        return b"/"
    return b"/" + b"/".join(kept) + (b"/" if is_directory else b"")


def _escape(raw: bytes) -> str:
    return "".join([_ESCAPE_TABLE[byte] for byte in raw])
