"""LookupFunction: is a URL on the public blocklist? Also the hash-prefix API for private lookups.

Imports only the canonicalizer, the lookup logic and the blocklist table: none of the scanner, and no
pydantic or resolver either (this public function's cold start is what a first visitor waits for). Its
three routes are matched and checked here by hand (linkscan/blocklist/lookup_requests.py); the OpenAPI
document declares them in devstack/lookup_contract.py. URL lookups first test each expression hash
against the published hash prefixes held in memory (refreshed from the manifest at most every
LOOKUP_FILTER_TTL_SECONDS) and read the table only for those that may be listed; without a complete
filter they read the table for every expression.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.api_edge import (
    EMPTY_BODY_MESSAGE,
    JSON_CONTENT_TYPE,
    dumps,
    error_body,
    invalid_json_body,
    loads_bounded,
    not_found_body,
)
from linkscan.blocklist.lookup import Candidate, LookupAnswer, candidate, lookup_many
from linkscan.blocklist.lookup_requests import RequestProblems, lookup_urls, prefix_parameter, url_parameter
from linkscan.blocklist.prefix_filter import PrefixFilterSource
from linkscan.errors import InvalidInputError, InvalidUrlError
from linkscan.observability import logger, metrics, tracer
from linkscan.settings import ServiceSettings
from linkscan.storage.blocklist import BlocklistTable, PublishedListReader, lookup_dynamodb_client

SETTINGS = ServiceSettings.from_env()
TABLE = BlocklistTable(SETTINGS.blocklist_table_name, lookup_dynamodb_client())
# Loaded on first use, not at import: a cold start that serves /v1/hashes never reads it.
PREFIXES = (
    PrefixFilterSource(
        PublishedListReader(SETTINGS.blocklist_bucket),
        SETTINGS.lookup_filter_ttl_seconds,
        warn=logger.warning,
    )
    if SETTINGS.blocklist_bucket
    else None
)
APPEAL_URL = f"{SETTINGS.public_base_url}/v1/appeals"
# Answers change only when a new list version is published (minutes); shared caches may keep them briefly.
CACHEABLE = "public, max-age=300"
# What a 404 lists: this function's routes (the API function's 404 lists the whole API's).
ROUTES = ["GET /v1/lookup", "POST /v1/lookup", "GET /v1/hashes/{prefix}"]
# Any site may call the public routes from a browser.
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Headers": "Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key",
    "Access-Control-Max-Age": "3600",
}


class _Answer(Exception):
    """An error answer, raised from inside a route."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(body.get("message"))
        self.status, self.body = status, body


def _invalid(message: str, field: str | None = None, details: list[dict[str, Any]] | None = None) -> _Answer:
    return _Answer(400, error_body("invalid_request", message, field, details))


def _problems(exc: RequestProblems) -> _Answer:
    details = [{"field": field, "problem": problem} for field, problem in exc.problems]
    field, problem = exc.problems[0]
    return _invalid(f"{field}: {problem}" if field else problem, field or None, details)


def _lookup(candidates: list[Candidate]) -> list[LookupAnswer]:
    prefixes = PREFIXES.current() if PREFIXES is not None else None
    return lookup_many(candidates, TABLE.listed_by_hash, prefixes.may_contain if prefixes is not None else None)


def _public(answer: LookupAnswer) -> dict[str, Any]:
    return {"match": None, "appeal": None, "error": None, **answer.public(APPEAL_URL)}


@tracer.capture_method
def lookup_one(event: dict[str, Any]) -> tuple[dict[str, Any], str]:
    url = url_parameter(event.get("queryStringParameters"))
    try:
        (result,) = _lookup([candidate(url)])
    except InvalidUrlError as exc:
        raise _invalid(f"url: {exc}", "url") from None
    metrics.add_metric(name="LookupUrls", unit="Count", value=1)
    return _public(result), CACHEABLE


@tracer.capture_method
def lookup_batch(event: dict[str, Any]) -> tuple[dict[str, Any], str]:
    if not event.get("body"):
        raise _invalid(EMPTY_BODY_MESSAGE)
    try:
        body = loads_bounded(event["body"])
    except InvalidInputError as exc:
        raise _invalid(str(exc), exc.field) from None
    except ValueError as exc:
        raise _Answer(400, invalid_json_body(exc)) from None
    if body is None:
        raise _invalid(EMPTY_BODY_MESSAGE)
    urls = lookup_urls(body)
    candidates, problems = [], {}
    for index, url in enumerate(urls):
        try:
            candidates.append(candidate(url))
        except InvalidUrlError as exc:
            problems[index] = str(exc)
    answers = iter(_lookup(candidates))
    results = [
        {"url": url, "canonical_url": None, "listed": False, "match": None, "appeal": None, "error": problems[index]}
        if index in problems
        else _public(next(answers))
        for index, url in enumerate(urls)
    ]
    metrics.add_metric(name="LookupUrls", unit="Count", value=len(urls))
    return {"results": results}, "no-store"


@tracer.capture_method
def hashes(event: dict[str, Any]) -> tuple[dict[str, Any], str]:
    prefix = prefix_parameter(str(event.get("path", "")).rsplit("/", 1)[-1]).lower()
    entries = TABLE.listed_by_prefix(prefix)
    metrics.add_metric(name="HashPrefixLookups", unit="Count", value=1)
    return {"prefix": prefix, "matches": [entry.public() for entry in entries]}, CACHEABLE


def _route(event: dict[str, Any]) -> tuple[int, dict[str, Any], str]:
    method, path = event.get("httpMethod", ""), event.get("path", "")
    try:
        if path == "/v1/lookup" and method == "GET":
            body, cache = lookup_one(event)
        elif path == "/v1/lookup" and method == "POST":
            body, cache = lookup_batch(event)
        elif path.startswith("/v1/hashes/") and path.count("/") == 3 and method == "GET":
            body, cache = hashes(event)
        else:
            return 404, not_found_body(method, path, ROUTES), "no-store"
    except RequestProblems as exc:
        answer = _problems(exc)
        return answer.status, answer.body, "no-store"
    except _Answer as answer:
        return answer.status, answer.body, "no-store"
    return 200, body, cache


def _response(event: dict[str, Any]) -> dict[str, Any]:
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    cors = CORS_HEADERS if headers.get("origin") else {}
    if event.get("httpMethod") == "OPTIONS":  # a browser's preflight
        allow = {"Access-Control-Allow-Methods": "GET,OPTIONS,POST"}
        return _rest_response(204, "", {**CORS_HEADERS, **allow})
    status, body, cache = _route(event)
    return _rest_response(status, dumps(body), {"Content-Type": JSON_CONTENT_TYPE, "Cache-Control": cache, **cors})


def _rest_response(status: int, body: str, headers: dict[str, str]) -> dict[str, Any]:
    """A REST API proxy response, headers in the multi-value form API Gateway (and the local stack) read."""
    multi = {name: [value] for name, value in headers.items()}
    return {"statusCode": status, "body": body, "isBase64Encoded": False, "multiValueHeaders": multi}


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return _response(event)
