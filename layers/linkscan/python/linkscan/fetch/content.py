"""What a response is: its media type, whether it is text, whether it is an app package, and
whether an HTML page redirects the browser on its own (meta refresh, JavaScript location)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from email.message import Message
from urllib.parse import unquote, urlsplit

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"application/json", "application/xml", "application/javascript", "application/ecmascript"})
APK_TYPES = frozenset({"application/vnd.android.package-archive"})
IPA_TYPES = frozenset({"application/x-itunes-ipa", "application/x-ios-app", "application/x-ipa"})
_GENERIC_BINARY = frozenset(
    {"application/octet-stream", "application/zip", "application/x-zip-compressed", "binary/octet-stream"}
)


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """(media type lowercased, charset parameter) from a Content-Type header."""
    if not value:
        return None, None
    message = Message()
    message["content-type"] = value
    media = message.get_content_type() if "/" in value.split(";", 1)[0] else None
    charset = message.get_param("charset")
    return media, charset if isinstance(charset, str) else None


def is_textual(media: str | None) -> bool:
    if media is None:
        return False
    return media.startswith("text/") or media in HTML_TYPES or media in _TEXT_TYPES or media.endswith(("+json", "+xml"))


def sniff_media(body: bytes) -> str:
    """Media type for a response without Content-Type, from its first bytes."""
    head = body[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<script")):
        return "text/html"
    if body.startswith(b"PK\x03\x04"):
        return "application/zip"
    if b"\x00" in body[:1024]:
        return "application/octet-stream"
    return "text/plain"


def download_filename(content_disposition: str | None) -> str | None:
    if not content_disposition:
        return None
    message = Message()
    message["content-disposition"] = content_disposition
    name = message.get_filename()
    return unquote(name) if name else None


def app_package(media: str | None, url: str, content_disposition: str | None) -> str | None:
    """ "apk" or "ipa" when the response is an app installer, by type, file name or URL path."""
    if media in APK_TYPES:
        return "apk"
    if media in IPA_TYPES:
        return "ipa"
    if media is not None and media not in _GENERIC_BINARY and is_textual(media):
        return None
    for name in (download_filename(content_disposition), urlsplit(url).path):
        if not name:
            continue
        lowered = name.lower()
        if lowered.endswith(".apk"):
            return "apk"
        if lowered.endswith(".ipa"):
            return "ipa"
    return None


# --- client-side redirects --------------------------------------------------------------------
# Tags are found with str.find and short anchored patterns, not one regex spanning a whole tag:
# a regex like <meta[^>]*?...[^>]*> rescans the rest of the text from every "<meta" that never
# closes, which is cubic on a page of repeated unclosed tags. Every quantifier that sits beside
# another one over the same characters is possessive, so a failed match never backtracks.

_META_OPEN = re.compile(r"<meta\b", re.I)
_SCRIPT_OPEN = re.compile(r"<script\b", re.I)
_SCRIPT_CLOSE = re.compile(r"</script\s*+>", re.I)
_REFRESH_EQUIV = re.compile(r"""http-equiv\s*+=\s*+["']?refresh""", re.I)
_CONTENT_ATTR = re.compile(r"""content\s*+=\s*+(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_REFRESH_URL = re.compile(r"""\s*+[\d.]*+\s*+[;,]\s*+(?:url\s*+=\s*+)?["']?([^"']+)""", re.I)
# location = "...", location.href = '...', window/top/self/document/parent.location..., and the
# location.replace("...") / .assign("...") calls. Only string literals: no JavaScript is executed.
_JS_LOCATION = re.compile(
    r"""(?:\b(?:window|top|self|document|parent)\s*+\.\s*+)?\blocation"""
    r"""(?:\s*+\.\s*+href)?\s*+(?:=(?!=)\s*+|\.\s*+(?:replace|assign)\s*+\(\s*+)"""
    r"""(["'])([^"'\\\n]{1,2000}+)\1""",
    re.I,
)
_CLIENT_REDIRECT_SCAN = 64 * 1024  # redirect stubs are small; do not scan whole pages


def _meta_tags(text: str) -> Iterator[str]:
    """Each <meta ...> tag, up to its first ">"; tags never overlap, so the scan is linear."""
    position = 0
    while (start := _META_OPEN.search(text, position)) is not None:
        end = text.find(">", start.end())
        if end < 0:
            return  # no tag after this one can close either
        yield text[start.start() : end + 1]
        position = end + 1


def _scripts(text: str) -> Iterator[str]:
    """The content of each <script>...</script> element (an unclosed script ends the scan)."""
    position = 0
    while (start := _SCRIPT_OPEN.search(text, position)) is not None:
        body = text.find(">", start.end())
        if body < 0:
            return
        close = _SCRIPT_CLOSE.search(text, body + 1)
        if close is None:
            return
        yield text[body + 1 : close.start()]
        position = close.end()


def client_redirect(text: str) -> tuple[str, str] | None:
    """(kind, target) of the first meta refresh or JavaScript location redirect, or None."""
    head = text[:_CLIENT_REDIRECT_SCAN]
    for tag in _meta_tags(head):
        if _REFRESH_EQUIV.search(tag) is None:
            continue
        content = _CONTENT_ATTR.search(tag)
        if not content:
            continue
        value = html.unescape(next(g for g in content.groups() if g is not None))
        match = _REFRESH_URL.match(value)
        if match and match.group(1).strip():
            return "meta_refresh", match.group(1).strip()
    for script in _scripts(head):
        match = _JS_LOCATION.search(script)
        if match:
            return "javascript", match.group(2).strip()
    return None
