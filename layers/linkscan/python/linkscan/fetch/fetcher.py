"""fetch(): follow a URL through its redirects, safely and within bounds, into a FetchResult.

Every hop — HTTP redirects and client-side (meta refresh, JavaScript location) ones alike — goes
through the same destination check, the same pinned connection and the same caps. Network trouble
becomes an outcome; this module does not raise for it.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from linkscan.errors import InvalidUrlError
from linkscan.fetch.addresses import EC2_METADATA_V6, PRIVATE_PROXY_NETWORKS, IPAddress, classify, parse_ip
from linkscan.fetch.connection import (
    PinnedHTTPConnection,
    PinnedHTTPSConnection,
    ProxyRoute,
    resolve_within,
    tls_context,
)
from linkscan.fetch.content import (
    HTML_TYPES,
    app_package,
    client_redirect,
    is_textual,
    parse_content_type,
    sniff_media,
)
from linkscan.fetch.cookies import ScanCookies
from linkscan.fetch.decode import BodyDecoder, CorruptEncoding, UnsupportedEncoding, decode_body
from linkscan.fetch.destination import (
    Destination,
    DestinationRefused,
    Resolver,
    check_url,
    parse_url,
    resolve_checked,
    system_resolver,
)
from linkscan.fetch.profiles import FetchProfile, load_profiles, referer_for
from linkscan.fetch.result import FetchResult
from linkscan.models import Hop, Outcome, PartialReason
from linkscan.settings import FetchSettings

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Binary bodies are not analyzed: read enough to identify them, not the whole installer.
BINARY_SNIFF_BYTES = 64 * 1024
_SNIFF_BYTES = 1024  # what sniff_media looks at
_CHUNK = 64 * 1024


class FetchFailure(Exception):
    """Internal: a hop ended in a non-ok outcome."""

    def __init__(self, outcome: Outcome, detail: str, status: int | None = None) -> None:
        super().__init__(detail)
        self.outcome: Outcome = outcome
        self.detail = detail
        self.status = status


class Deadline:
    """The whole scan's time budget, shared by every hop."""

    def __init__(self, seconds: float) -> None:
        self._end = time.monotonic() + seconds
        self.seconds = seconds

    def remaining(self) -> float:
        return self._end - time.monotonic()

    def bound(self, timeout: float) -> float:
        """A per-operation timeout cut to what is left of the deadline."""
        left = self.remaining()
        if left <= 0:
            raise FetchFailure("timeout", f"deadline of {self.seconds:g}s reached")
        return min(timeout, left)


@dataclass
class _Response:
    status: int
    headers: dict[str, str]
    body: bytes
    truncated: bool
    detail: str | None
    partial: PartialReason | None = None


def fetch(
    url: str,
    settings: FetchSettings,
    *,
    resolver: Resolver | None = None,
    ca_file: str | None = None,
    profile: str | None = None,
    binary_bytes: int = BINARY_SNIFF_BYTES,
) -> FetchResult:
    """Fetch ``url`` and every redirect after it. Never raises for network or content trouble.

    ``profile`` names a fetch profile (default: ``settings.profile``, else profiles.yaml's default);
    ``resolver`` replaces getaddrinfo (tests); ``ca_file`` replaces the CA bundle (tests);
    ``binary_bytes`` is how much of a binary body to read (images to inspect need more than a sniff).
    """
    started = time.monotonic()
    chosen = load_profiles().get(profile or settings.profile)
    run = _Scan(settings, resolver or system_resolver, ca_file, chosen)
    run.binary_bytes = binary_bytes
    result = run.follow(url)
    result.profile = chosen.name
    result.elapsed_ms = int((time.monotonic() - started) * 1000)
    return result


class _Scan:
    def __init__(self, settings: FetchSettings, resolver: Resolver, ca_file: str | None, profile: FetchProfile) -> None:
        self.settings = settings
        self.profile = profile
        self.cookies = ScanCookies()  # one visitor: a fresh jar for every fetch
        self.referer: str | None = None  # a link opened from a chat has none
        self._proxy: ProxyRoute | None = None
        self._proxy_checked = False
        self.resolver = resolver
        self.ca_file = ca_file
        self.deadline = Deadline(settings.deadline)
        self.hops: list[Hop] = []
        self._tls: ssl.SSLContext | None = None
        self.binary_bytes = BINARY_SNIFF_BYTES

    def follow(self, url: str) -> FetchResult:
        current, kind = url, "http"
        redirects = 0
        while True:
            try:
                dest = check_url(current, self.settings)
                response = self._exchange(dest)
            except (InvalidUrlError, DestinationRefused, FetchFailure) as exc:
                return self._failed(url, current, kind, exc)
            self.hops.append(Hop(url=dest.url, status=response.status, kind=kind))  # type: ignore[arg-type]
            location = response.headers.get("location")
            if response.status in REDIRECT_STATUSES and location:
                if redirects >= self.settings.max_redirects:
                    return self._result(url, dest, response, "http_error", "redirect limit reached")
                redirects += 1
                current, kind = urljoin(dest.url, location.strip()), "http"
                continue
            result = self._result(url, dest, response, *self._judge(response))
            hop = self._client_hop(result, dest)
            if hop is None:
                return result
            if redirects >= self.settings.max_redirects:
                result.detail = "client-side redirect not followed: redirect limit reached"
                return result
            redirects += 1
            self.referer = referer_for(self.profile.referer_policy, dest.url, hop[0])
            current, kind = hop

    # -- one request ---------------------------------------------------------------------------

    def _exchange(self, dest: Destination) -> _Response:
        settings, deadline = self.settings, self.deadline
        try:
            answers = (
                []
                if dest.ip is not None
                else resolve_within(self.resolver, dest.host, dest.port, deadline.bound(settings.connect_timeout))
            )
        except TimeoutError as exc:
            raise FetchFailure("timeout", str(exc)) from exc
        except (OSError, UnicodeError) as exc:
            raise FetchFailure("dns_error", f"cannot resolve {dest.host}: {exc}") from exc
        addresses = resolve_checked(dest, settings, lambda _h, _p: answers)
        proxy = self._egress_proxy()  # after the destination check: a refused one never reaches the proxy
        last_error: Exception | None = None
        for address in addresses:
            timeout = deadline.bound(settings.connect_timeout)
            connection: http.client.HTTPConnection
            if dest.scheme == "https":
                connection = PinnedHTTPSConnection(
                    dest.host, dest.port, address=address, timeout=timeout, context=self._tls_context(), proxy=proxy
                )
            else:
                connection = PinnedHTTPConnection(dest.host, dest.port, address=address, timeout=timeout, proxy=proxy)
            try:
                connection.connect()
            except ssl.SSLError as exc:
                connection.close()
                raise _network_failure(exc, deadline) from exc
            except OSError as exc:
                connection.close()
                last_error = exc
                continue
            try:
                return self._request(connection, dest)
            except FetchFailure:
                raise
            except (OSError, http.client.HTTPException) as exc:
                raise _network_failure(exc, deadline) from exc
            except (ValueError, UnicodeError) as exc:  # http.client's answer to some malformed responses
                raise FetchFailure("connection_error", f"malformed response: {exc}") from exc
            finally:
                connection.close()
        assert last_error is not None
        raise _network_failure(last_error, deadline)

    def _request(self, connection: http.client.HTTPConnection, dest: Destination) -> _Response:
        settings, deadline = self.settings, self.deadline
        sock = connection.sock
        assert sock is not None
        watchdog = _Watchdog(sock, deadline.remaining())
        try:
            sock.settimeout(deadline.bound(settings.read_timeout))
            headers = {"Host": dest.host_header, **dict(self.profile.headers)}
            if self.referer:
                headers["Referer"] = self.referer
            cookie = self.cookies.header_for(dest.url)
            if cookie:
                headers["Cookie"] = cookie
            headers["Connection"] = "close"
            connection.request("GET", dest.target, headers=headers)
            response = connection.getresponse()
            self.cookies.store(dest.url, response.msg)
            headers = _header_dict(response.getheaders())
            return self._read_body(response, sock, headers)
        finally:
            watchdog.cancel()

    def _read_body(self, response: http.client.HTTPResponse, sock: socket.socket, headers: dict[str, str]) -> _Response:
        """Read the body within the caps. A read that fails after part of the body arrived keeps that
        part (a browser shows it too), marked partial; only a failure before any byte is the outcome."""
        settings, deadline = self.settings, self.deadline
        media, _ = parse_content_type(headers.get("content-type"))
        binary = media is not None and not is_textual(media)
        limit = min(settings.max_bytes, self.binary_bytes) if binary else settings.max_bytes
        detail = None
        try:
            decoder = BodyDecoder(headers.get("content-encoding"), limit)
        except UnsupportedEncoding as exc:
            decoder, detail = BodyDecoder(None, limit), str(exc)
        sniffed = media is not None
        wire = 0
        partial: PartialReason | None = None
        try:
            while not response.isclosed():  # http.client closes it once the whole body is in
                sock.settimeout(deadline.bound(settings.read_timeout))
                try:
                    chunk = response.read1(_CHUNK)
                except http.client.IncompleteRead as exc:
                    decoder.feed(exc.partial)
                    deadline.bound(0)  # the watchdog's shutdown also ends a chunked body early
                    partial, detail = "connection_closed", "connection closed before the whole body arrived"
                    break
                except ValueError:  # a malformed chunk header: keep what arrived intact
                    partial, detail = "malformed_body", "malformed chunked encoding"
                    break
                if not chunk:
                    deadline.bound(0)  # an abort by the watchdog looks like EOF
                    break
                wire += len(chunk)
                try:
                    decoder.feed(chunk)
                except CorruptEncoding as exc:
                    partial, detail = "malformed_body", str(exc)
                    break
                if not sniffed and len(decoder.output) >= _SNIFF_BYTES:
                    # No Content-Type: once the first bytes show a binary body, read it only to the sniff cap.
                    sniffed = True
                    binary = not is_textual(sniff_media(bytes(decoder.output[:_SNIFF_BYTES])))
                    if binary:
                        decoder.cap_at(self.binary_bytes)
                if decoder.capped or wire >= settings.max_bytes:
                    partial = "binary" if binary else "max_bytes"
                    break
        except (FetchFailure, OSError, http.client.HTTPException) as exc:
            if not decoder.output:
                raise  # nothing of the body arrived: the failure is the outcome
            failure = _network_failure(exc, deadline)
            partial = "timeout" if failure.outcome == "timeout" else "connection_closed"
            detail = f"{failure.detail} after {len(decoder.output)} bytes of body; what arrived was analyzed"
        if partial is None and response.length:  # http.client returns EOF quietly when a body runs short
            partial = "connection_closed"
            detail = f"connection closed {response.length} bytes short of the declared Content-Length"
        return _Response(response.status, headers, bytes(decoder.output), partial is not None, detail, partial)

    def _egress_proxy(self) -> ProxyRoute | None:
        """The profile's proxy, its address checked once per fetch (DestinationRefused if forbidden)."""
        if not self._proxy_checked:
            self._proxy_checked = True
            self._proxy = egress_route(self.settings, self.profile.name, self.resolver, self.deadline.bound(5.0))
        return self._proxy

    def _tls_context(self) -> ssl.SSLContext:
        if self._tls is None:
            self._tls = tls_context(self.ca_file)
        return self._tls

    # -- results -------------------------------------------------------------------------------

    def _judge(self, response: _Response) -> tuple[Outcome, str | None]:
        if response.status >= 400:
            return "http_error", f"HTTP {response.status}"
        media, _ = parse_content_type(response.headers.get("content-type"))
        media = media or sniff_media(response.body)
        if is_textual(media):
            return "ok", response.detail
        return "unsupported_content", f"{media} is not analyzed"

    def _result(
        self, url: str, dest: Destination, response: _Response, outcome: Outcome, detail: str | None
    ) -> FetchResult:
        media, charset = parse_content_type(response.headers.get("content-type"))
        media = media or sniff_media(response.body)
        text = used_charset = None
        if is_textual(media) and response.body is not None:
            text, used_charset = decode_body(response.body, charset, html=media in HTML_TYPES)
        return FetchResult(
            requested_url=url,
            outcome=outcome,
            final_url=dest.url,
            detail=detail or response.detail,
            status=response.status,
            hops=list(self.hops),
            headers=response.headers,
            content_type=media,
            body=response.body,
            text=text,
            charset=used_charset,
            truncated=response.truncated,
            partial_reason=response.partial,
            size=len(response.body),
            app_package=app_package(media, dest.url, response.headers.get("content-disposition")),
        )

    def _client_hop(self, result: FetchResult, dest: Destination) -> tuple[str, str] | None:
        """The next URL of a meta refresh / JavaScript redirect, if it leads somewhere new."""
        if result.outcome != "ok" or not result.is_html or not result.text:
            return None
        found = client_redirect(result.text)
        if found is None:
            return None
        kind, target = found
        absolute = urljoin(dest.url, target)
        if not absolute.lower().startswith(("http://", "https://")) or absolute == dest.url:
            return None
        return absolute, kind

    def _failed(self, url: str, current: str, kind: str, exc: Exception) -> FetchResult:
        if isinstance(exc, InvalidUrlError):
            outcome, detail, status = "invalid_url", str(exc), None
        elif isinstance(exc, DestinationRefused):
            outcome, detail, status = "blocked_destination", exc.reason, None
        else:
            assert isinstance(exc, FetchFailure)
            outcome, detail, status = exc.outcome, exc.detail, exc.status
        if self.hops or outcome != "invalid_url":
            self.hops.append(Hop(url=current, status=status, kind=kind))  # type: ignore[arg-type]
        return FetchResult(
            requested_url=url,
            outcome=outcome,  # type: ignore[arg-type]
            final_url=current,
            detail=detail,
            status=status,
            hops=list(self.hops),
        )


def egress_route(
    settings: FetchSettings, profile: str, resolver: Resolver | None = None, timeout: float = 5.0
) -> ProxyRoute | None:
    """The egress proxy configured for ``profile``, its own address checked; None without one.

    Raises DestinationRefused for a forbidden or unusable proxy, FetchFailure when its name does not resolve."""
    url = settings.proxy_for(profile)
    if url is None:
        return None
    try:
        proxy = parse_url(url)
    except InvalidUrlError as exc:
        raise DestinationRefused(f"egress proxy URL is unusable: {exc}") from exc
    if proxy.scheme != "http":
        raise DestinationRefused("egress proxy must be an http:// CONNECT proxy")
    try:
        answers = (
            [str(proxy.ip)]
            if proxy.ip is not None
            else resolve_within(resolver or system_resolver, proxy.host, proxy.port, timeout)
        )
    except (OSError, UnicodeError) as exc:
        raise FetchFailure("dns_error", f"cannot resolve the egress proxy {proxy.host}: {exc}") from exc
    address = check_proxy_address(answers, settings)
    user, password = _userinfo(url)
    return ProxyRoute(address, proxy.port, ProxyRoute.basic(user, password) if user else None)


def check_proxy_address(answers: Sequence[str], settings: FetchSettings) -> IPAddress:
    """The proxy's first address, if every answer may be used: globally routable, or (with
    ``allow_private_proxy``) private; link-local and metadata addresses never."""
    if not answers:
        raise DestinationRefused("egress proxy name has no addresses")
    checked = []
    for answer in answers:
        ip = parse_ip(answer)
        verdict = classify(ip, allow_loopback=settings.allow_loopback)
        private_ok = settings.allow_private_proxy and any(
            ip in net for net in PRIVATE_PROXY_NETWORKS if ip.version == net.version
        )
        private_ok = private_ok and ip not in EC2_METADATA_V6
        if not verdict.allowed and not private_ok:
            raise DestinationRefused(f"egress proxy refused: {verdict.reason} (LINKSCAN_FETCH_ALLOW_PRIVATE_PROXY)")
        checked.append(verdict.connect_to)
    return checked[0]


def _userinfo(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return unquote(parts.username or ""), unquote(parts.password or "")


def _network_failure(exc: BaseException, deadline: Deadline) -> FetchFailure:
    """Name what went wrong; anything after the deadline is a timeout, whatever the symptom."""
    if deadline.remaining() <= 0:
        return FetchFailure("timeout", f"deadline of {deadline.seconds:g}s reached")
    if isinstance(exc, FetchFailure):
        return exc
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return FetchFailure("tls_error", f"TLS failure: {exc}")
    if isinstance(exc, TimeoutError | socket.timeout):
        return FetchFailure("timeout", f"timed out: {exc}")
    return FetchFailure("connection_error", f"{type(exc).__name__}: {exc}")


def _header_dict(pairs: list[tuple[str, str]]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in pairs:
        key = name.lower()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return headers


class _Watchdog:
    """Shuts the socket down when the deadline passes, so a drip-feeding server cannot hold a
    blocking read (headers included) past the scan's deadline."""

    def __init__(self, sock: socket.socket, seconds: float) -> None:
        self._timer = threading.Timer(max(seconds, 0.0), _shutdown(sock))
        self._timer.daemon = True
        self._timer.start()

    def cancel(self) -> None:
        self._timer.cancel()


def _shutdown(sock: socket.socket) -> Callable[[], None]:
    def stop() -> None:
        # The plain-socket method: SSLSocket.shutdown would tear down TLS state from this thread.
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)

    return stop
