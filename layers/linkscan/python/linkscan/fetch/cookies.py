"""One scan's cookie jar: cookies set on one hop go back on the next, scoped as browsers scope them.

``http.cookiejar`` does the RFC 6265-style work (domain and path matching, expiry, Secure only over
https, host-only cookies without a Domain attribute). What browsers add on top, and this policy adds:
a cookie for a public suffix (``Domain=com.cn``, ``Domain=github.io``) is refused, so one site cannot
set cookies for its neighbours; a ``Secure`` cookie set over plain http is refused; a ``Domain``
attribute on a response from an IP address must be that address.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import urllib.request
from functools import cache

from linkscan.canonical import is_ip_host

# Beyond what any real visit needs, and a bound on the Cookie header a hostile chain can build up.
MAX_COOKIES = 64


@cache
def _public_suffixes():  # type: ignore[no-untyped-def]
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


def is_public_suffix(domain: str) -> bool:
    return bool(_public_suffixes().is_public(domain.lstrip(".").lower()))


class BrowserCookiePolicy(http.cookiejar.DefaultCookiePolicy):
    def set_ok(self, cookie: http.cookiejar.Cookie, request: urllib.request.Request) -> bool:
        if not super().set_ok(cookie, request):
            return False
        host = http.cookiejar.request_host(request).lower()  # type: ignore[attr-defined]
        if cookie.secure and request.type != "https":
            return False
        if cookie.domain_specified:
            domain = cookie.domain.lstrip(".").lower()
            if is_ip_host(host):
                return domain == host
            if is_public_suffix(domain) and domain != host:
                return False
        return True


class ScanCookies:
    """A fresh jar for one fetch. ``header_for`` before a request, ``store`` after its response."""

    def __init__(self) -> None:
        self._jar = http.cookiejar.CookieJar(BrowserCookiePolicy())

    def header_for(self, url: str) -> str | None:
        request = urllib.request.Request(url)  # noqa: S310 -- read by the jar, never opened
        self._jar.add_cookie_header(request)
        return request.get_header("Cookie") or request.unredirected_hdrs.get("Cookie")

    def store(self, url: str, response_headers: http.client.HTTPMessage) -> None:
        if len(self._jar) >= MAX_COOKIES:
            return
        request = urllib.request.Request(url)  # noqa: S310 -- read by the jar, never opened
        self._jar.extract_cookies(_Received(response_headers), request)  # type: ignore[arg-type]

    def __len__(self) -> int:
        return len(self._jar)


class _Received:
    """What ``CookieJar.extract_cookies`` reads of a response: its headers."""

    def __init__(self, headers: http.client.HTTPMessage) -> None:
        self._headers = headers

    def info(self) -> http.client.HTTPMessage:
        return self._headers
