"""Against live loopback servers: refused destinations are never connected to, on any hop."""

from __future__ import annotations

import pytest

from linkscan.fetch import fetch
from linkscan.settings import FetchSettings

from .conftest import LoopbackServer, redirect, send

PAGE = b"<html><body>internal admin page</body></html>"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "0x7f.1", "[::ffff:127.0.0.1]"])
def test_default_configuration_refuses_a_live_loopback_server(http_server: LoopbackServer, host: str) -> None:
    http_server.routes["/"] = lambda h: send(h, PAGE)
    default_but_port = FetchSettings(extra_ports=(http_server.port,))

    result = fetch(http_server.url("/", host=host), default_but_port)

    assert result.outcome == "blocked_destination"
    assert result.body == b""
    # A control fetch that is allowed shows the server counts connections: it saw only that one.
    assert fetch(http_server.url("/"), http_server.settings()).outcome == "ok"
    assert http_server.connections == 1


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://0xA9FEA9FE/latest/meta-data/",
        "http://[fd00:ec2::254]/",
        "http://10.0.0.1/",
        "http://[::ffff:192.168.0.1]/",
        "gopher://127.0.0.1/",
    ],
)
def test_redirects_to_internal_destinations_are_refused(http_server: LoopbackServer, target: str) -> None:
    http_server.routes["/go"] = lambda h: redirect(h, target)

    result = fetch(http_server.url("/go"), http_server.settings())

    assert result.outcome in ("blocked_destination", "invalid_url")
    assert [hop.status for hop in result.hops] == [302, None]
    assert http_server.connections == 1


def test_client_side_redirects_are_checked_like_http_ones(http_server: LoopbackServer) -> None:
    refresh = b'<meta http-equiv="refresh" content="0;url=http://169.254.169.254/latest/">'
    http_server.routes["/"] = lambda h: send(h, refresh)

    result = fetch(http_server.url("/"), http_server.settings())

    assert result.outcome == "blocked_destination"
    assert [(hop.kind, hop.status) for hop in result.hops] == [("http", 200), ("meta_refresh", None)]


def test_the_connection_goes_to_the_checked_address_with_the_original_host_name(
    http_server: LoopbackServer,
) -> None:
    http_server.routes["/"] = lambda h: send(h, PAGE)
    lookups: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        # A rebinding name: the first answer passes the check, any later one would not.
        lookups.append(host)
        return ["127.0.0.1"] if len(lookups) == 1 else ["10.0.0.1"]

    result = fetch(f"http://shop.test:{http_server.port}/", http_server.settings(), resolver=resolver)

    assert result.outcome == "ok"
    assert lookups == ["shop.test"]  # resolved once; no second lookup to rebind
    assert http_server.requests[0].headers["host"] == f"shop.test:{http_server.port}"


def test_one_forbidden_answer_refuses_the_name(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = lambda h: send(h, PAGE)

    result = fetch(
        f"http://shop.test:{http_server.port}/",
        http_server.settings(),
        resolver=lambda host, port: ["127.0.0.1", "10.0.0.5"],
    )

    assert result.outcome == "blocked_destination"
    assert "10.0.0.5" in (result.detail or "")
    assert http_server.connections == 0


def test_userinfo_is_never_sent(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = lambda h: send(h, PAGE)

    result = fetch(http_server.url("/").replace("://", "://alice:secret@"), http_server.settings())

    assert result.outcome == "ok"
    assert "authorization" not in http_server.requests[0].headers


def test_ports_outside_the_allowed_set_are_refused(http_server: LoopbackServer) -> None:
    # The local-only loopback setting opens every port of loopback only; any other host keeps 80 and 443.
    port = http_server.url("/").rsplit(":", 1)[1].split("/")[0]
    result = fetch(f"http://93.184.215.14:{port}/", FetchSettings(allow_loopback=True))
    assert result.outcome == "blocked_destination" and "port" in (result.detail or "")
    assert http_server.connections == 0
