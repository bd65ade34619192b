"""Hostile servers cannot hold a scan past its deadline or push more than max_bytes into memory."""

from __future__ import annotations

import itertools
import time
from http.server import BaseHTTPRequestHandler

import pytest

from linkscan.fetch import fetch

from ...unit.fetch.bombs import brotli_bomb, gzip_bomb
from .conftest import LoopbackServer, redirect, send

MAX_BYTES = 256 * 1024
DRIP_INTERVAL = 0.05


def drip_body(handler: BaseHTTPRequestHandler) -> None:
    """Headers at once, then one byte of body at a time, well inside the read timeout, forever."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in itertools.count():
        handler.wfile.write(b"x")
        handler.wfile.flush()
        time.sleep(DRIP_INTERVAL)  # the behaviour under test: a slow-drip server


def drip_headers(handler: BaseHTTPRequestHandler) -> None:
    handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
    for _ in itertools.count():
        handler.wfile.write(b"X-Pad: y\r\n")
        handler.wfile.flush()
        time.sleep(DRIP_INTERVAL)


def endless_body(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.end_headers()
    chunk = b"<p>" + "无限内容".encode() * 2000 + b"</p>\n"
    while True:
        handler.wfile.write(chunk)


@pytest.mark.timeout(15)
def test_a_slow_drip_in_the_headers_hits_the_deadline(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = drip_headers

    result = fetch(http_server.url("/"), http_server.settings(deadline=1.0, read_timeout=5.0))

    assert result.outcome == "timeout"
    assert result.retriable


@pytest.mark.timeout(15)
def test_a_slow_drip_body_is_kept_up_to_the_deadline(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = drip_body

    result = fetch(http_server.url("/"), http_server.settings(deadline=1.0, read_timeout=5.0))

    assert (result.outcome, result.truncated, result.partial_reason) == ("ok", True, "timeout")
    assert result.text and set(result.text) == {"x"}


@pytest.mark.timeout(15)
def test_an_endless_body_is_cut_at_the_cap_and_still_analyzable(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = endless_body

    result = fetch(http_server.url("/"), http_server.settings(max_bytes=MAX_BYTES))

    assert result.outcome == "ok"
    assert result.truncated
    assert result.size == MAX_BYTES
    assert result.text and "无限内容" in result.text


@pytest.mark.timeout(30)
@pytest.mark.parametrize(("encoding", "bomb"), [("gzip", gzip_bomb), ("br", brotli_bomb)])
def test_compression_bombs_are_capped(http_server: LoopbackServer, encoding: str, bomb) -> None:
    wire = bomb()
    http_server.routes["/"] = lambda h: send(h, wire, headers={"Content-Encoding": encoding})

    result = fetch(http_server.url("/"), http_server.settings(max_bytes=MAX_BYTES))

    assert result.outcome == "ok"
    assert result.truncated
    assert len(result.body) == MAX_BYTES


@pytest.mark.timeout(15)
def test_a_redirect_loop_stops_at_the_cap(http_server: LoopbackServer) -> None:
    http_server.routes["/loop"] = lambda h: redirect(h, "/loop")

    result = fetch(http_server.url("/loop"), http_server.settings(max_redirects=4))

    assert result.outcome == "http_error"
    assert result.status == 302
    assert "redirect limit" in (result.detail or "")
    assert len(result.hops) == 5  # the first request and four redirects
    assert len(http_server.requests) == 5


@pytest.mark.timeout(15)
def test_a_client_side_redirect_loop_stops_at_the_same_cap(http_server: LoopbackServer) -> None:
    http_server.routes["/a"] = lambda h: send(h, b"<script>location.href='/b'</script>")
    http_server.routes["/b"] = lambda h: send(h, b'<meta http-equiv="refresh" content="0;url=/a">')

    result = fetch(http_server.url("/a"), http_server.settings(max_redirects=3))

    assert len(result.hops) == 4
    assert [hop.kind for hop in result.hops] == ["http", "javascript", "meta_refresh", "javascript"]
    assert "limit" in (result.detail or "")
