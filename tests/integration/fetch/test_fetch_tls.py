"""HTTPS to a pinned address still verifies the certificate for the original host name, and sends
that name as SNI."""

from __future__ import annotations

from linkscan.fetch import fetch

from .conftest import LoopbackServer, Pki, send


def loopback(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


def test_https_verifies_and_sends_sni_for_the_host_name(https_server: LoopbackServer, pki: Pki) -> None:
    https_server.routes["/"] = lambda h: send(h, b"<p>secure</p>")

    result = fetch(
        f"https://shop.test:{https_server.port}/",
        https_server.settings(),
        resolver=loopback,
        ca_file=str(pki.ca_file),
    )

    assert (result.outcome, result.text) == ("ok", "<p>secure</p>")
    assert https_server.sni_names == ["shop.test"]
    assert https_server.requests[0].headers["host"] == f"shop.test:{https_server.port}"


def test_an_untrusted_certificate_is_a_tls_error(https_server: LoopbackServer) -> None:
    https_server.routes["/"] = lambda h: send(h, b"<p>secure</p>")

    result = fetch(https_server.url("/"), https_server.settings())  # default CA bundle: not our CA

    assert (result.outcome, result.retriable) == ("tls_error", False)
    assert https_server.requests == []


def test_a_certificate_for_another_name_is_a_tls_error(https_server: LoopbackServer, pki: Pki) -> None:
    https_server.routes["/"] = lambda h: send(h, b"<p>secure</p>")

    result = fetch(
        f"https://other.test:{https_server.port}/",
        https_server.settings(),
        resolver=loopback,
        ca_file=str(pki.ca_file),
    )

    assert result.outcome == "tls_error"
    assert https_server.requests == []


def test_https_to_an_ip_literal_checks_the_ip_in_the_certificate(https_server: LoopbackServer, pki: Pki) -> None:
    https_server.routes["/"] = lambda h: send(h, b"<p>by ip</p>")
    result = fetch(https_server.url("/"), https_server.settings(), ca_file=str(pki.ca_file))
    assert result.outcome == "ok"
