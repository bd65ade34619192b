"""What a fetch records: the redirect chain, decoded text, content types, app installers, and
typed outcomes for every failure."""

from __future__ import annotations

import gzip
import socket
from http.server import BaseHTTPRequestHandler

from linkscan.fetch import fetch
from linkscan.settings import FetchSettings

from .conftest import LoopbackServer, redirect, send

GBK_PAGE = (
    "<html><head><title>网贷秒批</title></head><body>"
    "<p>无需征信，身份证即可借款，当天到账。联系客服领取额度。</p></body></html>"
)


def test_the_redirect_chain_is_recorded_with_status_codes(http_server: LoopbackServer) -> None:
    http_server.routes["/s"] = lambda h: redirect(h, "/mid", status=301)
    http_server.routes["/mid"] = lambda h: redirect(h, http_server.url("/landing"), status=307)
    http_server.routes["/landing"] = lambda h: send(h, b"<script>window.location.href = '/final';</script>")
    http_server.routes["/final"] = lambda h: send(h, b"<html><body>final page</body></html>")

    result = fetch(http_server.url("/s"), http_server.settings())

    assert result.outcome == "ok"
    assert [(hop.url.rsplit("/", 1)[1], hop.status, hop.kind) for hop in result.hops] == [
        ("s", 301, "http"),
        ("mid", 307, "http"),
        ("landing", 200, "http"),
        ("final", 200, "javascript"),
    ]
    assert result.final_url == http_server.url("/final")
    assert result.text == "<html><body>final page</body></html>"


def test_an_undeclared_gbk_page_decodes_correctly(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = lambda h: send(h, GBK_PAGE.encode("gbk"), content_type="text/html")

    result = fetch(http_server.url("/"), http_server.settings())

    assert result.text == GBK_PAGE
    assert result.charset == "gb18030"


def test_gzip_encoded_pages_are_decoded(http_server: LoopbackServer) -> None:
    page = "<html><body>压缩页面</body></html>".encode()
    http_server.routes["/"] = lambda h: send(h, gzip.compress(page), headers={"Content-Encoding": "gzip"})

    result = fetch(http_server.url("/"), http_server.settings())

    assert result.body == page and not result.truncated


def test_an_apk_download_is_recorded_as_an_app_package(http_server: LoopbackServer) -> None:
    apk = b"PK\x03\x04" + bytes(200 * 1024)
    http_server.routes["/dl"] = lambda h: send(h, apk, content_type="application/vnd.android.package-archive")

    result = fetch(http_server.url("/dl"), http_server.settings())

    assert result.outcome == "unsupported_content"
    assert result.app_package == "apk"
    assert result.content_type == "application/vnd.android.package-archive"
    assert result.truncated and result.size < len(apk)  # sniffed, not downloaded whole


def test_an_ipa_named_by_content_disposition_is_recognized(http_server: LoopbackServer) -> None:
    http_server.routes["/get"] = lambda h: send(
        h,
        b"PK\x03\x04ipa",
        content_type="application/octet-stream",
        headers={"Content-Disposition": 'attachment; filename="loan.ipa"'},
    )

    assert fetch(http_server.url("/get"), http_server.settings()).app_package == "ipa"


def test_json_and_plain_text_are_ok_with_their_type(http_server: LoopbackServer) -> None:
    http_server.routes["/j"] = lambda h: send(h, b'{"wechat": "kefu01"}', content_type="application/json")
    http_server.routes["/t"] = lambda h: send(h, b"plain words", content_type="text/plain")

    json_result = fetch(http_server.url("/j"), http_server.settings())
    text_result = fetch(http_server.url("/t"), http_server.settings())

    assert (json_result.outcome, json_result.content_type, json_result.text) == (
        "ok",
        "application/json",
        '{"wechat": "kefu01"}',
    )
    assert (text_result.outcome, text_result.size) == ("ok", 11)


def test_images_are_unsupported_content(http_server: LoopbackServer) -> None:
    http_server.routes["/i"] = lambda h: send(h, b"\x89PNG\r\n\x1a\n", content_type="image/png")
    result = fetch(http_server.url("/i"), http_server.settings())
    assert (result.outcome, result.app_package, result.text) == ("unsupported_content", None, None)


def test_http_errors_carry_the_status_and_server_errors_are_retriable(http_server: LoopbackServer) -> None:
    http_server.routes["/busy"] = lambda h: send(h, b"try later", status=503)

    missing = fetch(http_server.url("/nope"), http_server.settings())
    busy = fetch(http_server.url("/busy"), http_server.settings())

    assert (missing.outcome, missing.status, missing.retriable) == ("http_error", 404, False)
    assert (busy.outcome, busy.status, busy.retriable) == ("http_error", 503, True)


def test_a_closed_port_is_a_connection_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again when the block ends: nothing listens there
    result = fetch(f"http://127.0.0.1:{port}/", FetchSettings(allow_loopback=True, extra_ports=(port,)))
    assert (result.outcome, result.retriable) == ("connection_error", True)


def test_a_name_that_does_not_resolve_is_a_dns_error() -> None:
    def no_such_name(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    result = fetch("http://no-such-name.example/", FetchSettings(), resolver=no_such_name)
    assert (result.outcome, result.retriable) == ("dns_error", True)


def test_a_malformed_url_is_invalid() -> None:
    result = fetch("http://exa mple.com/", FetchSettings())
    assert (result.outcome, result.retriable, result.hops) == ("invalid_url", False, [])


def test_the_request_looks_like_a_browser_of_the_target_audience(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = lambda h: send(h, b"<p>x</p>")
    fetch(http_server.url("/"), http_server.settings())
    headers = http_server.requests[0].headers
    assert headers["accept-language"].startswith("zh-CN")
    assert "br" in headers["accept-encoding"] and "gzip" in headers["accept-encoding"]
    assert "MicroMessenger" in headers["user-agent"]


def test_a_malformed_chunked_body_keeps_what_arrived(http_server: LoopbackServer) -> None:
    def broken_chunks(handler: BaseHTTPRequestHandler) -> None:
        handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")
        handler.wfile.write(b"c\r\n<p>first</p>\r\nzz-not-hex\r\n")
        handler.close_connection = True

    http_server.routes["/"] = broken_chunks
    result = fetch(http_server.url("/"), http_server.settings())
    assert (result.outcome, result.text, result.truncated) == ("ok", "<p>first</p>", True)


def test_a_response_that_is_not_http_is_a_connection_error(http_server: LoopbackServer) -> None:
    def not_http(handler: BaseHTTPRequestHandler) -> None:
        handler.wfile.write(b"SSH-2.0-OpenSSH_9.6\r\n")
        handler.close_connection = True

    http_server.routes["/"] = not_http
    assert fetch(http_server.url("/"), http_server.settings()).outcome == "connection_error"
