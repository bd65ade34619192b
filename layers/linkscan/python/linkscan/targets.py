"""The URL a target is scanned at, and its stable id.

Safe Browsing canonicalization (linkscan.canonical) drops the port, which is right for list matching
(expressions never carry a port) but not for fetching: a page on :8080 is another server. The target
keeps a non-default port on top of the canonical form.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from linkscan.canonical import canonicalize, target_id_for_url
from linkscan.errors import InvalidUrlError

DEFAULT_PORTS = {"http": 80, "https": 443}


def target_url(url: str) -> str:
    """Canonical URL (Safe Browsing form) with the original's non-default port kept."""
    canonical = canonicalize(url)
    try:
        port = urlsplit(url.strip()).port
    except ValueError as exc:
        raise InvalidUrlError(f"the port is not valid: {exc}") from exc
    scheme, rest = canonical.split("://", 1)
    if port is None or port == DEFAULT_PORTS.get(scheme):
        return canonical
    host, slash, path = rest.partition("/")
    return f"{scheme}://{host}:{port}{slash}{path}"


def target_id(url: str) -> tuple[str, str]:
    """(target id, target url) of a submitted URL."""
    scanned = target_url(url)
    return target_id_for_url(scanned), scanned
