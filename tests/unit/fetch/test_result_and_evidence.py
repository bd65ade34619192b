"""Results say whether to retry, summarize for the verdict, and become content-addressed evidence."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from linkscan.fetch import FetchResult
from linkscan.fetch.evidence import evidence_key, evidence_objects, save_evidence
from linkscan.models import Hop


def page_result(body: bytes = "<html>借款</html>".encode()) -> FetchResult:
    return FetchResult(
        requested_url="http://short.example/x",
        outcome="ok",
        final_url="https://landing.example/",
        status=200,
        hops=[Hop(url="http://short.example/x", status=301), Hop(url="https://landing.example/", status=200)],
        headers={"content-type": "text/html; charset=utf-8", "server": "nginx"},
        content_type="text/html",
        body=body,
        text=body.decode(),
        charset="utf-8",
        size=len(body),
        elapsed_ms=12,
    )


@pytest.mark.parametrize(
    ("outcome", "status", "retriable"),
    [
        ("timeout", None, True),
        ("dns_error", None, True),
        ("connection_error", None, True),
        ("http_error", 503, True),
        ("http_error", 429, True),
        ("http_error", 404, False),
        ("blocked_destination", None, False),
        ("tls_error", None, False),
        ("ok", 200, False),
    ],
)
def test_retriable_outcomes(outcome: str, status: int | None, retriable: bool) -> None:
    result = FetchResult(requested_url="http://x.example/", outcome=outcome, status=status)  # type: ignore[arg-type]
    assert result.retriable is retriable


def test_summary_keeps_what_the_verdict_needs() -> None:
    summary = page_result().summary("abc")
    assert summary.final_url == "https://landing.example/"
    assert [hop.status for hop in summary.hops] == [301, 200]
    assert summary.evidence_key == "abc"


def test_evidence_is_keyed_by_the_body_hash_and_gzipped() -> None:
    result = page_result()
    digest = hashlib.sha256(result.body).hexdigest()
    objects = dict((key, data) for key, data, _ in evidence_objects(result))
    assert evidence_key(result) == digest
    assert gzip.decompress(objects[f"{digest}/body.gz"]) == result.body
    metadata = json.loads(gzip.decompress(objects[f"{digest}/response.json.gz"]))
    assert metadata["headers"]["server"] == "nginx"
    assert [hop["url"] for hop in metadata["hops"]] == ["http://short.example/x", "https://landing.example/"]


def test_identical_bodies_give_identical_evidence() -> None:
    assert evidence_objects(page_result()) == evidence_objects(page_result())


def test_no_response_means_no_evidence() -> None:
    refused = FetchResult(requested_url="http://127.0.0.1/", outcome="blocked_destination")
    assert evidence_objects(refused) == [] and evidence_key(refused) is None


def test_save_evidence_writes_the_objects_under_a_directory(tmp_path: Path) -> None:
    written = save_evidence(page_result(), tmp_path)
    assert {p.name for p in written} == {"body.gz", "response.json.gz"}
    assert gzip.decompress((written[0].parent / "body.gz").read_bytes()) == page_result().body
