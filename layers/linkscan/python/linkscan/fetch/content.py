"""What a response is: its media type, whether it is text, whether it is an app package, and
whether an HTML page redirects the browser on its own (meta refresh, JavaScript location)."""

from __future__ import annotations

import html
import re
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

_META_REFRESH = re.compile(
    r"""<meta\b[^>]*?http-equiv\s*=\s*["']?refresh["']?[^>]*>""",
    re.I,
)
_CONTENT_ATTR = re.compile(r"""content\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_REFRESH_URL = re.compile(r"""^\s*[\d.]*\s*[;,]\s*(?:url\s*=\s*)?["']?([^"']+)""", re.I)
# location = "...", location.href = '...', window/top/self/document/parent.location..., and the
# location.replace("...") / .assign("...") calls. Only string literals: no JavaScript is executed.
_JS_LOCATION = re.compile(
    r"""(?:\b(?:window|top|self|document|parent)\s*\.\s*)?\blocation"""
    r"""(?:\s*\.\s*href)?\s*(?:=(?!=)\s*|\.\s*(?:replace|assign)\s*\(\s*)"""
    r"""(["'])([^"'\\\n]{1,2000})\1""",
    re.I,
)
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.I | re.S)
_CLIENT_REDIRECT_SCAN = 64 * 1024  # redirect stubs are small; do not regex-scan whole pages


def client_redirect(text: str) -> tuple[str, str] | None:
    """(kind, target) of the first meta refresh or JavaScript location redirect, or None."""
    head = text[:_CLIENT_REDIRECT_SCAN]
    for tag in _META_REFRESH.finditer(head):
        content = _CONTENT_ATTR.search(tag.group(0))
        if not content:
            continue
        value = html.unescape(next(g for g in content.groups() if g is not None))
        match = _REFRESH_URL.match(value)
        if match and match.group(1).strip():
            return "meta_refresh", match.group(1).strip()
    for script in _SCRIPT.finditer(head):
        match = _JS_LOCATION.search(script.group(1))
        if match:
            return "javascript", match.group(2).strip()
    return None
