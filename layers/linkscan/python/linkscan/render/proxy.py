"""The browser's only way out: a loopback HTTP proxy that applies the fetcher's destination rules.

Chromium is started with ``--proxy-server`` pointing here (and ``<-loopback>`` so that not even
loopback bypasses it). Every request the page makes — documents, scripts, images, XHR, WebSockets,
redirect targets — arrives as ``CONNECT host:port`` (https, wss) or an absolute-form request (http).
Each is checked exactly as the fetcher checks a hop (``destination.check_url``, one resolution, every
answer checked) and the connection goes to the checked address, or through the profile's egress
proxy with ``CONNECT <checked address>``. A refused destination gets a 403 and no socket is opened.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from linkscan.errors import InvalidUrlError
from linkscan.fetch.addresses import IPAddress
from linkscan.fetch.connection import ProxyRoute, open_socket, open_tunnel, resolve_within
from linkscan.fetch.destination import (
    DestinationRefused,
    Resolver,
    check_url,
    parse_url,
    resolve_checked,
    system_resolver,
)
from linkscan.settings import FetchSettings

_MAX_HEAD = 64 * 1024  # request or response head; more is no browser or server speaking HTTP
_CHUNK = 64 * 1024
# Connection-scoped headers: they describe the hop to this proxy, not the request.
_HOP_HEADERS = frozenset({b"connection", b"proxy-connection", b"keep-alive", b"proxy-authorization", b"te", b"upgrade"})
_REFUSED = b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\nX-Linkscan-Refused: 1\r\n\r\n"
_FAILED = b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


@dataclass
class ProxyLog:
    """What the proxy let through and what it refused (thread-safe appends)."""

    refused: list[dict[str, str]] = field(default_factory=list)
    connected: list[str] = field(default_factory=list)  # "host:port -> address"
    lock: threading.Lock = field(default_factory=threading.Lock)

    def refuse(self, target: str, reason: str) -> None:
        with self.lock:
            if len(self.refused) < 200:
                self.refused.append({"target": target[:500], "reason": reason})

    def connect(self, target: str, address: IPAddress) -> None:
        with self.lock:
            if len(self.connected) < 500:
                self.connected.append(f"{target[:300]} -> {address}")


class FilteringProxy:
    """A threaded proxy on 127.0.0.1 for one render; ``close()`` stops it and every open relay."""

    def __init__(
        self,
        settings: FetchSettings,
        *,
        deadline: float,
        egress: ProxyRoute | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self.settings = settings
        self.log = ProxyLog()
        self._egress = egress
        self._resolver = resolver or system_resolver
        self._deadline = time.monotonic() + deadline
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, name="render-proxy", daemon=True).start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def close(self) -> None:
        with self._lock:
            self._closed = True
            sockets = list(self._sockets)
        for sock in [self._listener, *sockets]:
            _close(sock)

    # -- plumbing ------------------------------------------------------------------------------

    def _remaining(self) -> float:
        return max(0.0, self._deadline - time.monotonic())

    def _track(self, sock: socket.socket) -> bool:
        with self._lock:
            if self._closed:
                return False
            self._sockets.add(sock)
            return True

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if not self._track(client):
                _close(client)
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        try:
            client.settimeout(self._remaining() or 0.01)
            head, rest = _read_head(client)
            if head is None:
                return
            request_line, _, header_block = head.partition(b"\r\n")
            parts = request_line.split(b" ")
            if len(parts) != 3:
                client.sendall(_FAILED)
                return
            method, target = parts[0].decode("latin-1"), parts[1].decode("latin-1")
            url = _url_for(method, target)
            opened = self._open(url, target)
            if opened is None or url is None:
                client.sendall(_REFUSED)
                return
            upstream = opened
            if not self._track(upstream):
                return
            if method == "CONNECT":
                client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                if rest:
                    upstream.sendall(rest)
                _relay(client, upstream, self._remaining)
            else:
                upstream.sendall(_origin_request(method, url, header_block) + rest)
                _relay(client, upstream, self._remaining, rewrite_response=True)
        except (OSError, ValueError, UnicodeError):
            pass
        finally:
            for sock in (client, upstream):
                if sock is not None:
                    _close(sock)
                    with self._lock:
                        self._sockets.discard(sock)

    def _open(self, url: str | None, target: str) -> socket.socket | None:
        """A socket to the checked address of ``url``, or None (refusal logged) when it may not be reached."""
        if url is None:
            self.log.refuse(target, "not an http(s) request")
            return None
        try:
            dest = check_url(url, self.settings)
            timeout = min(self.settings.connect_timeout, self._remaining())
            answers = [] if dest.ip is not None else resolve_within(self._resolver, dest.host, dest.port, timeout)
            addresses = resolve_checked(dest, self.settings, lambda _h, _p: answers)
        except (DestinationRefused, InvalidUrlError) as exc:
            self.log.refuse(target, str(exc))
            return None
        except (OSError, UnicodeError) as exc:
            self.log.refuse(target, f"cannot resolve: {exc}")
            return None
        for address in addresses:
            timeout = min(self.settings.connect_timeout, self._remaining())
            try:
                if self._egress is not None:
                    sock = open_tunnel(self._egress, address, dest.port, timeout)
                else:
                    sock = open_socket(address, dest.port, timeout)
            except OSError:
                continue
            self.log.connect(f"{dest.host}:{dest.port}", address)
            return sock
        return None


def _url_for(method: str, target: str) -> str | None:
    """The URL to check: CONNECT's authority (https, or http for port 80: ws://), else the absolute target."""
    if method == "CONNECT":
        host, _, port = target.rpartition(":")
        if not host or not port.isdigit():
            return None
        scheme = "http" if port == "80" else "https"
        return f"{scheme}://{target}/"
    return target if target.lower().startswith("http://") else None


def _read_head(sock: socket.socket) -> tuple[bytes | None, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        if len(data) > _MAX_HEAD:
            return None, b""
        chunk = sock.recv(_CHUNK)
        if not chunk:
            return None, b""
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


def _origin_request(method: str, url: str, header_block: bytes) -> bytes:
    """The request as the origin server expects it: origin-form target, one request per connection."""
    dest = parse_url(url)  # already checked by _open; this only builds the request target
    lines = [f"{method} {dest.target} HTTP/1.1".encode("latin-1")]
    for line in header_block.split(b"\r\n"):
        name = line.partition(b":")[0].strip().lower()
        if line and name not in _HOP_HEADERS:
            lines.append(line)
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + b"\r\n\r\n"


def _relay(
    client: socket.socket, upstream: socket.socket, remaining: Callable[[], float], *, rewrite_response: bool = False
) -> None:
    """Copy both ways until either side closes or the render's deadline passes."""
    stop = threading.Event()

    def pump(source: socket.socket, sink: socket.socket, rewrite: bool) -> None:
        try:
            if rewrite:
                head, rest = _read_head(source)
                if head is None:
                    return
                sink.sendall(_close_response_head(head) + rest)
            while not stop.is_set():
                source.settimeout(max(0.01, remaining()))
                data = source.recv(_CHUNK)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            stop.set()
            with contextlib.suppress(OSError):
                sink.shutdown(socket.SHUT_WR)

    back = threading.Thread(target=pump, args=(upstream, client, rewrite_response), daemon=True)
    back.start()
    pump(client, upstream, False)
    back.join(remaining())


def _close_response_head(head: bytes) -> bytes:
    """The server's response head, telling the browser this connection ends with the response."""
    lines = [line for line in head.split(b"\r\n") if line.partition(b":")[0].strip().lower() not in _HOP_HEADERS]
    return b"\r\n".join([*lines, b"Connection: close", b"Proxy-Connection: close"]) + b"\r\n\r\n"


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
