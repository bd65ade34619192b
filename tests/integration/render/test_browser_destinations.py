"""The browser path of the SSRF rules: every request Chromium makes goes through the filtering proxy,
which applies fetch/destination.py. Refused destinations are never connected to, on any hop, by any
kind of request (document, redirect, script, image, fetch, frame, WebSocket, beacon)."""

from __future__ import annotations

import pytest

from linkscan.render.browser import render_page
from linkscan.settings import FetchSettings, RenderSettings
from tests.integration.fetch.conftest import LoopbackServer, http_server, redirect, send  # noqa: F401
from tests.integration.fetch.test_fetch_profiles import ConnectProxy, connect_proxy  # noqa: F401

from .conftest import CountingListener

pytestmark = pytest.mark.browser

PAGE = b"<html><body>internal admin page</body></html>"
FORBIDDEN = [
    "http://169.254.169.254/latest/meta-data/",
    "http://0xA9FEA9FE/latest/meta-data/",
    "http://[fd00:ec2::254]/",
    "http://10.0.0.1/",
    "http://[::ffff:192.168.0.1]/",
    "http://100.64.0.1/",
]


def _render(url: str, fetch: FetchSettings, chromium: str, **kwargs: object):  # type: ignore[no-untyped-def]
    return render_page(url, fetch, RenderSettings(chromium_path=chromium, deadline=10.0), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "0x7f.1", "[::ffff:127.0.0.1]"])
def test_default_configuration_refuses_a_live_loopback_server(
    http_server: LoopbackServer,  # noqa: F811
    chromium: str,
    host: str,
) -> None:
    http_server.routes["/"] = lambda h: send(h, PAGE)

    page = _render(http_server.url("/", host=host), FetchSettings(extra_ports=(http_server.port,)), chromium)

    assert page.refused_document is not None
    assert page.html == "" and page.screenshot is None
    assert http_server.connections == 0


def test_no_request_of_a_page_reaches_loopback_when_loopback_is_not_allowed(
    listener: CountingListener, chromium: str
) -> None:
    target = f"127.0.0.1:{listener.port}"
    document = f"""<html><body>
    <img src="http://{target}/img.png"><iframe src="http://{target}/frame"></iframe>
    <script src="http://{target}/app.js"></script><link rel="stylesheet" href="https://{target}/s.css">
    <link rel="prefetch" href="http://{target}/next"><video src="http://{target}/v.mp4"></video>
    <script>
      fetch("http://{target}/api").catch(() => {{}});
      fetch("http://localhost:{listener.port}/api2").catch(() => {{}});
      navigator.sendBeacon("http://{target}/beacon", "x");
      try {{ new WebSocket("ws://{target}/ws"); }} catch (e) {{}}
      new Image().src = "http://[::ffff:127.0.0.1]:{listener.port}/mapped.png";
      setTimeout(() => {{ location.href = "http://{target}/next-page"; }}, 100);
    </script></body></html>"""

    page = _render("about:blank", FetchSettings(extra_ports=(listener.port,)), chromium, html=document)

    assert listener.connections == 0
    refused = {item["target"] for item in page.refused}
    assert f"http://{target}/api" in refused and f"http://{target}/img.png" in refused


@pytest.mark.parametrize("target", FORBIDDEN)
def test_internal_destinations_asked_for_by_scripts_are_refused(
    http_server: LoopbackServer,  # noqa: F811
    chromium: str,
    target: str,
) -> None:
    script = f'<script>fetch("{target}").catch(() => {{}}); new Image().src = "{target}x.png";</script>'
    http_server.routes["/"] = lambda h: send(h, b"<html><body>page" + script.encode() + b"</body></html>")

    page = _render(http_server.url("/"), http_server.settings(), chromium)

    assert page.final_url == http_server.url("/")
    assert len(page.refused) >= 1 and all(item["reason"] for item in page.refused)
    assert http_server.connections >= 1  # the page itself, allowed under the local-only setting


@pytest.mark.parametrize("target", FORBIDDEN)
def test_redirects_to_internal_destinations_are_refused(
    http_server: LoopbackServer,  # noqa: F811
    chromium: str,
    target: str,
) -> None:
    http_server.routes["/go"] = lambda h: redirect(h, target)

    page = _render(http_server.url("/go"), http_server.settings(), chromium)

    assert page.refused_document is not None
    assert [hop.status for hop in page.hops][:1] == [302]
    assert page.html == ""


@pytest.mark.parametrize(
    "body",
    [
        b'<meta http-equiv="refresh" content="0;url=http://169.254.169.254/latest/">',
        b'<script>location.href = "http://169.254.169.254/latest/";</script>',
        b'<script>location.replace(atob("aHR0cDovLzE2OS4yNTQuMTY5LjI1NC9sYXRlc3Qv"));</script>',
    ],
)
def test_client_side_redirects_are_checked_like_http_ones(
    http_server: LoopbackServer,  # noqa: F811
    chromium: str,
    body: bytes,
) -> None:
    http_server.routes["/"] = lambda h: send(h, body)

    page = _render(http_server.url("/"), http_server.settings(), chromium)

    assert any("169.254.169.254" in item["target"] for item in page.refused)
    assert page.refused_document is not None


def test_one_forbidden_answer_refuses_the_name(http_server: LoopbackServer, chromium: str) -> None:  # noqa: F811
    http_server.routes["/"] = lambda h: send(h, PAGE)

    page = _render(
        f"http://shop.test:{http_server.port}/",
        http_server.settings(),
        chromium,
        resolver=lambda host, port: ["127.0.0.1", "10.0.0.5"],
    )

    assert page.refused_document is not None and "10.0.0.5" in page.refused_document
    assert http_server.connections == 0


def test_the_connection_goes_to_the_checked_address_with_the_original_host_name(
    http_server: LoopbackServer,  # noqa: F811
    chromium: str,
) -> None:
    http_server.routes["/"] = lambda h: send(h, PAGE)

    page = _render(
        f"http://shop.test:{http_server.port}/", http_server.settings(), chromium, resolver=lambda h, p: ["127.0.0.1"]
    )

    assert "internal admin page" in page.html
    assert http_server.requests[0].headers["host"] == f"shop.test:{http_server.port}"


def test_ports_outside_the_allowed_set_are_refused(chromium: str) -> None:
    page = _render("http://93.184.215.14:8081/", FetchSettings(allow_loopback=True), chromium)
    assert page.refused_document is not None and "port" in page.refused_document


def test_the_browser_goes_out_through_the_profiles_egress_proxy_to_checked_addresses_only(
    http_server: LoopbackServer,  # noqa: F811
    connect_proxy: ConnectProxy,  # noqa: F811
    chromium: str,
) -> None:
    http_server.routes["/"] = lambda h: send(h, PAGE + b'<script>fetch("http://169.254.169.254/x")</script>')
    settings = http_server.settings(proxies=(("*", connect_proxy.url),))

    def resolver(host: str, port: int) -> list[str]:
        if host != "shop.localhost":  # the browser's own background requests: no such name here
            raise OSError(f"no address for {host}")
        return ["127.0.0.1"]

    page = _render(f"http://shop.localhost:{http_server.port}/", settings, chromium, resolver=resolver)

    assert "internal admin page" in page.html
    # The page's host by its checked address, never by name.
    assert connect_proxy.targets and set(connect_proxy.targets) == {f"CONNECT 127.0.0.1:{http_server.port}"}
    assert any("169.254.169.254" in item["target"] for item in page.refused)


def test_a_loopback_egress_proxy_is_refused_outside_the_local_stack_and_no_browser_starts(
    connect_proxy: ConnectProxy,  # noqa: F811
    chromium: str,
) -> None:
    page = _render("http://93.184.216.34/", FetchSettings(proxies=(("*", connect_proxy.url),)), chromium)
    assert page.refused_document is not None and "proxy" in page.refused_document
    assert connect_proxy.connections == 0 and page.elapsed_ms < 1000
