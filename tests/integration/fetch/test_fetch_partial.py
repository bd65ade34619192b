"""A body that stops short (a stalled connection, a cut one, a short Content-Length) is kept and
analyzed, and the verdict says it was partial; binary bodies are only sniffed, declared or not."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from linkscan.detect import Detector
from linkscan.fetch import fetch
from linkscan.fetch.fetcher import BINARY_SNIFF_BYTES
from linkscan.models import Verdict
from linkscan.scanner import scan_url
from linkscan.settings import AnalysisSettings, DetectionSettings

from .conftest import LoopbackServer, send

LOAN_PAGE = (Path(__file__).parents[3] / "devstack" / "samples" / "loan.html").read_bytes()


def stall_after(body: bytes, *, declared: int | None = None, chunked: bool = False) -> object:
    """Send the headers and ``body``, then hold the connection open until the client gives up."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        if chunked:
            handler.send_header("Transfer-Encoding", "chunked")
        elif declared is not None:
            handler.send_header("Content-Length", str(declared))
        handler.end_headers()
        handler.wfile.write(b"%x\r\n%s\r\n" % (len(body), body) if chunked else body)
        handler.wfile.flush()
        handler.rfile.read()  # blocks until the fetcher closes its end: no byte more, no close

    return route


def cut_after(body: bytes, declared: int) -> object:
    """Declare ``declared`` bytes, send ``body`` (fewer), close."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(declared))
        handler.end_headers()
        handler.wfile.write(body)
        handler.close_connection = True

    return route


@pytest.mark.timeout(15)
@pytest.mark.parametrize(
    "route",
    [
        stall_after(LOAN_PAGE),  # no length: the server just never closes
        stall_after(LOAN_PAGE, declared=len(LOAN_PAGE) + 10_000),
        stall_after(LOAN_PAGE, chunked=True),
    ],
    ids=["no-length", "content-length", "chunked"],
)
def test_a_page_that_stalls_after_its_content_is_kept_and_marked(http_server: LoopbackServer, route) -> None:
    http_server.routes["/"] = route

    result = fetch(http_server.url("/"), http_server.settings(deadline=1.0, read_timeout=5.0))

    assert (result.outcome, result.truncated, result.partial_reason) == ("ok", True, "timeout")
    assert result.text is not None and "黑户也能贷" in result.text


@pytest.mark.timeout(15)
def test_a_stalled_loan_page_is_judged_on_what_arrived(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = stall_after(LOAN_PAGE)

    scan = scan_url(
        http_server.url("/"),
        target_id="t",
        detector=Detector.load(DetectionSettings()),
        fetch_settings=http_server.settings(deadline=1.0, read_timeout=5.0),
    )

    verdict = scan.verdict
    assert verdict.decision == "block"
    assert verdict.fetch is not None
    assert (verdict.fetch.truncated, verdict.fetch.partial_reason) == (True, "timeout")


@pytest.mark.timeout(15)
def test_a_body_shorter_than_its_content_length_is_truncated(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = cut_after(LOAN_PAGE, declared=len(LOAN_PAGE) + 500)

    result = fetch(http_server.url("/"), http_server.settings())

    assert (result.outcome, result.truncated, result.partial_reason) == ("ok", True, "connection_closed")
    assert result.size == len(LOAN_PAGE)


@pytest.mark.timeout(15)
def test_a_complete_body_is_not_truncated(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = cut_after(LOAN_PAGE, declared=len(LOAN_PAGE))

    result = fetch(http_server.url("/"), http_server.settings())

    assert (result.outcome, result.truncated, result.partial_reason) == ("ok", False, None)


@pytest.mark.timeout(15)
def test_an_undeclared_binary_body_is_read_only_to_the_sniff_cap(http_server: LoopbackServer) -> None:
    installer = bytes(range(256)) * 4096  # 1 MB with NUL bytes, and no Content-Type

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(installer)))
        handler.end_headers()
        handler.wfile.write(installer)

    http_server.routes["/app"] = route

    result = fetch(http_server.url("/app"), http_server.settings())

    assert result.outcome == "unsupported_content"
    assert (result.size, result.truncated, result.partial_reason) == (BINARY_SNIFF_BYTES, True, "binary")


def _scan(server: LoopbackServer, **analysis: float) -> Verdict:
    return scan_url(
        server.url("/"),
        target_id="t",
        detector=Detector.load(DetectionSettings()),
        fetch_settings=server.settings(),
        analysis_settings=AnalysisSettings(**analysis),
    ).verdict


@pytest.mark.timeout(30)
def test_a_page_nested_past_the_parser_is_judged_with_outcome_analysis_limit(http_server: LoopbackServer) -> None:
    # Given the loan page's offer buried under 100,000 nested elements
    body = LOAN_PAGE.replace(b"<body>", b"<body>" + b"<div>" * 100_000)
    http_server.routes["/"] = lambda h: send(h, body)

    verdict = _scan(http_server)

    assert verdict.outcome == "analysis_limit"
    assert verdict.decision == "block"
    assert "nesting" in (verdict.outcome_detail or "")
    assert not verdict.retriable


@pytest.mark.timeout(30)
def test_analysis_that_runs_out_of_cpu_is_judged_on_its_text(http_server: LoopbackServer) -> None:
    http_server.routes["/"] = lambda h: send(h, LOAN_PAGE)

    verdict = _scan(http_server, cpu_seconds=0.0)

    assert (verdict.outcome, verdict.decision) == ("analysis_limit", "block")
    assert "CPU budget" in (verdict.outcome_detail or "")
