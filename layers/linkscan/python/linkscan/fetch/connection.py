"""Connections pinned to a checked IP address.

The TCP connection goes to the address the destination check approved; the Host header, TLS SNI
and certificate verification use the original host name. Nothing resolves the name a second time,
so DNS rebinding has no window. One connection per request (``Connection: close``, no pool), so a
kept-alive socket to one address can never serve a request meant for another.

Through an egress proxy the same holds: the tunnel is a ``CONNECT`` to the checked address (never
the name, which the proxy would resolve again), for http and https alike.
"""

from __future__ import annotations

import base64
import http.client
import socket
import ssl
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from linkscan.fetch.addresses import IPAddress
from linkscan.fetch.destination import Resolver


def open_socket(address: IPAddress, port: int, timeout: float) -> socket.socket:
    family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect((str(address), port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except BaseException:
        sock.close()
        raise
    return sock


# A proxy's answer to CONNECT is a status line and a few headers; more is not a proxy speaking.
_MAX_PROXY_REPLY = 8192


class ProxyRefused(OSError):
    """The egress proxy did not open the tunnel (outcome ``connection_error``)."""


@dataclass(frozen=True)
class ProxyRoute:
    """A checked egress proxy: the address to connect to and the credentials of its URL, if any."""

    address: IPAddress
    port: int
    authorization: str | None = None  # a Proxy-Authorization value

    @staticmethod
    def basic(user: str, password: str) -> str:
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


def open_tunnel(proxy: ProxyRoute, address: IPAddress, port: int, timeout: float) -> socket.socket:
    """A socket to ``address:port`` through the proxy's CONNECT tunnel."""
    sock = open_socket(proxy.address, proxy.port, timeout)
    try:
        authority = f"[{address}]:{port}" if address.version == 6 else f"{address}:{port}"
        lines = [f"CONNECT {authority} HTTP/1.1", f"Host: {authority}"]
        if proxy.authorization:
            lines.append(f"Proxy-Authorization: {proxy.authorization}")
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("ascii"))
        reply = b""
        while b"\r\n\r\n" not in reply:
            # Byte by byte: what follows the reply belongs to the tunnelled connection (TLS, HTTP).
            byte = sock.recv(1)
            if not byte or len(reply) >= _MAX_PROXY_REPLY:
                raise ProxyRefused("egress proxy closed or garbled its reply to CONNECT")
            reply += byte
        status_line = reply.split(b"\r\n", 1)[0].decode("latin-1")
        parts = status_line.split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/") or parts[1] != "200":
            raise ProxyRefused(f"egress proxy refused the tunnel: {status_line[:200]}")
    except BaseException:
        sock.close()
        raise
    return sock


def _open(address: IPAddress, port: int, timeout: float, proxy: ProxyRoute | None) -> socket.socket:
    return open_socket(address, port, timeout) if proxy is None else open_tunnel(proxy, address, port, timeout)


class PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(
        self, host: str, port: int, *, address: IPAddress, timeout: float, proxy: ProxyRoute | None = None
    ) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address
        self._connect_timeout = timeout
        self._proxy = proxy

    def connect(self) -> None:
        self.sock = _open(self._address, self.port, self._connect_timeout, self._proxy)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(
        self,
        host: str,
        port: int,
        *,
        address: IPAddress,
        timeout: float,
        context: ssl.SSLContext,
        proxy: ProxyRoute | None = None,
    ) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self._address = address
        self._connect_timeout = timeout
        self._tls = context
        self._proxy = proxy

    def connect(self) -> None:
        raw = _open(self._address, self.port, self._connect_timeout, self._proxy)
        try:
            self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)
        except BaseException:
            raw.close()
            raise


def tls_context(ca_file: str | None = None) -> ssl.SSLContext:
    """Verifying context (hostname + chain). certifi's bundle when available, as requests uses."""
    if ca_file is None:
        try:
            import certifi

            ca_file = certifi.where()
        except ImportError:
            ca_file = None
    context = ssl.create_default_context(cafile=ca_file)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def resolve_within(resolver: Resolver, host: str, port: int, timeout: float) -> Sequence[str]:
    """Run a blocking resolver with a time limit (getaddrinfo itself has none)."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["answers"] = resolver(host, port)
        except BaseException as exc:  # handed to the caller's thread below
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="linkscan-resolve", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise TimeoutError(f"DNS lookup of {host} timed out")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    answers = outcome["answers"]
    assert isinstance(answers, Sequence)
    return answers
