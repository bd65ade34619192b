"""The lookup handler against moto: answers, batch lookups, hash prefixes, input errors, cache headers."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import pytest

from linkscan.blocklist.model import expression_hex
from tests.integration.blocklist.conftest import invoke, load_event


@pytest.fixture
def listed(publish: ModuleType) -> None:
    invoke(publish, load_event("dynamodb_stream_block.json"))


def call(lookup: ModuleType, name: str) -> tuple[int, dict[str, Any], dict[str, Any]]:
    response = invoke(lookup, load_event(name))
    return response["statusCode"], json.loads(response["body"]), response.get("multiValueHeaders") or {}


def header(headers: dict[str, Any], name: str) -> str:
    values = headers.get(name) or []
    return values[0] if isinstance(values, list) and values else str(values)


def test_a_url_under_a_listed_host_is_reported_with_its_listing(listed: None, lookup: ModuleType) -> None:
    status, body, headers = call(lookup, "api_lookup_get.json")

    assert status == 200
    assert body["listed"] is True
    assert body["canonical_url"] == "http://www.quick-cash-loan.example/apply?ref=sms"
    assert body["match"]["expression"] == "quick-cash-loan.example/"
    assert body["match"]["category"] == "cash_loan" and body["match"]["first_listed"]
    assert body["appeal"]["url"] == "https://api.linkscan.example/v1/appeals"
    assert "max-age=300" in header(headers, "Cache-Control")


def test_batch_lookup_answers_each_url_and_flags_invalid_ones(listed: None, lookup: ModuleType) -> None:
    status, body, _ = call(lookup, "api_lookup_post.json")

    assert status == 200
    results = body["results"]
    assert [r["listed"] for r in results] == [True, False, True, False]
    assert results[2]["match"]["expression"] == "someshop.github.io/replica-watches/"
    assert results[1]["match"] is None
    assert results[3]["error"] and "mailto" in results[3]["error"]


def test_not_listed_after_the_target_is_overturned(listed: None, publish: ModuleType, lookup: ModuleType) -> None:
    invoke(publish, load_event("dynamodb_stream_overturn.json"))
    _, body, _ = call(lookup, "api_lookup_get.json")
    assert body["listed"] is False and body["appeal"] is None


def test_hash_prefix_returns_the_full_hashes_sharing_it(listed: None, lookup: ModuleType) -> None:
    digest = expression_hex("quick-cash-loan.example/")
    event = load_event("api_hashes_prefix.json")
    event["path"] = f"/v1/hashes/{digest[:8]}"
    event["pathParameters"] = {"prefix": digest[:8]}

    response = invoke(lookup, event)

    body = json.loads(response["body"])
    assert response["statusCode"] == 200
    assert [m["hash"] for m in body["matches"]] == [digest]


@pytest.mark.parametrize(
    ("event_name", "field"),
    [("api_lookup_bad_url.json", "url"), ("api_hashes_bad_prefix.json", "prefix")],
)
def test_bad_input_is_a_400_that_names_the_problem(lookup: ModuleType, event_name: str, field: str) -> None:
    status, body, _ = call(lookup, event_name)
    assert status == 400
    assert body["field"] == field and body["message"]


def test_missing_url_parameter_and_oversized_batch_are_400(lookup: ModuleType) -> None:
    event = load_event("api_lookup_get.json")
    event["queryStringParameters"] = None
    event["multiValueQueryStringParameters"] = None
    response = invoke(lookup, event)
    assert response["statusCode"] == 400 and "url" in json.loads(response["body"])["message"]

    event = load_event("api_lookup_post.json")
    event["body"] = json.dumps({"urls": ["http://a.example/"] * 501})
    response = invoke(lookup, event)
    assert response["statusCode"] == 400 and "urls" in json.loads(response["body"])["message"]
