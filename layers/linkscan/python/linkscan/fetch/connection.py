"""Connections pinned to a checked IP address.

The TCP connection goes to the address the destination check approved; the Host header, TLS SNI
and certificate verification use the original host name. Nothing resolves the name a second time,
so DNS rebinding has no window. One connection per request (``Connection: close``, no pool), so a
kept-alive socket to one address can never serve a request meant for another.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
from collections.abc import Sequence

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


class PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, *, address: IPAddress, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address
        self._connect_timeout = timeout

    def connect(self) -> None:
        self.sock = open_socket(self._address, self.port, self._connect_timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, *, address: IPAddress, timeout: float, context: ssl.SSLContext) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self._address = address
        self._connect_timeout = timeout
        self._tls = context

    def connect(self) -> None:
        raw = open_socket(self._address, self.port, self._connect_timeout)
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
