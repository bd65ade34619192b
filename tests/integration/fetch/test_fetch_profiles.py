"""Fetch profiles, cookies across hops and the egress proxy, against real loopback servers."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from linkscan.fetch import fetch
from linkscan.fetch.profiles import load_profiles
from tests.integration.fetch.conftest import LoopbackServer, redirect, send

PROFILES = load_profiles()


@pytest.mark.parametrize("name", sorted(PROFILES.by_name))
def test_every_profile_header_is_sent_as_the_profile_says(http_server: LoopbackServer, name: str) -> None:
    http_server.routes["/"] = lambda h: send(h, b"<p>hi</p>")
    fetch(http_server.url("/"), http_server.settings(), profile=name)
    seen = http_server.requests[-1].headers
    for header, value in PROFILES.get(name).headers:
        assert seen[header.lower()] == value
    assert "referer" not in seen  # a link opened from a chat has no referrer


def test_the_default_profile_is_the_in_app_browser_in_chinese_never_a_scanner(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = lambda h: send(h, b"<p>hi</p>")
    result = fetch(http_server.url("/"), http_server.settings())
    seen = http_server.requests[-1].headers
    assert result.profile == "wechat_android"
    assert "MicroMessenger" in seen["user-agent"] and "linkscan" not in seen["user-agent"].lower()
    assert seen["accept-language"].startswith("zh-CN")


def test_cookies_set_on_one_hop_are_sent_on_the_next_of_the_same_site(http_server: LoopbackServer) -> None:
    http_server.routes["/go"] = lambda h: send(
        h, b"", status=302, content_type=None, headers={"Location": "/landing", "Set-Cookie": "gate=passed; Path=/"}
    )
    http_server.routes["/landing"] = lambda h: send(h, b"<p>offer</p>")
    fetch(http_server.url("/go"), http_server.settings())
    assert "cookie" not in http_server.requests[0].headers
    assert http_server.requests[1].headers["cookie"] == "gate=passed"


def test_cookies_do_not_follow_a_redirect_to_another_host(http_server: LoopbackServer) -> None:
    # 127.0.0.1 and localhost are different hosts to a browser's cookie jar.
    other = http_server.url("/landing", host="localhost")
    http_server.routes["/go"] = lambda h: send(
        h, b"", status=302, content_type=None, headers={"Location": other, "Set-Cookie": "gate=passed; Path=/"}
    )
    http_server.routes["/landing"] = lambda h: send(h, b"<p>offer</p>")
    fetch(http_server.url("/go"), http_server.settings(), resolver=lambda _h, _p: ["127.0.0.1"])
    assert http_server.requests[1].path == "/landing"
    assert "cookie" not in http_server.requests[1].headers


def test_each_fetch_starts_with_an_empty_jar(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = lambda h: send(h, b"<p>hi</p>", headers={"Set-Cookie": "seen=1"})
    fetch(http_server.url("/"), http_server.settings())
    fetch(http_server.url("/"), http_server.settings())
    assert "cookie" not in http_server.requests[1].headers


def test_a_client_side_hop_sends_the_referer_its_policy_allows(http_server: LoopbackServer) -> None:
    http_server.routes["/hop"] = lambda h: send(h, b'<meta http-equiv="refresh" content="0;url=/landing">')
    http_server.routes["/landing"] = lambda h: send(h, b"<p>offer</p>")
    fetch(http_server.url("/hop?id=1"), http_server.settings())
    assert http_server.requests[1].headers["referer"] == http_server.url("/hop?id=1")
    fetch(http_server.url("/hop?id=1"), http_server.settings(), profile="desktop_neutral")
    assert "referer" not in http_server.requests[3].headers


# -- egress proxy --------------------------------------------------------------------------------


@dataclass
class ConnectProxy:
    """A CONNECT-only proxy on loopback that counts connections and records what it was asked."""

    listener: socket.socket
    connections: int = 0
    targets: list[str] = field(default_factory=list)
    authorizations: list[str | None] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def serve(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._tunnel, args=(client,), daemon=True).start()

    def _tunnel(self, client: socket.socket) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = client.recv(1024)
            if not chunk:
                client.close()
                return
            request += chunk
        lines = request.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ")
        auth = next((line.split(": ", 1)[1] for line in lines if line.lower().startswith("proxy-authorization")), None)
        self.targets.append(f"{method} {target}")
        self.authorizations.append(auth)
        host, _, port = target.rpartition(":")
        upstream = socket.create_connection((host.strip("[]"), int(port)))
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        for source, sink in ((client, upstream), (upstream, client)):
            threading.Thread(target=_pipe, args=(source, sink), daemon=True).start()


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    try:
        while chunk := source.recv(65536):
            sink.sendall(chunk)
    except OSError:
        pass
    finally:
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def connect_proxy() -> Iterator[ConnectProxy]:
    listener = socket.create_server(("127.0.0.1", 0))
    proxy = ConnectProxy(listener)
    threading.Thread(target=proxy.serve, daemon=True).start()
    yield proxy
    listener.close()


def test_http_goes_through_the_proxy_as_a_connect_to_the_checked_address(
    http_server: LoopbackServer, connect_proxy: ConnectProxy
) -> None:
    http_server.routes["/"] = lambda h: send(h, b"<p>via proxy</p>")
    settings = http_server.settings(proxies=(("*", connect_proxy.url),))
    result = fetch(http_server.url("/", host="shop.localhost"), settings, resolver=lambda _h, _p: ["127.0.0.1"])
    assert result.outcome == "ok" and "via proxy" in (result.text or "")
    assert connect_proxy.targets == [f"CONNECT 127.0.0.1:{http_server.port}"]  # the address, never the name
    assert http_server.requests[0].headers["host"] == f"shop.localhost:{http_server.port}"


def test_https_goes_through_the_proxy_with_tls_to_the_real_host(
    https_server: LoopbackServer, connect_proxy: ConnectProxy, pki: object
) -> None:
    https_server.routes["/"] = lambda h: send(h, b"<p>tls via proxy</p>")
    settings = https_server.settings(
        proxies=(("wechat_android", "http://user:secret@127.0.0.1:" + connect_proxy.url.rsplit(":", 1)[1]),)
    )
    result = fetch(https_server.url("/", host="localhost"), settings, ca_file=str(pki.ca_file))  # type: ignore[attr-defined]
    assert result.outcome == "ok", result.detail
    assert connect_proxy.connections == 1
    assert connect_proxy.authorizations == ["Basic dXNlcjpzZWNyZXQ="]
    assert https_server.sni_names == ["localhost"]


def test_a_proxy_for_another_profile_is_not_used(http_server: LoopbackServer, connect_proxy: ConnectProxy) -> None:
    http_server.routes["/"] = lambda h: send(h, b"<p>direct</p>")
    settings = http_server.settings(proxies=(("chrome_desktop", connect_proxy.url),))
    assert fetch(http_server.url("/"), settings).outcome == "ok"
    assert connect_proxy.connections == 0


@pytest.mark.parametrize(
    "target",
    ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]:1/", "http://0x7f.1:22/"],
)
def test_a_forbidden_destination_is_refused_before_the_proxy_is_asked(connect_proxy: ConnectProxy, target: str) -> None:
    from linkscan.settings import FetchSettings

    result = fetch(target, FetchSettings(proxies=(("*", connect_proxy.url),), allow_loopback=False))
    assert result.outcome == "blocked_destination"
    assert connect_proxy.connections == 0


def test_a_redirect_to_a_forbidden_address_through_the_proxy_is_refused(
    http_server: LoopbackServer, connect_proxy: ConnectProxy
) -> None:
    http_server.routes["/go"] = lambda h: redirect(h, "http://169.254.169.254/latest/meta-data/")
    result = fetch(http_server.url("/go"), http_server.settings(proxies=(("*", connect_proxy.url),)))
    assert result.outcome == "blocked_destination"
    assert connect_proxy.targets == [f"CONNECT 127.0.0.1:{http_server.port}"]


def test_a_loopback_proxy_is_refused_outside_the_local_stack(connect_proxy: ConnectProxy) -> None:
    from linkscan.settings import FetchSettings

    result = fetch("http://93.184.216.34/", FetchSettings(proxies=(("*", connect_proxy.url),)))
    assert result.outcome == "blocked_destination" and "proxy" in (result.detail or "")
    assert connect_proxy.connections == 0


def test_a_proxy_that_refuses_the_tunnel_is_a_connection_error(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = lambda h: send(h, b"x")
    # The loopback HTTP server itself answers CONNECT with an error: a proxy that will not tunnel.
    settings = http_server.settings(proxies=(("*", http_server.url("").rstrip("/")),))
    result = fetch(http_server.url("/"), settings)
    assert result.outcome == "connection_error" and "tunnel" in (result.detail or "")
